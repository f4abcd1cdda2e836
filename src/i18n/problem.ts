/**
 * The error model (issue 16 item 4): an error the user may see carries a catalogue key and parameters, never
 * text; whoever shows it translates it in the user's language. The background's replies carry the same
 * `{ code, params }` (src/background/router.ts), so a refusal made in the service worker reads in the language
 * of the page that shows it.
 */
import { isMessageKey, type Lang, type MessageKey, type Params, getLang, t } from './index';

export interface Problem {
  code: MessageKey;
  params?: Params;
  /**
   * The sender's own wording, already in the user's language: the background adds it to its replies because a
   * content script bundles only its own (small) catalogue and may not know the code.
   */
  message?: string;
}

/** An error whose message for the user is a catalogue key plus parameters. `message` is the code, never text. */
export class CodedError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly params: Params = {},
  ) {
    super(code);
    this.name = 'CodedError';
  }
}

const UNEXPECTED: Problem = { code: 'errors.unexpected' };

function isParams(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Any thrown value as a Problem. A CodedError is itself; an error from the messaging layer (`MessageError`,
 * recognised by its shape so that i18n imports nothing) keeps its code when this side knows it, else the
 * background's own wording; anything else is "unexpected" — a raw exception text (a stack, an English browser
 * error) is never shown to the user.
 */
export function toProblem(err: unknown): Problem {
  if (err instanceof CodedError) return { code: err.code, params: err.params };
  if (!(err instanceof Error)) return UNEXPECTED;
  const code = 'code' in err ? err.code : undefined;
  const params = 'params' in err ? err.params : undefined;
  const wording = err.name === 'MessageError' && err.message ? { message: err.message } : {};
  if (isMessageKey(code)) return { code, ...(isParams(params) ? { params } : {}), ...wording };
  return { ...UNEXPECTED, ...wording };
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && 'code' in value;
}

/** What to tell the user about a problem (or anything thrown), in `lang` (default: the current language). */
export function describe(p: unknown, lang: Lang = getLang()): string {
  const problem = isProblem(p) ? p : toProblem(p);
  // An "unexpected" with the background's wording stands for a code this side could not read: use the wording.
  const known = isMessageKey(problem.code) && !(problem.code === UNEXPECTED.code && problem.message);
  if (known) return t(problem.code, problem.params, lang);
  return problem.message ?? t(UNEXPECTED.code, undefined, lang);
}
