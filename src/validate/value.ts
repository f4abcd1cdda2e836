/**
 * Reading one typed value by its field's facts (a FieldDef of src/domain/fields.ts, or the same facts as page
 * rules carry them to a content script). Kept apart from the field table so that the content script, whose
 * size is budgeted, validates page fields without bundling the table and the vocabularies: it gets each
 * field's facts with its page rules. Choices are read through the vocabularies by src/validate/field.ts.
 */
import type { FieldDef, ValidatorId } from '../domain/fields';
import { OPEN_ENDED } from '../domain/ids';
import { makeDate } from '../domain/calendar';
import { isOpenEndedText, isUntilNowText, parseDateText } from './dates';
import { validateCreditCode } from './credit-code';
import { validateIdNumber } from './id-number';
import {
  validateEmail,
  validateMobile,
  validateName,
  validatePhone,
  validatePostcode,
  validateQualificationCertNo,
  validateRegistrationNo,
  validateWholeNumber,
} from './simple';
import { err, type Validated } from './types';

/** What reading a value needs to know of its field. */
export interface ValueSpec {
  validate: ValidatorId;
  openEnded?: boolean | undefined;
  range?: FieldDef['range'] | undefined;
}

/** 2015-07, 2015/7, 2015.7, 2015年7月, 201507. */
const MONTH = /^(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))$/;

/** A month-level value: yyyy-MM (a full date is kept as the more precise value). */
export function parseMonthText(raw: string): Validated {
  const text = raw.normalize('NFKC').trim();
  const m = MONTH.exec(text);
  if (m) {
    const month = m[2] ?? m[3] ?? '';
    if (!makeDate(Number(m[1]), Number(month), 1)) return { value: undefined, findings: [err('date.impossible', { text })] };
    return { value: `${m[1]}-${month.padStart(2, '0')}`, findings: [] };
  }
  const asDate = parseDateText(text);
  if (asDate.value) return asDate;
  return { value: undefined, findings: [err('month.format', { text })] };
}

/** A whole number (validateWholeNumber) within the field's range. */
function parseInteger(raw: string, range: ValueSpec['range']): Validated {
  const r = validateWholeNumber(raw);
  if (r.value === undefined || !range) return r;
  const n = Number(r.value);
  return n < range.min || n > range.max ? { value: undefined, findings: [err('integer.range', { min: range.min, max: range.max })] } : r;
}

const plain = (text: string): Validated => ({ value: text.normalize('NFKC'), findings: [] });

const RUN: Record<ValidatorId, (text: string, spec: ValueSpec, now: Date) => Validated> = {
  text: plain,
  choice: plain,
  boolean: plain,
  name: (text) => validateName(text),
  'registration-no': (text) => validateRegistrationNo(text),
  'qualification-cert-no': (text) => validateQualificationCertNo(text),
  date: (text) => parseDateText(text),
  month: (text) => parseMonthText(text),
  'id-number': (text, _spec, now) => {
    const r = validateIdNumber(text, now);
    return { value: r.value, findings: r.findings };
  },
  mobile: (text) => validateMobile(text),
  phone: (text) => validatePhone(text),
  email: (text) => validateEmail(text),
  postcode: (text) => validatePostcode(text),
  'credit-code': (text) => validateCreditCode(text),
  // 聘用单位's code: a category other than 企业/事业单位 is worth a notice (GB 32100 机构类别码).
  'employer-credit-code': (text) => validateCreditCode(text, true),
  integer: (text, spec) => parseInteger(text, spec.range),
};

/**
 * Read one value as typed: canonical text and findings. Empty values yield no findings: whether a field is
 * required is the page's (or the import's) call.
 */
export function validateValue(spec: ValueSpec, raw: string, now: Date): Validated {
  const text = raw.trim();
  if (!text) return { value: undefined, findings: [] };
  if (spec.openEnded && isOpenEndedText(text)) return { value: OPEN_ENDED, findings: [] };
  // 「长期」 in a date that cannot be open-ended is said as such, as the import does (cell-dates' openEndedHere):
  // the format message would ask for a date format when the person meant "no end".
  if (spec.validate === 'date' && isOpenEndedText(text)) return { value: undefined, findings: [err('date.openEndedHere', { text })] };
  if (spec.validate === 'date' && isUntilNowText(text)) return { value: undefined, findings: [err('date.untilNow', { text })] };
  return RUN[spec.validate](text, spec, now);
}
