import { businessFromText } from '../domain/business-text';
import type { BusinessId } from '../domain/ids';
import { headingText, normLabel, normText } from './dom';

/**
 * Labels under which Epoint and provincial pages show what an application is about (a label/value cell or
 * 「办理情形：初始注册」 in one element). Generic Epoint field names, not one page's wording.
 */
const BUSINESS_LABEL = /^(事项名称|事项|办理情形|情形|申请类型|申报类型|业务类型|注册类型|办理事项|申请事项|业务名称)$/;
const SELECTED = '.on, .active, .cur, .selected, .current, [aria-selected="true"]';

/**
 * Every label above ends in one of a few characters (项, 形, 型, 称); a text holding none of them, and nothing
 * from a compatibility block that NFKC could fold into one, cannot name a business: it is skipped before its
 * cell is read and normalised (reading every leaf cell of the 网厅 declaration page took ~2.6 ms of the top
 * frame's ~6 ms before the panel, bench T3; ~1.6 ms now, loaded machine). Built from BUSINESS_LABEL itself; a
 * unit test checks that every code point NFKC folds into a character let through is let through too.
 */
export const MAY_NAME_BUSINESS = new RegExp(
  // The character before each `|` or `)` of the alternation: each label's last.
  `[${[...new Set(BUSINESS_LABEL.source.match(/[^|()^$](?=[|)])/g) ?? [])].join('')}]` +
    '|[\\u2e80-\\u2fdf\\u3200-\\u33ff\\uf900-\\ufaff\\u{1f200}-\\u{1f2ff}\\u{2f800}-\\u{2fa1f}]',
  'u',
);

const LABEL_CELLS = new Set(['td', 'th', 'dt', 'label', 'span', 'div', 'li', 'p']);

/**
 * The leaf cells (td, th, dt, label, span, div, li, p with no element inside) whose text may hold a business
 * label, in document order: found through the page's text nodes, so that only the few that pass the
 * pre-filter cost more than a test (walking every cell and reading its text was most of this read).
 */
function labelCandidates(doc: Document): Element[] {
  const out: Element[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || out.at(-1) === parent || !LABEL_CELLS.has(parent.localName) || parent.children.length > 0) continue;
    if (MAY_NAME_BUSINESS.test(node.nodeValue ?? '')) out.push(parent);
  }
  return out;
}

function labelValueTexts(doc: Document): string[] {
  const out: string[] = [];
  for (const el of labelCandidates(doc)) {
    const own = normText(el.textContent);
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

/**
 * Advice, not a name: a sentence (its punctuation) or a tip (温馨提示：延续注册须在有效期满30日前申请) in an
 * element styled as a title. A page's title, heading or breadcrumb names it; advice may name any business.
 */
const ADVICE = /[，。；！？,;!?]|提示|注意|[须应][在于]|^请/;

/** The title, headings and breadcrumb as one text (several businesses named there: none), advice left out. */
const namingText = (doc: Document): string =>
  headingText(doc)
    .split(' | ')
    .filter((t) => !ADVICE.test(t))
    .join(' | ');

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
    () => [namingText(doc)],
    () => urlTexts(url),
  ];
  for (const source of sources) {
    const b = oneBusiness(source());
    if (b) return b;
  }
  return undefined;
}
