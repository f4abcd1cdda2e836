import { PROVINCE_CODES } from './id-number';
import { err, type Finding, type Validated, warn } from './types';

/**
 * 统一社会信用代码, GB 32100-2015: 18 characters over 0-9 A-H J-N P-R T U W-Y (no I O Z S V).
 *   1     登记管理部门码 (1 机构编制, 5 民政, 9 工商 …, Y 其他)
 *   2     机构类别码, per department (91 企业, 12 事业单位 …)
 *   3–8   登记管理机关行政区划码 (GB/T 2260, six digits)
 *   9–17  主体标识码 = 组织机构代码 (GB 11714): 8 body characters + its own check character
 *   18    check character = alphabet[(31 − Σ wᵢ·cᵢ mod 31) mod 31]; a computed 0 gives '0', which is valid
 *         (a well-known library rejects it).
 * Structure doubts and a checksum failure are warnings: departments have been given further codes since
 * 2015 and some genuine old codes fail a check, so the user may confirm.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 附录A: 机构类别码 allowed under each 登记管理部门码 (A and N were assigned after 2015). */
const CATEGORIES: Readonly<Record<string, string>> = {
  '1': '1239', // 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
  '2': '19', // 外国常驻新闻机构, 其他
  '3': '1234569', // 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': '19', // 外国在华文化中心, 其他
  '5': '1239', // 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地（大陆）代表机构, 其他
  '7': '129', // 宗教活动场所, 宗教院校, 其他
  '8': '19', // 基层工会, 其他
  '9': '123', // 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '1239', // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: '1', // 其他
};

/** What an employer of a registered constructor usually is: 91 企业, 12 事业单位 (domain.md). */
const EMPLOYER_CATEGORIES: ReadonlySet<string> = new Set(['91', '12']);

export function creditCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + ALPHABET.indexOf(first17.charAt(i)) * w, 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 组织机构代码 check character over its first 8 characters (digits as values, A–Z as 10–35). */
export function orgCodeCheckCharacter(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + parseInt(first8.charAt(i), 36) * w, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function structureFindings(code: string, employer: boolean): Finding[] {
  const findings: Finding[] = [];
  const dept = code.charAt(0);
  const categories = CATEGORIES[dept];
  if (!categories) findings.push(warn('credit.department', { code: dept }));
  else if (!categories.includes(code.charAt(1))) findings.push(warn('credit.category', { code: code.slice(0, 2) }));
  const region = code.slice(2, 8);
  // Province level only: a county-level GB/T 2260 table would not fit the content script's size budget.
  if (!/^\d{6}$/.test(region) || !(PROVINCE_CODES[region.slice(0, 2)] || region.startsWith('10'))) {
    findings.push(warn('credit.region', { code: region }));
  }
  const org = code.slice(8, 17);
  if (orgCodeCheckCharacter(org.slice(0, 8)) !== org[8]) findings.push(warn('credit.orgChecksum', { org }));
  if (employer && categories && !EMPLOYER_CATEGORIES.has(code.slice(0, 2))) findings.push(warn('credit.notEmployer', { code: code.slice(0, 2) }));
  return findings;
}

/** `employer`: the code is a registering employer's (聘用单位), where a category other than 企业/事业单位 is unusual. */
export function validateCreditCode(raw: string, employer = false): Validated {
  const code = raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (!code) return { value: undefined, findings: [] };
  if (code.length !== 18) return { value: undefined, findings: [err('credit.length', { length: code.length })] };
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad) return { value: undefined, findings: [err('credit.chars', { char: bad })] };
  const expected = creditCheckCharacter(code.slice(0, 17));
  const findings = code[17] !== expected ? [warn('credit.checksum', { expected })] : [];
  return { value: code, findings: [...findings, ...structureFindings(code, employer)] };
}
