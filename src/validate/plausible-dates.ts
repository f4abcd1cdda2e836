import type { FieldKey } from '../domain/ids';

/**
 * Which dates are plausible for which field — one definition for the import (a value outside is left empty with a
 * warning) and for the editors (a warning beside the field). Values are `yyyy-MM-dd`, or `yyyy-MM` for month-level
 * fields (compared on their first day); `today` is the calendar date in Asia/Shanghai.
 */
export type Implausible =
  | { reason: 'tooEarly'; params: { value: string; min: string } }
  | { reason: 'future'; params: { value: string; today: string } }
  | { reason: 'tooLate'; params: { value: string; max: string } }
  | { reason: 'beforeFourteen'; params: { value: string; birth: string } };

/**
 * Nothing an applicant record holds goes back before 1950 (registration ends at 65: 注册管理办法) — except a birth
 * date: a roster may still list an older, retired colleague (注销), so births go back to 1930.
 */
const EARLIEST = '1950-01-01';
const EARLIEST_BIRTH = '1930-01-01';
/** Fields that record something already done: never after today. */
const PAST_ONLY: ReadonlySet<FieldKey> = new Set<FieldKey>(['birthDate', 'graduationDate', 'qualificationIssueDate', 'certIssueDate']);
/** Fields that may lie a little ahead (a contract starting next month, a planned submission). */
const NEAR_FUTURE: ReadonlySet<FieldKey> = new Set<FieldKey>(['contractStart', 'dismissalDate', 'submissionDate']);
const LATEST = '2100-12-31';

function latest(key: FieldKey, today: string): string {
  if (PAST_ONLY.has(key)) return today;
  if (NEAR_FUTURE.has(key)) return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return LATEST;
}

/** Why a date is implausible for the field, or undefined when it is plausible (open-ended is). */
export function implausibleDate(key: FieldKey, value: string, today: string, birth?: string): Implausible | undefined {
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(value)) return undefined;
  const day = value.length === 7 ? `${value}-01` : value;
  const min = key === 'birthDate' ? EARLIEST_BIRTH : EARLIEST;
  if (day < min) return { reason: 'tooEarly', params: { value, min: min.slice(0, 4) } };
  const max = latest(key, today);
  if (day > max) return max === today ? { reason: 'future', params: { value, today } } : { reason: 'tooLate', params: { value, max } };
  if (key === 'graduationDate' && birth && /^\d{4}-\d{2}-\d{2}$/.test(birth)) {
    const fourteen = `${Number(birth.slice(0, 4)) + 14}${birth.slice(4, 7)}`;
    if (value.slice(0, 7) < fourteen) return { reason: 'beforeFourteen', params: { value, birth } };
  }
  return undefined;
}
