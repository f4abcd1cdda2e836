/**
 * "Today" for every date rule is the calendar date in Jinan (Asia/Shanghai), whatever the machine's zone
 * (brief: clerks' PCs, CI and tests run in other zones). The one definition: China Standard Time is UTC+8 all
 * year (no daylight saving since 1991), so Jinan's date of an instant is the UTC date eight hours later —
 * plain arithmetic, no Intl time-zone data in the size-budgeted content script.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The Asia/Shanghai calendar date of an instant, as yyyy-MM-dd. */
export function jinanDate(now: Date): string {
  const d = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The same, under the name the validators use (src/validate/dates.ts re-exports it). */
export const todayInShanghai = jinanDate;
