/**
 * A stand-in layout for happy-dom (which lays nothing out): every element not under `display:none` gets a
 * box — the one given with `place`, else a 120×24 px box in a column — so the fill's visibility rules can be
 * tested on what they read (rects, computed styles, the element at a point).
 */
const boxes = new WeakMap<Element, DOMRect>();
let cover: ((x: number, y: number) => Element | null) | undefined;

export function place(el: Element, x: number, y: number, w: number, h: number): void {
  boxes.set(el, new DOMRect(x, y, w, h));
}

/** What `document.elementFromPoint` answers (default: nothing is hit-tested, so nothing is covered). */
export function hitTest(fn: ((x: number, y: number) => Element | null) | undefined): void {
  cover = fn;
}

function rendered(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (getComputedStyle(a).display === 'none') return false;
  return el.isConnected;
}

export function installLayout(): void {
  const order = new WeakMap<Element, number>();
  let next = 0;
  const boxOf = (el: Element): DOMRect => {
    const own = boxes.get(el);
    if (own) return own;
    if (!order.has(el)) order.set(el, next++);
    return new DOMRect(10, 10 + (order.get(el) ?? 0) * 30, 120, 24);
  };
  Element.prototype.getBoundingClientRect = function (this: Element) {
    return rendered(this) ? boxOf(this) : new DOMRect(0, 0, 0, 0);
  };
  Element.prototype.getClientRects = function (this: Element) {
    const list = rendered(this) ? [boxOf(this)] : [];
    return Object.assign(list, { item: (i: number) => list[i] ?? null }) as unknown as DOMRectList; // enough of a DOMRectList for the rules
  };
  Object.defineProperty(document.documentElement, 'scrollWidth', { configurable: true, get: () => 2000 });
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, get: () => 3000 });
  document.elementFromPoint = (x: number, y: number) => cover?.(x, y) ?? null;
}
