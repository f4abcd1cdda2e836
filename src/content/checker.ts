import type { runChecks } from '../validate/checks';
import type { checkUpload } from '../validate/upload';
import type { validateValue } from '../validate/value';

/**
 * The validators a portal frame's hints run (src/validate/**). They are not in the content script, whose size is
 * budgeted and which every portal frame compiles on load (bench T2, T3): the background injects them
 * (`entrypoints/portal-checks.ts`, `scripting.executeScript` with its file) with the rules of a frame whose page
 * has fields to check, or when a file is chosen (`cs:checks`), into the same isolated world, where they wait under this key. Nothing is web-accessible:
 * the page can neither load the file nor see this world's globals.
 */
export interface Checker {
  validateValue: typeof validateValue;
  runChecks: typeof runChecks;
  checkUpload: typeof checkUpload;
}

const KEY = '__jzsChecker';

/** Run by the injected file (and by tests). */
export function installChecker(checker: Checker): void {
  (globalThis as { [KEY]?: Checker })[KEY] = checker;
}

/** The validators, once injected into this frame's world. */
export function installedChecker(): Checker | undefined {
  return (globalThis as { [KEY]?: Checker })[KEY];
}

/** The validators, asked of the background first (`ask`) when this frame has none yet; undefined when unreachable. */
export async function loadChecker(ask: () => Promise<unknown>): Promise<Checker | undefined> {
  if (!installedChecker()) await ask().catch(() => undefined);
  return installedChecker();
}

/** Whether a page's rules have anything for the validators (the background injects them only then). */
export function needsChecker(fields: readonly unknown[], checks: readonly unknown[]): boolean {
  return fields.length > 0 || checks.length > 0;
}

/** What a page with nothing to check validates with: no findings, so no hints, and its summary still goes. */
export const NO_CHECKS: Pick<Checker, 'validateValue' | 'runChecks'> = { validateValue: () => ({ value: undefined, findings: [] }), runChecks: () => [] };
