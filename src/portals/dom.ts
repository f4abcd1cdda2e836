/**
 * Pure reading helpers over a Document, shared by the page detectors and the field mapper.
 *
 * Government pages write the same label many ways: 「姓&nbsp;&nbsp;名：」, 「*证件号码:」, 「证件号码<span>*</span>：」,
 * full-width colons and stars. `normLabel` folds them all to one canonical text so detectors compare
 * meaning, not markup.
 */

/** NFKC folds full-width letters/digits/colons; then drop whitespace (incl. nbsp), stars and trailing colons. */
export function normLabel(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[*＊※]/g, '')
    .replace(/[:：]+$/g, '');
}

export function normText(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

const labelCache = new WeakMap<Document, Set<string>>();

/** Label-like texts of a document: table label cells, <label>, <dt>, Epoint `role=control label=…`. */
export function labelSet(doc: Document): Set<string> {
  const cached = labelCache.get(doc);
  if (cached) return cached;
  const out = new Set<string>();
  for (const el of doc.querySelectorAll('label, td, th, dt, legend, .control-label, .form-label')) {
    const t = normLabel(el.textContent);
    if (t && t.length <= 24) out.add(t);
  }
  for (const el of doc.querySelectorAll('[role="control"][label]')) {
    const t = normLabel(el.getAttribute('label'));
    if (t) out.add(t);
  }
  for (const t of controlLabels(doc)) out.add(t);
  labelCache.set(doc, out);
  return out;
}

const PROMPT = /^(请(输入|选择|填写|录入))/;

/**
 * What names a control where no label element does: its placeholder, title or aria-label (prompt words
 * dropped), and the element just before it (a label on a line above the box, a span in a div layout).
 */
function controlLabels(doc: Document): string[] {
  const out: string[] = [];
  for (const el of doc.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    for (const attr of ['placeholder', 'title', 'aria-label']) {
      const t = normLabel(el.getAttribute(attr)).replace(PROMPT, '');
      if (t && t.length <= 24) out.push(t);
    }
    const box = el.closest('.mini-textbox, .mini-buttonedit') ?? el;
    const before = normLabel(box.previousElementSibling?.textContent);
    if (before && before.length <= 24) out.push(before);
  }
  return out;
}

/**
 * Texts that name the page: <title>, headings, breadcrumbs, page-title bars, the selected tab. Read once per
 * document; a page re-rendered in place gets a fresh read through `invalidate`.
 */
const headingCache = new WeakMap<Document, string>();
const HEADING_SELECTOR = [
  'h1',
  'h2',
  'h3',
  '.pageTitle',
  '.location',
  '.crumbs',
  '.breadcrumb',
  '[class*="title"]',
  '[class*="crumb"]',
  '[class*="situation"]',
  '.steps li',
].join(',');

export function headingText(doc: Document): string {
  const cached = headingCache.get(doc);
  if (cached !== undefined) return cached;
  const parts = [doc.title];
  for (const el of doc.querySelectorAll(HEADING_SELECTOR)) {
    const t = normText(el.textContent);
    if (t && t.length <= 80) parts.push(t);
  }
  const text = parts.join(' | ');
  headingCache.set(doc, text);
  return text;
}

export function invalidate(doc: Document): void {
  bodyCache.delete(doc);
  labelCache.delete(doc);
  headingCache.delete(doc);
}

const bodyCache = new WeakMap<Document, string>();

/** Visible text of the whole body, normalised (for markers that are sentences rather than labels). */
export function bodyText(doc: Document): string {
  let text = bodyCache.get(doc);
  if (text === undefined) {
    text = normText(doc.body?.textContent);
    bodyCache.set(doc, text);
  }
  return text;
}

const NOT_FILLABLE = new Set(['hidden', 'button', 'submit', 'reset', 'image', 'file', 'password', 'radio', 'checkbox']);

/** Controls a person types or picks a value in (radio/checkbox groups count once), MiniUI roots included. */
export function fillableCount(doc: Document): number {
  let n = 0;
  const groups = new Set<string>();
  for (const el of doc.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
    if (el.closest('jzs-overlay') || el.type === 'hidden') continue;
    const type = el.type?.toLowerCase() ?? '';
    if (type === 'radio' || type === 'checkbox') groups.add(el.name || el.id);
    else if (!NOT_FILLABLE.has(type)) n++;
  }
  return n + groups.size;
}

