import { DATE_FIELDS } from '../domain/fields';
import { educationLevel } from '../domain/education';
import { BUSINESS_NAMES, type FieldKey } from '../domain/ids';
import type { MessageKey, Params } from '../i18n';
import { genderOf } from './checks';
import { daysBetween, plusYears } from '../domain/calendar';
import { validateIdNumber } from './id-number';
import { implausibleDate } from './plausible-dates';
import type { ProfileCheck, ProfileRules } from '../rules/profile-rules';

/**
 * The warnings a clerk sees where a profile is edited (workbench editor, popup quick edit, fill preview): the same
 * field checks as the portal pages, on a stored or draft profile. Pure; nothing blocks saving — a warning says
 * what looks wrong and the clerk decides. `today` is the calendar date in Asia/Shanghai. The rules themselves
 * (the contract's term, the minimum 学历) come from the rule pack in force (`ProfileRules`, src/rules/profile-rules.ts).
 */
export interface ProfileWarning {
  field: FieldKey;
  code: MessageKey;
  params?: Params;
}

type Values = Partial<Record<FieldKey, string | boolean>>;
const text = (v: Values, k: FieldKey): string | undefined => {
  const x = v[k];
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
};

/** The rule as the pack states it, with its source in Chinese (the English rule text stands alone). */
const ruleText = (c: ProfileCheck) => ({ zh: `${c.text}（依据：${c.cite}）`, en: c.textEn ?? c.text });

/**
 * The labour contract against the contract-end-min-years checks in play (seed §四: 满一年以上 on the day the
 * application is submitted). Several businesses in play: the longest term is the one that bites. No such check in
 * play (注销, 遗失补证; 变更 for a renamed employer): nothing to say about the contract.
 */
function contractWarnings(v: Values, today: string, rules: ProfileRules): ProfileWarning[] {
  const terms = rules.checks.flatMap((c) => (c.kind === 'contract-end-min-years' && c.params.years !== undefined ? [c.params.years] : []));
  const end = text(v, 'contractEnd');
  if (!terms.length || !end || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return [];
  if (end < today) return [{ field: 'contractEnd', code: 'profileWarn.contractPast', params: { date: end, days: daysBetween(end, today) } }];
  const years = Math.max(...terms);
  const min = plusYears(text(v, 'submissionDate') ?? today, years);
  if (end < min) return [{ field: 'contractEnd', code: 'profileWarn.contractSoon', params: { date: end, min, years, days: daysBetween(today, end) } }];
  return [];
}

/**
 * 学历 against the education-minimum checks in play (seed §四 初始注册 第2项: 中等专科以上). Only a 学历 certainly
 * below the level is said to fall short; 职高/技校 ask the clerk to check with the 受理单位; a text we cannot place
 * says nothing. (Also read by the import's preview: src/profiles/io/rule-warnings.ts.)
 */
export function educationWarning(value: string, rules: ProfileRules): ProfileWarning | undefined {
  const stated = educationLevel(value);
  if (!stated) return undefined;
  for (const c of rules.checks) {
    const min = c.kind === 'education-minimum' ? c.params.level : undefined;
    if (min === undefined || (stated !== 'unclear' && stated.level >= min)) continue;
    const params = { value: value.trim(), business: BUSINESS_NAMES[c.business], rule: ruleText(c) };
    return { field: 'education', code: stated === 'unclear' ? 'profileWarn.educationUnclear' : 'profileWarn.educationBelow', params };
  }
  return undefined;
}

function identityWarnings(v: Values, now: Date): ProfileWarning[] {
  const id = text(v, 'idNumber');
  if (!id) return [];
  const r = validateIdNumber(id, now);
  if (!r.info) return r.findings.map((f) => ({ field: 'idNumber', code: `v.${f.code}`, params: f.params ?? {} }));
  const out: ProfileWarning[] = [];
  const birth = text(v, 'birthDate');
  if (!birth) out.push({ field: 'birthDate', code: 'profileWarn.birthFromId', params: { date: r.info.birthDate } });
  else if (birth !== r.info.birthDate) out.push({ field: 'birthDate', code: 'v.check.birthMismatch', params: { expected: r.info.birthDate } });
  const expected = r.info.gender === 'male' ? '男' : '女';
  const gender = text(v, 'gender');
  if (!gender) out.push({ field: 'gender', code: 'profileWarn.genderFromId', params: { gender: expected } });
  else if (genderOf(gender) !== r.info.gender) out.push({ field: 'gender', code: 'v.check.genderMismatch', params: { expected } });
  return out;
}

function dateWarnings(v: Values, today: string, birth: string | undefined): ProfileWarning[] {
  const out: ProfileWarning[] = [];
  for (const key of DATE_FIELDS) {
    const value = text(v, key);
    const why = value ? implausibleDate(key, value, today, birth) : undefined;
    if (why) out.push({ field: key, code: `profileWarn.${why.reason}`, params: why.params });
  }
  return out;
}

export function profileWarnings(values: Values, now: Date, today: string, rules: ProfileRules): ProfileWarning[] {
  const id = text(values, 'idNumber');
  const birth = text(values, 'birthDate') ?? (id ? validateIdNumber(id, now).info?.birthDate : undefined);
  const education = educationWarning(text(values, 'education') ?? '', rules);
  return [...identityWarnings(values, now), ...dateWarnings(values, today, birth), ...(education ? [education] : []), ...contractWarnings(values, today, rules)];
}
