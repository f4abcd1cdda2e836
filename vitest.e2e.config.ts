import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium with the built extension (tests/e2e/harness.ts). One file at a time: each
// launches its own browser, and CI machines have two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
