/**
 * The fill's one script in the page (issue 16.2, after Bitwarden's collect → plan → one insert script): at
 * confirm the background runs `pageScript` ONCE per frame with `scripting.executeScript` in the page's MAIN
 * world (MiniUI controls are set through the page's own API there, domain.md), and it checks, writes and reads
 * back every field of that frame in one go.
 *
 * At the preview the same function (`op: 'probe'`) takes each field's fingerprint and visibility and a MiniUI
 * list's options, so each rule is written once and the content script bundles none of it; `op: 'kit'` returns
 * the helpers for unit tests. Because the browser serialises it with
 * `Function.prototype.toString`, it must stay SELF-CONTAINED: no imports, no references outside its body, only
 * what its argument brings (tests/unit/fill-binding.test.ts runs a serialised copy to keep that true).
 *
 * Checks at confirm (issue 12.3/12.4): the frame still shows the URL of the preview; each field is found again
 * by its handle with the same fingerprint (tag, type, id, name, form, label), and is fillable as a person sees
 * it (all fields in one layout, before the first write); just before its own write it is checked again for
 * what a page reacting to earlier writes changes: presence, the fingerprint, enabled, not read-only. A field
 * that fails is not written and says why. Nothing is typed through the caret (no `insertText`): native fields
 * get the value through the native setter plus the events of an edit, so a write lands in its target or nowhere.
 */

/** How a field is found again at confirm: where it is and what it looks like, never a value. */
export interface FieldHandle {
  /** MiniUI control id (found through `mini.get` and its root element), else absent. */
  mini?: string | undefined;
  id: string;
  name: string;
  tag: string;
  type: string;
  /** Index among the document's elements with the same tag and name (or the same tag when unnamed). */
  nth: number;
  /**
   * How many elements share what finds it (its id, else its tag and name; 1 for MiniUI): a row copied or added
   * since the preview with the same id or name makes the lookup land on another box that looks the same.
   */
  count: number;
  /** The form it belongs to: its id, name or position; '' when in no form. */
  form: string;
  /** The label text around it (normalised), to tell a re-rendered different field from the same one. */
  label: string;
}

/** Where a field is, as the content script reports it (no fingerprint: the page script takes that itself). */
export type FieldLocator = Pick<FieldHandle, 'mini' | 'id' | 'name' | 'tag' | 'nth'>;

export interface PageProbeRequest {
  op: 'probe';
  /** `date`: a date field, whose format the probe reads from the page (`PageProbe.format`). */
  fields: Array<FieldLocator & { date?: boolean | undefined }>;
  minSize: number;
  /**
   * Keep this very function in the page under this random, per-plan name (non-enumerable, read-only) so that the
   * confirm calls it again instead of sending and compiling it anew: its code is then already compiled and warm
   * from the probe (issue 16.2, T8). It carries no value of ours; what it returns is checked by the caller.
   */
  keep?: string | undefined;
}

/** Per field at the preview: its handle (null when not found), whether a person sees it, a MiniUI list's options. */
export interface PageProbe {
  handle: FieldHandle | null;
  hidden: HiddenReason;
  options?: Array<{ text: string; value: string }> | undefined;
  /** What the box accepts as typed (maxlength, pattern): a value it would not take is not written (`PageKit.unfit`). */
  limits?: FieldLimits | undefined;
  /** A read-only box a date picker of the page writes (My97, laydate, jQuery UI…): a person sets it through the picker. */
  picker?: true | undefined;
  /**
   * A read-only box that opens a choice widget of the page's own with no native select behind it (Element's
   * el-select, Ant's…): only the widget's own clicks set its value, which the fill does not make.
   */
  widget?: true | undefined;
  /** A date field's format as the page declares or shows it (`PageKit.dateFormatOf`); absent when it says nothing. */
  format?: string | undefined;
  /** A MiniUI list that takes several options (a checkbox list, a combobox with `multiSelect`): its value is their codes, comma-joined. */
  multi?: true | undefined;
}

/** What a native box accepts as typed: its maxlength (UTF-16 units, as the browser counts) and its pattern. */
export interface FieldLimits {
  maxLength?: number | undefined;
  pattern?: string | undefined;
}

/** Why a field is not fillable as a person sees it ('' = fillable). */
export type HiddenReason = '' | 'not-rendered' | 'invisible' | 'transparent' | 'too-small' | 'off-screen' | 'clipped' | 'covered';

/** Why a confirmed write was not made. */
export type RefusedReason = 'navigated' | 'gone' | 'changed' | 'disabled' | 'readonly' | 'no-option' | 'error' | LaterReason | LimitReason | Exclude<HiddenReason, ''>;

/**
 * Why a write that waited for an earlier choice (`PageWrite.after`) was not made: the box stayed disabled, or
 * the list loaded no options, within the wait.
 */
export type LaterReason = 'still-disabled' | 'no-options' | 'still-hidden';

/**
 * What a write waits for: its box to be enabled by an earlier choice, its list's options to load after one, or
 * its box, hidden until then, to be shown by it.
 */
export type WriteAfter = 'enabled' | 'options' | 'shown';

/** Why a box would not take a value as typed: longer than its maxlength, outside its pattern. */
export type LimitReason = 'too-long' | 'pattern';

export interface PageWrite {
  /** The plan item's id, echoed back. */
  item: string;
  handle: FieldHandle;
  /** For choices the option VALUE(s), comma-joined; else the text to write. */
  value: string;
  /**
   * Written after the frame's other writes, once an earlier choice has enabled the box or loaded the list's
   * options (fill review (b), (c)); waited for by the page's DOM changes, at most `PageApplyRequest.waitMs`.
   */
  after?: WriteAfter | undefined;
  /**
   * A list's choice as the texts that name it (normalised: NFKC, no spaces, lower case), one entry per option
   * chosen (several in a multi-choice list, in the order of `value`'s codes), each first the text of the option
   * planned (or, where none was, the profile's own spelling): its option is chosen in the page when the list loads
   * it only after an earlier choice, or reloads it after ours (a cascade). One option must match each entry, else
   * nothing is written.
   */
  texts?: string[][] | undefined;
}

export interface PageReadBack {
  /** The stored value (option values for choices). */
  value: string;
  /** What the page shows (option texts for choices). */
  text: string;
}

export interface PageWriteResult {
  item: string;
  written: boolean;
  reason?: RefusedReason | undefined;
  read?: PageReadBack | undefined;
  /** The option value chosen in the page (`PageWrite.texts`), when it is not the one planned. */
  value?: string | undefined;
}

export interface PageApplyRequest {
  op: 'apply';
  /** The frame's URL at the preview. */
  url: string;
  writes: PageWrite[];
  /** Smallest width and height (CSS px) a person can see and click. */
  minSize: number;
  /** How long writes `after` an earlier choice may wait for it to take effect (ms; 0: not at all). */
  waitMs?: number | undefined;
  /**
   * A wait ends earlier once the page has settled: no change of its DOM for this long and none of its jQuery
   * requests in flight (ms; 0: only `waitMs` ends it). A box the choice leaves disabled for good then costs this,
   * not the whole wait.
   */
  quietMs?: number | undefined;
}

export interface PageApplyAnswer {
  navigated: boolean;
  results: PageWriteResult[];
}

export interface PageKit {
  /** `scope`: the field's whole control (a MiniUI root), whose parts at the centre do not count as covering. */
  hiddenReason(el: Element, minSize: number, scope?: Element): HiddenReason;
  fingerprint(el: Element, mini?: string): FieldHandle;
  find(doc: Document, handle: FieldHandle): Element | null;
  sameHandle(a: FieldHandle, b: FieldHandle): boolean;
  /** Does `el` still have the fingerprint of `handle` (sameHandle(fingerprint(el, handle.mini), handle))? */
  matches(el: Element, handle: FieldHandle): boolean;
  /** The confirm's request as the one string sent to the page (`pageScript(wire)` takes it). */
  toWire(req: PageApplyRequest): string;
  /** The page's answer string back in `PageApplyAnswer`'s shape, item ids from `req` (undefined: not an answer to it). */
  answerFromWire(text: unknown, req: PageApplyRequest): unknown;
  /** Why a box with these limits would not take `value` as a person could type it ('' = it would). */
  unfit(limits: FieldLimits | undefined, value: string): LimitReason | '';
  /** A text as the page script compares labels and option texts (NFKC, no spaces or colons, at most 40 characters). */
  norm(s: string): string;
  /**
   * The date format a box wants, read from the page (its type, the picker's declared format, its value, its
   * placeholder): yyyy/MM/M/dd/d tokens, `M?`/`d?` where padding is not shown; '' a format we cannot write;
   * undefined where the page says nothing.
   */
  dateFormatOf(el: Element): string | undefined;
}

