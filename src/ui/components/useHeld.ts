import { useEffect } from 'preact/hooks';

/** Chrome stops an idle service worker, and Firefox suspends an idle event page, after 30 s: a margin under it. */
export const HOLD_PING_MS = 10_000;

/**
 * Work the background holds in memory while the person decides — a fill plan for Firefox's panel, a backup
 * restore under review — must outlive the background's idle shutdown. While `key` is set, a message every
 * 10 s keeps the background awake (each message is an event to it) and asks whether it still holds the work;
 * if it does not (the browser stopped it all the same), `onLost` lets the page say so at once instead of
 * failing at the click.
 */
export function useHeld(key: string | undefined, held: (key: string) => Promise<boolean>, onLost: (key: string) => void): void {
  useEffect(() => {
    if (!key) return;
    const timer = setInterval(() => {
      held(key).then(
        (yes) => yes || onLost(key),
        () => undefined, // no answer this time: the click will say what is wrong
      );
    }, HOLD_PING_MS);
    return () => clearInterval(timer);
  }, [key]);
}
