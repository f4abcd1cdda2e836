import { type FieldKey, OPEN_ENDED } from '../domain/ids';
import { renewalState } from '../rules/renewal';
import { checkApplies, type RunnableCheck } from '../rules/status';
import { daysBetween, plusDays, plusYears, todayInShanghai } from '../domain/calendar';
import { validateIdNumber } from './id-number';
import type { FieldFinding, FindingCode, Severity } from './types';

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

/**
 * Company names as people and systems write them: full/half-width forms and brackets, spaces, and the legal
 * forms 有限责任公司 / 有限公司 (公司法: the same kind of company, written both ways) folded together.
 */
export function normOrgName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000()（）[\]【】〔〕]/g, '')
    .replace(/有限责任公司/g, '有限公司');
}

/**
 * 考试报名时的企业与注册时的企业不一致 (seed §四 初始 第4项 说明2), read from the values: both names known and
 * different once written alike.
 */
export function examEmployerDiffers(v: { examEmployerName?: string | undefined; employerName?: string | undefined }): boolean {
  return !!v.examEmployerName && !!v.employerName && normOrgName(v.examEmployerName) !== normOrgName(v.employerName);
}

function out(check: RunnableCheck, field: FieldKey, code: FindingCode, severity: Severity, params?: FieldFinding['params']): FieldFinding {
  return params ? { field, code, severity, params, check: check.id } : { field, code, severity, check: check.id };
}

type Runner = (check: RunnableCheck, v: Values, ctx: CheckContext, today: string) => FieldFinding[];

/**
 * One runner per check kind (src/rules/schema.ts CHECK_KINDS); the rule data says which apply to a business,
 * with what numbers, at what severity and from which source.
 */
