import { businessFromText } from '../domain/business-text';
import type { BusinessId } from '../domain/ids';
import { headingText, normLabel, normText } from './dom';

/**
 * Labels under which Epoint and provincial pages show what an application is about (a label/value cell or
 * 「办理情形：初始注册」 in one element). Generic Epoint field names, not one page's wording.
 */
const BUSINESS_LABEL = /^(事项名称|事项|办理情形|情形|申请类型|申报类型|业务类型|注册类型|办理事项|申请事项|业务名称)$/;
const SELECTED = '.on, .active, .cur, .selected, .current, [aria-selected="true"]';

function labelValueTexts(doc: Document): string[] {
  const out: string[] = [];
  for (const el of doc.querySelectorAll('td, th, dt, label, span, div, li, p')) {
    const own = el.children.length === 0 ? normText(el.textContent) : '';
    const split = /^([^:：]{2,8})[:：]\s*(.+)$/.exec(own);
    const [, label, value] = split ?? [];
    if (label && value && BUSINESS_LABEL.test(normLabel(label))) out.push(value);
    else if (own && BUSINESS_LABEL.test(normLabel(own))) out.push(normText(el.nextElementSibling?.textContent));
  }
  for (const el of doc.querySelectorAll('[role="control"][label]')) {
    if (BUSINESS_LABEL.test(normLabel(el.getAttribute('label')))) out.push(normText(el.textContent) || inputText(el));
  }
  return out;
}

function inputText(el: Element): string {
  return Array.from(el.querySelectorAll<HTMLInputElement>('input:not([type=hidden])'), (i) => i.value).join(' ');
}

function selectorTexts(doc: Document): string[] {
  const texts: string[] = [];
  for (const sel of doc.querySelectorAll('select')) {
    const opt = sel.options[sel.selectedIndex];
    if (opt?.value) texts.push(opt.textContent ?? '');
  }
  for (const input of doc.querySelectorAll<HTMLInputElement>('.mini-combobox input.mini-buttonedit-input')) texts.push(input.value);
  for (const radio of doc.querySelectorAll<HTMLInputElement>('input[type=radio]:checked')) {
    const label = radio.closest('label') ?? (radio.id ? doc.querySelector(`label[for="${CSS.escape(radio.id)}"]`) : null);
    texts.push(label?.textContent ?? radio.nextSibling?.textContent ?? '');
  }
  return texts;
}

function selectedTabTexts(doc: Document): string[] {
  return Array.from(doc.querySelectorAll(SELECTED), (el) => normText(el.textContent)).filter((t) => t.length <= 40);
}

function urlTexts(url: URL): string[] {
  try {
    return [decodeURIComponent(url.search)];
  } catch {
    return [];
  }
}

/** The one business a list of texts names: each text names at most one, and all that name one agree. */
function oneBusiness(texts: readonly string[]): BusinessId | undefined {
  const found = new Set(texts.map((t) => businessFromText(t)).filter((b) => b !== undefined));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The business a page is about, from anything it shows, most specific first: a label/value cell (事项名称,
 * 办理情形, 申请类型, 业务类型…), the selected tab, a selector's choice, the title/headings/breadcrumb (one
 * business named there, or none), the URL's query. The first source that names exactly one wins. Pure.
 */
export function readBusiness(doc: Document, url: URL): BusinessId | undefined {
  const sources = [
    () => labelValueTexts(doc),
    () => selectedTabTexts(doc),
    () => selectorTexts(doc),
    () => [headingText(doc)],
    () => urlTexts(url),
  ];
  for (const source of sources) {
    const b = oneBusiness(source());
    if (b) return b;
  }
  return undefined;
}
