import { bodyText, fillableCount, headingText, labelSet, normText } from './dom';
import type { Marker } from './page';

const patternCache = new Map<string, RegExp>();
function re(source: string): RegExp {
  let r = patternCache.get(source);
  if (!r) {
    r = new RegExp(source, 'i');
    patternCache.set(source, r);
  }
  return r;
}

function buttonTexts(doc: Document): string[] {
  return Array.from(doc.querySelectorAll<HTMLInputElement>('input[type=button], input[type=submit], button, a, .mini-button'), (b) =>
    normText(b.value || b.textContent),
  );
}

/** Whether a document shows a page definition's markers (pure; one declarative language for all pages). */
export function matches(doc: Document, m: Marker): boolean {
  if ('all' in m) return m.all.every((x) => matches(doc, x));
  if ('any' in m) return m.any.some((x) => matches(doc, x));
  if ('not' in m) return !matches(doc, m.not);
  if ('heading' in m) return re(m.heading).test(headingText(doc));
  if ('text' in m) return re(m.text).test(bodyText(doc));
  if ('labels' in m) return m.labels.every((p) => [...labelSet(doc)].some((l) => re(p).test(l)));
  if ('form' in m) return fillableCount(doc) >= m.form;
  if ('element' in m) return doc.querySelector(m.element) !== null;
  return buttonTexts(doc).some((t) => re(m.button).test(t));
}
