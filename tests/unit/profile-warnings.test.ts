import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { readDraft } from '../../src/ui/components/ProfileEditor';
import { todayInShanghai } from '../../src/domain/calendar';
import { profileWarnings } from '../../src/validate/profile-warnings';

// 2026-11-23 00:30 in Jinan is still 2026-11-22 in UTC and most of the world: "today" must be Jinan's.
const NOW = new Date('2026-11-22T16:30:00Z');
const TODAY = todayInShanghai(NOW);
const ID = '370102198503021234'.slice(0, 17);
const check = (first17: string) => {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * W[i]!, 0) % 11]!;
};
const id = check(ID); // born 1985-03-02, male (3rd-last digit 3 is odd)
const warn = (data: Record<string, string>) => profileWarnings(data, NOW, TODAY).map((w) => [w.field, t(w.code, w.params)]);

describe('profile warnings where the clerk edits (issue 17 item 7)', () => {
  it('today is the calendar date in Asia/Shanghai', () => {
    expect(TODAY).toBe('2026-11-23');
  });

  it('birth date and gender derivable from the ID number and left empty', () => {
    expect(warn({ name: '张三', idNumber: id })).toEqual([
      ['birthDate', '出生日期未填：身份证号显示为 1985-03-02。'],
      ['gender', '性别未填：身份证号显示为「男」。'],
    ]);
    expect(warn({ name: '张三', idNumber: id, birthDate: '1985-03-02', gender: '男' })).toEqual([]);
    expect(warn({ name: '张三', idNumber: id, birthDate: '1985-03-03', gender: '女' }).map(([f]) => f)).toEqual(['birthDate', 'gender']);
  });

  it('an ID check digit that does not match', () => {
    const bad = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(warn({ idNumber: bad })[0]![0]).toBe('idNumber');
    expect(warn({ idNumber: bad })[0]![1]).toContain('校验位错误');
  });

  it('a labour contract already ended, or ending less than a year from today (or the submission day)', () => {
    const base = { idNumber: id, birthDate: '1985-03-02', gender: '男' };
    expect(warn({ ...base, contractEnd: '2026-11-22' })).toEqual([['contractEnd', '劳动合同已于 2026-11-22 到期（1 天前）：办理注册需要有效的劳动合同，请续签后更新。']]);
    expect(warn({ ...base, contractEnd: '2027-11-22' })).toEqual([['contractEnd', '劳动合同 2027-11-22 到期，距今仅 364 天：提交申请时合同须还有满一年（截止日期不早于 2027-11-23）。']]);
    expect(warn({ ...base, contractEnd: '2027-11-23' })).toEqual([]);
    expect(warn({ ...base, contractEnd: '2027-11-23', submissionDate: '2026-12-01' })[0]![0]).toBe('contractEnd');
    expect(warn({ ...base, contractEnd: 'open-ended' })).toEqual([]);
  });

  it('implausible dates: in the future, before 1950, graduation before the age of 14', () => {
    const base = { idNumber: id, birthDate: '1985-03-02', gender: '男' };
    expect(warn({ ...base, graduationDate: '2026-12' })).toEqual([['graduationDate', '日期 2026-12 晚于今天（2026-11-23），该项不应是将来的日期，请核对。']]);
    expect(warn({ ...base, qualificationIssueDate: '1949-12-31' })[0]![0]).toBe('qualificationIssueDate');
    expect(warn({ ...base, graduationDate: '1998-06' })).toEqual([['graduationDate', '毕业时间 1998-06 早于申请人 14 周岁（出生于 1985-03-02），请核对。']]);
    expect(warn({ ...base, graduationDate: '2007-07' })).toEqual([]);
  });

  it('the editor shows them beside the fields, accepts a year-month for 毕业时间, and does not block saving', () => {
    const draft = Object.fromEntries(['name', 'idNumber', 'graduationDate', 'contractEnd'].map((k) => [k, ''])) as Parameters<typeof readDraft>[0];
    const r = readDraft({ ...draft, name: '张三', idNumber: id, graduationDate: '2019-07', contractEnd: '2027-01-01' }, NOW);
    expect(r.errors).toEqual({});
    expect(r.data.graduationDate).toBe('2019-07');
    expect(Object.keys(r.warnings).sort()).toEqual(['birthDate', 'contractEnd', 'gender']);
  });
});
