/**
 * The ONE extractor of 办件 status and 补正意见 from a portal page (我的申请 list, 办件详情), pure over a Document:
 * the workbench, the background and the on-page panel all read pages through it. It finds columns and label
 * cells by their header text (rules/shared/case-statuses.json `labels`), never by our replicas' ids or
 * classes, so a grid rendered as one table or as MiniUI's header + body tables, and a label/value detail
 * table, read the same. It maps nothing: `mapPortalStatus` (status-map.ts) turns what it read into a case status.
 */
import { type BusinessId } from '../domain/ids';
import { businessFromText } from '../domain/business-text';
import type { CaseStatusRules } from '../rules/case-statuses';

export type PortalLabels = CaseStatusRules['labels'];

/** One 办件 as a portal page shows it. */
export interface PortalCase {
  /** 申报流水号 (empty before the application is sent). */
  serial?: string | undefined;
  /** 事项名称 as shown. */
  title?: string | undefined;
  /** The business the title names, when it names exactly one. */
  business?: BusinessId | undefined;
  statusText: string;
  /** The portal's status code when the page carries one next to the text (an attribute holding 1-3 digits). */
  statusCode?: number | undefined;
  /** yyyy-MM-dd of 申请时间. */
  appliedOn?: string | undefined;
  /** The portal's id of the application (the `projectguid` of its detail link or of the page's URL). */
  ref?: string | undefined;
  /** 补正意见 text (detail page). */
  correction?: string | undefined;
  /** 补正期限 (yyyy-MM-dd) when the page states one. */
  correctionDeadline?: string | undefined;
}

export const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').replace(/[\s:：*＊]/g, '');
/** Shown text, whitespace collapsed (not NFKC: 补正意见 keep their full-width punctuation). */
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The first yyyy-M-d date in a text, as yyyy-MM-dd (申请时间 2026-11-03 15:10 → 2026-11-03). */
export function dateIn(raw: string): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(raw.normalize('NFKC'));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A status code carried as an attribute inside the status cell (data-status="28", status="28" …). */
function codeIn(cell: Element): number | undefined {
  for (const el of [cell, ...Array.from(cell.querySelectorAll('*'))]) {
    for (const a of Array.from(el.attributes)) {
      if (/status|code|zt/i.test(a.name) && /^\d{1,3}$/.test(a.value.trim())) return Number(a.value.trim());
    }
  }
  return undefined;
}

