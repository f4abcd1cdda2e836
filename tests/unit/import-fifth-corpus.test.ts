import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { oneCell } from '../helpers/one-cell';

/**
 * A fifth round of clerks' cells (`sheets`, 2026-12-03): combined contract periods with one side refused, English
 * weekdays and month names after or before a date, landlines with a remark or an extension in a phone cell. The
 * rule is the same as before — a cell is read right, or left empty with something said naming its column — and a
 * period is one fact: both dates or neither.
 */
const said = (r: ReturnType<typeof oneCell>) => r.warnings.map((w) => w.code);

describe('a combined 劳动合同期限 cell is stored whole or not at all', () => {
  it('one side refused (impossible, year-month only, year not first, 2019.1): neither date stored, the refused side said first, then that the other was held back', () => {
    for (const [text, refused, other] of [
      ['2024.2.30-2027.2.28', 'import.date.impossible', '2027-02-28'],
      ['3/1/2024-2027.2.28', 'import.date.yearNotFirst', '2027-02-28'],
      ['2019.1-2027.2.28', 'import.date.needDay', '2027-02-28'],
      ['2024.3.1 - 2027.2', 'import.date.needDay', '2024-03-01'],
      ['2024年3月1日至2027年13月1日', 'import.date.impossible', '2024-03-01'],
      ['1949.3.1-无固定期限', 'import.date.tooEarly', 'open-ended'],
    ] as const) {
      const got = oneCell('劳动合同期限', text);
      expect(got.data, text).not.toHaveProperty('contractStart');
      expect(got.data, text).not.toHaveProperty('contractEnd');
      expect(said(got), text).toEqual([refused, 'import.date.periodHalf']);
      const half = got.warnings[1];
      expect(t(half?.code ?? 'import.date.format', half?.params), text).toContain(text.normalize('NFKC'));
      expect(t(half?.code ?? 'import.date.format', half?.params), text).toContain(other === 'open-ended' ? '无固定期限' : other);
      expect(t(half?.code ?? 'import.date.format', half?.params, 'en'), text).toMatch(/start date|end date/);
    }
  });

  it('an end before its start: neither stored (which is wrong cannot be told), one message naming both dates', () => {
    const got = oneCell('劳动合同起止日期', '2024.3.1-2023.2.28');
    expect(got.data).not.toHaveProperty('contractStart');
    expect(got.data).not.toHaveProperty('contractEnd');
    expect(said(got)).toEqual(['import.date.endBeforeStart']);
    const text = t('import.date.endBeforeStart', got.warnings[0]?.params);
    expect(text).toContain('2023-02-28');
    expect(text).toContain('2024-03-01');
    expect(text).toContain('都未导入');
  });

  it('both sides read: both stored; 「至今」 keeps the start (no end to give, not a misread one) and quotes 「至今」 whole', () => {
    expect(oneCell('劳动合同期限', '2024.3.1-2027.2.28').data).toMatchObject({ contractStart: '2024-03-01', contractEnd: '2027-02-28' });
    const now = oneCell('劳动合同期限', '2024.3.1至今');
    expect(now.data.contractStart).toBe('2024-03-01');
    expect(now.data).not.toHaveProperty('contractEnd');
    expect(now.warnings.map((w) => [w.code, w.params?.text])).toEqual([['import.date.untilNow', '至今']]);
  });
});

describe('an English weekday or month name beside a date', () => {
  const read = (text: string, header = '劳动合同开始日期') => ((r) => r.data.contractStart ?? r.data.graduationDate ?? r.warnings.map((w) => w.code).join(','))(oneCell(header, text));

  it('a year-first date with its own weekday, English or Chinese, after or before it: read (2024-03-01 was a Friday)', () => {
    for (const text of ['2024-03-01 (Fri)', '2024-03-01 Fri', '2024-03-01, Friday', '2024/3/1 (FRI.)', 'Fri 2024-03-01', 'Friday, 2024年3月1日', '周五 2024-03-01', '星期五，2024年3月1日', '2024-03-01 00:00 Fri']) {
      expect(read(text), text).toBe('2024-03-01');
    }
  });

  it('a month named in English with a four-digit year: read, with or without its weekday; at the month\'s level for 毕业时间', () => {
    for (const text of ['1 Mar 2024', '1-Mar-2024', '1st March 2024', 'March 1, 2024', '2024-Mar-01', 'Fri 1 Mar 2024', 'Friday, March 1, 2024', 'Fri Mar 01 2024', 'Sat. 2 Mar. 2024']) {
      expect(read(text), text).toBe(text.startsWith('Sat') ? '2024-03-02' : '2024-03-01');
    }
    expect(read('Mar 2024', '毕业时间')).toBe('2024-03');
    for (const text of ['1 Mar 2024 to 28 Feb 2027', 'March 1, 2024 - February 28, 2027', 'Fri 2024-03-01 TO 2027-02-28 (Sun)']) {
      expect(oneCell('劳动合同期限', text).data, text).toMatchObject({ contractStart: '2024-03-01', contractEnd: '2027-02-28' });
    }
    expect(oneCell('劳动合同期限', 'Mon 1 Mar 2024 to 28 Feb 2027').data).not.toHaveProperty('contractEnd');
    expect(read('Mar 2024')).toBe('import.date.needDay');
  });

  it('refused, said: a weekday that is not the date\'s (「Mon 1 Mar 2024」), a two-digit year (「01-Mar-24」, 「Mar-24」), a year not first even with a weekday, a weekday alone', () => {
    expect(read('Mon 1 Mar 2024')).toBe('import.date.weekday');
    expect(read('2024-03-01 (Mon)')).toBe('import.date.weekday');
    expect(read('01-Mar-24')).toBe('import.date.twoDigitYear');
    expect(read('Mar-24')).toBe('import.date.twoDigitYear');
    expect(read('3/1/2024 Fri')).toBe('import.date.yearNotFirst');
    expect(read('32 Mar 2024')).toBe('import.date.impossible');
    expect(read('Fri')).toBe('import.date.format');
    const got = oneCell('劳动合同开始日期', '01-Mar-24').warnings[0];
    expect(t(got?.code ?? 'import.date.format', got?.params)).toContain('「01-Mar-24」的年份只写了两位');
    expect(t('import.date.weekday', oneCell('劳动合同开始日期', 'Mon 1 Mar 2024').warnings[0]?.params, 'en')).toContain('2024-03-01');
  });
});

