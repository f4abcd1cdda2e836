import type * as z from 'zod';
import { EnvelopeSchema, RequestSchemas } from '../messaging/schemas';
import type { MessageName, Reply, ReplyError, Req, Res } from '../messaging/protocol';
import type { Lang, Params } from '../i18n';
import { CodedError, type Problem, describe } from '../i18n/problem';
import { requestProblem } from './request-problem';
import type { SenderInfo } from './sender';

export interface Route<N extends MessageName> {
  /** Which kinds of sender may send this message. */
  from: ReadonlyArray<SenderInfo['kind']>;
  handle: (data: Req<N>, sender: SenderInfo) => Promise<Res<N>> | Res<N>;
}
export type Routes = { [N in MessageName]: Route<N> };

/**
 * A refusal as it goes on the wire: the code and parameters (the receiver translates them), plus the
 * background's own wording in the user's language for a receiver whose catalogue lacks the code (a content
 * script bundles only its own texts).
 */
function fail(problem: Problem, lang: Lang | undefined, details?: string[]): Reply<never> {
  const error: ReplyError = { code: problem.code, params: problem.params ?? {} };
  if (lang) error.message = describe(problem, lang);
  if (details?.length) error.details = details;
  return { ok: false, error };
}

/** Further lines a coded error carries (a refused rule pack: where each problem is). */
const detailsOf = (err: Error & { details?: unknown }) =>
  Array.isArray(err.details) ? err.details.filter((d): d is string => typeof d === 'string') : undefined;

/** A handler's error as a reply: coded errors keep code and parameters; anything else is unexpected. */
function failure(err: unknown, lang: Lang | undefined): Reply<never> {
  if (err instanceof CodedError) return fail({ code: err.code, params: err.params }, lang, detailsOf(err));
  // The raw text (a stack, a browser's English message) stays in the worker's console, never in the UI.
  console.error('jzs: handler failed', err);
  return fail({ code: 'errors.unexpected' }, lang);
}

async function safeLang(language: (() => Promise<Lang> | Lang) | undefined): Promise<Lang | undefined> {
  try {
    return await language?.();
  } catch {
    return undefined;
  }
}

/**
 * Dispatch one raw message: envelope and payload validated with zod, sender kind checked, handler errors
 * turned into a reply. Never throws, so the other side always gets an answer. `language` (the user's choice)
 * words the refusals for receivers that cannot translate the code themselves.
 */
export async function dispatch(
  routes: Routes,
  raw: unknown,
  sender: SenderInfo | undefined,
  language?: () => Promise<Lang> | Lang,
): Promise<Reply<unknown>> {
  const lang = await safeLang(language);
  const refuse = (code: Problem['code'], params?: Params) => fail(params ? { code, params } : { code }, lang);
  if (!sender) return refuse('errors.request.forbidden');
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success) return refuse('errors.request.badEnvelope');
  const name = env.data.name as MessageName;
  if (!Object.hasOwn(routes, name)) return refuse('errors.request.unknown', { name: env.data.name });
  const route = routes[name] as Route<MessageName>;
  if (!route.from.includes(sender.kind)) return refuse('errors.request.forbidden');
  const parsed = (RequestSchemas[name] as z.ZodType).safeParse(env.data.data);
  if (!parsed.success) return fail(requestProblem(parsed.error, env.data.data), lang);
  try {
    const data = await route.handle(parsed.data as never, sender);
    return { ok: true, data };
  } catch (err) {
    return failure(err, lang);
  }
}
