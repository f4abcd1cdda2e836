/**
 * Visibility as a person sees it (issue 12.4): a field is fillable only if it is rendered, on-screen or
 * scrollable into view, at least MIN_FILL_SIZE px in each dimension, not transparent through its ancestors, not
 * clipped away (clip-path, clip, an overflow-hidden ancestor too small to show it), and not covered at its
 * centre by another element. The rules live in the fill's one page script (page-script.ts) because they run
 * again in the page at confirm; this module is their name for everything else (content script, tests).
 */
import { type HiddenReason, pageScript } from './page-script';

/** Smallest width and height (CSS px) of a field a person can see and click (1×1 px tricks stay below). */
export const MIN_FILL_SIZE = 4;

const kit = pageScript({ op: 'kit' });

/** Why a person could not see this field ('' when they can). */
export function hiddenReason(el: Element, scope?: Element): HiddenReason {
  return kit.hiddenReason(el, MIN_FILL_SIZE, scope);
}

export function isFillable(el: Element): boolean {
  return hiddenReason(el) === '';
}

export const { fingerprint, find: findByHandle, sameHandle } = kit;
export type { HiddenReason } from './page-script';
