import { describe, expect, it } from 'vitest';
import { headerKey } from '../../src/profiles/io/mapping';
import { autoMapTable } from '../../src/profiles/io/read';
import type { Table } from '../../src/profiles/io/table';
import { keyForLabel, labelLexicon } from '../../src/portals/fields';
import { fieldViews } from '../../src/background/handlers';
import { bundledPack } from '../../src/rules/bundled';
import { pick, rng, shuffle } from '../helpers/rng';

/**
 * Headers only rosters use: the applicant named by what they are (建造师姓名, 注册建造师身份证号, 申请人手机), and 「专业」,
 * which is the registered specialty on one roster and the major on another. Before, both headers were not recognised
 * (the habits corpus listed them) and their columns were 「不导入」.
 */
const ID = '370102198503021113';
const table = (headers: string[], rows: string[][]): Table => ({ headers, rows: rows.map((r) => r.map((text) => ({ text }))), headerRow: 1 });

describe('the applicant named by what they are, before a field\'s name', () => {
  it('seeded: 建造师 / 注册建造师 / 二级建造师 / 申请人 / 本人 / 职工 + a known field name is that field, notes after it too', () => {
    const r = rng(404);
    const fields = [['姓名', 'name'], ['身份证号', 'idNumber'], ['身份证号码', 'idNumber'], ['手机', 'mobile'], ['手机号码', 'mobile'], ['注册编号', 'registrationNo'], ['出生日期', 'birthDate']] as const;
    for (let k = 0; k < 80; k++) {
      const [name, key] = pick(r, fields);
      const header = `${pick(r, ['建造师', '注册建造师', '二级建造师', '申请人', '本人', '职工', '员工', '注册人员'])}${name}${pick(r, ['', '（必填）', '*', ' '])}`;
      expect(headerKey(header), header).toBe(key);
    }
  });

  it('another person\'s role, or a word that names no field after the designation, is not the applicant\'s field', () => {
    expect(['法定代表人姓名', '建造师证书编号', '人员类别', '建造师', '注册人员', '建造师姓名（旧）'].map((h) => headerKey(h))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('the portal pages do not read roster-only names: a page\'s 「专业」 label still names no field', () => {
    const lexicon = labelLexicon(fieldViews(bundledPack().fields));
    expect(keyForLabel('专业', lexicon)).toBeUndefined();
  });
});

describe('「专业」, the specialty or the major: told by the column\'s values', () => {
  const SPECIALTIES = ['建筑工程', '市政公用工程', '机电工程', '公路工程', '水利水电工程', '矿业工程', '建筑', '市政', '机电 ', '公路'];
  const MAJORS = ['土木工程', '工程管理', '给排水科学与工程', '建筑学', '工程造价', '电气工程及其自动化', '道路桥梁与渡河工程'];

  it('seeded: values from the specialties\' list map it to the specialty; majors leave it unmapped; beside 注册专业 it is the major, beside 所学专业 the specialty only when its values are specialties', () => {
    const r = rng(515);
    for (let k = 0; k < 120; k++) {
      const specialties = r() < 0.5;
      const other = pick(r, ['', '注册专业', '所学专业', '专业类别', '毕业专业']);
      const extra = pick(r, ['', '（必填）', '*']);
      const headers = shuffle(r, ['姓名', '身份证号', `专业${extra}`, ...(other ? [other] : [])]);
      const at = headers.indexOf(`专业${extra}`);
      const rows = Array.from({ length: 1 + Math.floor(r() * 6) }, () => headers.map((h, i) => (i === at ? pick(r, specialties ? SPECIALTIES : MAJORS) : h === '姓名' ? '张三' : h === '身份证号' ? ID : r() < 0.2 ? '—' : 'x')));
      const got = autoMapTable(table(headers, rows))[at];
      const otherIsSpecialty = other === '注册专业' || other === '专业类别';
      // Beside a major's column, majors in 「专业」 tell nothing (the specialty's list does not hold them).
      const want = otherIsSpecialty ? 'major' : specialties ? 'specialty' : null;
      expect(got, `${headers.join('|')}: ${rows.map((row) => row[at]).join(',')}`).toBe(want);
    }
  });

  it('a totals or guide row under the header is no applicant: its text does not count', () => {
    const rows = [['（必填）', '（18位）', '（必填）'], ['张三', ID, '建筑工程'], ['李四', ID, '市政'], ['合计：2人', '', '']];
    expect(autoMapTable(table(['姓名', '身份证号', '专业'], rows))[2]).toBe('specialty');
    expect(autoMapTable(table(['专业', '身份证号', '姓名'], [['合计：2人', '', ''], ['建筑工程', ID, '张三']]))[0]).toBe('specialty');
  });

  it('values that are mixed, or a column with nothing in it, tell nothing: unmapped', () => {
    expect(autoMapTable(table(['姓名', '身份证号', '专业'], [['张三', ID, '建筑工程'], ['李四', ID, '土木工程']]))[2]).toBeNull();
    expect(autoMapTable(table(['姓名', '身份证号', '专业'], [['张三', ID, ''], ['李四', ID, '—']]))[2]).toBeNull();
  });
});
