import { type FieldKey, OPEN_ENDED, OPEN_ENDED_FIELDS } from '../domain/ids';
import { err, type Validated } from './types';

/**
 * Dates as people type them on these portals: yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyy年M月d日, yyyyMMdd, and the
 * `yyyy-MM-dd HH:mm:ss` some pages show (the time is dropped: every rule here counts calendar days).
 * Canonical form yyyy-MM-dd (contract.md). All arithmetic is on UTC calendar dates, so the machine's time zone
 * never enters; "today" is the calendar date in Asia/Shanghai (todayInShanghai).
 */
const PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A Date at UTC midnight for y-m-d, or undefined when no such day exists (2023-02-29, 2024-13-01). */
export function makeDate(y: number, m: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 100) date.setUTCFullYear(y); // Date.UTC maps 0–99 to 1900–1999
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date;
}

export function parseDateText(raw: string): Validated {
  const text = raw.normalize('NFKC').trim();
  if (!text) return { value: undefined, findings: [] };
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const date = makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) return { value: undefined, findings: [err('date.impossible', { text })] };
    return { value: toIso(date), findings: [] };
  }
  return { value: undefined, findings: [err('date.format', { text })] };
}

/**
 * 无固定期限劳动合同 (劳动合同法 第十四条) has no end date: stored as `open-ended` (contract.md), read from the
 * ways forms and spreadsheets write it. Only fields that may hold it accept it.
 */
export { OPEN_ENDED, OPEN_ENDED_FIELDS };
const OPEN_ENDED_TEXT = /^(无固定期限|无固定期|无期限|长期|长期有效|永久|open-?ended|indefinite)$/i;

export function isOpenEndedText(raw: string): boolean {
  return OPEN_ENDED_TEXT.test(raw.normalize('NFKC').replace(/[\s（）()]/g, ''));
}

/** A date field's value: `open-ended` where the field allows it, else a calendar date. */
export function parseFieldDate(key: FieldKey, raw: string): Validated {
  if (OPEN_ENDED_FIELDS.has(key) && isOpenEndedText(raw)) return { value: OPEN_ENDED, findings: [] };
  return parseDateText(raw);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A UTC-midnight Date (makeDate, plusDays) as yyyy-MM-dd. (date-fns' `format` would pull its whole formatter
 * and locale into the content script for this.) */
export const toIso = (date: Date): string => `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** "Today" (contract.md): the calendar date in Asia/Shanghai, defined once in src/domain/today.ts. */
export { todayInShanghai } from '../domain/today';

const partsOf = (iso: string): [number, number, number] => {
  const [y = NaN, m = NaN, d = NaN] = iso.split('-').map(Number);
  return [y, m, d];
};

/**
 * iso + n years. A 29 February start lands on 28 February in a common year: 民法典 第二百零二条 — when the
 * end month has no corresponding day, its last day ends the period (2024-02-29 + 1 year = 2025-02-28).
 * (Calendar arithmetic by hand: a few lines, where date-fns would add its helpers to the content script.)
 */
export function plusYears(iso: string, years: number): string {
  const [y, m, d] = partsOf(iso);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0); // 29 Feb → 28 Feb
  return toIso(date);
}

export function plusDays(iso: string, days: number): string {
  const [y, m, d] = partsOf(iso);
  return toIso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => {
    const [y, m, d] = partsOf(iso);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Format a canonical date in a portal field's own format (MiniUI `format`, My97 `dateFmt`). */
export function formatForField(iso: string, pattern = 'yyyy-MM-dd'): string {
  if (iso === OPEN_ENDED) return '无固定期限';
  const [y, m, d] = iso.split('-');
  return pattern
    .replace('yyyy', y!)
    .replace('MM', m!)
    .replace(/(?<![Md])M(?!M)/, String(Number(m)))
    .replace('dd', d!)
    .replace(/(?<!d)d(?!d)/, String(Number(d)));
}
