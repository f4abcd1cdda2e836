import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** What the content script needs of its context: teardown only when the extension really went away. */
export interface Lifecycle {
  readonly signal: AbortSignal;
  setTimeout(handler: () => void, ms: number): number;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  onInvalidated(cb: () => void): void;
}

/**
 * WXT invalidates a content script's context when a `…:wxt:content-script-started` event reaches the
 * document, so that a re-injected copy can stop the old one. Any page script can dispatch that event (the
 * name is the extension id plus a fixed suffix), which switched our script off on a hostile page. A real
 * replacement only happens when the extension was reloaded or updated, and then the old copy's runtime is
 * gone (`browser.runtime.id` is undefined). So we follow WXT's signal only when the runtime is gone too, and
 * otherwise keep running on a signal of our own.
 */
export function trustedLifecycle(ctx: Pick<ContentScriptContext, 'onInvalidated'>, runtimeAlive: () => boolean = () => browser.runtime?.id != null): Lifecycle {
  const own = new AbortController();
  const check = () => {
    if (!runtimeAlive()) own.abort('extension context invalidated');
  };
  ctx.onInvalidated(check);
  return {
    signal: own.signal,
    setTimeout(handler, ms) {
      const id = window.setTimeout(() => {
        check();
        if (!own.signal.aborted) handler();
      }, ms);
      own.signal.addEventListener('abort', () => clearTimeout(id));
      return id;
    },
    addEventListener(target, type, handler, options) {
      target.addEventListener(type, handler, { ...options, signal: own.signal });
    },
    onInvalidated(cb) {
      own.signal.addEventListener('abort', cb);
    },
  };
}
