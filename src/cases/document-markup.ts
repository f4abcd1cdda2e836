/**
 * A frame's markup as it shows now, for the 办件 reader (tabs-api.ts `portalDocuments` injects this function,
 * so it uses nothing from outside itself). `outerHTML` carries attributes only: a box whose value a script set
 * (a detail page drawn as a read-only form, filled by the page's own request) or a list whose choice changed
 * would read empty or as first loaded. The copy is made in an inert document — no image of it loads, no
 * script or custom element of the page runs — and each control's current value is written into the copy's
 * markup; the page's own DOM is not touched. A password's value is never copied.
 */
export function documentMarkup(): { url: string; html: string } {
  const live = document.documentElement;
  const copy = document.implementation.createHTMLDocument('').importNode(live, true);
  const controls = 'input, textarea, select';
  const copies = copy.querySelectorAll(controls);
  live.querySelectorAll(controls).forEach((el, i) => {
    const to = copies[i];
    if (!to) return;
    if (el instanceof HTMLInputElement) {
      if (el.type === 'password' || el.type === 'file') to.removeAttribute('value');
      else if (el.type === 'checkbox' || el.type === 'radio') to.toggleAttribute('checked', el.checked);
      else to.setAttribute('value', el.value);
    } else if (el instanceof HTMLTextAreaElement) to.textContent = el.value;
    else if (el instanceof HTMLSelectElement) {
      const options = to.querySelectorAll('option');
      Array.from(el.options).forEach((o, k) => options[k]?.toggleAttribute('selected', o.selected));
    }
  });
  return { url: location.href, html: copy.outerHTML };
}
