/**
 * The ONE reader of an application's (办件) state as a portal page shows it: 办件详情 (a 办件状态 label cell, a
 * 补正意见 block) and 我的申请 (a list whose header has 办件状态). Pure: reads a Document, changes nothing. The
 * words → status mapping is data (portal-status.json). Used by the on-page panel and the workbench's cases.
 */
import { normLabel, normText } from '../portals/dom';
import MAP from './portal-status.json';

export type PortalCaseStatus = 'preparing' | 'submitted' | 'in-review' | 'needs-correction' | 'done' | 'returned';

export interface PortalCase {
  /** 事项名称 as the page shows it (e.g. 二级建造师注册资格认定（变更注册）), when it does. */
  name?: string | undefined;
  /** The page's own words (待补正). */
  statusText: string;
  /** Our status, when the words are known. */
  status?: PortalCaseStatus | undefined;
  /** 补正意见, when the page shows one for this case. */
  opinion?: string | undefined;
}

const WORDS = Object.entries(MAP.statuses as Record<string, PortalCaseStatus>).sort((a, b) => b[0].length - a[0].length);

/** Our status for a portal's words: an exact word first, else the longest word the text contains. */
export function statusOfText(text: string): PortalCaseStatus | undefined {
  const t = normLabel(text);
  if (!t) return undefined;
  return (WORDS.find(([w]) => w === t) ?? WORDS.find(([w]) => t.includes(w)))?.[1];
}

const cells = (row: Element) => Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');

/** The cell after a label cell with this text (two-column form tables). */
function labelled(doc: Document, label: string): string | undefined {
  for (const cell of doc.querySelectorAll('td, th')) {
    if (normLabel(cell.textContent) !== label) continue;
    const value = cell.nextElementSibling;
    if (value) return normText(value.textContent);
  }
  return undefined;
}

/** A block titled 补正意见 (a heading element, then the text), or a 补正意见 label cell. */
function opinionOf(doc: Document): string | undefined {
  const cell = labelled(doc, '补正意见');
  if (cell) return cell;
  for (const el of doc.querySelectorAll('div, h1, h2, h3, h4, h5, p, span, legend, dt')) {
    if (el.children.length > 0 || !/^补正(意见|原因|说明|内容)$/.test(normLabel(el.textContent))) continue;
    const next = el.nextElementSibling ?? (el.tagName === 'DT' ? null : el.parentElement?.nextElementSibling);
    const text = normText(next?.textContent);
    if (text) return text;
  }
  return undefined;
}

/** Rows of any list whose header row has a 办件状态 cell (我的申请). */
function listed(doc: Document): PortalCase[] {
  const out: PortalCase[] = [];
  for (const table of doc.querySelectorAll('table')) {
    const rows = Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table);
    const headerAt = rows.findIndex((r) => cells(r).some((c) => normLabel(c.textContent) === '办件状态'));
    if (headerAt < 0) continue;
    const header = cells(rows[headerAt]!).map((c) => normLabel(c.textContent));
    const statusCol = header.indexOf('办件状态');
    const nameCol = header.findIndex((h) => h === '事项名称' || h === '办件名称' || h === '申报事项');
    for (const row of rows.slice(headerAt + 1)) {
      const c = cells(row);
      const statusText = normText(c[statusCol]?.textContent);
      if (!statusText) continue;
      out.push({ name: nameCol >= 0 ? normText(c[nameCol]?.textContent) || undefined : undefined, statusText, status: statusOfText(statusText) });
    }
  }
  return out;
}

/** Every case the page shows: the one of a detail page (with its 补正意见), or the rows of a list. */
export function readPortalCases(doc: Document): PortalCase[] {
  const statusText = labelled(doc, '办件状态');
  if (statusText) {
    return [{ name: labelled(doc, '事项名称'), statusText, status: statusOfText(statusText), opinion: opinionOf(doc) }];
  }
  return listed(doc);
}