/** `projectguid` of a link inside `el`, or of a URL. */
function refIn(el: Element | undefined, url?: string): string | undefined {
  const hrefs = el ? Array.from(el.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? '') : [];
  for (const href of [...hrefs, url ?? '']) {
    const m = /[?&]projectguid=([^&#]+)/i.exec(href);
    if (m?.[1]) return decodeURIComponent(m[1]);
  }
  return undefined;
}

const cellsOf = (row: Element): Element[] => Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');

/** Column positions (colspans counted) of the cells of a row. */
function positions(row: Element): Array<{ cell: Element; col: number }> {
  let col = 0;
  return cellsOf(row).map((cell) => {
    const at = col;
    col += Math.max(1, Number(cell.getAttribute('colspan') ?? '1') || 1);
    return { cell, col: at };
  });
}

function columnOf(header: Element, labels: readonly string[]): number | undefined {
  const wanted = new Set(labels.map(norm));
  return positions(header).find((p) => wanted.has(norm(p.cell.textContent)))?.col;
}

/**
 * Rows of the grid a header row heads: the other rows of its table with as many columns, else (MiniUI and
 * most Epoint grids put the header and the body in separate tables) rows with as many columns under the
 * nearest ancestor that has any.
 */
function bodyRows(header: Element): Element[] {
  const width = positions(header).length;
  const fits = (r: Element) => r !== header && cellsOf(r).length === width && !r.querySelector('th');
  let scope: Element | null = header.closest('table');
  for (let depth = 0; scope && depth < 6; depth++, scope = scope.parentElement) {
    const rows = Array.from(scope.querySelectorAll('tr')).filter(fits);
    if (rows.length) return rows;
  }
  return [];
}

function fromGrid(doc: Document, labels: PortalLabels): PortalCase[] {
  const statusLabels = new Set(labels.status.map(norm));
  const allLabels = new Set(Object.values(labels).flat().map(norm));
  const headers = Array.from(doc.querySelectorAll('tr')).filter((tr) => cellsOf(tr).some((c) => statusLabels.has(norm(c.textContent))));
  const out: PortalCase[] = [];
  for (const header of headers) {
    const statusCol = columnOf(header, labels.status);
    if (statusCol === undefined) continue;
    const cols = { serial: columnOf(header, labels.serial), title: columnOf(header, labels.title), appliedAt: columnOf(header, labels.appliedAt) };
    // A label/value table (detail page) also has a row with 办件状态 in it: a grid needs a title column.
    if (cols.title === undefined && cols.serial === undefined) continue;
    for (const row of bodyRows(header)) {
      // A label/value table (detail page) has rows of labels too: a grid's data row holds no header text.
      if (cellsOf(row).some((c) => allLabels.has(norm(c.textContent)))) continue;
      const at = (col: number | undefined) => (col === undefined ? undefined : positions(row).find((p) => p.col === col)?.cell);
      const statusCell = at(statusCol);
      const statusText = text(statusCell);
      if (!statusCell || !statusText) continue;
      const title = text(at(cols.title)) || undefined;
      out.push({
        serial: text(at(cols.serial)) || undefined,
        title,
        business: businessFromText(title),
        statusText,
        statusCode: codeIn(statusCell),
        appliedOn: dateIn(text(at(cols.appliedAt))),
        ref: refIn(row),
      });
    }
  }
  return out;
}

/** The element holding the value of a label: the next cell or sibling with text (label tables, block titles). */
function valueAfter(label: Element): Element | undefined {
  for (let el = label.nextElementSibling; el; el = el.nextElementSibling) if (text(el)) return el;
  return undefined;
}

/** Elements whose own text is one of the labels (the smallest such element). */
function labelled(doc: Document, labels: readonly string[]): Element | undefined {
  const wanted = new Set(labels.map(norm));
  return Array.from(doc.body?.querySelectorAll('*') ?? []).find((el) => wanted.has(norm(el.textContent)) && !Array.from(el.children).some((c) => wanted.has(norm(c.textContent))));
}

function fromDetail(doc: Document, labels: PortalLabels, url: string | undefined): PortalCase | undefined {
  const statusLabel = labelled(doc, labels.status);
  const statusCell = statusLabel && valueAfter(statusLabel);
  const statusText = text(statusCell);
  const allLabels = new Set(Object.values(labels).flat().map(norm));
  if (!statusCell || !statusText || allLabels.has(norm(statusText))) return undefined;
  const valueOf = (l: readonly string[]) => {
    const label = labelled(doc, l);
    return label ? text(valueAfter(label)) || undefined : undefined;
  };
  const title = valueOf(labels.title);
  const serial = valueOf(labels.serial);
  // A status alone (a 状态 column of some other table) is not an application.
  if (!title && !serial) return undefined;
  const deadline = valueOf(labels.correctionDeadline);
  return {
    serial,
    title,
    business: businessFromText(title),
    statusText,
    statusCode: codeIn(statusCell),
    appliedOn: dateIn(valueOf(labels.appliedAt) ?? ''),
    ref: refIn(undefined, url),
    correction: valueOf(labels.correction),
    correctionDeadline: deadline ? dateIn(deadline) : undefined,
  };
}

/**
 * Every 办件 the page shows: the rows of a 我的申请-style grid, else the one application of a detail page.
 * `url` (the page's address) gives the detail page's application id. Empty when the page shows none.
 */
export function getPortalCases(doc: Document, labels: PortalLabels, url?: string): PortalCase[] {
  const rows = fromGrid(doc, labels);
  if (rows.length) return rows;
  const one = fromDetail(doc, labels, url);
  return one ? [one] : [];
}
