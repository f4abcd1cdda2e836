import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { PanelPrefs } from '../messaging/protocol';
import { type Box, type Dock, GAP, type OpenMode, laneIsFree, openLadder, overlaps, PANEL_WIDTH, PILL, pillSpot } from './dock';

/**
 * The overlay's host element: one per frame where a portal page is detected, carrying the contract's hooks
 * (`data-jzs-overlay`, `data-portal`, `data-page`, `data-business`) and nothing else the page could read.
 * In the top frame its (open) shadow root holds either the collapsed pill (a plain button drawn here: no
 * applicant data, nothing to read) or the open panel: an extension-origin frame (panel.html) that page scripts
 * can neither read nor click. The frame exists only while the panel is open — an extension frame is a
 * renderer of its own (≈ 1.2 MiB of heap before it draws anything, issue 13.5) — so a collapsed panel costs
 * the page one button. Sub-frames keep a bare host (hooks) and their inline hints; the top frame's panel
 * speaks for them.
 */
export const HOST_TAG = 'jzs-overlay';

export interface OverlayHost {
  host: HTMLElement;
  setDetection(d: { portal: string; page: string; business?: string | undefined }): void;
  /**
   * Place the panel (the page re-rendered, the window was resized, the user toggled it). Keeps the current
   * placement while it still covers no control, unless `again`. `hint`: where the open panel went on this page
   * at this window width last time (`OpenMode`); 'top' — no free lane beside the form and no room to shift the
   * page — is taken again without measuring the page (in the page's flow the panel covers nothing), and the
   * placement is chosen by measuring in the task after the panel frame is in.
   */
  dock(prefs: PanelPrefs, again?: boolean, hint?: OpenMode): void;
  remove(): void;
}

export interface OverlayHooks {
  /** Names the pill and the frame in the UI language of the moment. */
  label: () => string;
  /** A person's click on the pill. */
  onExpand: () => void;
  /** Each time the panel frame is inserted or the pill placed. */
  onShown: () => void;
  /** Each time the open panel's placement was chosen by measuring the page. */
  onDocked: (mode: OpenMode) => void;
}

// Form controls, and what else a person clicks on a portal page (menu links, MiniUI buttons): the panel
// covers none of them.
const CONTROLS =
  'input:not([type=hidden]), select, textarea, button, iframe, frame, [contenteditable=""], [contenteditable="true"], [role=button], [role=combobox], [role=textbox], .mini-button, .webuploader-pick, a[href], a[onclick], [onclick]';

/** An uploader's real file input is often clipped to nothing under its visible button (which we count instead). */
const clippedAway = (el: Element) => {
  if (!(el instanceof HTMLInputElement) || el.type !== 'file') return false;
  const style = getComputedStyle(el);
  return style.clip !== 'auto' || style.opacity === '0';
};

// Pictures are the page's content as its text is: the open panel covers neither.
const MEDIA = 'img, svg, canvas, video, object, embed';

type Offset = { x: number; y: number };

/**
 * Visible form controls of the page, in page coordinates; a same-origin frame's controls through the frame
 * (the e-form iframe spans the page but leaves room beside its fields), a cross-origin frame as a whole. With
 * `content`, also what the page shows to read — its text (each text node's extent, not its block's) and pictures
 * —: the open panel beside the form covers none of it (a 办件 table's last column, a heading, the form's notes),
 * where controls alone left the text of a page with few controls (我的申请, 办件详情) under it.
 */
export function controlBoxes(doc: Document, ignore: Element, offset: Offset = { x: 0, y: 0 }, content = false): Box[] {
  const win = doc.defaultView;
  const at = { x: offset.x + (win?.scrollX ?? 0), y: offset.y + (win?.scrollY ?? 0) };
  const out: Box[] = [];
  for (const el of doc.querySelectorAll(content ? `${CONTROLS}, ${MEDIA}` : CONTROLS)) {
    if (ignore.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    if (el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) === false || clippedAway(el)) continue;
    const inner = el instanceof HTMLIFrameElement || el instanceof HTMLFrameElement ? sameOriginDoc(el) : undefined;
    if (inner) {
      const innerAt = { x: r.left + el.clientLeft + at.x - (inner.defaultView?.scrollX ?? 0), y: r.top + el.clientTop + at.y - (inner.defaultView?.scrollY ?? 0) };
      out.push(...controlBoxes(inner, ignore, innerAt, content));
      continue;
    }
    out.push(boxAt(r, at));
  }
  if (content) textBoxes(doc, ignore, at, out);
  return out;
}