describe('a landline with a remark or an extension', () => {
  const phone = (text: string, header = '联系电话') => ((r) => r.data.phone ?? r.data.mobile ?? r.warnings.map((w) => w.code).join(','))(oneCell(header, text));

  it('in 联系电话, a remark naming the applicant\'s office or home line is a remark: the number read, the remark said', () => {
    for (const [text, remark] of [['0531-88886666（办）', '办'], ['0531-88886666(宅)', '宅'], ['(0531)88886666 住宅', '住宅'], ['0531-88886666【办公室】', '办公室'], ['0531-88886666 座机', '座机'], ['0531-88886666（本人办公）', '本人办公'], ['88886666（家）', '家']] as const) {
      const got = oneCell('联系电话', text);
      expect(got.data.phone, text).toBe(text.startsWith('8') ? '88886666' : '0531-88886666');
      expect(got.warnings, text).toEqual([]);
      expect(got.notices.map((n) => [n.code, n.params?.remark]), text).toEqual([['import.cell.remark', remark]]);
    }
  });

  it('an extension written with 转, 分机, 内线 or ext. right after the number is its extension, a remark after it too', () => {
    for (const text of ['0531-88886666 转 8001', '0531-88886666分机8001', '0531-88886666 分机号：8001', '0531-88886666 内线 8001', '0531-88886666 ext. 8001', '0531-88886666转8001（办）', '0531 8888 6666 转 8001 (office)']) {
      expect(phone(text), text).toBe('0531-88886666-8001');
    }
  });

  it('never glued: digits after a space, a remark or an extension are not joined to the number; other remarks are still refused', () => {
    expect(phone('0531-88886666 8001')).toBe('v.phone.format');
    expect(phone('0531-88886666 转 8001 2')).toBe('import.cell.remarkUnclear');
    expect(phone('0531-8888666 6')).toBe('v.phone.format');
    expect(phone('0531-88886666（办）转8001')).toBe('import.cell.remarkUnclear');
    for (const text of ['0531-88886666（传真）', '0531-88886666（总机）', '0531-88886666（王经理）', '0531-88886666（前台）', '13805311234（办）']) {
      expect(phone(text), text).toBe('import.cell.remarkUnclear');
    }
  });

  it('an area code run into the number or in brackets before an extension word splits by the numbering plan (010, 02x: three digits) — found by the seeded round', () => {
    expect(phone('01058979072')).toBe('010-58979072');
    expect(phone('(010)58979072 ext. 5927')).toBe('010-58979072-5927');
    expect(phone('（0531）69994806 内线 9916')).toBe('0531-69994806-9916');
    expect(phone('05338888666')).toBe('0533-8888666');
    expect(phone('0105-8979072')).toBe('v.phone.format');
    // A mobile with its country code in 联系电话 is the mobile — it was 0138-05311234.
    for (const text of ['(+86)13805311234', '+86 138 0531 1234', '0086-13805311234', '13805311234']) expect(phone(text), text).toBe('13805311234');
  });

  it('in 手机, a landline is refused as a landline (the mobile takes none), naming it and the 联系电话 the column may be', () => {
    for (const text of ['0531-88886666（办）', '0531-88886666', '电话 0531-88886666 转 8001']) {
      expect(phone(text, '手机'), text).toBe('import.cell.landlineInMobile');
    }
    const got = oneCell('手机', '0531-88886666（办）').warnings[0];
    expect(t(got?.code ?? 'import.cell.masked', got?.params)).toContain('固定电话号码 0531-88886666');
    expect(t(got?.code ?? 'import.cell.masked', got?.params, 'en')).toContain('Telephone');
    expect(phone('8888666', '手机')).toBe('v.mobile.length');
  });
});
