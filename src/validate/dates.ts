import { err, type Validated } from './types';

/**
 * Dates as people type them on these portals: yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyy年M月d日, yyyyMMdd.
 * Canonical form yyyy-MM-dd (contract.md). Pure calendar arithmetic on local dates: no time zone enters.
 */
const PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A local Date at midnight for y-m-d, or undefined when no such day exists (2023-02-29, 2024-13-01). */
export function makeDate(y: number, m: number, d: number): Date | undefined {
  const date = new Date(y, m - 1, d);
  if (Number.isNaN(date.getTime()) || date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return undefined;
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

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local calendar date as yyyy-MM-dd. (date-fns' `format` would pull its whole formatter and locale into the
 * content script for this.) */
export const toIso = (date: Date): string => `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The browser's local date of `now` (contract.md: submissionDate defaults to today, local). */
export const localToday = (now: Date): string => toIso(now);

/**
 * iso + n years. A 29 February start lands on 28 February in a common year: 民法典 第二百零二条 — when the
 * end month has no corresponding day, its last day ends the period (2024-02-29 + 1 year = 2025-02-28).
 * (Calendar arithmetic by hand: a few lines, where date-fns would add its helpers to the content script.)
 */
export function plusYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y! + years, m! - 1, d!);
  if (date.getMonth() !== m! - 1) date.setDate(0); // 29 Feb → 28 Feb
  return toIso(date);
}

export function plusDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return toIso(new Date(y!, m! - 1, d! + days));
}

/** Calendar days from `from` to `to` (DST-proof: counted on UTC dates). */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Format a canonical date in a portal field's own format (MiniUI `format`, My97 `dateFmt`). */
export function formatForField(iso: string, pattern = 'yyyy-MM-dd'): string {
  const [y, m, d] = iso.split('-');
  return pattern
    .replace('yyyy', y!)
    .replace('MM', m!)
    .replace(/(?<![Md])M(?!M)/, String(Number(m)))
    .replace('dd', d!)
    .replace(/(?<!d)d(?!d)/, String(Number(d)));
}
