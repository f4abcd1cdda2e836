import type { FieldKey } from '../domain/ids';
import type { ReportedUpload } from '../messaging/protocol';
import type { PageField } from '../portals/fields';
import type { pageReport } from '../portals/page-report';
import type { UploadRule } from '../rules/status';
import type { ValidatorOptions } from './validation';

/**
 * Code a portal frame needs only on some pages or on request, kept out of the content script, whose size is
 * budgeted and which every portal frame compiles on load (bench T2, T3). The background injects a part's file
 * (`entrypoints/portal-<part>.ts`, `scripting.executeScript` with the file) into the one frame that needs it, into
 * the content script's own isolated world, where the part waits under this world's global: nothing is
 * web-accessible, and the page can neither load the file nor see this world's globals.
 * - `checks`, the validators (src/validate/**) with the DOM code that shows what they find (the inline hints,
 *   validation.ts; the upload check's result, upload-result.ts): with the rules of a frame whose page has fields or
 *   checks, before the answer to its `cs:pageRules`; or when a file is first chosen in a frame that has none yet
 *   (`cs:checks`). The content script keeps only the listener for chosen files and a frame's summary without them.
 * - `report`, the structure report (src/portals/page-report.ts): before the background asks a frame for it.
 */
export interface Checker {
  /** The inline hints and the frame's summary (validation.ts). */
  validator: (doc: Document, opts: ValidatorOptions, mapped: PageField[]) => FrameValidator;
  /** Checks the files just chosen in `input` and shows the result beside its uploader (upload-result.ts). */
  checkUploads: (doc: Document, input: HTMLInputElement, files: File[], target: UploadTarget) => Promise<ReportedUpload>;
}

/** The checklist material a file input uploads, and its rule (the content script reads the page's tables). */
export interface UploadTarget {
  id: string;
  rule: UploadRule;
}

/** A frame's validation as the shell drives it. */
export interface FrameValidator {
  /** The page's fields as mapped again (after a re-render). */
  rebind(all: PageField[]): void;
  validate(): void;
  destroy(): void;
}

/** Our elements in the portal page: the content script's DOM watcher ignores them. */
export const HINT_TAG = 'jzs-hint';
export const UPLOAD_TAG = 'jzs-upload-check';

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
  // Who waits for a part to arrive (`whenInstalled`): on this world's global, as the injected file is another bundle.
  var __jzsPartWaiters: Set<(part: Part) => void> | undefined;
}

/** Run by a part's injected file (and by tests). */
export function installPart<P extends Part>(part: P, code: Parts[P]): void {
  (globalThis.__jzsParts ??= {})[part] = code;
  for (const waiter of [...(globalThis.__jzsPartWaiters ?? [])]) waiter(part);
}

/** Calls `go` when `part` is injected into this world (it may come late: a file chosen); returns the cancel. */
export function whenInstalled(part: Part, go: () => void): () => void {
  const waiters = (globalThis.__jzsPartWaiters ??= new Set());
  const waiter = (p: Part) => {
    if (p !== part) return;
    waiters.delete(waiter);
    go();
  };
  waiters.add(waiter);
  return () => waiters.delete(waiter);
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

/** The fields a frame validates: all, or only those its rules name. */
export const validatedFields = (all: PageField[], only: readonly FieldKey[] | undefined): PageField[] => (only ? all.filter((f) => only.includes(f.key)) : all);

/**
 * A frame's validation: the injected validators' when they are in; else only the summary (`summaryOnly`) until
 * they arrive — injected late, when a file is first chosen after the injection with the rules failed (`cs:checks`)
 * — and from then on theirs, on the fields last mapped: the frame's state is then what they find, never still
 * 「未经检查」 about a frame that is being checked.
 */
export function frameValidator(doc: Document, opts: ValidatorOptions, mapped: PageField[]): FrameValidator {
  const checker = installedChecker();
  if (checker) return checker.validator(doc, opts, mapped);
  let fields = mapped;
  let current = summaryOnly(opts, mapped);
  const stop = whenInstalled('checks', () => {
    const late = installedChecker();
    if (!late) return;
    current.destroy();
    current = late.validator(doc, opts, fields);
  });
  return {
    rebind: (all) => {
      fields = all;
      current.rebind(all);
    },
    validate: () => current.validate(),
    destroy: () => {
      stop();
      current.destroy();
    },
  };
}

/**
 * A frame without the validators: only its summary. A page with something to check says it was not checked (the
 * injection failed: the frame navigated meanwhile, the background gone), never clean; a page with nothing to
 * check (none were injected) says what it lacks. Fields are counted as the validators count them: field keys.
 */
export function summaryOnly(opts: ValidatorOptions, mapped: PageField[]): FrameValidator {
  let keys = new Set<FieldKey>();
  const validate = () => {
    if (needsChecker(opts.defs, opts.checks)) return opts.onSummary({ items: [], missing: [], mapped: keys.size, unchecked: true });
    opts.onSummary({ items: [], missing: opts.expected.filter((k) => !keys.has(k)).map((key) => ({ key, name: key })), mapped: keys.size });
  };
  const rebind = (all: PageField[]) => {
    keys = new Set(validatedFields(all, opts.onlyFields).map((f) => f.key));
    validate();
  };
  rebind(mapped);
  return { rebind, validate, destroy: () => undefined };
}
