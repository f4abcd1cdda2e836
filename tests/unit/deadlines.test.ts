import { describe, expect, it } from 'vitest';
import { deadlineRules } from '../../src/cases/deadline-rules';
import { currentCorrectionDeadline, type DeadlineCase, type DeadlineProfile, deadlines, lastSubmissionDay, urgentCount } from '../../src/cases/deadlines';
import { bundledPack } from '../../src/rules/bundled';
import { renewalTimingOf } from '../../src/rules/renewal';
import { plusDays, plusYears, todayInShanghai } from '../../src/domain/calendar';
import { checklistView } from '../../src/rules/view';
import { runChecks } from '../../src/validate/checks';

const rules = deadlineRules(bundledPack());
const q = (today: string, planDate = today) => ({ today, planDate, horizonDays: 3660, pastDays: 3660 });
const NOW = new Date('2026-12-01T02:00:00Z');
const person = (id: string, data: Partial<DeadlineProfile> = {}): DeadlineProfile => ({ id, name: id, employer: '', ...data });
const open = (id: string, profileId: string, business: DeadlineCase['business'], status: DeadlineCase['status'] = 'preparing', extra: Partial<DeadlineCase> = {}): DeadlineCase => ({
  id,
  profileId,
  business,
  status,
  archived: false,
  statusSince: '2026-11-20T02:00:00.000Z',
  conditions: [],
  ...extra,
});

describe('deadline rules come from the rule pack', () => {
  it('reads the renewal timing, the contract years per business and the age limit', () => {
    expect(rules.renewalLastDaysBefore).toBe(renewalTimingOf(bundledPack())!.lastDaysBefore);
    expect(rules.contract.renewal?.years).toBe(1);
    expect(rules.contract.change?.notWhen).toContain('company-renamed'); // 变更 + 单位更名: no contract
    expect(rules.contract['add-specialty']).toBeUndefined(); // 增项 asks for no contract
    expect(rules.maxAge).toBe(65);
  });
});

describe('lastSubmissionDay: the contract must run one full year from submission (以上 includes the day)', () => {
  it('is the end date one year back, inclusive', () => {
    expect(lastSubmissionDay('2027-06-30', 1)).toBe('2026-06-30');
  });
  it('handles 29 February at either end', () => {
    expect(lastSubmissionDay('2028-02-29', 1)).toBe('2027-02-28');
    // Submitting on 2024-02-29: one year later is 2025-02-28 (民法典 第二百零二条), still within the contract.
    expect(lastSubmissionDay('2025-02-28', 1)).toBe('2024-02-29');
  });
  it('agrees with the page check (submission + 1 year ≤ end) on 1,500 generated end dates', () => {
    let end = '2023-01-01';
    for (let i = 0; i < 1500; i++, end = plusDays(end, 1)) {
      const last = lastSubmissionDay(end, 1);
      expect(plusYears(last, 1) <= end, `${end}: ${last} passes`).toBe(true);
      expect(plusYears(plusDays(last, 1), 1) <= end, `${end}: the day after ${last} fails`).toBe(false);
    }
  });
});

