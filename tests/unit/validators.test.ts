import '../../src/i18n/all';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { checkCharacter, validateIdNumber } from '../../src/validate/id-number';
import { creditCheckCharacter, validateCreditCode } from '../../src/validate/credit-code';
import { plusYears } from '../../src/domain/calendar';
import { formatForField, parseDateText } from '../../src/validate/dates';
import {
  validateEmail,
  validateMobile,
  validateName,
  validatePhone,
  validatePostcode,
  validateQualificationCertNo,
  validateRegistrationNo,
} from '../../src/validate/simple';
import type { Finding } from '../../src/validate/types';

/** Noon in Jinan (UTC+8) of a calendar day: "today" is that day whatever the machine's zone. */
export const day = (iso: string) => new Date(`${iso}T12:00:00+08:00`);
const NOW = day('2026-11-23');
const codes = (f: Finding[]) => f.map((x) => `${x.severity}:${x.code}`);
const zh = (f: Finding) => t(`v.${f.code}` as never, f.params);

describe('身份证号 (GB 11643-1999)', () => {
  it('accepts a valid number and derives birth date, gender and age', () => {
    const r = validateIdNumber('370102199001011231', NOW);
    expect(r.findings).toEqual([]);
    expect(r.info).toEqual({ kind: 'resident', birthDate: '1990-01-01', gender: 'male', age: 36, province: '山东' });
    expect(validateIdNumber('37010219900101124X', NOW).info?.gender).toBe('female');
  });

  it('normalises full-width digits, spaces, dashes and a lower-case x', () => {
    expect(validateIdNumber('３７０１０２ 1990-0101 124x', NOW).value).toBe('37010219900101124X');
  });

  it('computes the check character, 10 as X', () => {
    expect(checkCharacter('37010219900101123')).toBe('1');
    expect(checkCharacter('37010219900101124')).toBe('X');
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it.each([
    ['370102199001011237', 'error:id.checksum', '身份证号校验位错误：按前17位计算应为「1」，实际为「7」。请逐位核对号码。'],
    ['37010219900101123', 'error:id.length', '身份证号应为18位，当前为 17 位。'],
    ['370102900101123', 'error:id.legacy15', '这是15位旧身份证号，注册需要18位号码，请填写现行身份证上的号码。'],
    ['3701021990010112X1', 'error:id.chars', '身份证号只能由数字组成，最后一位可以是 X。'],
    ['390102199001011231', 'error:id.province', '身份证号前两位「39」不是有效的省级行政区代码。'],
    // A leading 9 is the 2023 foreign permanent-resident ID: its province sits in digits 2–3.
    ['990102199001011231', 'error:id.foreignProvince', '永居证号第2–3位「90」不是省级代码。'],
    ['370102199002301231', 'error:id.birthImpossible', '身份证号中的出生日期「19900230」不存在。'],
    ['370102203001011231', 'error:id.birthFuture', '身份证号中的出生日期 2030-01-01 晚于今天。'],
  ])('%s → %s', (id, code, message) => {
    const r = validateIdNumber(id, NOW);
    expect(codes(r.findings)).toEqual([code]);
    expect(zh(r.findings[0]!)).toBe(message);
    expect(r.value).toBeUndefined();
  });

  it('accepts 29 February of a leap year as a birth date and not of a common year', () => {
    const base = '37010219600229';
    expect(validateIdNumber(base + '123' + checkCharacter(base + '123'), NOW).info?.birthDate).toBe('1960-02-29');
    const bad = '37010219610229123';
    expect(codes(validateIdNumber(bad + checkCharacter(bad), NOW).findings)).toEqual(['error:id.birthImpossible']);
  });

  it('counts the age of someone born on 29 February from 28 February in a common year', () => {
    const id = '37010219600229123';
    const full = id + checkCharacter(id);
    expect(validateIdNumber(full, day('2025-02-27')).info?.age).toBe(64);
    expect(validateIdNumber(full, day('2025-02-28')).info?.age).toBe(65);
    expect(validateIdNumber(full, day('2024-02-28')).info?.age).toBe(63);
    expect(validateIdNumber(full, day('2024-02-29')).info?.age).toBe(64);
  });
});

describe('dates', () => {
  it.each([
    ['2025-3-1', '2025-03-01'],
    ['2025/03/01', '2025-03-01'],
    ['2025.3.1', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['20250301', '2025-03-01'],
    ['２０２５－０３－０１', '2025-03-01'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateText(text)).toEqual({ value: iso, findings: [] });
  });

  it.each(['2025-02-29', '2025-13-01', '2025-04-31', '20250230'])('rejects the impossible date %s', (text) => {
    expect(codes(parseDateText(text).findings)).toEqual(['error:date.impossible']);
  });

  it('rejects text that is no date', () => {
    expect(codes(parseDateText('明年三月').findings)).toEqual(['error:date.format']);
  });

  it('adds years the way 民法典 第二百零二条 counts periods', () => {
    expect(plusYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(plusYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(plusYears('2025-11-23', 1)).toBe('2026-11-23');
  });

  it('formats for a field', () => {
    expect(formatForField('2025-03-01', 'yyyy/MM/dd')).toBe('2025/03/01');
    expect(formatForField('2025-03-01', 'yyyy年M月d日')).toBe('2025年3月1日');
    expect(formatForField('2025-03-01', 'yyyyMMdd')).toBe('20250301');
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // An independent implementation of GB 32100-2015 §4 and GB 11714-1997 §4 for the vectors (not our code).
  const CHARS = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
  const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const creditCheck = (s: string) => CHARS[(31 - (W.reduce((a, w, i) => a + w * CHARS.indexOf(s[i]!), 0) % 31)) % 31]!;
  const orgValue = (c: string) => (/\d/.test(c) ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);
  const orgCheck = (s: string) => {
    const r = 11 - ([3, 7, 9, 10, 5, 8, 4, 2].reduce((a, w, i) => a + w * orgValue(s[i]!), 0) % 11);
    return r === 11 ? '0' : r === 10 ? 'X' : String(r);
  };
  const make = (prefix8: string, org8: string) => {
    const first17 = prefix8 + org8 + orgCheck(org8);
    return first17 + creditCheck(first17);
  };

  it('accepts valid codes, including one whose check character is 0', () => {
    for (const org of ['16304696', 'MA3C5YQ1', '73262931', 'L0000001']) {
      const code = make('91370100', org);
      expect(validateCreditCode(code, true).findings, code).toEqual([]);
    }
    expect(validateCreditCode(make('12370000', '49557009'), true).findings).toEqual([]);
    // Σ mod 31 = 0 → (31 − 0) mod 31 = 0 → check character '0'; search for one with a valid organisation code.
    const zero = ['91370100', '91110000', '12370100'].flatMap((p) => Array.from({ length: 400 }, (_, i) => make(p, String(10000000 + i * 7919)))).find((c) => c.endsWith('0'));
    expect(zero).toBeDefined();
    expect(creditCheckCharacter(zero!.slice(0, 17))).toBe('0');
    expect(validateCreditCode(zero!)).toEqual({ value: zero, findings: [] });
  });

  it('treats a checksum failure as a warning the user can confirm, bad characters as an error', () => {
    const good = make('91370100', '16304696');
    const wrong = CHARS.find((c) => c !== good[17])!;
    const r = validateCreditCode(good.slice(0, 17) + wrong);
    expect(r.findings[0]?.params).toEqual({ expected: good[17] });
    expect(codes(r.findings)).toEqual(['warning:credit.checksum']);
    expect(r.value).toBe(good.slice(0, 17) + wrong);
    expect(codes(validateCreditCode('9137010016304696OE').findings)).toEqual(['error:credit.chars']);
    expect(codes(validateCreditCode('913701001630469').findings)).toEqual(['error:credit.length']);
  });
});

describe('other single fields', () => {
  it('names: 汉字 and ·; Latin letters or spaces warn', () => {
    expect(validateName('张三').findings).toEqual([]);
    expect(validateName('买买提·艾力').findings).toEqual([]);
    expect(validateName('买买提•艾力').value).toBe('买买提·艾力');
    expect(codes(validateName('Zhang San').findings)).toEqual(['warning:name.latin', 'warning:name.space']);
    expect(codes(validateName('张3').findings)).toEqual(['error:name.chars']);
    expect(codes(validateName('·张三').findings)).toEqual(['error:name.dot']);
  });

  it('mobiles: +86, spaces and dashes folded; length and prefix checked', () => {
    expect(validateMobile('+86 138-0531-0000').value).toBe('13805310000');
    expect(validateMobile('0086 13805310000').value).toBe('13805310000');
    expect(codes(validateMobile('1380531000').findings)).toEqual(['error:mobile.length']);
    expect(codes(validateMobile('12805310000').findings)).toEqual(['error:mobile.prefix']);
  });

  it('landlines, emails, postcodes', () => {
    expect(validatePhone('(0531) 61378805').value).toBe('0531-61378805');
    expect(validatePhone('61378805').value).toBe('61378805');
    expect(validatePhone('0531-61378805转123').value).toBe('0531-61378805-123');
    expect(codes(validatePhone('12345').findings)).toEqual(['error:phone.format']);
    expect(validateEmail('a.b@example.cn').findings).toEqual([]);
    expect(codes(validateEmail('a.b@example').findings)).toEqual(['error:email.format']);
    expect(validatePostcode('250014').findings).toEqual([]);
    expect(codes(validatePostcode('25001').findings)).toEqual(['error:postcode.format']);
  });

  it('注册编号 and 资格证书管理号 formats only warn', () => {
    expect(validateRegistrationNo('鲁2372010202404839').findings).toEqual([]);
    expect(validateRegistrationNo('鲁237151616894').findings).toEqual([]);
    expect(codes(validateRegistrationNo('2372010202404839').findings)).toEqual(['warning:registrationNo.format']);
    expect(validateQualificationCertNo('37151606000123456X').findings).toEqual([]);
    expect(codes(validateQualificationCertNo('3715160600012345').findings)).toEqual(['warning:qualificationCertNo.format']);
  });
});
