/**
 * One browser per test file, the set-up every browser test file shares: launched before the file's first test
 * (and before its own beforeAll hooks, which run in the order they are declared), closed after its last. Kept
 * apart from harness.ts, which the bench and demo scripts import outside vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import { launch, type Session } from './harness';

/**
 * The file's browser session. The object is usable at once in `it` and hook bodies; it forwards to the browser
 * launched in beforeAll (a test reading it earlier, at collection time, gets a clear error instead of undefined).
 */
export function browserPerFile(options: Parameters<typeof launch>[0] = {}): Session {
  let current: Session | undefined;
  const live = (): Session => {
    if (!current) throw new Error('browserPerFile: the browser is launched in beforeAll; use the session inside tests and hooks');
    return current;
  };
  beforeAll(async () => {
    current = await launch(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    get context() {
      return live().context;
    },
    get extensionId() {
      return live().extensionId;
    },
    get userDataDir() {
      return live().userDataDir;
    },
    get requests() {
      return live().requests;
    },
    open: (name) => live().open(name),
    openExtensionPage: (path) => live().openExtensionPage(path),
    close: (o) => live().close(o),
  };
}

