import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/*
 * Clickjacking guard for buttons that act on the portal page or the store from the panel's frame.
 *
 * The panel is an extension-origin frame inside the portal's page (contract.md), so the page owns the frame's
 * host element: it can make the frame transparent, distort it, or paint a decoy over it and have the person
 * click 「确认填写」 without seeing it. The frame cannot read the page's styles, but Intersection Observer v2
 * (`trackVisibility`) tells it whether the button is actually seen: no opacity, filter or non-translating
 * transform on any ancestor across frames, nothing painted over it (W3C IntersectionObserver v2 explainer,
 * "isVisible"). A top-level extension page (popup, workbench) is drawn by the browser, no page around it.
 */

/** IntersectionObserver v2 fields, Chromium 74+; absent from TypeScript's lib.dom and from Firefox. */
declare global {
  interface IntersectionObserverInit {
    trackVisibility?: boolean;
    delay?: number;
  }
  interface IntersectionObserverEntry {
    readonly isVisible?: boolean;
  }
}

/** The observer's latest answer for the button. */
export interface Glimpse {
  intersecting: boolean;
  visible: boolean;
}

/**
 * What the frame decides at a person's click, from the observer's latest answer (pure).
 * - 'seen': a top-level extension page, or the button was last seen unobscured.
 * - 'hidden': the button was in view but transparent, distorted or covered — the page's doing: refused.
 * - 'recheck': no answer yet, or the button was out of view (scrolled within the panel, which the person does
 *   just before clicking): a fresh answer, one frame later, decides.
 * - 'blind': the engine cannot tell (no v2, e.g. Firefox): let through — a documented risk; the fill-safety
 *   checks on the page still apply.
 */
export type Sight = 'seen' | 'hidden' | 'recheck' | 'blind';

export function sightOf(framed: boolean, supported: boolean, last: Glimpse | undefined): Sight {
  if (!framed) return 'seen';
  if (!supported) return 'blind';
  if (!last) return 'recheck';
  if (last.visible) return 'seen';
  return last.intersecting ? 'hidden' : 'recheck';
}

/**
 * Visibility tracking for both observers below; `delay` is the spec's minimum between notifications, so the
 * answer at a click is at most 100 ms old.
 */
const TRACK_VISIBILITY: IntersectionObserverInit = { trackVisibility: true, delay: 100 };
/** How long a re-check may wait for its answer (a frame in practice; seconds on a loaded machine). */
const RECHECK_MS = 3000;

const framed = () => window.top !== window;
const supported = () => typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
const glimpse = (e: IntersectionObserverEntry): Glimpse => ({ intersecting: e.isIntersecting, visible: e.isVisible === true });

/** Calls `then` once with the element's visibility as of the next frame (a fresh observer's first answer). */
function lookNow(el: Element, then: (visible: boolean) => void) {
  let done = false;
  const finish = (visible: boolean) => {
    if (done) return;
    done = true;
    io.disconnect();
    clearTimeout(timer);
    then(visible);
  };
  const io = new IntersectionObserver((entries) => entries.forEach((e) => finish(glimpse(e).visible)), TRACK_VISIBILITY);
  const timer = setTimeout(() => finish(false), RECHECK_MS);
  io.observe(el);
}

/** Watches one element's visibility while it is mounted; `ask()` answers at a click. */
function useSight(target: { current: Element | null }) {
  const last = useRef<Glimpse | undefined>(undefined);
  useEffect(() => {
    const el = target.current;
    if (!el || !framed() || !supported()) return;
    const io = new IntersectionObserver((entries) => entries.forEach((e) => (last.current = glimpse(e))), TRACK_VISIBILITY);
    io.observe(el);
    return () => io.disconnect();
  }, []);
  return {
    /** Synchronous when the answer is known (a fill's timing starts at the click); else one frame later. */
    ask(then: (seen: boolean) => void) {
      const s = sightOf(framed(), supported(), last.current);
      const el = target.current;
      if (s !== 'recheck') return then(s !== 'hidden');
      if (el) lookNow(el, then);
    },
  };
}

export interface SeenButtonProps {
  action: string;
  class?: string;
  disabled?: boolean;
  /** A person's click on the button while it was seen (or where the engine cannot tell). */
  onClick: () => void;
  /** A script's synthetic click: ignored. */
  onUntrusted: () => void;
  /** A person's click while the page hid, covered or distorted the button: ignored. */
  onHidden: () => void;
  children: ComponentChildren;
}

/** A button that acts only on a person's click on what they could see. */
export function SeenButton(props: SeenButtonProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const sight = useSight(ref);
  const click = (e: MouseEvent) => {
    if (!e.isTrusted) return props.onUntrusted();
    sight.ask((seen) => (seen ? props.onClick() : props.onHidden()));
  };
  return (
    <button ref={ref} type="button" class={props.class} data-jzs-action={props.action} disabled={props.disabled} onClick={click}>
      {props.children}
    </button>
  );
}
