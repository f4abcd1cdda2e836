import type { FieldKey } from '../domain/ids';
import type { CheckView } from '../rules/status';
import { daysBetween, localToday, plusDays, plusYears } from './dates';
import { validateIdNumber } from './id-number';
import type { FieldFinding, Severity } from './types';

/** Canonical values by field key: dates as yyyy-MM-dd, the rest as read. Missing = not on the page. */
export type Values = Partial<Record<FieldKey, string>>;

export interface CheckContext {
  now: Date;
  /** Conditions the user set (exam-employer-differs, retired, …). */
  conditions: ReadonlySet<string>;
}

/** 男/女 in the ways forms write it (radio text, MiniUI value, GB/T 2261.1 codes 1/2). */
export function genderOf(value: string | undefined): 'male' | 'female' | undefined {
  const v = value?.normalize('NFKC').trim().toLowerCase();
  if (!v) return undefined;
  if (['男', '1', 'male', 'm', '男性'].includes(v)) return 'male';
  if (['女', '2', 'female', 'f', '女性'].includes(v)) return 'female';
  return undefined;
}

const normOrg = (s: string) => s.normalize('NFKC').replace(/[\s()（）]/g, '');

function out(check: CheckView, field: FieldKey, code: string, severity: Severity, params?: FieldFinding['params']): FieldFinding {
  return params ? { field, code, severity, params, check: check.id } : { field, code, severity, check: check.id };
}

type Runner = (check: CheckView, v: Values, ctx: CheckContext, today: string) => FieldFinding[];

/**
 * One runner per check kind (src/rules/schema.ts CHECK_KINDS); the rule data says which apply to a business,
 * with what numbers, at what severity and from which source.
 */
const RUNNERS: Record<string, Runner> = {
  // 劳动合同: end ≥ submission + N years, inclusive ("满一年以上": 以上 includes the number, 民法典 第1259条).
  'contract-end-min-years': (c, v, _ctx, today) => {
    const end = v.contractEnd;
    if (!end) return [];
    const min = plusYears(v.submissionDate ?? today, c.params.years ?? 1);
    return end < min ? [out(c, 'contractEnd', 'check.contractTooShort', c.severity, { min, years: c.params.years ?? 1 })] : [];
  },
  // Contract must start after dismissal from the previous employer; the same day is doubtful.
  'contract-start-after-dismissal': (c, v, ctx) => {
    const { contractStart: start, dismissalDate: dismissal } = v;
    if (!start || !dismissal) return [];
    if (c.params.onlyWhenExamEmployerDiffers) {
      const differs =
        ctx.conditions.has('exam-employer-differs') ||
        (!!v.examEmployerName && !!v.employerName && normOrg(v.examEmployerName) !== normOrg(v.employerName));
      if (!differs) return [];
    }
    if (start < dismissal) return [out(c, 'contractStart', 'check.contractBeforeDismissal', c.severity, { dismissal })];
    if (start === dismissal) return [out(c, 'contractStart', 'check.contractSameDayAsDismissal', 'warning', { dismissal })];
    return [];
  },
  // 解聘证明日期要在注册证书签发日期之后 (seed §四 变更 4): strictly after.
  'dismissal-after-cert-issue': (c, v) => {
    const { dismissalDate: dismissal, certIssueDate: issued } = v;
    if (!dismissal || !issued || dismissal > issued) return [];
    return [out(c, 'dismissalDate', 'check.dismissalBeforeCertificate', c.severity, { issued })];
  },
  'id-matches-birth-gender': (c, v, ctx) => {
    if (!v.idNumber) return [];
    const info = validateIdNumber(v.idNumber, ctx.now).info;
    if (!info) return [];
    const found: FieldFinding[] = [];
    if (v.birthDate && v.birthDate !== info.birthDate) {
      found.push(out(c, 'birthDate', 'check.birthMismatch', c.severity, { expected: info.birthDate }));
    }
    const g = genderOf(v.gender);
    if (g && g !== info.gender) {
      found.push(out(c, 'gender', 'check.genderMismatch', c.severity, { expected: info.gender === 'male' ? '男' : '女' }));
    }
    return found;
  },
  // 超过65周岁 (153号令): from the day after the 65th birthday an error; in the 90 days before, a warning.
  'max-age': (c, v, ctx, today) => {
    const birth = (v.idNumber && validateIdNumber(v.idNumber, ctx.now).info?.birthDate) || v.birthDate;
    if (!birth) return [];
    const field: FieldKey = v.idNumber ? 'idNumber' : 'birthDate';
    const years = c.params.years ?? 65;
    const limit = plusYears(birth, years); // the 65th birthday: still allowed
    const submission = v.submissionDate ?? today;
    if (submission > limit) return [out(c, field, 'check.tooOld', c.severity, { years, limit })];
    const warnFrom = plusDays(limit, -(c.params.warnDays ?? 90) + 1);
    if (submission >= warnFrom) return [out(c, field, 'check.nearlyTooOld', 'warning', { years, limit, days: daysBetween(submission, limit) })];
    return [];
  },
  // 延续注册: at least 30 days before expiry (error otherwise); more than 90 days early: a warning.
  'renewal-window': (c, v, _ctx, today) => {
    const expiry = v.registrationExpiry;
    if (!expiry) return [];
    const left = daysBetween(v.submissionDate ?? today, expiry);
    const min = c.params.minDays ?? 30;
    const max = c.params.maxDays ?? 90;
    if (left < min) return [out(c, 'registrationExpiry', 'check.renewalTooLate', c.severity, { left, min })];
    if (left > max) return [out(c, 'registrationExpiry', 'check.renewalTooEarly', 'warning', { left, max })];
    return [];
  },
  'qualification-continuing-education': (c, v, _ctx, today) => {
    const issued = v.qualificationIssueDate;
    if (!issued) return [];
    const years = c.params.years ?? 3;
    return (v.submissionDate ?? today) > plusYears(issued, years)
      ? [out(c, 'qualificationIssueDate', 'check.continuingEducation', c.severity, { years })]
      : [];
  },
  'start-not-after-end': (c, v) => {
    const [a, b] = c.fields;
    if (!a || !b) return [];
    const start = v[a];
    const end = v[b];
    return start && end && start > end ? [out(c, b, 'check.endBeforeStart', c.severity, { start })] : [];
  },
  'not-in-future': (c, v, _ctx, today) =>
    c.fields.filter((f) => (v[f] ?? '') > today).map((f) => out(c, f, 'check.inFuture', c.severity, { today })),
};

/** Run the rule data's cross-field checks over a page's (or a profile's) values. */
export function runChecks(checks: readonly CheckView[], values: Values, ctx: CheckContext): FieldFinding[] {
  const today = localToday(ctx.now);
  return checks.flatMap((c) => RUNNERS[c.kind]?.(c, values, ctx, today) ?? []);
}

export const KNOWN_CHECK_KINDS = Object.keys(RUNNERS);