const RUNNERS: Record<string, Runner> = {
  // 劳动合同: end ≥ submission + N years, inclusive ("满一年以上": 以上 includes the number, 民法典 第1259条).
  'contract-end-min-years': (c, v, _ctx, today) => {
    const end = v.contractEnd;
    const years = c.params.years;
    // 无固定期限 (劳动合同法 第十四条) runs past any date.
    if (!end || end === OPEN_ENDED || years === undefined) return [];
    const min = plusYears(v.submissionDate ?? today, years);
    return end < min ? [out(c, 'contractEnd', 'check.contractTooShort', c.severity, { min, years })] : [];
  },
  // “之后” read one way (rule text and source say so): strictly later passes, earlier is an error, the same day
  // a warning — 民法典 第1259条 defines 以上/以下, not 之后.
  'contract-start-after-dismissal': (c, v, ctx) => {
    const { contractStart: start, dismissalDate: dismissal } = v;
    if (!start || !dismissal) return [];
    if (c.params.onlyWhenExamEmployerDiffers) {
      const differs = ctx.conditions.has('exam-employer-differs') || examEmployerDiffers(v);
      if (!differs) return [];
    }
    if (start < dismissal) return [out(c, 'contractStart', 'check.contractBeforeDismissal', c.severity, { dismissal })];
    if (start === dismissal) return [out(c, 'contractStart', 'check.contractSameDayAsDismissal', 'warning', { dismissal })];
    return [];
  },
  // 解聘证明日期要在注册证书签发日期之后 (seed §四 变更 4): “之后” read as for the contract above.
  'dismissal-after-cert-issue': (c, v) => {
    const { dismissalDate: dismissal, certIssueDate: issued } = v;
    if (!dismissal || !issued || dismissal > issued) return [];
    if (dismissal === issued) return [out(c, 'dismissalDate', 'check.dismissalSameDayAsCertificate', 'warning', { issued })];
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
  // 超过65周岁 (153号令): from the day after the birthday of `years` an error; in the `warnDays` before, a warning.
  'max-age': (c, v, ctx, today) => {
    const birth = (v.idNumber && validateIdNumber(v.idNumber, ctx.now).info?.birthDate) || v.birthDate;
    const { years, warnDays } = c.params;
    if (!birth || years === undefined || warnDays === undefined) return [];
    const field: FieldKey = v.idNumber ? 'idNumber' : 'birthDate';
    const limit = plusYears(birth, years); // the 65th birthday: still allowed
    const submission = v.submissionDate ?? today;
    if (submission > limit) return [out(c, field, 'check.tooOld', c.severity, { years, limit })];
    const warnFrom = plusDays(limit, -warnDays + 1);
    if (submission >= warnFrom) return [out(c, field, 'check.nearlyTooOld', 'warning', { years, limit, days: daysBetween(submission, limit) })];
    return [];
  },
  // 延续注册 timing from the business's renewalTiming (the view puts its days in params): expired → only
  // 重新注册; fewer than 30 days left → too late; more than 90 days early → a warning (inferred).
  'renewal-window': (c, v, _ctx, today) => {
    const expiry = v.registrationExpiry;
    const { minDays: min, maxDays: max } = c.params;
    if (!expiry || min === undefined || max === undefined) return [];
    const s = renewalState(expiry, v.submissionDate ?? today, { lastDaysBefore: min, earlyWarnDaysBefore: max });
    const at = { expiry, last: s.lastFilingDay, left: s.daysLeft, min, max };
    if (s.phase === 'expired') return [out(c, 'registrationExpiry', 'check.renewalExpired', c.severity, at)];
    if (s.phase === 'too-late') return [out(c, 'registrationExpiry', 'check.renewalTooLate', c.severity, at)];
    if (s.phase === 'early') return [out(c, 'registrationExpiry', 'check.renewalTooEarly', 'warning', at)];
    return [];
  },
  'qualification-continuing-education': (c, v, _ctx, today) => {
    const issued = v.qualificationIssueDate;
    const years = c.params.years;
    if (!issued || years === undefined) return [];
    return (v.submissionDate ?? today) > plusYears(issued, years)
      ? [out(c, 'qualificationIssueDate', 'check.continuingEducation', c.severity, { years })]
      : [];
  },
  'start-not-after-end': (c, v) => {
    const [a, b] = c.fields;
    if (!a || !b) return [];
    const start = v[a];
    const end = v[b];
    return start && end && end !== OPEN_ENDED && start > end ? [out(c, b, 'check.endBeforeStart', c.severity, { start })] : [];
  },
  // 诚信证明 (seed §四 初始 5): social insurance paid by the registering employer, for N months.
  'social-insurance-employer': (c, v) => {
    const found: FieldFinding[] = [];
    const payer = v.socialInsuranceEmployer;
    if (payer && v.employerName && normOrgName(payer) !== normOrgName(v.employerName)) {
      found.push(out(c, 'socialInsuranceEmployer', 'check.insuranceOtherEmployer', c.severity, { employer: v.employerName }));
    }
    const need = c.params.months;
    const months = v.socialInsuranceMonths;
    if (need !== undefined && months !== undefined && /^\d+$/.test(months) && Number(months) < need) {
      found.push(out(c, 'socialInsuranceMonths', 'check.insuranceTooShort', c.severity, { months: Number(months), need }));
    }
    return found;
  },
  // A 不予注册 situation the user confirmed (its `when` condition): say so on the first field of the check.
  'refusal-condition': (c) => {
    const field = c.fields[0];
    return field ? [out(c, field, 'check.refused', c.severity, { rule: c.text })] : [];
  },
  'not-in-future': (c, v, _ctx, today) =>
    c.fields.filter((f) => (v[f] ?? '') > today && v[f] !== OPEN_ENDED).map((f) => out(c, f, 'check.inFuture', c.severity, { today })),
};

/** Run the rule data's cross-field checks over a page's (or a profile's) values. */
export function runChecks(checks: readonly RunnableCheck[], values: Values, ctx: CheckContext): FieldFinding[] {
  const today = todayInShanghai(ctx.now);
  return checks.filter((c) => checkApplies(c, ctx.conditions)).flatMap((c) => RUNNERS[c.kind]?.(c, values, ctx, today) ?? []);
}

