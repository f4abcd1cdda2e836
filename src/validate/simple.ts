import { MOBILE_NUMBER } from '../domain/phone-kinds';
import { err, type FindingCode, type Validated, warn } from './types';

/**
 * Single-field validators. Each takes the raw text, returns the canonical value (when readable) and
 * findings whose codes name Chinese messages (assets/i18n, `v.*`).
 */

/** 姓名: 汉字 and the middle dot of minority names (·, also typed as • or ・). */
export function validateName(raw: string): Validated {
  const text = raw.normalize('NFKC').trim().replace(/[•・]/g, '·');
  if (!text) return { value: undefined, findings: [err('name.empty')] };
  const findings = [];
  if (/[A-Za-z]/.test(text)) findings.push(warn('name.latin'));
  if (/\s/.test(text)) findings.push(warn('name.space'));
  if (/[^\p{Script=Han}·A-Za-z\s]/u.test(text)) findings.push(err('name.chars'));
  else if (/^·|·$|··/.test(text)) findings.push(err('name.dot'));
  return { value: text, findings };
}

/**
 * 11-digit public mobile network segments (号段), 工信部《我国公众移动通信网网号及H0分配情况（截至2023年3月底）》
 * (domain.md). Segments for data cards and IoT cannot receive the portals' SMS codes; segments unassigned in
 * that table may have been assigned since: both are warnings, never errors.
 */
// One letter per segment 130–199 — p public, d data card, i IoT, s satellite (174), - not assigned — kept as
// a string because this table ships in the size-budgeted content script.
const MOBILE_SEGMENTS = 'pppppppppp-----dididpppp-ppppp--p--ppp--ppipspppp-pppppppppppppp-ppppp';
const SEGMENT_WARNING: Readonly<Record<string, FindingCode>> = { d: 'mobile.dataCard', i: 'mobile.iot', s: 'mobile.satellite', '-': 'mobile.unassigned' };

/** +86 / 0086 / 86 (without +) and a long-distance 0 in front, spaces, dashes and brackets fold away. */
export function normaliseMobile(raw: string): string {
  const text = raw.normalize('NFKC').replace(/[\s\-()]/g, '');
  return text.replace(/^(\+86|0086)/, '').replace(/^86(?=1[3-9]\d{9}$)/, '').replace(/^0(?=1[3-9]\d{9}$)/, '');
}

/** 手机: 1[3-9] + 9 digits, then the segment table. */
export function validateMobile(raw: string): Validated {
  const digits = normaliseMobile(raw);
  if (!digits) return { value: undefined, findings: [err('mobile.empty')] };
  if (!/^\d+$/.test(digits)) return { value: undefined, findings: [err('mobile.chars')] };
  if (digits.length !== 11) return { value: undefined, findings: [err('mobile.length', { length: digits.length })] };
  if (!/^1[3-9]/.test(digits)) return { value: undefined, findings: [err('mobile.prefix')] };
  const segment = digits.slice(0, 3);
  const warning = SEGMENT_WARNING[MOBILE_SEGMENTS[Number(segment) - 130] ?? '-'];
  return { value: digits, findings: warning ? [warn(warning, { segment })] : [] };
}

/** Whole months (社保连续缴纳月数): a non-negative integer, 「6个月」 and full-width digits read. */
export function validateWholeNumber(raw: string): Validated {
  const text = raw.normalize('NFKC').replace(/\s/g, '').replace(/(个月|月)$/, '');
  if (!text) return { value: undefined, findings: [] };
  if (!/^\d{1,4}$/.test(text)) return { value: undefined, findings: [err('integer.format', { text: raw.trim() })] };
  return { value: String(Number(text)), findings: [] };
}

/**
 * 固定电话: area code (optional), 7-8 digit number, optional extension. Area codes follow the national numbering plan:
 * three digits for 010 and 020–029, four for the rest (0531) — so 01058979072 is 010-58979072, never 0105-8979072,
 * and an area code run into the number splits one way only. Spaces are read where people
 * put them — around the area code, the extension's mark, and once inside the number (8888 6666) — never between any
 * two digits: 「0531-88886666 转 8001 2」 is no extension 80012.
 */
export function validatePhone(raw: string): Validated {
  const spaced = raw.normalize('NFKC').trim().replace(/[()（）]/g, ' ').trim().replace(/^(\+86|0086)\s*-?\s*/, '0').replace(/^00/, '0');
  const text = spaced.replace(/\s/g, '');
  if (!text) return { value: undefined, findings: [] };
  const m = /^(?:(0[12]\d|0[3-9]\d{2})\s*-?\s*)?(\d{3,4}) ?(\d{4})(?:\s*(?:-|转|ext\.?)\s*(\d{1,6}))?$/i.exec(spaced.replace(/\s+/g, ' '));
  if (!m) {
    // People often give a mobile here, with +86 or 0086 as in the mobile field (「(+86)13805311234」 is no area code
    // 0138): accept it.
    const mobile = normaliseMobile(raw);
    if (MOBILE_NUMBER.test(mobile)) return { value: mobile, findings: [] };
    return { value: undefined, findings: [err('phone.format')] };
  }
  return { value: `${m[1] ? `${m[1]}-` : ''}${m[2]}${m[3]}${m[4] ? `-${m[4]}` : ''}`, findings: [] };
}

export function validateEmail(raw: string): Validated {
  const text = raw.normalize('NFKC').trim();
  if (!text) return { value: undefined, findings: [] };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { value: undefined, findings: [err('email.format')] };
  return { value: text, findings: [] };
}

/** 邮政编码: six digits. */
export function validatePostcode(raw: string): Validated {
  const text = raw.normalize('NFKC').replace(/\s/g, '');
  if (!text) return { value: undefined, findings: [] };
  if (!/^\d{6}$/.test(text)) return { value: undefined, findings: [err('postcode.format')] };
  return { value: text, findings: [] };
}

/**
 * 注册编号 (warning only; the format is inferred from published examples, domain.md): 省简称 + 2 + province
 * code + years + serial, e.g. 鲁2372010202404839; older certificates carry two-digit years (鲁237151616894).
 */
export function validateRegistrationNo(raw: string): Validated {
  const text = raw.normalize('NFKC').replace(/\s/g, '');
  if (!text) return { value: undefined, findings: [] };
  if (!/^[\p{Script=Han}]2\d{2}(\d{4}\d{4}\d{5}|\d{2}\d{2}\d{4,6})$/u.test(text)) {
    return { value: text, findings: [warn('registrationNo.format')] };
  }
  return { value: text, findings: [] };
}

/** 资格证书管理号: 18 characters (Beijing print logic, domain.md). Warning only. */
export function validateQualificationCertNo(raw: string): Validated {
  const text = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!text) return { value: undefined, findings: [] };
  if (!/^[0-9A-Z]{18}$/.test(text)) return { value: text, findings: [warn('qualificationCertNo.format', { length: text.length })] };
  return { value: text, findings: [] };
}
