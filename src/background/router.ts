import type * as z from 'zod';
import { EnvelopeSchema, RequestSchemas } from '../messaging/schemas';
import type { MessageName, Reply, ReplyError, Req, Res } from '../messaging/protocol';
import type { Lang } from '../i18n';
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

/** The request schemas, typed per message name so that a route and its schema are looked up together. */
const SCHEMAS: { [N in MessageName]: z.ZodType<Req<N>> } = RequestSchemas;

const isMessageName = (routes: Routes, name: string): name is MessageName => Object.hasOwn(routes, name);

/** One message whose name is known: its sender kind checked, its payload parsed, its handler run. */
async function run<N extends MessageName>(routes: Routes, name: N, data: unknown, sender: SenderInfo, lang: Lang | undefined): Promise<Reply<unknown>> {
  const route: Route<N> = routes[name];
  if (!route.from.includes(sender.kind)) return fail({ code: 'errors.request.forbidden' }, lang);
  const parsed = SCHEMAS[name].safeParse(data);
  if (!parsed.success) return fail(requestProblem(parsed.error, data), lang);
  try {
    return { ok: true, data: await route.handle(parsed.data, sender) };
  } catch (err) {
    return failure(err, lang);
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
  if (!sender) return fail({ code: 'errors.request.forbidden' }, lang);
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success) return fail({ code: 'errors.request.badEnvelope' }, lang);
  const { name, data } = env.data;
  if (!isMessageName(routes, name)) return fail({ code: 'errors.request.unknown', params: { name } }, lang);
  return run(routes, name, data, sender, lang);
}
