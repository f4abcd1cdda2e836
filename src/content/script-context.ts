/**
 * The context WXT's content-script entry hands to `main` (`new ContentScriptContext(name, options)`), reduced to
 * what src/content/lifecycle.ts uses of it: `onInvalidated`. The content script's build aliases WXT's class to
 * this one (wxt.config.ts): WXT's (2.6 KB of a size-budgeted bundle, issue 8) watches the location, wraps
 * intervals and animation frames, and stops on a "newer copy started" event that any page can forge. We never
 * inject the script a second time, so no newer copy ever starts, and the lifecycle notices the extension going
 * away on its own (its runtime id is gone) at every timer it runs.
 */
export class ContentScriptContext {
  private readonly stopped = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  /** Called if this context is ever stopped; returns the way to take `cb` back (as WXT's does). */
  onInvalidated(cb: () => void): () => void {
    this.stopped.signal.addEventListener('abort', cb);
    return () => this.stopped.signal.removeEventListener('abort', cb);
  }
}
