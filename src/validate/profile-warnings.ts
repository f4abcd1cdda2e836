import { DATE_FIELDS } from '../domain/fields';
import type { FieldKey } from '../domain/ids';
import type { MessageKey, Params } from '../i18n';
import { genderOf } from './checks';
import { daysBetween, plusYears } from '../domain/calendar';
import { validateIdNumber } from './id-number';
import { implausibleDate } from './plausible-dates';

/**
 * The warnings a clerk sees where a profile is edited (workbench editor, popup quick edit, fill preview): the same
 * field checks as the portal pages, on a stored or draft profile. Pure; nothing blocks saving — a warning says
 * what looks wrong and the clerk decides. `today` is the calendar date in Asia/Shanghai.
 */
export interface ProfileWarning {
  field: FieldKey;
  code: MessageKey;
  params?: Params;
}

/** 153号令 / the portals: the labour contract must still run one full year on the day the application is submitted. */
const CONTRACT_YEARS = 1;

type Values = Partial<Record<FieldKey, string | boolean>>;
const text = (v: Values, k: FieldKey): string | undefined => {
  const x = v[k];
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
};

function contractWarnings(v: Values, today: string): ProfileWarning[] {
  const end = text(v, 'contractEnd');
  if (!end || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return [];
  if (end < today) return [{ field: 'contractEnd', code: 'profileWarn.contractPast', params: { date: end, days: daysBetween(end, today) } }];
  const from = text(v, 'submissionDate') ?? today;
  const min = plusYears(from, CONTRACT_YEARS);
  if (end < min) return [{ field: 'contractEnd', code: 'profileWarn.contractSoon', params: { date: end, min, days: daysBetween(today, end) } }];
  return [];
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

export function profileWarnings(values: Values, now: Date, today: string): ProfileWarning[] {
  const id = text(values, 'idNumber');
  const birth = text(values, 'birthDate') ?? (id ? validateIdNumber(id, now).info?.birthDate : undefined);
  return [...identityWarnings(values, now), ...dateWarnings(values, today, birth), ...contractWarnings(values, today)];
}
