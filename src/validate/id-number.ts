import { makeDate, plusYears, todayInShanghai, toIso } from '../domain/calendar';
import { err, type Finding, warn } from './types';

/**
 * 居民身份证号码, GB 11643-1999: 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male),
 * check character over ISO 7064 MOD 11-2 (weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2 → '10X98765432').
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Province-level codes (GB/T 2260), the first two digits. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古',
  '21': '辽宁', '22': '吉林', '23': '黑龙江',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东',
  '41': '河南', '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南',
  '50': '重庆', '51': '四川', '52': '贵州', '53': '云南', '54': '西藏',
  '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆',
  '71': '台湾', '81': '香港', '82': '澳门', '83': '台湾',
};

export interface IdNumberInfo {
  /** `resident`: 居民身份证 (GB 11643); `foreign-permanent`: 外国人永久居留身份证 (2023 version, leading 9). */
  kind: 'resident' | 'foreign-permanent';
  birthDate: string;
  gender: 'male' | 'female';
  /** Full years on `now`. */
  age: number;
  province: string;
}

export interface IdNumberResult {
  value: string | undefined;
  findings: Finding[];
  info?: IdNumberInfo;
}

/** Full-width digits, spaces, dashes and a lower-case x are what people type; fold them away. */
export function normaliseIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

export function checkCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + Number(first17.charAt(i)) * w, 0);
  return CHECK.charAt(sum % 11);
}

function ageOn(birth: string, today: string): number {
  let age = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  if (today.slice(5) < birth.slice(5)) age--;
  // Someone born on 29 February has their birthday on 28 February in a common year (民法典 第二百零二条).
  if (birth.slice(5) === '02-29' && today.slice(5) === '02-28' && plusYears(birth, age + 1) === today) age++;
  return age;
}

export function validateIdNumber(raw: string, now: Date): IdNumberResult {
  const id = normaliseIdNumber(raw);
  if (!id) return { value: undefined, findings: [err('id.empty')] };
  if (/^\d{15}$/.test(id)) return { value: undefined, findings: [err('id.legacy15')] };
  if (id.length !== 18) return { value: undefined, findings: [err('id.length', { length: id.length })] };
  if (!/^\d{17}[\dX]$/.test(id)) return { value: undefined, findings: [err('id.chars')] };
  // 外国人永久居留身份证 (2023): '9', the issuing province's code, a 3-digit nationality code, then birth date,
  // sequence and check character as in GB 11643 — not a bad province code (domain.md).
  const foreign = id[0] === '9';
  const province = foreign ? PROVINCE_CODES[id.slice(1, 3)] : PROVINCE_CODES[id.slice(0, 2)];
  if (!province) {
    return { value: undefined, findings: [err(foreign ? 'id.foreignProvince' : 'id.province', { code: foreign ? id.slice(1, 3) : id.slice(0, 2) })] };
  }
  const y = Number(id.slice(6, 10));
  const birth = makeDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)));
  if (!birth || y < 1900) return { value: undefined, findings: [err('id.birthImpossible', { text: id.slice(6, 14) })] };
  const birthDate = toIso(birth);
  const today = todayInShanghai(now);
  if (birthDate > today) return { value: undefined, findings: [err('id.birthFuture', { date: birthDate })] };
  const expected = checkCharacter(id.slice(0, 17));
  if (id[17] !== expected) return { value: undefined, findings: [err('id.checksum', { expected, actual: id.charAt(17) })] };
  return {
    value: id,
    findings: foreign ? [warn('id.foreignPermanent', { province })] : [],
    info: { kind: foreign ? 'foreign-permanent' : 'resident', birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female', age: ageOn(birthDate, today), province },
  };
}
