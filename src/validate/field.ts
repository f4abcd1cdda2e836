import type { FieldKey } from '../domain/ids';
import { parseFieldDate } from './dates';
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
import { type Validated } from './types';

/** Field types of rules/shared/fields.json. */
export type FieldType =
  | 'text'
  | 'date'
  | 'id-number'
  | 'mobile'
  | 'phone'
  | 'email'
  | 'postcode'
  | 'credit-code'
  | 'choice'
  | 'boolean'
  | 'integer';

/** Validate one value by its field. Empty values yield no findings: whether a field is required is the page's call. */
export function validateField(key: FieldKey, type: FieldType | string, raw: string, now: Date): Validated {
  const text = raw.trim();
  if (!text) return { value: undefined, findings: [] };
  if (key === 'name') return validateName(text);
  if (key === 'registrationNo') return validateRegistrationNo(text);
  if (key === 'qualificationCertNo') return validateQualificationCertNo(text);
  switch (type) {
    case 'date':
      return parseFieldDate(key, text);
    case 'id-number': {
      const r = validateIdNumber(text, now);
      return { value: r.value, findings: r.findings };
    }
    case 'mobile':
      return validateMobile(text);
    case 'phone':
      return validatePhone(text);
    case 'email':
      return validateEmail(text);
    case 'postcode':
      return validatePostcode(text);
    case 'credit-code':
      // 聘用单位's code: a category other than 企业/事业单位 is worth a notice (GB 32100 机构类别码).
      return validateCreditCode(text, key === 'employerCreditCode');
    case 'integer':
      return validateWholeNumber(text);
    default:
      return { value: text.normalize('NFKC'), findings: [] };
  }
}
