import { MessageError, type Reply } from '../messaging/protocol';
import { FRAME_REQUESTS, type FrameName, type FrameReq, type FrameRes } from '../messaging/frame-requests';

/**
 * The content script's handlers for the background's messages (`bg:*`), one per name: the frame side's twin
 * of the background's route table (src/background/router.ts). A name missing here fails the type check.
 */
export type FrameRoutes = { [N in FrameName]: (data: FrameReq<N>) => FrameRes<N> | Promise<FrameRes<N>> };

const isFrameName = (name: unknown): name is FrameName => typeof name === 'string' && Object.hasOwn(FRAME_REQUESTS, name);

/** A handler that waits (it asks the background first: the page's labels) answers when it has its answer. */
export type FrameAnswer = Reply<unknown> | Promise<Reply<unknown>>;

function run<N extends FrameName>(routes: FrameRoutes, name: N, data: unknown): FrameAnswer {
  const accepts: (d: unknown) => d is FrameReq<N> = FRAME_REQUESTS[name];
  if (!accepts(data)) return { ok: false, error: { code: 'errors.request.bad', params: { what: { code: 'errors.input.invalid' } } } };
  const handle: (d: FrameReq<N>) => FrameRes<N> | Promise<FrameRes<N>> = routes[name];
  const out = handle(data);
  if (!(out instanceof Promise)) return { ok: true, data: out };
  // The background's refusal (MessageError) goes back as it came; anything else as no answer.
  return out.then(
    (d): Reply<unknown> => ({ ok: true, data: d }),
    (e: unknown): Reply<unknown> => ({ ok: false, error: { code: e instanceof MessageError ? e.code : 'errors.noReply', params: e instanceof MessageError ? e.params : {} } }),
  );
}

/**
 * One message to this frame: answered only when it is our envelope from our own extension — its background (no
 * tab) or one of its pages (an extension-origin URL: the panel's frame inside a tab confirming a fill asks for
 * the frame's document, fill/confirm.ts). A page, or another extension, cannot reach this listener; anything
 * else gets no answer at all.
 */
export function dispatchFrame(
  routes: FrameRoutes,
  message: unknown,
  sender: { id?: string | undefined; tab?: unknown; url?: string | undefined },
  ownId: string,
  ownOrigin = '',
): FrameAnswer | undefined {
  const fromOurPage = !!ownOrigin && !!sender.url?.startsWith(ownOrigin);
  if (sender.id !== ownId || (sender.tab && !fromOurPage) || typeof message !== 'object' || message === null) return undefined;
  if (!('jzs' in message) || message.jzs !== 1 || !('name' in message) || !isFrameName(message.name)) return undefined;
  return run(routes, message.name, 'data' in message ? message.data : undefined);
}
