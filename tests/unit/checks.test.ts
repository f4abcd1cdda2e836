import '../../src/i18n/all';
import { describe, expect, it } from 'vitest';
import type { BusinessId } from '../../src/domain/ids';
import { t } from '../../src/i18n';
import { bundledPack } from '../../src/rules/bundled';
import { checklistView } from '../../src/rules/view';
import { runChecks, type Values } from '../../src/validate/checks';
import { checkCharacter } from '../../src/validate/id-number';
import type { FieldFinding } from '../../src/validate/types';

/** Noon in Jinan (UTC+8): "today" is this calendar day whatever the machine's zone. */
const day = (iso: string) => new Date(`${iso}T12:00:00+08:00`);
const checksOf = (b: BusinessId) => checklistView(bundledPack(), b).checks;
const run = (b: BusinessId, values: Values, now = day('2026-11-23'), conditions: string[] = []) =>
  runChecks(checksOf(b), values, { now, conditions: new Set(conditions) });
const brief = (f: FieldFinding[]) => f.map((x) => `${x.severity}:${x.field}:${x.code}`);
const idFor = (birth: string, seq = '123') => {
  const first = `370102${birth.replace(/-/g, '')}${seq}`;
  return first + checkCharacter(first);
};

describe('劳动合同 must run one full year past submission (inclusive)', () => {
  it.each([
    ['2026-11-23', '2027-11-22', ['error:contractEnd:check.contractTooShort']],
    ['2026-11-23', '2027-11-23', []],
    ['2026-11-23', '2030-01-01', []],
    ['2024-02-29', '2025-02-27', ['error:contractEnd:check.contractTooShort']],
    ['2024-02-29', '2025-02-28', []],
  ])('submitted %s, contract ends %s', (submissionDate, contractEnd, expected) => {
    expect(brief(run('initial', { submissionDate, contractEnd }))).toEqual(expected);
  });

  it('uses today (Jinan) when no submission date is on the page, and says the minimum in Chinese', () => {
    const [f] = run('renewal', { contractEnd: '2027-11-22' });
    expect(f?.params).toEqual({ min: '2027-11-23', years: 1 });
    expect(t('v.check.contractTooShort', f!.params)).toBe('劳动合同截止日期须不早于 2027-11-23（自提交申请之日起满1年）。');
  });
});

describe('the page checks take their numbers from the rule data, none from code', () => {
  /** The bundled business's checks with one check's params as another pack would state them. */
  const withParams = (b: BusinessId, id: string, params: Record<string, number>) => checksOf(b).map((c) => (c.id === id ? { ...c, params } : c));
  const runWith = (checks: ReturnType<typeof checksOf>, values: Values) => brief(runChecks(checks, values, { now: day('2026-11-23'), conditions: new Set() }));

  it('a pack asking two years of contract, 60 years of age, 6 months of insurance or a 2-year window is what the page checks', () => {
    expect(runWith(withParams('initial', 'contract-end-one-year', { years: 2 }), { contractEnd: '2028-06-01' })).toEqual(['error:contractEnd:check.contractTooShort']);
    expect(runWith(checksOf('initial'), { contractEnd: '2028-06-01' })).toEqual([]);
    const born = idFor('1963-01-01');
    expect(runWith(withParams('initial', 'age-limit-65', { years: 60, warnDays: 90 }), { idNumber: born })).toEqual(['error:idNumber:check.tooOld']);
    expect(runWith(checksOf('initial'), { idNumber: born })).toEqual([]);
    expect(runWith(withParams('initial', 'social-insurance-by-employer', { months: 6 }), { socialInsuranceMonths: '4' })).toEqual(['error:socialInsuranceMonths:check.insuranceTooShort']);
    expect(runWith(checksOf('initial'), { socialInsuranceMonths: '4' })).toEqual([]);
    expect(runWith(withParams('initial', 'continuing-education-after-3-years', { years: 2 }), { qualificationIssueDate: '2024-06-01' })).toEqual(['warning:qualificationIssueDate:check.continuingEducation']);
    expect(runWith(checksOf('initial'), { qualificationIssueDate: '2024-06-01' })).toEqual([]);
  });

  it('a check whose number is missing says nothing rather than assume one (a validated pack never has one missing)', () => {
    expect(runWith(withParams('initial', 'contract-end-one-year', {}), { contractEnd: '2026-12-01' })).toEqual([]);
    expect(runWith(withParams('initial', 'age-limit-65', {}), { idNumber: idFor('1940-01-01') })).toEqual([]);
  });
});

