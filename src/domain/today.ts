/**
 * "Today" for every date rule is the calendar date in Jinan (Asia/Shanghai), whatever the machine's zone
 * (brief: clerks' PCs, CI and tests run in other zones). Intl knows the zone's history; China has kept UTC+8
 * without daylight saving since 1991.
 */
const JINAN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Asia/Shanghai calendar date of an instant, as yyyy-MM-dd. */
export function jinanDate(now: Date): string {
  const parts = Object.fromEntries(JINAN.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
