import type { pageReport } from '../portals/page-report';
import type { runChecks } from '../validate/checks';
import type { checkUpload } from '../validate/upload';
import type { validateValue } from '../validate/value';

/**
 * Code a portal frame needs only on some pages or on request, kept out of the content script, whose size is
 * budgeted and which every portal frame compiles on load (bench T2, T3). The background injects a part's file
 * (`entrypoints/portal-<part>.ts`, `scripting.executeScript` with the file) into the one frame that needs it, into
 * the content script's own isolated world, where the part waits under this world's global: nothing is
 * web-accessible, and the page can neither load the file nor see this world's globals.
 * - `checks`, the validators (src/validate/**): with the rules of a frame whose page has fields or checks, before
 *   the answer to its `cs:pageRules`; or when a file is first chosen in a frame that has none yet (`cs:checks`).
 * - `report`, the structure report (src/portals/page-report.ts): before the background asks a frame for it.
 */
export interface Checker {
  validateValue: typeof validateValue;
  runChecks: typeof runChecks;
  checkUpload: typeof checkUpload;
}

export interface Parts {
  checks: Checker;
  report: typeof pageReport;
}

export type Part = keyof Parts;

/** Each part's file in the build (WXT's unlisted scripts: entrypoints/portal-<part>.ts). */
export const PART_FILES = { checks: '/portal-checks.js', report: '/portal-report.js' } as const satisfies Record<Part, string>;

declare global {
  // The parts injected into this isolated world so far (the content script's world: a page cannot see it).
  var __jzsParts: Partial<Parts> | undefined;
}

/** Run by a part's injected file (and by tests). */
export function installPart<P extends Part>(part: P, code: Parts[P]): void {
  (globalThis.__jzsParts ??= {})[part] = code;
}

/** A part, once injected into this frame's world. */
export function installedPart<P extends Part>(part: P): Parts[P] | undefined {
  return globalThis.__jzsParts?.[part];
}

/** The validators, once injected. */
export const installedChecker = (): Checker | undefined => installedPart('checks');

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
