import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { oneCell } from '../helpers/one-cell';
import { pick, rng } from '../helpers/rng';

/**
 * A contact number with a remark in its cell (「13805311234（本人）」, 「138 0531 1234 微信同号」): read when the remark
 * can only say the number is the applicant's own and current, or how it is reached; left empty with a warning that
 * says why when the remark may make it another's or a dead number, when there are two numbers, or when digits are
 * masked. Before, every such cell was left empty with the validator's "characters" message.
 */
const cell = oneCell;

const mobileOf = (r: () => number) => `1${pick(r, ['38', '39', '58', '86'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
/** How the number itself is written: plain, spaced, dashed, full-width. */
const writings = (m: string) => [m, `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`, m.replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c)))];

describe('a mobile with a remark', () => {
  it('seeded: a remark that says the number is the applicant\'s own or how it is reached — read, the remark said as a notice', () => {
    const r = rng(3141);
    const remarks = ['（本人）', '(本人)', ' 本人', '本人', ' 微信同号', '（微信同号）', '【常用】', '（同微信）', ' 可接收短信', '（本人手机）', '(现用)', '／微信同号', '，最新', '（移动）'];
    for (let k = 0; k < 200; k++) {
      const m = mobileOf(r);
      const remark = pick(r, remarks);
      const text = r() < 0.8 ? `${pick(r, writings(m))}${remark}` : `${remark.trim()} ${pick(r, writings(m))}`;
      const got = cell(pick(r, ['手机', '手机号码', '移动电话']), text);
      expect(got.data.mobile, text).toBe(m);
      expect(got.warnings, text).toEqual([]);
      expect(got.notices.map((n) => n.code), text).toEqual(['import.cell.remark']);
    }
    expect(t('import.cell.remark', cell('手机', '13805311234（本人）').notices[0]?.params)).toBe('「13805311234（本人）」按号码 13805311234 导入，旁边的说明「本人」未导入。');
  });

  it('seeded: a remark that may make it someone else\'s or a dead number, two numbers, or a masked one — left empty, saying which', () => {
    const r = rng(2718);
    const other = ['（王经理）', '（家属）', '(爱人)', ' 旧', '（原号码）', '（已停用）', ' 空号', '（办公室）', '(张三)', '（紧急联系人）', '（备用）', ' 父亲'];
    for (let k = 0; k < 200; k++) {
      const m = mobileOf(r);
      const kind = pick(r, ['other', 'two', 'masked'] as const);
      const text =
        kind === 'other' ? `${pick(r, writings(m))}${pick(r, other)}` : kind === 'two' ? `${m}（本人）${pick(r, ['', ' ', '，', '/'])}${mobileOf(r)}${pick(r, ['', '（办公）', '（微信）'])}` : `${m.slice(0, 3)}${pick(r, ['****', 'xxxx', '＊＊＊＊', '××××'])}${m.slice(7)}${pick(r, ['', '（本人）'])}`;
      const got = cell('手机', text);
      expect(got.data.mobile, text).toBeUndefined();
      const code = { other: 'import.cell.remarkUnclear', two: 'import.cell.severalValues', masked: 'import.cell.masked' }[kind];
      expect(got.warnings.map((w) => w.code), text).toEqual([code]);
    }
    const said = cell('手机', '13805311234（王经理）').warnings[0];
    expect(t(said?.code ?? 'import.cell.masked', said?.params)).toContain('「王经理」');
    expect(t(said?.code ?? 'import.cell.masked', said?.params, 'en')).toContain('"王经理"');
  });

  it('a landline with a remark reads the same way; a number without one is untouched', () => {
    expect(cell('联系电话', '0531-88886666（本人）').data.phone).toBe('0531-88886666');
    expect(cell('联系电话', '0531-88886666转123').data.phone).toBe('0531-88886666-123');
    expect(cell('联系电话', '0531-88886666（王经理）').data.phone).toBeUndefined();
    expect(cell('手机', '13805311234')).toMatchObject({ data: { mobile: '13805311234' }, warnings: [], notices: [] });
    expect(cell('手机', '+86 138-0531-1234').data.mobile).toBe('13805311234');
  });
});