const boxAt = (r: DOMRect, at: Offset): Box => ({ left: r.left + at.x, top: r.top + at.y, right: r.right + at.x, bottom: r.bottom + at.y });

/** The extent of each text the page shows (whitespace between elements is no text; hidden text is not shown). */
function textBoxes(doc: Document, ignore: Element, at: Offset, out: Box[]): void {
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.nodeValue?.trim() || !parent || ignore.contains(parent)) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    out.push(boxAt(r, at));
  }
}

function sameOriginDoc(frame: HTMLIFrameElement | HTMLFrameElement): Document | undefined {
  try {
    return frame.contentDocument ?? undefined;
  } catch {
    return undefined;
  }
}

const hostBox = (host: HTMLElement, doc: Document): Box => {
  const r = host.getBoundingClientRect();
  const win = doc.defaultView;
  return { left: r.left + (win?.scrollX ?? 0), top: r.top + (win?.scrollY ?? 0), right: r.right + (win?.scrollX ?? 0), bottom: r.bottom + (win?.scrollY ?? 0) };
};

const FIXED = 'all: initial; position: fixed; z-index: 2147483646; display: block;';

/** The pill's own look: the portal's CSS cannot reach into the shadow root, and `all: initial` resets the host. */
const PILL_CSS = `button { all: initial; box-sizing: border-box; width: 100%; height: 100%; border-radius: 20px; background: #0b5cad; color: #fff; font: 13px/1 system-ui, sans-serif; text-align: center; cursor: pointer; }
button:focus-visible { outline: 2px solid #f5b82e; outline-offset: 1px; }`;

/** The collapsed panel: one button the content script draws; a person's click (or Enter/Space) opens it. */
function makePill(doc: Document, onExpand: () => void): HTMLElement {
  const wrap = doc.createElement('div');
  wrap.style.cssText = 'width: 100%; height: 100%;';
  const style = doc.createElement('style');
  style.textContent = PILL_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('data-jzs-action', 'expand');
  button.setAttribute('aria-expanded', 'false');
  // A page script's .click() or dispatched event is not trusted: only a person opens the panel.
  button.addEventListener('click', (e) => {
    if (e.isTrusted) onExpand();
  });
  wrap.append(style, button);
  return wrap;
}

/** How long we wait at most for a page's load event (a page with an image that never arrives still gets its panel). */
export const LOAD_WAIT_MS = 1000;

/**
 * After the page's load event, at once when it is over, or after LOAD_WAIT_MS. The panel frame is inserted then,
 * with its address: a frame inserted blank loads about:blank there and then, which also fires the page's pending
 * load event inside our placement; a frame inserted with an address before the load event holds that event up
 * until the panel has loaded.
 */
function afterLoad(doc: Document, run: () => void): void {
  const win = doc.defaultView;
  if (!win || doc.readyState === 'complete') return run();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  win.addEventListener('load', once, { once: true });
  win.setTimeout(once, LOAD_WAIT_MS);
}

const NO_HOOKS: OverlayHooks = { label: () => '', onExpand: () => undefined, onShown: () => undefined, onDocked: () => undefined };