describe('deadlines', () => {
  it('dates each kind as contract.md says, on boundaries and leap days', () => {
    const people = [
      person('a', { registrationExpiry: '2028-03-30' }),
      person('b', { birthDate: '1960-02-29' }),
      person('c', { contractEnd: '2027-06-30' }),
      person('d', { idNumber: '37010219610315001X' }),
    ];
    const list = deadlines(people, [open('k', 'c', 'renewal'), open('x', 'b', 'change', 'needs-correction', { correction: { deadline: '2026-12-16', recordedAt: '2026-11-20T02:00:00.000Z' } })], rules, q('2026-12-01', '2026-07-01'), NOW);
    const byKind = Object.fromEntries(list.map((d) => [`${d.kind}:${d.profileId}`, d.date]));
    expect(byKind['registration-expiry:a']).toBe('2028-03-30');
    expect(byKind['renewal-window:a']).toBe('2028-02-29'); // 30 days before, across the leap day
    expect(byKind['age-65:b']).toBe('2025-02-28'); // born 29 Feb: the 65th birthday is 28 Feb
    expect(byKind['age-65:d']).toBe('2026-03-15'); // birth date read from the ID number
    expect(byKind['contract-one-year:c']).toBe('2026-06-30'); // the planned day 2026-07-01 is one day too late
    expect(byKind['correction:b']).toBe('2026-12-16');
  });

  it('lists a contract only when the planned day is later than its last day, and only for businesses needing one', () => {
    const people = [person('c', { contractEnd: '2027-06-30' })];
    expect(deadlines(people, [open('k', 'c', 'renewal')], rules, q('2026-06-01', '2026-06-30'), NOW).some((d) => d.kind === 'contract-one-year')).toBe(false);
    expect(deadlines(people, [open('k', 'c', 'renewal')], rules, q('2026-06-01', '2026-07-01'), NOW).some((d) => d.kind === 'contract-one-year')).toBe(true);
    expect(deadlines(people, [open('k', 'c', 'add-specialty')], rules, q('2026-06-01', '2026-07-01'), NOW).some((d) => d.kind === 'contract-one-year')).toBe(false);
    // 变更 for a renamed employer (单位更名) asks for no contract (change.json notWhen company-renamed).
    expect(deadlines(people, [open('k', 'c', 'change')], rules, q('2026-06-01', '2026-07-01'), NOW).some((d) => d.kind === 'contract-one-year')).toBe(true);
    expect(deadlines(people, [open('k', 'c', 'change', 'preparing', { conditions: ['company-renamed'] })], rules, q('2026-06-01', '2026-07-01'), NOW).some((d) => d.kind === 'contract-one-year')).toBe(false);
    expect(deadlines([person('o', { contractEnd: 'open-ended' })], [open('k', 'o', 'renewal')], rules, q('2026-06-01', '2030-01-01'), NOW)).toEqual([]);
    // Submitted or finished cases no longer depend on the contract.
    expect(deadlines(people, [open('k', 'c', 'renewal', 'in-review')], rules, q('2026-06-01', '2026-07-01'), NOW)).toEqual([]);
  });

  it('orders most urgent first and counts what falls within 30 days', () => {
    const people = [person('far', { registrationExpiry: '2027-11-01' }), person('near', { registrationExpiry: '2026-12-20' }), person('past', { registrationExpiry: '2026-11-20' })];
    const list = deadlines(people, [], rules, { today: '2026-12-01', planDate: '2026-12-01', horizonDays: 365, pastDays: 365 }, NOW);
    expect(list.map((d) => `${d.profileId}:${d.kind}`)).toEqual([
      'past:renewal-window',
      // Same day: the kinds in contract.md's order.
      'past:registration-expiry',
      'near:renewal-window',
      'near:registration-expiry',
      'far:renewal-window',
      'far:registration-expiry',
    ]);
    expect(urgentCount(list, 30)).toBe(4);
  });

  it("takes a 补正 deadline only from the current 待补正, never from an earlier round's", () => {
    const p = [person('a')];
    const firstRound = { deadline: '2026-10-15', recordedAt: '2026-10-01T03:00:00.000Z', text: '请补充劳动合同' };
    // 补正 → 审核中 → 待补正 again, set by hand on 2026-11-20: the October deadline is not this round's.
    const again = open('x', 'a', 'change', 'needs-correction', { statusSince: '2026-11-20T02:00:00.000Z', correction: firstRound });
    const [row] = deadlines(p, [again], rules, q('2026-12-01'), NOW);
    expect(row).toMatchObject({ kind: 'correction', date: '2026-11-20', since: true });
    // The portal's deadline recorded when the case entered this 待补正 (same instant, fromPortal) is used.
    const current = open('y', 'a', 'change', 'needs-correction', { statusSince: '2026-11-20T02:00:00.000Z', correction: { ...firstRound, deadline: '2026-12-05', recordedAt: '2026-11-20T02:00:00.000Z' } });
    const [row2] = deadlines(p, [current], rules, q('2026-12-01'), NOW);
    expect(row2).toMatchObject({ kind: 'correction', date: '2026-12-05', daysLeft: 4 });
    expect(row2?.since).toBeUndefined();
    expect(currentCorrectionDeadline({ ...current, status: 'in-review' })).toBeUndefined();
  });

  it('leaves out what is beyond the horizon or long past', () => {
    const people = [person('a', { registrationExpiry: '2027-12-01' }), person('b', { registrationExpiry: '2024-01-01' })];
    expect(deadlines(people, [], rules, { today: '2026-12-01', planDate: '2026-12-01', horizonDays: 90, pastDays: 365 }, NOW)).toEqual([]);
  });
});

