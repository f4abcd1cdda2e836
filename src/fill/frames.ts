/**
 * Which portal frames of a tab a fill must still wait for (issue: a fill clicked before the e-form iframe has
 * been read). A same-origin iframe's load holds up its parent's, and the panel comes at the top page's load or
 * after a second at most, so 用档案填写本页 can be clicked while the e-form is still on its way, or before its
 * content script has read it: such a frame would answer nothing, or no page, and be left out of the preview
 * unsaid. The background asks again, a bounded time, and the preview names what never came.
 */
import type { FrameCollection, PortalFrame } from './types';

/** What a frame says of itself (`frameState`, run in it). */
export interface FrameState {
  origin: string;
  /** An about:blank or about:srcdoc document: no content script runs there (its parent counts it while a src loads). */
  blank: boolean;
  loading: boolean;
  shown: boolean;
  children: number;
}

/**
 * Run IN each frame by `scripting.executeScript` (serialised: it must stand alone, its only input `portals`, the
 * portal origins): the frame's origin, whether its document is still loading, whether it has a size, and how
 * many frames of a portal origin it shows (rendered, with a size) whose document has not arrived (still the
 * initial about:blank while their src loads) or not finished loading.
 */
export function frameState(portals: readonly string[]): FrameState {
  let children = 0;
  for (const el of Array.from(document.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame'))) {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || !URL.canParse(el.src) || !portals.includes(new URL(el.src).origin)) continue;
    // Another origin's document, once it has arrived, is not ours to read: null.
    const doc = el.contentDocument;
    if (doc && (doc.URL === 'about:blank' || doc.readyState !== 'complete')) children++;
  }
  return { origin: location.origin, blank: location.protocol === 'about:', loading: document.readyState !== 'complete', shown: innerWidth > 0 && innerHeight > 0, children };
}

/** Has a frame answered with a page of ours (a page recognised, or fields)? Then it is read. */
export const isRead = (answer: FrameCollection | undefined): boolean => !!answer && (!!answer.page || answer.fields.length > 0);

/**
 * How many frames may still bring fields (0: none): frames inside a portal frame still on their way, and frames a
 * person sees that our content script has not answered for yet, or answered with no page while their document —
 * or the tab's top document, whose load a sub-frame's first reading waits for (content/main.ts `afterTabLoad`) —
 * is still loading.
 */
export function framesToCome(frames: ReadonlyArray<{ ref: PortalFrame; answer: FrameCollection | undefined }>): number {
  const topLoading = frames.some((f) => f.ref.frameId === 0 && f.ref.loading);
  return frames.reduce((n, { ref, answer }) => {
    const unread = !isRead(answer) && ref.shown !== false && (!answer || !!ref.loading || topLoading);
    return n + (ref.children ?? 0) + (unread ? 1 : 0);
  }, 0);
}