export function mountOverlayHost(doc: Document, top: boolean, hooks: OverlayHooks = NO_HOOKS): OverlayHost {
  const { label, onExpand, onShown, onDocked } = hooks;
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-jzs-overlay', '');
  // `all: initial` keeps portal styles (e.g. `div { float:left }` on old pages) off the host itself.
  host.style.cssText = 'all: initial; display: none;';
  const root = host.attachShadow({ mode: 'open' });
  const html = doc.documentElement;
  // The host never moves (moving an iframe reloads it): the first child of <html>, so that fixed and absolute
  // placements are relative to the viewport/page, and the in-flow placement sits above <body>.
  html.insertBefore(host, html.firstChild);
  let frame: HTMLIFrameElement | undefined;
  let pillEl: HTMLElement | undefined;
  let current: { dock: Dock; prefs: PanelPrefs } | undefined;
  const originalMargin = { right: html.style.marginRight, left: html.style.marginLeft };
  let shifted = false;

  const unshift = () => {
    if (!shifted) return;
    html.style.marginRight = originalMargin.right;
    html.style.marginLeft = originalMargin.left;
    shifted = false;
  };

  // The panel's keystrokes stay in its own frame; a key on the host itself goes no further either.
  if (top) for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());

  const ensureFrame = (url: string) => {
    pillEl?.remove();
    pillEl = undefined;
    if (frame) return frame;
    const made = doc.createElement('iframe');
    made.style.cssText = 'all: initial; display: block; width: 100%; height: 100%; border: 0; color-scheme: light;';
    made.src = url;
    frame = made;
    afterLoad(doc, () => {
      // Collapsed meanwhile: that frame is no longer wanted.
      if (frame !== made) return;
      root.appendChild(made);
      onShown();
      // Placed from memory: whether a lane beside the form is free now is looked at in the next task.
      if (unchecked) doc.defaultView?.setTimeout(improve, 0);
    });
    return made;
  };

  /** Collapsed: the frame goes (its renderer's memory with it), the pill comes. */
  const ensurePill = () => {
    frame?.remove();
    frame = undefined;
    pillEl ??= root.appendChild(makePill(doc, onExpand));
    const button = pillEl.querySelector('button');
    if (button) button.textContent = label();
  };

  /** Put the panel in one placement; the caller measures whether it covers a control. */
  const apply = (d: Dock, side: PanelPrefs['side']) => {
    unshift();
    host.setAttribute('data-dock', d.mode === 'beside' || d.mode === 'shift' ? d.side : d.mode);
    host.setAttribute('data-side', side);
    if (d.mode === 'pill') {
      ensurePill();
      host.style.cssText = `all: initial; position: absolute; z-index: 2147483646; display: block; left: ${d.left}px; top: ${d.top}px; width: ${PILL.width}px; height: ${PILL.height}px;`;
      return;
    }
    // The frame learns its side from its URL's fragment (changing it does not reload the frame).
    const url = `${browser.runtime.getURL('/panel.html')}#panel-${side}`;
    const f = ensureFrame(url);
    // Named in the user's language, which may have arrived since the frame was made (a redock follows it).
    f.setAttribute('title', t('overlay.title'));
    if (f.src !== url) f.src = url;
    if (d.mode === 'top') {
      // In the page's flow, above its content: it pushes the page down instead of covering it.
      host.style.cssText = 'all: initial; position: relative; display: block; width: 100%; height: 45vh; z-index: 2147483646;';
      return;
    }
    if (d.mode === 'shift') {
      const margin = `${PANEL_WIDTH + 2 * GAP}px`;
      if (d.side === 'right') html.style.marginRight = margin;
      else html.style.marginLeft = margin;
      shifted = true;
    }
    host.style.cssText = `${FIXED} top: ${GAP}px; ${d.side}: ${GAP}px; width: ${PANEL_WIDTH}px; height: calc(100vh - ${2 * GAP}px);`;
  };

  // The viewport's width without its scroll bar: <html>'s client width, or in quirks mode (the provincial pages'
  // HTML 4.01 doctype) <body>'s — there <html>'s is its own box, narrowed by the shift's margin, which put the
  // lane inside the page shifted out of it and never let a shift fit.
  const viewport = () => ({
    width: (doc.compatMode === 'BackCompat' ? doc.body?.clientWidth : undefined) ?? html.clientWidth,
    height: doc.defaultView?.innerHeight ?? html.clientHeight,
  });
  /** How far the page scrolls sideways (a page wider than the window, or shifted past it). */
  const maxScrollX = () => Math.max(0, (doc.scrollingElement ?? html).scrollWidth - viewport().width);

  const fits = (d: Dock): boolean => {
    // The open panel beside the form covers neither a control nor what the page shows to read; the small pill
    // only no control (on a page of text there would be no spot for it).
    const beside = d.mode === 'beside' || d.mode === 'shift';
    const boxes = controlBoxes(doc, host, undefined, beside);
    if (beside) return laneIsFree(d.side, viewport().width, boxes, maxScrollX());
    const box = hostBox(host, doc);
    return !boxes.some((c) => overlaps(box, c));
  };

  const pill = (prefs: PanelPrefs) => {
    host.style.cssText = 'all: initial; display: none;';
    const win = doc.defaultView;
    const at = { ...viewport(), scrollX: win?.scrollX ?? 0, scrollY: win?.scrollY ?? 0 };
    // Over no text where the first screen has such a spot; else over no control.
    const spot = pillSpot(at, controlBoxes(doc, host, undefined, true), prefs.side) ?? pillSpot(at, controlBoxes(doc, host), prefs.side);
    if (spot) {
      apply({ mode: 'pill', ...spot }, prefs.side);
      current = { dock: { mode: 'pill', ...spot }, prefs };
    } else {
      current = undefined;
      // No free spot on this screen: no pill rather than one over a control.
      ensurePill();
      host.style.cssText = 'all: initial; display: none;';
      host.setAttribute('data-dock', 'hidden');
    }
    onShown();
  };

  const place = (prefs: PanelPrefs, again: boolean, hint?: OpenMode) => {
    const same = current && current.prefs.collapsed === prefs.collapsed && current.prefs.side === prefs.side;
    // In the page's flow the panel covers nothing; otherwise check the placement still holds.
    if (same && !again && current && (current.dock.mode === 'top' || fits(current.dock))) return;
    unchecked = false;
    if (!prefs.collapsed) {
      unshift();
      if (hint === 'top') {
        // Last time neither lane was free and shifting the page did not fit: in the flow at once, with no
        // layout of the page (measuring it twice was most of the first placement's cost, bench T3).
        // (Marked first: when the page has loaded, `apply` inserts the frame at once and looks at the mark.)
        unchecked = true;
        current = { dock: { mode: 'top' }, prefs };
        apply({ mode: 'top' }, prefs.side);
        // A frame already in (a redock): measure in the next task; a new one is measured once it is inserted.
        if (frame?.isConnected) doc.defaultView?.setTimeout(improve, 0);
        return;
      }
      // One measurement decides a side lane before anything on the page changes (each trial would lay the
      // page out again); only shifting the page needs a second look.
      const content = controlBoxes(doc, host, undefined, true);
      const beside = openLadder(prefs.side).find((d) => d.mode === 'beside' && laneIsFree(d.side, viewport().width, content, maxScrollX()));
      const ladder = beside ? [beside] : openLadder(prefs.side).filter((d) => d.mode !== 'beside');
      for (const d of ladder) {
        apply(d, prefs.side);
        if (d === beside || d.mode === 'top' || fits(d)) {
          current = { dock: d, prefs };
          onDocked(d.mode);
          return;
        }
      }
      unshift();
    }
    pill(prefs);
  };

  let placing = false;
  /**
   * Placed from memory in the page's flow: once the panel is in, the placement is chosen again by measuring
   * (the same page kind can show a longer form this time), and the panel moves beside the form if it can.
   */
  let unchecked = false;
  const improve = () => {
    if (!unchecked || placing || !current || current.dock.mode !== 'top') return;
    unchecked = false;
    placing = true;
    try {
      place(current.prefs, true);
    } finally {
      placing = false;
    }
  };

  return {
    host,
    setDetection(d) {
      host.setAttribute('data-portal', d.portal);
      host.setAttribute('data-page', d.page);
      if (d.business) host.setAttribute('data-business', d.business);
      else host.removeAttribute('data-business');
    },
    dock(prefs, again = false, hint) {
      // Never one placement inside another (a page event that our own change fires synchronously, such as a
      // load event, asks for a recheck): the outer one finishes the job.
      if (!top || placing) return;
      placing = true;
      try {
        place(prefs, again, hint);
      } finally {
        placing = false;
      }
    },
    remove() {
      unshift();
      host.remove();
    },
  };
}