describe("Jinan's calendar at zone-boundary instants (this file runs in Asia/Shanghai, UTC and America/New_York)", () => {
  const at = (iso: string) => new Date(iso);
  it('takes today as the Asia/Shanghai date, whatever the machine zone', () => {
    expect(todayInShanghai(at('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(todayInShanghai(at('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(todayInShanghai(at('2024-02-28T16:00:00.000Z'))).toBe('2024-02-29');
    expect(todayInShanghai(at('2025-03-09T07:30:00.000Z'))).toBe('2025-03-09'); // New York's DST change night
  });
  it('counts days left and dates a 待补正 case from Jinan midnight', () => {
    const people = [person('a', { registrationExpiry: '2027-01-01' })];
    const cases = [open('x', 'a', 'change', 'needs-correction', { statusSince: '2026-12-31T16:30:00.000Z' })];
    const now = at('2026-12-31T16:30:00.000Z'); // 00:30 on 1 January in Jinan, still 31 December in UTC and New York
    const list = deadlines(people, cases, rules, { today: todayInShanghai(now), planDate: todayInShanghai(now), horizonDays: 90, pastDays: 90 }, now);
    expect(list.find((d) => d.kind === 'registration-expiry')?.daysLeft).toBe(0);
    expect(list.find((d) => d.kind === 'correction')?.date).toBe('2027-01-01');
  });
});

describe('a deadline is the last day the page check lets the application through (the same rule data)', () => {
  // The deadline view and the portal page's check read the same rules: on the deadline date the page check finds
  // nothing of that kind; the day after, it finds the error. Generated dates (fixed seed) with leap days.
  const pack = bundledPack();
  const checksOf = (b: 'renewal' | 'initial' | 'change') => checklistView(pack, b).checks;
  const codesOn = (b: 'renewal' | 'initial' | 'change', values: Record<string, string>) =>
    runChecks(checksOf(b), values, { now: NOW, conditions: new Set() }).filter((f) => f.severity === 'error').map((f) => f.code);
  let seed = 4242;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const someDay = (from: string, span: number) => (next(12) === 0 ? `${2024 + 4 * next(2)}-02-29` : plusDays(from, next(span)));

  it('renewal-window: the last filing day passes, the day after is too late', () => {
    for (let i = 0; i < 300; i++) {
      const expiry = someDay('2026-01-01', 1500);
      const [d] = deadlines([person('p', { registrationExpiry: expiry })], [], rules, q('2026-12-01'), NOW).filter((x) => x.kind === 'renewal-window');
      const last = d?.date ?? '';
      expect(codesOn('renewal', { registrationExpiry: expiry, submissionDate: last }), `${expiry} on ${last}`).not.toContain('check.renewalTooLate');
      expect(codesOn('renewal', { registrationExpiry: expiry, submissionDate: plusDays(last, 1) }), `${expiry} after ${last}`).toContain('check.renewalTooLate');
    }
  });

  it('age-65: the 65th birthday is still registrable, the day after is not', () => {
    for (let i = 0; i < 300; i++) {
      const birth = next(12) === 0 ? `${1960 + 4 * next(2)}-02-29` : plusDays('1958-01-01', next(4000));
      const [d] = deadlines([person('p', { birthDate: birth })], [], rules, q('2026-12-01'), NOW).filter((x) => x.kind === 'age-65');
      const last = d?.date ?? '';
      for (const b of ['initial', 'renewal', 'change'] as const) {
        expect(codesOn(b, { birthDate: birth, submissionDate: last }), `${b} ${birth} on ${last}`).not.toContain('check.tooOld');
        expect(codesOn(b, { birthDate: birth, submissionDate: plusDays(last, 1) }), `${b} ${birth} after ${last}`).toContain('check.tooOld');
      }
    }
  });

  it('contract-one-year: the last submission day passes, the day after is one year short', () => {
    for (let i = 0; i < 300; i++) {
      const end = someDay('2026-06-01', 1500);
      const [d] = deadlines([person('p', { contractEnd: end })], [open('k', 'p', 'change')], rules, q('2026-12-01', '2099-01-01'), NOW).filter((x) => x.kind === 'contract-one-year');
      const last = d?.date ?? '';
      for (const b of ['initial', 'renewal', 'change'] as const) {
        expect(codesOn(b, { contractEnd: end, submissionDate: last }), `${b} ${end} on ${last}`).not.toContain('check.contractTooShort');
        expect(codesOn(b, { contractEnd: end, submissionDate: plusDays(last, 1) }), `${b} ${end} after ${last}`).toContain('check.contractTooShort');
      }
    }
  });
});
