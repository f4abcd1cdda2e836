import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure core + shells on happy-dom and fake-indexeddb (testing.md). Browser tests have their own
// config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    environmentOptions: {
      // Replica HTML links stylesheets and frames on portal hosts: never fetch them in unit tests.
      happyDOM: {
        settings: {
          disableCSSFileLoading: true,
          disableJavaScriptFileLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
        },
      },
    },
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto', './tests/helpers/setup.ts'],
    restoreMocks: true,
    // Vitest's default 5 s per test is a wall-clock limit, which tests must not assert (README, testing): on a
    // loaded 2-core CI machine the replica-wide tests (every replica page parsed by happy-dom) took over 5 s and
    // failed although nothing was wrong (portal-status, 2026-12-02). Time is measured in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