export function pageScript(req: { op: 'kit' }): PageKit;
export function pageScript(req: PageProbeRequest): PageProbe[];
export function pageScript(req: PageApplyRequest): Promise<PageApplyAnswer>;
/** The confirm as one string each way (`PageKit.toWire` → the answer for `PageKit.answerFromWire`). */
export function pageScript(wire: string): Promise<string>;
export function pageScript(req: { op: 'kit' } | PageProbeRequest | PageApplyRequest | string): PageKit | PageProbe[] | Promise<PageApplyAnswer | string> {
  // ---- the confirm's wire: one string each way ------------------------------------------------------------
  // executeScript converts its arguments and its result value by value: the request's 40 nested writes and
  // the answer's 40 results cost ~1 ms each way where one string of the same content costs ~0.1 ms (bench
  // T8). Positional arrays: each write's handle fields in FieldHandle's order, each result as
  // [1] written, [1, value, text] written and read back, [0, reason] refused.
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const rows = (v: unknown): unknown[][] => (Array.isArray(v) ? v.map((r: unknown) => (Array.isArray(r) ? r : [])) : []);
  const toWire = (r: PageApplyRequest): string =>
    JSON.stringify([r.url, r.minSize, r.writes.map(({ value, handle: h, after, texts }) => [value, h.mini ?? '', h.id, h.name, h.tag, h.type, h.nth, h.form, h.label, h.count, ...(after || texts ? [after ?? '', texts ?? []] : [])]), r.waitMs ?? 0, r.quietMs ?? 0]);
  const fromWire = (wire: string): PageApplyRequest => {
    const parsed: unknown = JSON.parse(wire);
    const top = rows([parsed])[0] ?? [];
    return {
      op: 'apply',
      url: text(top[0]),
      minSize: typeof top[1] === 'number' ? top[1] : 0,
      waitMs: typeof top[3] === 'number' ? top[3] : 0,
      quietMs: typeof top[4] === 'number' ? top[4] : 0,
      // Indexed, not destructured: in the page, array destructuring measured ~1 ms for 40 rows (bench T8).
      writes: rows(top[2]).map((r, i) => ({
        item: String(i),
        value: text(r[0]),
        handle: { mini: text(r[1]) || undefined, id: text(r[2]), name: text(r[3]), tag: text(r[4]), type: text(r[5]), nth: typeof r[6] === 'number' ? r[6] : -1, form: text(r[7]), label: text(r[8]), count: typeof r[9] === 'number' ? r[9] : -1 },
        after: r[10] === 'enabled' || r[10] === 'options' || r[10] === 'shown' ? r[10] : undefined,
        // A write waiting for its box (`enabled`, `shown`) travels with no texts: it names no option.
        texts: Array.isArray(r[11]) && r[11].length ? rows(r[11]).map((names) => names.map(text)) : undefined,
      })),
    };
  };
  const answerToWire = (a: PageApplyAnswer): string =>
    JSON.stringify([a.navigated ? 1 : 0, a.results.map((r) => (!r.written ? [0, r.reason ?? 'error'] : r.read ? [1, r.read.value, r.read.text, ...(r.value === undefined ? [] : [r.value])] : [1]))]);
  const answerFromWire = (answer: unknown, r: PageApplyRequest): unknown => {
    let parsed: unknown;
    try {
      parsed = typeof answer === 'string' ? JSON.parse(answer) : undefined;
    } catch {
      return undefined;
    }
    if (!Array.isArray(parsed) || (parsed[0] !== 0 && parsed[0] !== 1) || !Array.isArray(parsed[1]) || parsed[1].length !== r.writes.length) return undefined;
    return {
      navigated: parsed[0] === 1,
      results: rows(parsed[1]).map(([written, a, b, chosen], i) => {
        const item = r.writes[i]?.item;
        if (written !== 1) return { item, written: false, reason: a };
        return b === undefined ? { item, written: true } : { item, written: true, read: { value: a, text: b }, ...(chosen === undefined ? {} : { value: chosen }) };
      }),
    };
  };
  if (typeof req === 'string') return pageScript(fromWire(req)).then(answerToWire);
  /**
   * Would a box with these limits take `value` as typed? A script can set a value longer than maxlength or
   * outside the pattern (the browser checks neither for script-set values), which a person could not type and
   * the portal may cut or reject: such a value is not written. The pattern is read as the browser reads it
   * (anchored, `v` flag); one the browser would ignore (it does not compile) is ignored here too.
   */
  const unfit = (limits: FieldLimits | undefined, value: string): LimitReason | '' => {
    if (!limits || !value) return '';
    if (limits.maxLength !== undefined && limits.maxLength >= 0 && value.length > limits.maxLength) return 'too-long';
    if (!limits.pattern) return '';
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${limits.pattern})$`, 'v');
    } catch {
      return '';
    }
    return re.test(value) ? '' : 'pattern';
  };
  /** A box's own limits ('' pattern and -1 maxlength: none). */
  const limitsOf = (el: Element): FieldLimits | undefined => {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return undefined;
    const pattern = el instanceof HTMLInputElement ? el.getAttribute('pattern') ?? '' : '';
    if (el.maxLength < 0 && !pattern) return undefined;
    return { ...(el.maxLength >= 0 ? { maxLength: el.maxLength } : {}), ...(pattern ? { pattern } : {}) };
  };

  // ---- visibility as a person sees it (Bitwarden/1Password's checks are the bar) ---------------------------
  /** A native form field (what has labels, a form, a value, disabled/read-only). */
  const isField = (el: Element | null): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
    el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
  const parentOf = (el: Element): Element | null => {
    if (el.parentElement) return el.parentElement;
    const root = el.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  // Computed styles are live objects: one per element serves every field that shares the ancestor.
  const styles = new WeakMap<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element): CSSStyleDeclaration => {
    let s = styles.get(el);
    if (!s) styles.set(el, (s = (el.ownerDocument.defaultView ?? window).getComputedStyle(el)));
    return s;
  };
  /**
   * What an element imposes on everything inside it: not rendered (display: none, content-visibility: hidden),
   * its opacity times its ancestors', clip-path/clip, and the overflow boxes that clip its descendants. Worked
   * out once per element in one pass over a frame's fields (they share most ancestors: 40 fields in one table
   * read each ancestor's style once, not 40 times), and forgotten whenever the page may have changed (before
   * each write, at every kit call).
   */
  type Inherited = { hidden: boolean; opacity: number; clipPath: boolean; boxes: Array<{ box: DOMRect; x: boolean; y: boolean }> };
  const ROOT: Inherited = { hidden: false, opacity: 1, clipPath: false, boxes: [] };
  let inherited = new WeakMap<Element, Inherited>();
  let docBox = new WeakMap<Document, { width: number; height: number }>();
  const forget = () => {
    inherited = new WeakMap();
    docBox = new WeakMap();
  };
  // Each computed-style read costs (a value serialised per read; 40 fields read ~200 elements): the fewest
  // reads that decide, the rare ones last.
  const clips = (v: string | undefined) => v === 'hidden' || v === 'clip';
  // `clip` applies to every absolutely positioned box, fixed included (CSS 2.1 §11.1.2). A mask image can hide
  // a box as completely as a clip path; like any clip path it is refused, whatever its shape (portals use neither
  // on their forms).
  const maskOf = (s: CSSStyleDeclaration) => s.maskImage || s.getPropertyValue('-webkit-mask-image');
  const clipPathOf = (s: CSSStyleDeclaration) =>
    (!!s.clipPath && s.clipPath !== 'none') || (!!s.clip && s.clip !== 'auto' && (s.position === 'absolute' || s.position === 'fixed')) || (maskOf(s) || 'none') !== 'none';
  /** Overflow per axis from one read of the shorthand (`hidden`, or `hidden visible`); longhands if it is empty. */
  const overflowOf = (s: CSSStyleDeclaration): [boolean, boolean] => {
    const v = s.overflow;
    if (v === 'visible') return [false, false];
    const xy = (v || `${s.overflowX} ${s.overflowY}`).trim().split(/\s+/);
    return [clips(xy[0]), clips(xy[1] ?? xy[0])];
  };
  /** `filter: opacity(…)` fades a box as `opacity` does; each such function multiplies (0.5 or 50 %). */
  const filterOpacity = (f: string): number => {
    if (!f || f === 'none' || !f.includes('opacity(')) return 1;
    let k = 1;
    for (const m of f.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) k *= Number.parseFloat(m[1] ?? '1') / (m[2] ? 100 : 1);
    return k;
  };
  const opacityOf = (s: CSSStyleDeclaration) => {
    const v = s.opacity;
    return (v === '1' || !v ? 1 : Number.parseFloat(v)) * filterOpacity(s.filter);
  };
  /**
   * The browser's own answer to "not rendered (display: none or content-visibility: hidden up the chain) or
   * not visible (visibility)" in one call (Element.checkVisibility: Chrome 105, Firefox 106); without it the
   * walk below reads `display` and `content-visibility` of every ancestor.
   */
  // (The kit is also made where there is no DOM at all: the service worker and Node import this module.)
  const nativeVisibility = typeof Element === 'function' && typeof Element.prototype.checkVisibility === 'function';
  /** What `a` and its ancestors impose on the elements inside `a`. */
  const inheritedFrom = (a: Element | null): Inherited => {
    if (!a) return ROOT;
    const known = inherited.get(a);
    if (known) return known;
    const up = inheritedFrom(parentOf(a));
    const s = styleOf(a);
    const over = overflowOf(s);
    const ox = over[0];
    const oy = over[1];
    const info: Inherited = {
      hidden: !nativeVisibility && (up.hidden || s.display === 'none' || s.contentVisibility === 'hidden'),
      opacity: up.opacity * opacityOf(s),
      clipPath: up.clipPath || clipPathOf(s),
      boxes: ox || oy ? [...up.boxes, { box: a.getBoundingClientRect(), x: ox, y: oy }] : up.boxes,
    };
    inherited.set(a, info);
    return info;
  };
  const ourUi = (el: Element | null): boolean => !!el?.closest('[data-jzs-overlay], jzs-overlay, [data-jzs-panel-frame]');
  // The hit test: the element at the field's centre must be the field (or its own parts or label), looked up
  // through open shadow roots; our own overlay on top does not count as hiding the field.
  const covered = (el: Element, rect: DOMRect, scope: Element): boolean => {
    const win = el.ownerDocument.defaultView ?? window;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    if (x < 0 || y < 0 || x >= win.innerWidth || y >= win.innerHeight) return false; // off the viewport: scrolled to later
    let hit: Element | null = el.ownerDocument.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner: Element | null = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    // The usual answer first (the field's own part), the walks up the tree only when it is something else.
    if (!hit || scope.contains(hit) || ourUi(hit)) return false;
    const labels = isField(el) ? Array.from(el.labels ?? []) : [];
    return !labels.some((l) => l.contains(hit));
  };
  /** Clipped away by an ancestor's overflow box too small to show `minSize` px of it. */
  const clippedByBoxes = (boxes: Inherited['boxes'], rect: DOMRect, minSize: number): boolean =>
    boxes.some(({ box, x, y }) => {
      const w = Math.min(rect.right, box.right) - Math.max(rect.left, box.left);
      const h = Math.min(rect.bottom, box.bottom) - Math.max(rect.top, box.top);
      return (x && w < minSize) || (y && h < minSize);
    });
  const offScreen = (el: Element, rect: DOMRect): boolean => {
    const doc = el.ownerDocument;
    const win = doc.defaultView ?? window;
    let size = docBox.get(doc);
    if (!size) docBox.set(doc, (size = { width: Math.max(doc.documentElement.scrollWidth, win.innerWidth), height: Math.max(doc.documentElement.scrollHeight, win.innerHeight) }));
    const left = rect.left + win.scrollX;
    const top = rect.top + win.scrollY;
    // Nobody can scroll to negative coordinates, nor beyond the document's scrollable size.
    return left + rect.width <= 0 || top + rect.height <= 0 || left >= size.width || top >= size.height;
  };
  /** Has it a box, rendered and visible? One native call answers the usual case; the reason only when not. */
  const shownReason = (el: Element): HiddenReason => {
    if (nativeVisibility) {
      if (el.checkVisibility({ visibilityProperty: true })) return '';
      return el.checkVisibility() ? 'invisible' : 'not-rendered';
    }
    if (el.getClientRects().length === 0) return 'not-rendered';
    const own = styleOf(el);
    if (own.display === 'none') return 'not-rendered';
    return own.visibility === 'hidden' || own.visibility === 'collapse' ? 'invisible' : '';
  };
  const hiddenReasonOne = (el: Element, minSize: number, scope: Element): HiddenReason => {
    if (!el.isConnected) return 'not-rendered';
    const shown = shownReason(el);
    if (shown) return shown;
    const own = styleOf(el);
    // Its own content-visibility: hidden hides what it shows (its value) too.
    if (own.contentVisibility === 'hidden') return 'not-rendered';
    const up = inheritedFrom(parentOf(el));
    if (up.hidden) return 'not-rendered';
    if (up.opacity * opacityOf(own) < 0.1) return 'transparent';
    // getBoundingClientRect includes transforms: scale(0.01) shows as a rect of a few hundredths of a pixel.
    const rect = el.getBoundingClientRect();
    if (rect.width < minSize || rect.height < minSize) return 'too-small';
    if (offScreen(el, rect)) return 'off-screen';
    // The field's own overflow does not hide the field; its own clip-path does.
    if (up.clipPath || clipPathOf(own) || clippedByBoxes(up.boxes, rect, minSize)) return 'clipped';
    if (covered(el, rect, scope)) return 'covered';
    return '';
  };
  /** A radio or checkbox styled by its label (the input itself hidden) is as visible as that label. */
  const hiddenReason = (el: Element, minSize: number, scope: Element = el): HiddenReason => {
    const reason = hiddenReasonOne(el, minSize, scope);
    if (!reason || !(el instanceof HTMLInputElement) || (el.type !== 'radio' && el.type !== 'checkbox')) return reason;
    const label = Array.from(el.labels ?? []).find((l) => hiddenReasonOne(l, minSize, l) === '');
    return label ? '' : reason;
  };

  // ---- fingerprints: the field the user saw, found again --------------------------------------------------
  // A confirm reads each label twice (the check, and the re-check before the write): NFKC and the regex once
  // per text. Bounded, since the kit lives as long as its caller.
  const normed = new Map<string, string>();
  const norm = (s: string | null | undefined): string => {
    const raw = s ?? '';
    let n = normed.get(raw);
    if (n === undefined) {
      if (normed.size > 500) normed.clear();
      // Icon-font glyphs (private use characters: Layui's radio circle) are drawn, never read as text.
      normed.set(raw, (n = raw.normalize('NFKC').replace(/[\s\u00a0\u3000*＊:：\ue000-\uf8ff]+/g, '').slice(0, 40)));
    }
    return n;
  };
  const labelAround = (el: Element): string => {
    const own = isField(el) ? el.labels?.[0]?.textContent : undefined;
    if (own) return norm(own);
    const control = el.closest('[role="control"][label]');
    if (control) return norm(control.getAttribute('label'));
    // The nearest cell before the field's own with any text.
    for (let prev = el.closest('td, dd')?.previousElementSibling ?? null; prev; prev = prev.previousElementSibling) {
      const text = norm(prev.textContent);
      if (text) return text;
    }
    return '';
  };
  const formOf = (el: Element): string => {
    const form = (isField(el) ? el.form : null) ?? el.closest('form');
    if (!form) return '';
    return form.id || form.getAttribute('name') || `#${Array.from(el.ownerDocument.forms).indexOf(form)}`;
  };
  const sameNamed = (doc: Document, tag: string, name: string): Element[] =>
    Array.from(doc.getElementsByTagName(tag)).filter((x) => (x.getAttribute('name') ?? '') === name);
  /** How many elements of the document share `el`'s id, else its tag and name. */
  const sharing = (el: Element): number =>
    el.id ? el.ownerDocument.querySelectorAll(`[id="${CSS.escape(el.id)}"]`).length : sameNamed(el.ownerDocument, el.localName, el.getAttribute('name') ?? '').length;
  const fingerprint = (el: Element, mini?: string): FieldHandle => {
    const tag = el.localName;
    const name = el.getAttribute('name') ?? '';
    return {
      ...(mini ? { mini } : {}),
      id: el.id,
      name,
      tag,
      type: (el.getAttribute('type') ?? '').toLowerCase(),
      // MiniUI roots are found by their control id; the position is only for unnamed native fields.
      nth: mini ? -1 : sameNamed(el.ownerDocument, tag, name).indexOf(el),
      form: formOf(el),
      label: labelAround(el),
      count: mini ? 1 : sharing(el),
    };
  };
  const find = (doc: Document, h: FieldHandle): Element | null => {
    if (h.mini) return doc.getElementById(h.mini);
    const byId = h.id ? doc.getElementById(h.id) : null;
    return byId ?? sameNamed(doc, h.tag, h.name)[h.nth] ?? null;
  };
  const sameHandle = (a: FieldHandle, b: FieldHandle) =>
    a.tag === b.tag && a.type === b.type && a.id === b.id && a.name === b.name && a.form === b.form && a.label === b.label && (a.mini ?? '') === (b.mini ?? '') && a.count === b.count;
  /**
   * `sameHandle(fingerprint(el, h.mini), h)` without building the fingerprint: the cheap parts first, the label
   * (a walk and a text) last. The confirm asks this twice per field (tests/unit/fill.test.ts holds the two
   * equal on every replica page under seeded mutations).
   */
  const matches = (el: Element, h: FieldHandle): boolean =>
    el.localName === h.tag &&
    el.id === h.id &&
    (el.getAttribute('name') ?? '') === h.name &&
    (el.getAttribute('type') ?? '').toLowerCase() === h.type &&
    formOf(el) === h.form &&
    labelAround(el) === h.label &&
    (h.mini ? 1 : sharing(el)) === h.count;

  // ---- the date format a box wants (fill review (a)) ------------------------------------------------------
  // Pickers other than My97 write their own format, which the page declares on the box, shows in the box's
  // value or placeholder, or keeps in its library: a box a person cannot type into gets a date only in a format
  // read from the page, never a guess. Formats come back in one token language (yyyy, MM, M, dd, d, and
  // `M?`/`d?` where the page shows no padding either way: 2020/11/25), '' where the page names a format we
  // cannot write (names of months, times, two-digit years), undefined where it says nothing.
  /**
   * A format in a library's tokens, in ours. Either case names the month and the day (My97 and laydate write
   * yyyy-MM-dd, laydate 1.x YYYY-MM-DD, placeholders yyyy-mm-dd), except in `lib` (bootstrap-datepicker,
   * jQuery UI): there lowercase m is the month and uppercase M and D are names (their documentation, "format").
   */
  const formatFrom = (spec: string, lib: boolean): string => {
    let out = '';
    const seen = new Set<string>();
    const runs = spec.replace(/'([^']*)'/g, '$1').match(/([A-Za-z])\1*|[^A-Za-z]+/g) ?? [];
    for (const run of runs) {
      const c = run[0] ?? '';
      const kind = /[yY]/.test(c) ? 'y' : c === 'm' || (c === 'M' && !lib) ? 'm' : c === 'd' || (c === 'D' && !lib) ? 'd' : /[A-Za-z]/.test(c) ? 'x' : '';
      if (!kind) {
        out += run;
        continue;
      }
      // Another letter (hours, names of days), a month or day by name, a year of two digits: not ours to write.
      const len = run.length;
      if (kind === 'x' || seen.has(kind) || (kind === 'y' ? len !== 4 : len > 2)) return '';
      seen.add(kind);
      out += kind === 'y' ? 'yyyy' : kind === 'm' ? (len === 2 ? 'MM' : 'M') : len === 2 ? 'dd' : 'd';
    }
    return seen.has('y') && seen.has('m') ? out : '';
  };
  /** The format a written date shows (2020-01-05, 2020年1月5日, 20200105): padding from a part that shows it. */
  const formatShown = (text: string): string | undefined => {
    if (/^\d{8}$/.test(text)) return 'yyyyMMdd';
    const m = /^(\d{4})([^\d\sA-Za-z]{1,2})(\d{1,2})([^\d\sA-Za-z]{1,2})(\d{1,2})([^\d\sA-Za-z]?)$/.exec(text);
    if (!m || Number(m[3]) < 1 || Number(m[3]) > 12 || Number(m[5]) < 1 || Number(m[5]) > 31) return undefined;
    const parts = [m[3] ?? '', m[5] ?? ''];
    const pad = parts.some((p) => p.length === 2 && p[0] === '0') ? 2 : parts.some((p) => p.length === 1) ? 1 : 0;
    const tok = (t: string) => (pad === 2 ? t + t : pad === 1 ? t : `${t}?`);
    return `yyyy${m[2]}${tok('M')}${m[4]}${tok('d')}${m[6]}`;
  };
  /** A placeholder's format: an example date, letters (yyyy-mm-dd, YYYY/MM/DD), or 年/月/日 as Chrome draws it. */
  const formatPlaceholder = (text: string): string | undefined => {
    const t = text.normalize('NFKC').replace(/\s+/g, '');
    const example = /\d{4}[^\d]{1,2}\d{1,2}[^\d]{1,2}\d{1,2}[日]?|\d{8}/.exec(t)?.[0];
    if (example) return formatShown(example);
    // Letters in any order (yyyy-mm-dd, dd.mm.yyyy), with a year and a month among them.
    const letters = /[yYmMdD]{1,4}(?:[^A-Za-z\d]{0,2}[yYmMdD]{1,4}){1,2}[日]?/.exec(t)?.[0];
    if (letters && /y/i.test(letters) && /m/i.test(letters)) return formatFrom(letters, false);
    const cjk = /年([^年月日\d]?)月([^年月日\d]?)日/.exec(t);
    if (cjk) return cjk[1] || cjk[2] ? `yyyy${cjk[1]}M?${cjk[2]}d?` : 'yyyy年M?月d?日';
    return undefined;
  };
  /** jQuery UI keeps a box's format in its own options (read through the page's jQuery). */
  const jqueryUiFormat = (el: Element): string | undefined => {
    const jq: unknown = Reflect.get(window, 'jQuery');
    if (typeof jq !== 'function' || !el.classList.contains('hasDatepicker')) return undefined;
    try {
      const picker: unknown = Reflect.get(Reflect.apply(jq, undefined, [el]), 'datepicker');
      const f: unknown = typeof picker === 'function' ? Reflect.apply(picker, Reflect.apply(jq, undefined, [el]), ['option', 'dateFormat']) : undefined;
      // jQuery UI: yy is the four-digit year, y two digits (its documentation, "formatDate").
      return typeof f === 'string' ? formatFrom(f.replace(/y+/g, (y) => (y.length === 2 ? 'yyyy' : 'yy')), true) : undefined;
    } catch {
      return undefined;
    }
  };
  /** What the picker or the box itself declares: its type, a handler's option, a format attribute, the library's options. */
  const formatDeclared = (el: HTMLInputElement): string | undefined => {
    if (el.type === 'date') return 'yyyy-MM-dd'; // HTML: a date box's value is yyyy-MM-dd whatever it displays
    if (el.type === 'month') return 'yyyy-MM';
    const handler = ['onfocus', 'onclick', 'onmousedown'].map((a) => el.getAttribute(a) ?? '').join(';');
    const inHandler = /(?:dateFmt|format)\s*:\s*['"]([^'"]+)['"]/.exec(handler)?.[1];
    if (inHandler) return formatFrom(inHandler, false);
    // Defaults their documentation states: My97 WdatePicker yyyy-MM-dd, laydate 1.x YYYY-MM-DD.
    if (/WdatePicker\s*\(|laydate\s*\(/i.test(handler) || el.classList.contains('Wdate')) return 'yyyy-MM-dd';
    const attr = ['data-date-format', 'data-format', 'date-format', 'format', 'lay-format'].map((a) => el.getAttribute(a)).find((v) => v);
    // bootstrap-datepicker's own attribute: lowercase mm is the month, MM its name (its documentation, "format").
    if (attr) return formatFrom(attr, el.hasAttribute('data-date-format') || el.hasAttribute('data-provide'));
    return jqueryUiFormat(el);
  };
  const dateFormatOf = (el: Element): string | undefined => {
    if (!(el instanceof HTMLInputElement)) return undefined;
    const value = el.value.normalize('NFKC').trim();
    return formatDeclared(el) ?? (value ? formatShown(value) : undefined) ?? formatPlaceholder(el.placeholder);
  };

  if (req.op === 'kit') {
    // The kit lives as long as its caller: every call sees the page as it is now.
    const fresh = (el: Element, minSize: number, scope?: Element) => {
      forget();
      return hiddenReason(el, minSize, scope);
    };
    return { hiddenReason: fresh, fingerprint, find, sameHandle, matches, toWire, answerFromWire, unfit, norm, dateFormatOf };
  }

  // ---- widgets of the page's own over native boxes ---------------------------------------------------------
  /**
   * A read-only box a date picker writes: the page says so on the box itself — a handler that opens a picker
   * (My97's `onfocus="WdatePicker(…)"`), or the mark a picker library leaves on the boxes it owns (laydate's
   * `lay-key`, jQuery UI's `hasDatepicker`, bootstrap's `data-provide`). Its id, name and value say nothing (a
   * read-only 出生日期 the page works out from the ID number is named like one and is no picker).
   */
  // A handler that opens a picker (WdatePicker(…), laydate.render, showDate(…)), not one that checks a date (validate(…), checkDate(…)).
  const PICKER_WORD = /picker|calendar|laydate|(^|[^a-z])(show|select|choose|open|pick|set)?_?date\s*\(/i;
  const pickerOwned = (el: Element): boolean =>
    el instanceof HTMLInputElement &&
    (['onfocus', 'onclick', 'onmousedown'].some((a) => PICKER_WORD.test(el.getAttribute(a) ?? '')) ||
      el.hasAttribute('lay-key') ||
      /picker|date/i.test(el.getAttribute('data-provide') ?? '') ||
      /(^|\s)(Wdate|hasDatepicker|laydate\S*|\S*datepicker\S*|\S*date-picker\S*)(\s|$)/i.test(el.className));
  /**
   * A read-only box that opens a list of the page's own: it says so to assistive technology (a combobox, a popup)
   * or its widget's class does (el-select, ant-select, a cascader, a dropdown).
   */
  const WIDGET_CLASS = /(^|[\s_-])(select|cascader|dropdown|combo(box)?)([\s_-]|$)/i;
  const choiceWidget = (el: Element): boolean => {
    for (let at: Element | null = el, up = 0; at && up < 4; at = at.parentElement, up++) {
      if (at.getAttribute('role') === 'combobox' || at.hasAttribute('aria-haspopup') || WIDGET_CLASS.test(at.getAttribute('class') ?? '')) return true;
      if (at.matches('td, dd, form')) break;
    }
    return false;
  };
  /** The read-only a person can still change through the page's own picker is no reason not to write. */
  const lockedReadOnly = (el: Element): boolean => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.readOnly && !pickerOwned(el);

  /**
   * A select the page hides and shows through a stand-in of its own (Layui's `.layui-form-select`, select2,
   * chosen…): the element right after it that a person sees, holding one element for each of its options with
   * that option's text. A person changes it by clicking the stand-in's option, so the fill does the same.
   */
  /** Our own inline hints and overlay (put right after a field, its anchor), which the page's layout knows nothing of. */
  const OURS = 'jzs-overlay, jzs-hint, jzs-upload-check, [data-jzs-overlay]';
  /** The element, or node, after `el` in the page's own markup (our hints skipped). */
  const nextElement = (el: Element): Element | null => {
    let next = el.nextElementSibling;
    while (next?.matches(OURS)) next = next.nextElementSibling;
    return next;
  };
  const nextNode = (el: Element): Node | null => {
    let next = el.nextSibling;
    while (next instanceof Element && next.matches(OURS)) next = next.nextSibling;
    return next;
  };
  const standInOf = (select: HTMLSelectElement): Element | undefined => {
    const next = nextElement(select);
    if (!next || next instanceof HTMLSelectElement || shownReason(next)) return undefined;
    const texts = Array.from(select.options).filter((o) => o.value !== '').map((o) => norm(o.textContent));
    // A list with no options yet (a cascade loads them after an earlier choice): no option text to tell its
    // stand-in by, so the element after it stands in for it when it holds nothing a person types or picks in
    // (Layui's read-only title box over an empty list). It is chosen through only once its options came and
    // the stand-in shows them all (the check below, again at the write).
    if (!texts.length) return isField(next) || next.querySelector('select, textarea, input:not([readonly])') || next.querySelectorAll('input').length > 1 ? undefined : next;
    const leaves = new Set(Array.from(next.querySelectorAll('*')).filter((x) => x.childElementCount === 0).map((x) => norm(x.textContent)));
    return texts.every((t) => leaves.has(t)) ? next : undefined;
  };
  /** What a stand-in shows: its box's text, else its first line of text. */
  const shownBy = (standIn: Element): string => {
    const box = standIn.querySelector('input');
    return norm(box ? box.value : standIn.firstElementChild?.textContent ?? standIn.textContent);
  };
  /** The stand-in's element for an option (the first leaf with its text). */
  const standInOption = (standIn: Element, text: string): HTMLElement | undefined =>
    Array.from(standIn.querySelectorAll<HTMLElement>('*')).find((x) => x.childElementCount === 0 && norm(x.textContent) === text && !x.querySelector('input'));
  /**
   * A radio or checkbox the page hides and draws as the element right after it (Layui's `.layui-form-radio`, a
   * styled label): that element, when it shows the option's name (its label, title or value). A click on it is
   * what a person does.
   */
  const boxStandIn = (x: HTMLInputElement): Element | undefined => {
    const next = nextElement(x);
    if (!next || isField(next) || next.querySelector('input, select, textarea') || shownReason(next)) return undefined;
    const name = norm(Array.from(x.labels ?? [])[0]?.textContent || x.title || x.value);
    return name !== '' && norm(next.textContent) === name ? next : undefined;
  };
  const isBox = (el: Element): el is HTMLInputElement => el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
  /** What a person sees of a field: a hidden select's or option's stand-in, else the field itself. */
  const seenPart = (el: Element): Element => {
    if (!shownReason(el)) return el;
    if (el instanceof HTMLSelectElement) return standInOf(el) ?? el;
    return isBox(el) ? (boxStandIn(el) ?? el) : el;
  };

  type Ctl = {
    setValue(v: unknown): void;
    getValue(): unknown;
    getText?: () => string;
    getFormValue?: () => string;
    validate?: () => unknown;
    fire?: (type: string, e: unknown) => void;
    enabled?: boolean;
    readOnly?: boolean;
    getEnabled?: () => boolean;
    getReadOnly?: () => boolean;
    getData?: () => unknown[];
    data?: unknown[];
    textField?: string;
    valueField?: string;
    getTextField?: () => string;
    getValueField?: () => string;
    multiSelect?: boolean;
    getMultiSelect?: () => boolean;
  };
  /** The page's MiniUI (`window.mini`), when it has one. */
  const pageMini = (): { get(id: string): Ctl | undefined } | undefined => {
    const m: unknown = Reflect.get(window, 'mini');
    if (typeof m !== 'object' || m === null) return undefined;
    const get: unknown = Reflect.get(m, 'get');
    // The page's own controls: what each offers is checked where it is used (getEnabled?, getData?…).
    return typeof get === 'function' ? { get: (id: string): Ctl | undefined => Reflect.apply(get, m, [id]) ?? undefined } : undefined;
  };
  const mini = pageMini();
  const doc = document;
  const minSize = req.minSize;
  const MINI_INPUT = 'input.mini-textbox-input, textarea.mini-textbox-input, input.mini-buttonedit-input, input[type=radio], input[type=checkbox]';
  const MINI_LIST = '.mini-checkboxlist, .mini-radiobuttonlist';
  /**
   * What a person sees of a MiniUI control: its box, or an option of its list — a list with no options yet (a
   * cascade loads them after an earlier choice) draws none, and is as visible as its own root.
   */
  const miniPart = (el: Element): Element | null => el.querySelector(MINI_INPUT) ?? (el.matches(MINI_LIST) ? el : null);
  /**
   * Why a person cannot see a MiniUI control ('' = they can; null: it has no part to see). A list with no options
   * yet draws nothing to measure: only whether it is rendered and visible counts (an earlier choice may load it).
   */
  const miniHidden = (el: Element): HiddenReason | null => {
    const part = miniPart(el);
    return !part ? null : part === el ? shownReason(el) : hiddenReason(part, minSize, part);
  };
  /** Does this MiniUI control take several options (a checkbox list, a combobox with `multiSelect`)? */
  const miniMulti = (el: Element, c: Ctl | undefined): boolean => el.matches('.mini-checkboxlist') || (c?.getMultiSelect ? c.getMultiSelect() : c?.multiSelect) === true;

  // ---- preview: each field's handle, visibility and (MiniUI lists) options ---------------------------------
  /** A MiniUI list's options live in the page's own objects (text and value fields are the control's). */
  const miniOptions = (id: string): PageProbe['options'] => {
    const c = mini?.get(id);
    const data: unknown = c?.getData ? c.getData() : c?.data;
    if (!c || !Array.isArray(data)) return undefined;
    const tf = (c.getTextField ? c.getTextField() : c.textField) || 'text';
    const vf = (c.getValueField ? c.getValueField() : c.valueField) || 'id';
    const field = (d: unknown, k: string): string => (typeof d === 'object' && d !== null ? String(Reflect.get(d, k) ?? '') : '');
    return data.map((d: unknown) => ({ text: field(d, tf), value: field(d, vf) }));
  };
  // ---- confirm: check, write, read back --------------------------------------------------------------------
  const choiceGroup = (el: HTMLInputElement) =>
    Array.from((el.form ?? doc).querySelectorAll<HTMLInputElement>(`input[type="${el.type}"]`)).filter((x) => x.name === el.name);
  const textOfOption = (x: HTMLInputElement) => norm(Array.from(x.labels ?? [])[0]?.textContent ?? nextNode(x)?.textContent ?? x.value);

  const read = (w: PageWrite, el: Element): PageReadBack => {
    if (w.handle.mini) {
      const c = mini?.get(w.handle.mini);
      const value = c ? String(c.getFormValue ? c.getFormValue() : (c.getValue() ?? '')) : '';
      return { value, text: c?.getText ? String(c.getText()) : value };
    }
    if (el instanceof HTMLSelectElement) {
      // What a person sees: the stand-in's text where the page shows the select through one.
      const standIn = shownReason(el) ? standInOf(el) : undefined;
      return { value: el.value, text: standIn ? shownBy(standIn) : norm(el.options[el.selectedIndex]?.textContent ?? '') };
    }
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
      const on = choiceGroup(el).filter((x) => x.checked);
      return { value: on.map((x) => x.value).join(','), text: on.map(textOfOption).join(',') };
    }
    const value = isField(el) ? el.value : '';
    return { value, text: value };
  };

  /** Why this field must not be written now, by its fingerprint and what its element and control say ('' = it may). No layout. */
  const refuseState = (w: PageWrite, el: Element | null): RefusedReason | '' => {
    if (!el?.isConnected) return 'gone';
    if (!matches(el, w.handle)) return 'changed';
    if (w.handle.mini) {
      const c = mini?.get(w.handle.mini);
      const input = miniPart(el);
      if (!c || !input) return 'gone';
      if ((c.getEnabled ? !c.getEnabled() : c.enabled === false) || el.classList.contains('mini-disabled') || (isField(input) && input.disabled)) return 'disabled';
      if ((c.getReadOnly ? c.getReadOnly() : c.readOnly === true) || el.classList.contains('mini-readonly')) return 'readonly';
      return '';
    }
    if ((isField(el) && el.disabled) || !!el.closest('fieldset:disabled')) return 'disabled';
    if (lockedReadOnly(el)) return 'readonly';
    return '';
  };
  /** Can a person see it (reads layout: done for every field before the first write, in one layout). */
  const refuseSight = (w: PageWrite, el: Element): RefusedReason | '' => {
    if (w.handle.mini) return miniHidden(el) ?? 'gone';
    const input = seenPart(el);
    return hiddenReason(input, minSize, input === el ? el : input);
  };

  const setNative = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };

  /** Write one field; a reason when it could not be (its option is missing, an option to click is hidden). */
  const write = (w: PageWrite, el: Element): RefusedReason | '' => {
    if (w.handle.mini) {
      const c = mini?.get(w.handle.mini);
      if (!c) return 'gone';
      // A text box's typed limits (a list's value is an option's code, not typed).
      const limit = el.classList.contains('mini-textbox') ? unfit(limitsOf(el.querySelector(MINI_INPUT) ?? el), w.value) : '';
      if (limit) return limit;
      // The page's own path after a user's edit (domain.md): setValue alone fires nothing.
      c.setValue(w.value);
      c.validate?.();
      c.fire?.('valuechanged', { value: c.getValue() });
      return '';
    }
    if (el instanceof HTMLSelectElement) {
      const opt = Array.from(el.options).find((o) => o.value === w.value && !o.disabled);
      if (!opt) return 'no-option';
      const standIn = shownReason(el) ? standInOf(el) : undefined;
      if (!standIn) {
        setNative(el, w.value);
        return '';
      }
      // Through the stand-in, as a person does: its option's click updates the select, what it shows and the
      // page's model. Where it does not, nothing else is tried (the read-back says what the page holds).
      const item = standInOption(standIn, norm(opt.textContent));
      if (!item) return 'no-option';
      item.click();
      return '';
    }
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
      const wanted = new Set(w.value.split(',').filter(Boolean));
      const group = choiceGroup(el);
      if (![...wanted].every((v) => group.some((x) => x.value === v))) return 'no-option';
      if (!wanted.size && el.type === 'radio') {
        // Clearing a radio group (a click cannot uncheck a radio): unset and say so as an edit would.
        for (const x of group.filter((g) => g.checked)) {
          x.checked = false;
          x.dispatchEvent(new Event('change', { bubbles: true }));
        }
        return '';
      }
      const toClick = group.filter((x) => x.checked !== wanted.has(x.value) && (el.type === 'checkbox' || wanted.has(x.value)));
      // Each option as a person sees it: the option, its label, or the page's stand-in drawn for it.
      const seen = (x: HTMLInputElement) => (hiddenReason(x, minSize) ? seenPart(x) : x);
      const blocked = toClick.find((x) => x.disabled || hiddenReason(seen(x), minSize));
      if (blocked) return blocked.disabled ? 'disabled' : hiddenReason(seen(blocked), minSize) || 'error';
      // A click is what a person does: it runs the page's onclick and fires input/change.
      for (const x of toClick) {
        const target = seen(x);
        if (target instanceof HTMLElement) target.click();
      }
      return '';
    }
    // The handle names a native field; anything else under it was put there since the preview.
    if (!isField(el)) return 'changed';
    const limit = unfit(limitsOf(el), w.value);
    if (limit) return limit;
    setNative(el, w.value);
    return '';
  };

  /** Every field as the person sees it now, in one layout, before the first write. */
  const checkAll = (writes: PageWrite[]): Array<{ el: Element | null; reason: RefusedReason | '' }> =>
    writes.map((w) => {
      try {
        const el = find(doc, w.handle);
        return { el, reason: refuseState(w, el) || (el ? refuseSight(w, el) : 'gone') };
      } catch {
        return { el: null, reason: 'error' as const };
      }
    });

  // ---- writes after an earlier choice (fill review (b), (c)) ------------------------------------------------
  const choiceNorm = (t: string | null) => (t ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  /** A list's real options now (a native select's, or a MiniUI list's from the page's own objects); undefined: no list. */
  const listOf = (w: PageWrite, el: Element): Array<{ text: string; value: string }> | undefined => {
    if (w.handle.mini) return miniOptions(w.handle.mini)?.filter((o) => o.value !== '');
    if (!(el instanceof HTMLSelectElement)) return undefined;
    return Array.from(el.options).filter((o) => o.value !== '' && !o.disabled).map((o) => ({ text: o.textContent ?? '', value: o.value }));
  };
  /** The one option of a loaded list that the texts name (by its text, or a value equal to the profile's own spelling). */
  const optionNamed = (real: Array<{ text: string; value: string }>, texts: string[]): { value: string } | undefined => {
    const own = real.filter((o) => choiceNorm(o.text) === texts[0] || choiceNorm(o.value) === texts[0]);
    const named = own.length ? own : real.filter((o) => texts.includes(choiceNorm(o.text)));
    // Two options named alike (本科 and 大学本科 for one choice): a wrong choice is worse than none.
    return named.length === 1 ? named[0] : undefined;
  };
  /** The options of a loaded list that the choices name, their codes comma-joined (every choice one option, each a different one). */
  const optionsNamed = (real: Array<{ text: string; value: string }>, choices: string[][]): { value: string } | 'none' | 'ambiguous' => {
    if (!real.length) return 'none';
    const values = choices.map((texts) => optionNamed(real, texts)?.value);
    return values.every((v) => v !== undefined) && new Set(values).size === values.length ? { value: values.join(',') } : 'ambiguous';
  };
  /**
   * Does the list still offer the options planned at the preview (each code of the value, under the text it had
   * then: the first text of its choice)?
   */
  const offersPlanned = (real: Array<{ text: string; value: string }>, w: PageWrite): boolean =>
    w.value !== '' && w.value.split(',').every((v, i) => real.some((o) => o.value === v && choiceNorm(o.text) === w.texts?.[i]?.[0]));
  /**
   * A list (native or MiniUI) that no longer offers the option we chose: the page reloaded it after our write (a
   * cascade) — its codes may now mean other choices (1 = 济南 before, 1 = 郑州 after), so it is chosen again by name.
   */
  const reloaded = (w: PageWrite, el: Element | null | undefined): boolean => {
    if (!w.texts || !el) return false;
    const real = listOf(w, el);
    return !!real && !offersPlanned(real, w);
  };
  /**
   * One waiting write, tried now: its result, or why it must wait (the box still disabled, the list not loaded,
   * not shown yet). An option missing from a loaded list, or a value the box would not take, ends it.
   */
  const attempt = (w: PageWrite, was: Element | null): PageWriteResult | { wait: RefusedReason; el?: Element } => {
    const el = was?.isConnected ? was : find(doc, w.handle);
    if (!el) return { wait: 'gone' };
    const state = refuseState(w, el);
    if (state) return { wait: state === 'disabled' && w.after === 'enabled' ? 'still-disabled' : state, el };
    let value = w.value;
    // The option planned at the preview while the list still offers it; else the one the texts name.
    const real = w.texts ? listOf(w, el) : undefined;
    if (w.texts && real && !offersPlanned(real, w)) {
      const named = optionsNamed(real, w.texts);
      if (named === 'none') return { wait: 'no-options', el };
      if (named === 'ambiguous') return { item: w.item, written: false, reason: 'no-option' };
      value = named.value;
    }
    forget();
    const sight = refuseSight(w, el);
    if (sight) return { wait: w.after === 'shown' && (sight === 'not-rendered' || sight === 'invisible') ? 'still-hidden' : sight, el };
    const why = write(value === w.value ? w : { ...w, value }, el);
    if (why) return { item: w.item, written: false, reason: why };
    return value === w.value ? { item: w.item, written: true } : { item: w.item, written: true, value };
  };
  /**
   * The waiting writes, each as soon as the page lets it: tried now and after every change of the page's DOM
   * (an earlier choice enabling a box, a list loading its options over the network, a write of ours enabling the
   * next), until each is made or `waitMs` has passed — then it says what it still waited for.
   */
  const waitFor = (writes: PageWrite[], waiting: number[], found: Array<{ el: Element | null }>, results: PageWriteResult[], waitMs: number, quietMs: number) =>
    new Promise<void>((done) => {
      const open = new Set(waiting);
      const last = new Map<number, RefusedReason>();
      let ended = false;
      let quiet: ReturnType<typeof setTimeout> | undefined;
      const end = () => {
        if (ended) return;
        ended = true;
        observer.disconnect();
        clearTimeout(timer);
        clearTimeout(quiet);
        clearInterval(poll);
        for (const i of open) results[i] = { item: writes[i]?.item ?? '', written: false, reason: last.get(i) ?? 'gone' };
        done();
      };
      // Settled: no DOM change for `quietMs` and no jQuery request in flight (MiniUI and Layui pages load their
      // lists through jQuery, which counts them in `jQuery.active`) — what did not come by then is not coming
      // from this choice. Every change starts the quiet period again; `waitMs` bounds it all.
      const settle = () => {
        if (ended) return;
        clearTimeout(quiet);
        if (quietMs > 0) quiet = setTimeout(() => (loading(quietMs) ? settle() : end()), quietMs);
      };
      const tryAll = () => {
        for (const i of [...open]) {
          const w = writes[i];
          const at = found[i];
          if (!w || !at) continue;
          try {
            const r = attempt(w, at.el);
            if ('wait' in r) {
              last.set(i, r.wait);
              if (r.el) at.el = r.el;
              continue;
            }
            results[i] = r;
          } catch {
            results[i] = { item: w.item, written: false, reason: 'error' };
          }
          open.delete(i);
        }
        if (!open.size) end();
      };
      const observer = new MutationObserver(() => {
        if (ended) return;
        tryAll();
        settle();
      });
      observer.observe(doc, { subtree: true, childList: true, attributes: true });
      const timer = setTimeout(end, waitMs);
      // A MiniUI list keeps its options in the page's own objects, which a load need not show in the DOM: looked
      // at every 50 ms while one waits.
      const poll = writes.some((w, i) => open.has(i) && w.handle.mini) ? setInterval(() => ended || tryAll(), 50) : undefined;
      tryAll();
      settle();
    });
  /**
   * Has the page a request in flight: one of jQuery's (its own count, `jQuery.active`: also those started before
   * the confirm), or a `fetch` or `XMLHttpRequest` started since the confirm's first write (`watchRequests`) —
   * or answered less than `quietMs` ago (the page's handler may draw the answer in a timer of its own)?
   */
  const loading = (quietMs: number): boolean => {
    if (requests?.busy(quietMs)) return true;
    try {
      const jq: unknown = Reflect.get(window, 'jQuery');
      const active: unknown = typeof jq === 'function' ? Reflect.get(jq, 'active') : 0;
      return typeof active === 'number' && active > 0;
    } catch {
      return false;
    }
  };
  let requests: { busy(quietMs: number): boolean; stop(): void } | undefined;
  /**
   * Count the page's own requests while writes of the confirm wait for it: a cascade may load its list through
   * `fetch` or a plain `XMLHttpRequest` (no jQuery to count it), showing nothing until the answer — which the DOM's
   * quiet alone would take for "nothing is coming". The page's `fetch` and `XMLHttpRequest.prototype.send` are
   * wrapped from before the first write until the confirm's end, then given back (unless the page has replaced
   * them meanwhile); a request counts until its answer is handled (`loadend` after the page's own `load`
   * handlers; a fetch's promise settled), and nothing else of it is read.
   */
  const watchRequests = (): NonNullable<typeof requests> => {
    let open = 0;
    let answered = -Infinity;
    const win = window;
    const callable = (f: unknown): f is (...a: unknown[]) => unknown => typeof f === 'function';
    const xhr: unknown = Reflect.get(win, 'XMLHttpRequest');
    const proto: unknown = callable(xhr) ? Reflect.get(xhr, 'prototype') : undefined;
    const target = typeof proto === 'object' && proto !== null ? proto : undefined;
    const ownSend: unknown = target ? Reflect.get(target, 'send') : undefined;
    const ownFetch: unknown = Reflect.get(win, 'fetch');
    const counted = () => {
      open++;
      let done = false;
      return () => {
        if (!done) open--;
        done = true;
        answered = Date.now();
      };
    };
    function send(this: XMLHttpRequest, ...args: unknown[]): unknown {
      const end = counted();
      this.addEventListener('loadend', end);
      try {
        return callable(ownSend) ? Reflect.apply(ownSend, this, args) : undefined;
      } finally {
        // Refused at once, or answered already (a synchronous request): no loadend is on its way.
        if (this.readyState !== 1) end();
      }
    }
    function fetching(this: unknown, ...args: unknown[]): unknown {
      const answer: unknown = callable(ownFetch) ? Reflect.apply(ownFetch, this, args) : undefined;
      const end = counted();
      Promise.resolve(answer).then(end, end);
      return answer;
    }
    if (target && callable(ownSend)) Reflect.set(target, 'send', send);
    if (callable(ownFetch)) Reflect.set(win, 'fetch', fetching);
    return {
      busy: (quietMs) => open > 0 || Date.now() - answered < quietMs,
      stop: () => {
        if (target && callable(ownSend) && Reflect.get(target, 'send') === send) Reflect.set(target, 'send', ownSend);
        if (callable(ownFetch) && Reflect.get(win, 'fetch') === fetching) Reflect.set(win, 'fetch', ownFetch);
      },
    };
  };

  /**
   * The confirm's read-only code run once at the preview on the previewed fields, results discarded (bench
   * T8): the kept function's inner functions are compiled on their first call and learn their property
   * accesses on the first few, which on the clerk's click cost ~0.3 ms of the page's CPU (tests/bench/fill-ab.ts;
   * more passes, to reach the optimising tiers, made the confirm slower). Nothing is written; only what the
   * confirm reads (the state checks, the read-back, the wire) is read.
   */
  const warm = (probes: PageProbe[]) => {
    const writes: PageWrite[] = [];
    for (let i = 0; i < probes.length; i++) {
      const handle = probes[i]?.handle;
      if (handle) writes.push({ item: String(i), handle, value: '' });
    }
    // The visibility checks (hit tests, styles) are left out: the probe itself has just run them on every field.
    const results = fromWire(toWire({ op: 'apply', url: location.href, writes, minSize })).writes.map((w): PageWriteResult => {
      const el = find(doc, w.handle);
      const reason = refuseState(w, el);
      return el && !reason ? { item: w.item, written: true, read: read(w, el) } : { item: w.item, written: false, reason: reason || 'gone' };
    });
    answerToWire({ navigated: false, results });
  };

  if (req.op === 'probe') {
    if (req.keep && !Object.getOwnPropertyDescriptor(window, req.keep)) Object.defineProperty(window, req.keep, { value: pageScript });
    /** Whether a read-only box is a date picker's or a choice widget's (else a plain read-only display). */
    const readOnlyKind = (el: Element): Pick<PageProbe, 'picker' | 'widget'> => (pickerOwned(el) ? { picker: true } : choiceWidget(el) ? { widget: true } : {});
    const formatEntry = (el: Element): Pick<PageProbe, 'format'> => {
      const format = dateFormatOf(el);
      return format === undefined ? {} : { format };
    };
    const probes = req.fields.map((locator): PageProbe => {
      const el = find(doc, { ...locator, type: '', form: '', label: '', count: 0 });
      if (!el) return { handle: null, hidden: 'not-rendered' };
      const seen = locator.mini ? undefined : seenPart(el);
      // A MiniUI text box keeps its maxlength on the box one types into.
      const limits = limitsOf(locator.mini ? (el.querySelector(MINI_INPUT) ?? el) : el);
      return {
        handle: fingerprint(el, locator.mini),
        hidden: (seen ? hiddenReason(seen, minSize, seen === el ? el : seen) : miniHidden(el)) ?? 'not-rendered',
        ...(locator.mini ? { options: miniOptions(locator.mini), ...(miniMulti(el, mini?.get(locator.mini)) ? { multi: true } : {}) } : {}),
        ...(limits ? { limits } : {}),
        ...(!locator.mini && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.readOnly ? readOnlyKind(el) : {}),
        ...(locator.date && !locator.mini ? formatEntry(el) : {}),
      };
    });
    if (req.keep) {
      try {
        warm(probes);
      } catch {
        // A page getter that throws here will be met again, and reported, at the confirm.
      }
    }
    return probes;
  }

  if (location.href !== req.url) return Promise.resolve<PageApplyAnswer>({ navigated: true, results: req.writes.map((w) => ({ item: w.item, written: false, reason: 'navigated' })) });
  // First every field as the person sees it now, in one layout (checking after each write would lay the page
  // out again for every field); then, just before each write, what a page reacting to the previous writes
  // may have changed (removed, replaced, disabled, made read-only).
  const found = checkAll(req.writes);
  // The page's requests, counted from before our first write while a write of ours may wait for one.
  if ((req.waitMs ?? 0) > 0 && (req.quietMs ?? 0) > 0 && req.writes.some((w) => w.after || w.texts)) requests = watchRequests();
  // Each field again just before its write, fingerprint and state: a page reacting to the previous writes may
  // have replaced, moved or relabelled it, or disabled it. (Watching the page with a MutationObserver to skip
  // the fingerprint until something changed cost more than it saved: every mutation of MiniUI's own writes
  // made a record, bench T8.)
  const waiting: number[] = [];
  const results = req.writes.map((w, i): PageWriteResult => {
    const seen = found[i];
    try {
      // Written after the others, once an earlier choice lets it (its state now is what it waits for).
      if (w.after) {
        waiting.push(i);
        return { item: w.item, written: false, reason: 'gone' };
      }
      if (!seen || seen.reason || !seen.el) return { item: w.item, written: false, reason: seen?.reason || 'gone' };
      // A list that no longer offers the option planned (reloaded since the preview, or by an earlier write of
      // this fill): chosen by name once loaded, never by a code that may now mean another choice — nor left on a
      // code MiniUI keeps without showing it.
      if (reloaded(w, seen.el)) {
        waiting.push(i);
        return { item: w.item, written: false, reason: 'gone' };
      }
      // The page may have reacted to the previous writes: what was worked out of its layout is stale.
      if (i > 0) forget();
      const now = refuseState(w, seen.el) || write(w, seen.el);
      return now ? { item: w.item, written: false, reason: now } : { item: w.item, written: true };
    } catch {
      return { item: w.item, written: false, reason: 'error' };
    }
  });
  // A list an earlier write of ours made the page reload (cleared, 加载中…) is chosen again once it has loaded.
  req.writes.forEach((w, i) => {
    if (results[i]?.written && reloaded(w, found[i]?.el)) waiting.push(i);
  });
  const later = waiting.length ? waitFor(req.writes, waiting, found, results, req.waitMs ?? 0, req.quietMs ?? 0) : Promise.resolve();
  const turn = () => new Promise<void>((settled) => setTimeout(settled, 0));
  // A list reloaded only in that turn (the page's handler replaced it in a timer of its own) is chosen again too.
  const reloadedLate = () => {
    const again = req.writes.flatMap((w, i) => (results[i]?.written && reloaded(w, found[i]?.el) ? [i] : []));
    return again.length ? waitFor(req.writes, again, found, results, req.waitMs ?? 0, req.quietMs ?? 0).then(turn) : undefined;
  };
  const stopWatching = () => requests?.stop();
  return later.then(turn).then(reloadedLate).finally(stopWatching).then((): PageApplyAnswer => {
    results.forEach((r, i) => {
      const w = req.writes[i];
      const el = found[i]?.el;
      if (!r.written || !w || !el) return;
      // The page's own getters may throw (a MiniUI control torn down by its own change handler): the write
      // happened, so it is reported as written and not read back equal — never as "nothing written".
      try {
        // A page that re-rendered its form holds the value in the new element, if anywhere.
        const now = el.isConnected ? el : find(doc, w.handle);
        if (now) r.read = read(w, now);
      } catch {
        // Left unread: fill/confirm.ts reports it as not read back equal.
      }
    });
    return { navigated: false, results };
  });
}
