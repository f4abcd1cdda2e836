/**
 * Calendar days as every date rule counts them: canonical yyyy-MM-dd (contract.md), arithmetic on UTC calendar
 * dates so the machine's time zone never enters. Pure and shared by rules/, validate/, cases/ and the UI, so it
 * lives in domain/ (the layer everything may import; it imports nothing of ours). Calendar arithmetic by hand: a
 * few lines, where date-fns would add its helpers and formatter to the size-budgeted content script.
 */

/**
 * "Today" for every date rule is the calendar date in Jinan (Asia/Shanghai), whatever the machine's zone
 * (brief: clerks' PCs, CI and tests run in other zones). China Standard Time is UTC+8 all year (no daylight
 * saving since 1991), so Jinan's date of an instant is the UTC date eight hours later — plain arithmetic, no Intl
 * time-zone data.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A UTC-midnight Date (makeDate, plusDays) as yyyy-MM-dd. */
export const toIso = (date: Date): string => `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** "Today" (contract.md): the Asia/Shanghai calendar date of an instant, as yyyy-MM-dd. */
export function todayInShanghai(now: Date): string {
  return toIso(new Date(now.getTime() + SHANGHAI_OFFSET_MS));
}

/**
 * The Asia/Shanghai calendar date of a stored instant (an ISO timestamp such as a case's updatedAt): its UTC
 * date is the previous day for anything done in Jinan between 00:00 and 08:00.
 */
export const shanghaiDateOf = (instant: string): string => todayInShanghai(new Date(instant));

/** A Date at UTC midnight for y-m-d, or undefined when no such day exists (2023-02-29, 2024-13-01). */
export function makeDate(y: number, m: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 100) date.setUTCFullYear(y); // Date.UTC maps 0–99 to 1900–1999
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date;
}

const partsOf = (iso: string): [number, number, number] => {
  const [y = NaN, m = NaN, d = NaN] = iso.split('-').map(Number);
  return [y, m, d];
};

/**
 * iso + n years. A 29 February start lands on 28 February in a common year: 民法典 第二百零二条 — when the
 * end month has no corresponding day, its last day ends the period (2024-02-29 + 1 year = 2025-02-28).
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
