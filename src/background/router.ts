import * as z from 'zod';
import { EnvelopeSchema, RequestSchemas } from '../messaging/schemas';
import type { MessageName, Reply, Req, Res } from '../messaging/protocol';
import type { SenderInfo } from './sender';

export interface Route<N extends MessageName> {
  /** Which kinds of sender may send this message. */
  from: ReadonlyArray<SenderInfo['kind']>;
  handle: (data: Req<N>, sender: SenderInfo) => Promise<Res<N>> | Res<N>;
}
export type Routes = { [N in MessageName]: Route<N> };

function fail(code: string, message: string, details?: string[]): Reply<never> {
  return { ok: false, error: details?.length ? { code, message, details } : { code, message } };
}

/**
 * Dispatch one raw message: envelope and payload validated with zod, sender kind checked, handler errors
 * turned into a reply. Never throws, so the other side always gets an answer.
 */
export async function dispatch(
  routes: Routes,
  raw: unknown,
  sender: SenderInfo | undefined,
): Promise<Reply<unknown>> {
  if (!sender) return fail('forbidden-sender', '消息来源不被信任');
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success) return fail('bad-envelope', '消息格式无效');
  const name = env.data.name as MessageName;
  if (!Object.hasOwn(routes, name)) return fail('unknown-message', `未知消息：${env.data.name}`);
  const route = routes[name] as Route<MessageName>;
  if (!route.from.includes(sender.kind)) return fail('forbidden-sender', `此来源不能发送 ${name}`);
  const parsed = (RequestSchemas[name] as z.ZodType).safeParse(env.data.data);
  if (!parsed.success) return fail('bad-request', `${name} 参数无效：${z.prettifyError(parsed.error)}`);
  try {
    const data = await route.handle(parsed.data as never, sender);
    return { ok: true, data };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return fail(
      typeof code === 'string' ? code : 'internal',
      err instanceof Error ? err.message : String(err),
    );
  }
}
