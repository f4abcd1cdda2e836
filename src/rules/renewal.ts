/**
 * 延续注册 timing, stated once in rule data (rules/businesses/renewal.json `renewalTiming`) and read here by the
 * page check (src/validate/checks.ts, through the check view) and the workbench's deadline view. Pure: dates
 * are yyyy-MM-dd calendar days, `today` the Asia/Shanghai date (src/domain/calendar.ts todayInShanghai).
 */
import { daysBetween, plusDays } from '../domain/calendar';
import type { RenewalTiming, RulePack } from './schema';

/** The renewal business's timing block; undefined when a pack has none. */
export function renewalTimingOf(pack: Pick<RulePack, 'businesses'>): RenewalTiming | undefined {
  return pack.businesses.find((b) => b.id === 'renewal')?.renewalTiming;
}

export type RenewalPhase =
  /** More than `earlyWarnDaysBefore` days left: probably not open yet (warning, inferred). */
  | 'early'
  /** A 延续 can be filed. */
  | 'open'
  /** Fewer than `lastDaysBefore` days left, expiry day included: too late for a 延续 (error, 153号令 第十二条). */
  | 'too-late'
  /** Past the expiry date: no 延续, only 重新注册 (`afterExpiry`). */
  | 'expired';

export interface RenewalState {
  phase: RenewalPhase;
  /** Calendar days from today to the expiry date (negative once expired). */
  daysLeft: number;
  /** The last day a 延续 can be filed: expiry − lastDaysBefore (contract.md deadline `renewal-window`). */
  lastFilingDay: string;
  /** The first day without the early warning: expiry − earlyWarnDaysBefore. */
  opensOn: string;
}

/** Where a registration expiring on `expiry` stands on `today`. */
export function renewalState(expiry: string, today: string, timing: Pick<RenewalTiming, 'lastDaysBefore' | 'earlyWarnDaysBefore'>): RenewalState {
  const daysLeft = daysBetween(today, expiry);
  const lastFilingDay = plusDays(expiry, -timing.lastDaysBefore);
  const opensOn = plusDays(expiry, -timing.earlyWarnDaysBefore);
  const phase: RenewalPhase =
    daysLeft < 0 ? 'expired' : daysLeft < timing.lastDaysBefore ? 'too-late' : daysLeft > timing.earlyWarnDaysBefore ? 'early' : 'open';
  return { phase, daysLeft, lastFilingDay, opensOn };
}