describe('contract start vs dismissal', () => {
  const base: Values = { examEmployerName: '济南甲建筑公司', employerName: '济南乙建设集团', dismissalDate: '2026-03-10' };
  it('initial: only when the exam employer differs from the registering one', () => {
    expect(brief(run('initial', { ...base, contractStart: '2026-03-09' }))).toEqual(['error:contractStart:check.contractBeforeDismissal']);
    expect(brief(run('initial', { ...base, contractStart: '2026-03-10' }))).toEqual(['warning:contractStart:check.contractSameDayAsDismissal']);
    expect(brief(run('initial', { ...base, contractStart: '2026-03-11' }))).toEqual([]);
    expect(brief(run('initial', { ...base, employerName: '济南甲建筑公司', contractStart: '2026-03-01' }))).toEqual([]);
    // The user may say so instead of typing both names.
    expect(brief(run('initial', { dismissalDate: '2026-03-10', contractStart: '2026-03-01' }, day('2026-11-23'), ['exam-employer-differs']))).toEqual([
      'error:contractStart:check.contractBeforeDismissal',
    ]);
  });
  it('change: always', () => {
    expect(brief(run('change', { dismissalDate: '2026-03-10', contractStart: '2026-03-01' }))).toContain('error:contractStart:check.contractBeforeDismissal');
  });
});

describe('变更: dismissal after the certificate was issued', () => {
  it.each([
    ['2023-12-19', ['error:dismissalDate:check.dismissalBeforeCertificate']],
    ['2023-12-20', ['warning:dismissalDate:check.dismissalSameDayAsCertificate']],
    ['2023-12-21', []],
  ])('dismissed %s, certificate issued 2023-12-20', (dismissalDate, expected) => {
    expect(brief(run('change', { dismissalDate, certIssueDate: '2023-12-20' }))).toEqual(expected);
  });
});

describe('birth date and gender agree with the ID number', () => {
  const id = idFor('1990-01-01'); // sequence 123: odd → male
  it('passes when they agree, in any of the page notations', () => {
    expect(run('initial', { idNumber: id, birthDate: '1990-01-01', gender: '男' })).toEqual([]);
    expect(run('initial', { idNumber: id, birthDate: '1990-01-01', gender: '1' })).toEqual([]);
  });
  it('flags the field that disagrees', () => {
    expect(brief(run('initial', { idNumber: id, birthDate: '1990-01-02', gender: '女' }))).toEqual([
      'error:birthDate:check.birthMismatch',
      'error:gender:check.genderMismatch',
    ]);
  });
});

describe('超过65周岁: from the day after the 65th birthday', () => {
  const id = idFor('1961-11-23');
  it.each([
    ['2026-08-25', []],
    ['2026-08-26', ['warning:idNumber:check.nearlyTooOld']],
    ['2026-11-23', ['warning:idNumber:check.nearlyTooOld']],
    ['2026-11-24', ['error:idNumber:check.tooOld']],
  ])('submitted %s (born 1961-11-23)', (submissionDate, expected) => {
    expect(brief(run('renewal', { idNumber: id, submissionDate }))).toEqual(expected);
  });
  it('someone born on 29 February turns 65 on 28 February of a common year', () => {
    const leap = idFor('1960-02-29');
    expect(brief(run('renewal', { idNumber: leap, submissionDate: '2025-02-28' }))).toEqual(['warning:idNumber:check.nearlyTooOld']);
    expect(brief(run('renewal', { idNumber: leap, submissionDate: '2025-03-01' }))).toEqual(['error:idNumber:check.tooOld']);
  });
  it('uses the birth date field when no ID number is on the page', () => {
    expect(brief(run('renewal', { birthDate: '1961-11-23', submissionDate: '2026-11-24' }))).toEqual(['error:birthDate:check.tooOld']);
  });
});

describe('延续注册 window', () => {
  it.each([
    ['2026-12-19', ['error:registrationExpiry:check.renewalTooLate']], // 26 days
    ['2026-12-22', ['error:registrationExpiry:check.renewalTooLate']], // 29 days
    ['2026-12-23', []], // 30 days
    ['2027-02-21', []], // 90 days
    ['2027-02-22', ['warning:registrationExpiry:check.renewalTooEarly']], // 91 days
  ])('submitted 2026-11-23, expiry %s', (registrationExpiry, expected) => {
    expect(brief(run('renewal', { registrationExpiry }))).toEqual(expected);
  });
});

describe('the remaining checks', () => {
  it('初始 more than 3 years after the qualification: 继续教育 warning', () => {
    expect(brief(run('initial', { qualificationIssueDate: '2023-11-23' }))).toEqual([]);
    expect(brief(run('initial', { qualificationIssueDate: '2023-11-22' }))).toEqual(['warning:qualificationIssueDate:check.continuingEducation']);
  });
  it('start ≤ end', () => {
    expect(brief(run('initial', { contractStart: '2026-01-02', contractEnd: '2026-01-01' }))).toContain('error:contractEnd:check.endBeforeStart');
    expect(brief(run('initial', { contractStart: '2026-01-01', contractEnd: '2026-01-01', submissionDate: '2025-01-01' }))).toEqual([]);
  });
  it('birth and graduation dates not in the future', () => {
    expect(brief(run('initial', { graduationDate: '2026-11-24', birthDate: '2026-11-23' }))).toEqual(['error:graduationDate:check.inFuture']);
  });
});
