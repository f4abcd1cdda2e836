import { browser } from 'wxt/browser';
import { type Envelope, MessageError, type MessageName, type Reply, type Req, type Res } from './protocol';

/** Send a typed request to the background and unwrap its reply (throws MessageError on refusal). */
export async function send<N extends MessageName>(name: N, data: Req<N>): Promise<Res<N>> {
  const envelope: Envelope<N> = { jzs: 1, name, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<Res<N>> | undefined;
  if (!reply) throw new MessageError('no-reply', 'background did not answer');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message, reply.error.details ?? []);
  return reply.data;
}
