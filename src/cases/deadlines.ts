/**
 * Deadlines before they bite (issue 15): pure over profiles, cases, Jinan's today and the rule data's numbers.
 * `date` per kind is contract.md's `data-date`:
 *   registration-expiry  the 注册有效期 end;
 *   renewal-window       the last day a 延续 can be filed (expiry − renewalTiming.lastDaysBefore);
 *   contract-one-year    the last submission day for which the labour contract still runs the full term
 *                        (listed when the clerk's planned submission day is later);
 *   age-65               the 65th birthday (the max-age check's years);
 *   correction           the 补正 deadline the portal showed, else the day the case entered 待补正.
 * All dates are yyyy-MM-dd calendar days; no time zone enters here (the caller passes Jinan's today).
 */
import { type CaseStatus, FINISHED_STATUSES } from '../domain/case-status';
import { type BusinessId, OPEN_ENDED } from '../domain/ids';
import { daysBetween, plusDays, plusYears, todayInShanghai } from '../domain/calendar';
import { checkApplies } from '../rules/status';
import { validateIdNumber } from '../validate/id-number';

export const DEADLINE_KINDS = ['registration-expiry', 'renewal-window', 'contract-one-year', 'age-65', 'correction'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  kind: DeadlineKind;
  date: string;
  /** Calendar days from today to `date` (negative: passed). */
  daysLeft: number;
  profileId: string;
  caseId?: string | undefined;
  business?: BusinessId | undefined;
  name: string;
  employer: string;
  /**
   * `correction` only: the portal stated no 补正 deadline for the current 待补正, so `date` is the day the case
   * entered it — a day to count from, not a deadline that passed (the view says 「已待补正 N 天」, not 「已过」).
   */
  since?: true | undefined;
}

/** The numbers the rule data states (rules/businesses/*.json), read by the caller from the pack in force. */
export interface DeadlineRules {
  /** renewal.json renewalTiming.lastDaysBefore: a 延续 is filed at least this many days before expiry. */
  renewalLastDaysBefore: number;
  /**
   * Per business: the contract-end-min-years check's years and the situations it runs under (its `when` /
   * `notWhen`); businesses without the check need no contract.
   */
  contract: Partial<Record<BusinessId, { years: number; when: string[]; notWhen: string[] }>>;
  /** The max-age check's years (153号令: 超过65周岁). */
  maxAge: number;
}

export interface DeadlineProfile {
  id: string;
  name: string;
  employer: string;
  registrationExpiry?: string | undefined;
  contractEnd?: string | undefined;
  birthDate?: string | undefined;
  idNumber?: string | undefined;
}

export interface DeadlineCase {
  id: string;
  profileId: string;
  business: BusinessId;
  status: CaseStatus;
  archived: boolean;
  statusSince: string;
  /** The case's situations (退休人员, 单位更名 …): a check's when/notWhen read them. */
  conditions: readonly string[];
  correction?: { deadline?: string | undefined; recordedAt: string } | undefined;
}

/**
 * The 补正 deadline of the case's current 待补正, if the portal stated one. A correction recorded before the
 * case last changed status belongs to an earlier 补正 round (补正 → 审核中 → 待补正 again, set by hand): its
 * deadline is not this round's, so the view counts from the day the case entered 待补正 instead.
 */
export function currentCorrectionDeadline(c: Pick<DeadlineCase, 'status' | 'statusSince' | 'correction'>): string | undefined {
  if (c.status !== 'needs-correction' || !c.correction?.deadline) return undefined;
  return Date.parse(c.correction.recordedAt) >= Date.parse(c.statusSince) ? c.correction.deadline : undefined;
}

export interface DeadlineQuery {
  today: string;
  /** The day the clerk plans to submit (contract rule); defaults to today. */
  planDate: string;
  /** Dates later than today + horizon are not listed yet. */
  horizonDays: number;
  /** Dates passed longer ago than this are no longer listed (a long-expired registration is history). */
  pastDays: number;
}

/**
 * The last submission day for which a contract ending on `end` still runs `years` full years: the latest d
 * with d + years ≤ end (inclusive: 以上 includes the number, 民法典 第1259条). d = end − years, or one day later
 * when end is 28 Feb and d + 1 is a 29 February whose anniversary is also 28 Feb (plusYears, 民法典 第二百零二条).
 */
export function lastSubmissionDay(end: string, years: number): string {
  let d = plusYears(end, -years);
  while (plusYears(plusDays(d, 1), years) <= end) d = plusDays(d, 1);
  return d;
}

const birthOf = (p: DeadlineProfile, now: Date): string | undefined =>
  (p.idNumber && validateIdNumber(p.idNumber, now).info?.birthDate) || p.birthDate || undefined;

/** Every deadline of the profiles and cases in the window, most urgent (earliest) first. */
export function deadlines(profiles: readonly DeadlineProfile[], cases: readonly DeadlineCase[], rules: DeadlineRules, q: DeadlineQuery, now: Date): Deadline[] {
  const out: Deadline[] = [];
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const push = (kind: DeadlineKind, date: string, p: DeadlineProfile, c?: DeadlineCase, since?: true) =>
    out.push({ kind, date, daysLeft: daysBetween(q.today, date), profileId: p.id, caseId: c?.id, business: c?.business, name: p.name, employer: p.employer, ...(since && { since }) });

  for (const p of profiles) {
    if (p.registrationExpiry) {
      push('registration-expiry', p.registrationExpiry, p);
      push('renewal-window', plusDays(p.registrationExpiry, -rules.renewalLastDaysBefore), p);
    }
    const birth = birthOf(p, now);
    if (birth) push('age-65', plusYears(birth, rules.maxAge), p);
  }
  for (const c of cases) {
    const p = byId.get(c.profileId);
    if (!p || c.archived || FINISHED_STATUSES.has(c.status)) continue;
    if (c.status === 'needs-correction') {
      const deadline = currentCorrectionDeadline(c);
      if (deadline) push('correction', deadline, p, c);
      else push('correction', todayInShanghai(new Date(c.statusSince)), p, c, true);
    }
    // A contract counts at submission: cases not sent yet, or to be sent again after a 补正.
    const contract = rules.contract[c.business];
    const unsent = c.status === 'preparing' || c.status === 'ready' || c.status === 'needs-correction';
    if (contract && checkApplies(contract, new Set(c.conditions)) && unsent && p.contractEnd && p.contractEnd !== OPEN_ENDED) {
      const last = lastSubmissionDay(p.contractEnd, contract.years);
      if (last < q.planDate) push('contract-one-year', last, p, c);
    }
  }
  const until = plusDays(q.today, q.horizonDays);
  const since = plusDays(q.today, -q.pastDays);
  return out
    .filter((d) => d.kind === 'contract-one-year' || d.kind === 'correction' || (d.date <= until && d.date >= since))
    .sort((a, b) => a.date.localeCompare(b.date) || DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name));
}

/** How many deadlines fall within `days` of today (passed ones included): the badge's and reminder's count. */
export function urgentCount(list: readonly Deadline[], days: number): number {
  return list.filter((d) => d.daysLeft <= days).length;
}
