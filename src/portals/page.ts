import type { BusinessId, FieldKey } from '../domain/ids';
import { businessFromText } from '../domain/business-text';
import { headingText, normLabel, normText } from './dom';
import type { PortalId } from './origins';

/**
 * One page of one portal. Each lives in its own file `src/portals/<portal>/pages/<id>.ts`, the file name
 * being the page id (contract.md). Detection is pure: it reads a URL and a Document, nothing else.
 */
export interface PageDefinition {
  readonly id: string;
  readonly portal: PortalId;
  /**
   * URL test. The Jinan paths are known (domain.md); the provincial paths are not public, so provincial
   * pages accept any path of their portal and rely on the DOM.
   */
  readonly url: (url: URL) => boolean;
  /** DOM markers. Required: these portals reuse one URL for several steps (and for login/timeout pages). */
  readonly dom: (doc: Document) => boolean;
  /** The business the page is about, read from the page itself, when it shows one. */
  readonly business?: (doc: Document, url: URL) => BusinessId | undefined;
  /**
   * Fields this page should show (per business where that varies). A missing one is reported in the overlay:
   * that is how we learn the real site differs from our replica.
   */
  readonly expects?: (business: BusinessId | undefined) => readonly FieldKey[];
  /** Only these keys are mapped here (a company form's 联系人 is not the applicant). */
  readonly onlyFields?: readonly FieldKey[];
}

export function definePage(def: PageDefinition): PageDefinition {
  return def;
}

export const anyPath = (): boolean => true;

export function pathIncludes(fragment: string): (url: URL) => boolean {
  return (url) => url.pathname.toLowerCase().includes(fragment.toLowerCase());
}

/** Business named by the page's title, headings or breadcrumb. */
export function businessFromHeadings(doc: Document): BusinessId | undefined {
  return businessFromText(headingText(doc));
}

/**
 * Business chosen in a selector on the page: a native <select>, a MiniUI combobox (rendered: its visible
 * input; unrendered source: its `value` + global data are unknown, so nothing), or a checked radio.
 */
export function businessFromSelectors(doc: Document): BusinessId | undefined {
  const texts: string[] = [];
  for (const sel of doc.querySelectorAll('select')) {
    const opt = sel.selectedOptions?.[0] ?? sel.options[sel.selectedIndex];
    if (opt?.value) texts.push(opt.textContent ?? '');
  }
  for (const input of doc.querySelectorAll<HTMLInputElement>('.mini-combobox input.mini-buttonedit-input')) {
    texts.push(input.value);
  }
  for (const radio of doc.querySelectorAll<HTMLInputElement>('input[type=radio]:checked')) {
    const label = radio.id ? doc.querySelector(`label[for="${CSS.escape(radio.id)}"]`) : null;
    texts.push(label?.textContent ?? '');
  }
  const found = new Set(texts.map((t) => businessFromText(t)).filter((b) => b !== undefined));
  return found.size === 1 ? [...found][0] : undefined;
}

/** Text of the cell next to a label cell (「事项名称：」 → the value), as label/value tables put it. */
export function valueNextToLabel(doc: Document, label: string): string | undefined {
  const want = normLabel(label);
  for (const cell of doc.querySelectorAll('td, th, dt, .tdlabel')) {
    if (normLabel(cell.textContent) !== want) continue;
    const next = cell.nextElementSibling;
    if (next) return normText(next.textContent);
  }
  return undefined;
}
