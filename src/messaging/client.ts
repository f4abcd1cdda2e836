import { browser } from 'wxt/browser';
import { type Envelope, MessageError, type MessageName, type Reply, type Req, type Res } from './protocol';

/** Send a typed request to the background and unwrap its reply (throws MessageError on refusal). */
export async function send<N extends MessageName>(name: N, data: Req<N>): Promise<Res<N>> {
  const envelope: Envelope<N> = { jzs: 1, name, data };
  // why: the answer comes from our own background's router, which replies with `Reply<Res<N>>` for this name
  // (tests/unit/router.test.ts); parsing it again would put zod into the size-budgeted content script.
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<Res<N>> | undefined;
  if (!reply) throw new MessageError('errors.noReply', '');
  if (!reply.ok) {
    const { code, message, details, params } = reply.error;
    throw new MessageError(code, message ?? '', details ?? [], params ?? {});
  }
  return reply.data;
}
