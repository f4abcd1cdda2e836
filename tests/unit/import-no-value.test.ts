import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { oneCell } from '../helpers/one-cell';
import { pick, rng } from '../helpers/rng';

/**
 * Cells that hold no date, or no value at all, the way clerks write it: 「至今」 (still running), 「长期」 where no
 * open-ended value belongs, and the dash, slash or 无 of a cell that does not apply. Before, a date column said the
 * general "format not recognised" of each, and 「无」 in a text column was stored as its value.
 */
function row(header: string, text: string) {
  const r = oneCell(header, text);
  const codes = (list: typeof r.warnings) => list.map((w) => w.code);
  return { data: r.data, warnings: codes(r.warnings), notices: codes(r.notices), all: [...r.warnings, ...r.notices] };
}

describe('a date cell that is no date says what it means', () => {
  it('「至今」, 「在职」 … in a date column: left empty, said as still running (not as an unknown format), the message naming 无固定期限', () => {
    const r = rng(1203);
    for (let k = 0; k < 40; k++) {
      const text = pick(r, ['至今', ' 至今 ', '迄今', '在职', '至 今', '目前', '未到期']);
      const header = pick(r, ['劳动合同截止日期', '合同到期日', '劳动合同到期', '解聘日期']);
      const got = row(header, text);
      expect(got.data, `${header} ${text}`).not.toHaveProperty(header === '解聘日期' ? 'dismissalDate' : 'contractEnd');
      expect(got.warnings, `${header} ${text}`).toEqual(['import.date.untilNow']);
    }
    const said = row('劳动合同截止日期', '至今').all[0];
    expect(t(said?.code ?? 'import.date.format', said?.params)).toContain('无固定期限');
    expect(t(said?.code ?? 'import.date.format', said?.params, 'en')).toContain('open-ended');
  });

  it('「长期」 and 「无固定期限」 are the contract end\'s open-ended value; in another date field they are said as such, left empty', () => {
    expect(row('劳动合同截止日期', '长期').data.contractEnd).toBe('open-ended');
    for (const header of ['劳动合同开始日期', '注册有效期至', '出生日期', '资格证书签发日期']) {
      for (const text of ['长期', '无固定期限', '长期有效']) {
        const got = row(header, text);
        expect(Object.keys(got.data), `${header} ${text}`).toEqual(['name', 'idNumber']);
        expect(got.warnings, `${header} ${text}`).toEqual(['import.date.openEndedHere']);
      }
    }
  });

  it('a combined 起止日期 「2019.6.4-至今」: the start read, the end said as still running', () => {
    const got = row('劳动合同起止日期', '2019.6.4-至今');
    expect(got.data.contractStart).toBe('2019-06-04');
    expect(got.data.contractEnd).toBeUndefined();
    expect(got.warnings).toEqual(['import.date.untilNow']);
  });
});

describe('a cell marked as not applicable (—, /, 无, 不详) is blank, said as a notice', () => {
  it('seeded: in date, text, number and choice columns, the mark is never stored nor refused as a bad value', () => {
    const r = rng(2026);
    const headers = ['劳动合同截止日期', '解聘日期', '工作单位', '手机', '联系电话', '电子邮箱', '性别', '民族', '毕业时间', '社保月数', '通讯地址'];
    for (let k = 0; k < 120; k++) {
      const mark = pick(r, ['—', '-', '/', '——', '－', '／', '无', '暂无', '不详', '未知', 'N/A', '—— ', ' / ', '…', '空']);
      const header = pick(r, headers);
      const got = row(header, mark);
      expect(Object.keys(got.data), `${header} 「${mark}」`).toEqual(['name', 'idNumber']);
      expect(got.warnings, `${header} 「${mark}」`).toEqual([]);
      expect(got.notices, `${header} 「${mark}」`).toEqual(['import.cell.noValue']);
    }
  });

  it('notes keep the mark as written; a choice whose list holds the word reads it; real values are untouched', () => {
    expect(oneCell('备注', '无').notes).toBe('无');
    expect(row('是否退休', '否').data.retired).toBe(false);
    expect(row('工作单位', '无锡市建设有限公司').data.employerName).toBe('无锡市建设有限公司');
    expect(row('劳动合同截止日期', '2027-3-1').data.contractEnd).toBe('2027-03-01');
  });
});
