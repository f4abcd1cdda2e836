/**
 * Which frame of a portal tab shows the panel. Normally the top frame. Older Java back offices serve a
 * <frameset> as the top document instead (a menu frame beside a content frame, issue 11 7a): it has no
 * <body> and draws nothing but its frames, so a panel put there would never show. Then the largest frame of
 * that frameset shows it — the content frame, not the menu or a banner.
 */
export function hostsPanel(win: Window): boolean {
  if (win === win.top) return !isFrameset(win.document);
  try {
    const top = win.top;
    if (!top || win.parent !== top || !isFrameset(top.document)) return false;
    const own = win.frameElement;
    const largest = Array.from(top.document.querySelectorAll('frame')).reduce<Element | undefined>((best, f) => (!best || area(f) > area(best) ? f : best), undefined);
    return own !== null && own === largest;
  } catch {
    // A top document of another origin is not ours to read: not a frameset of the portal's.
    return false;
  }
}

const isFrameset = (doc: Document): boolean => doc.body?.localName === 'frameset';

function area(el: Element): number {
  const r = el.getBoundingClientRect();
  return r.width * r.height;
}
