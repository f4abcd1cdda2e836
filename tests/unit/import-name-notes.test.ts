import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { autoMap } from '../../src/profiles/io/mapping';
import { findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type RowResult, validateTable } from '../../src/profiles/io/rows';
import { checkCharacter } from '../../src/validate/id-number';
import { pick, rng } from '../helpers/rng';
import { buildXlsx, type TestCell } from '../helpers/xlsx-builder';

/**
 * 「张三（退休）」, 「李四(借调)」 in the name column (issue: sheets d): the name is taken, the note kept in sight as a
 * warning and never stored in the name; a bracket that may hold a name refuses the row. Generated (fixed seeds) from
 * names, notes and bracket habits the code does not list.
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';

function idFor(seq: number): string {
  const first17 = `37010219850302${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

async function importNames(names: readonly string[]): Promise<RowResult[]> {
  const csv = ['姓名,身份证号', ...names.map((n, i) => `"${n.replace(/"/g, '""')}",${idFor(i)}`)].join('\r\n');
  const read = readImportFile(new TextEncoder().encode(csv), 'notes.csv');
  const table = tableAt(read, findHeaderRow(read.grid));
  return validateTable(table, { mapping: autoMap(table.headers), now: NOW, today: TODAY, date1904: false });
}

// Names: given names of one or two characters after surnames common and rare, a minority name with its dot.
const SURNAMES = ['王', '李', '欧阳', '诸葛', '祁', '褚', '阚', '邰'];
const GIVEN = ['伟', '芳', '小明', '建国', '晓燕', '一', '子涵', '德华'];
// Notes in habits clerks have: statuses, dates, remarks, Latin, digits — none of them in src/.
const NOTES = ['退休', '借调', '已离职', '返聘人员', '外聘', '2024年3月调入', '待定', '试用期', '停薪留职', '注：材料未齐', 'new', '2', '原单位：甲公司', '项目部', '兼职', '已注册', '需补社保'];
const BRACKETS: Array<[string, string]> = [['（', '）'], ['(', ')'], ['【', '】'], ['[', ']'], ['〔', '〕'], ['［', '］']];

// Posts and ranks built from parts (a modifier and what the post is), and how offices address people.
const MODIFIERS = ['', '', '副', '总', '项目', '技术', '安全', '常务', '生产', '高级', '中级'];
const POSTS = ['经理', '主任', '工程师', '书记', '总监', '负责人', '施工员', '质检员', '资料员', '会计', '科长', '处长', '董事长', '队长', '所长', '院长', '班组长', '技术员', '造价师'];
const RANKS = ['高工', '正高', '副高', '中级', '初级', '助工', '总工', '高级工程师'];
const ADDRESS = ['王', '李', '张', '刘', '陈', '高', '何', '董', '于', '周'];
function titleNote(r: () => number): string {
  const kind = r();
  if (kind < 0.5) return `${pick(r, MODIFIERS)}${pick(r, POSTS)}`;
  if (kind < 0.8) return pick(r, RANKS);
  return `${pick(r, ADDRESS)}${pick(r, ['工', '总'])}`;
}

describe('a note in brackets after the name (seeded)', () => {
  it('the name is imported without the note, the note is said on the cell, the applicant is imported', async () => {
    const r = rng(20261202);
    const cases = Array.from({ length: 120 }, () => {
      const name = r() < 0.1 ? '阿依古丽·买买提' : `${pick(r, SURNAMES)}${pick(r, GIVEN)}`;
      const notes = Array.from({ length: r() < 0.2 ? 2 : 1 }, () => pick(r, NOTES));
      const written = notes.map((n) => {
        const [open, close] = pick(r, BRACKETS);
        return `${r() < 0.3 ? ' ' : ''}${open}${n}${close}`;
      });
      return { name, notes, cell: `${name}${written.join('')}` };
    });
    const rows = await importNames(cases.map((c) => c.cell));
    rows.forEach((row, i) => {
      const c = cases[i];
      if (!c) throw new Error('fewer cases than rows');
      expect(row.errors, c.cell).toEqual([]);
      expect(row.data.name, c.cell).toBe(c.name);
      const said = row.warnings.map((w) => t(w.code, w.params));
      expect(said, c.cell).toHaveLength(1);
      for (const note of c.notes) expect(said[0], c.cell).toContain(note.normalize('NFKC'));
      expect(t(row.warnings[0]?.code ?? 'import.nameNote', row.warnings[0]?.params, 'en'), c.cell).toContain(c.name);
    });
  });

  it('titles, ranks and posts in the bracket (「张三（高工）」) are notes, even beginning with a surname; names in it still refuse the row (seeded)', async () => {
    const r = rng(1618);
    const notes = Array.from({ length: 80 }, () => titleNote(r));
    const titled = notes.map((note) => {
      const name = `${pick(r, SURNAMES)}${pick(r, GIVEN)}`;
      const [open, close] = pick(r, BRACKETS);
      return { name, note, cell: `${name}${open}${note}${close}` };
    });
    // Names that end like a post or begin like a rank are still names: a second name in the bracket refuses the row.
    const named = ['张三（李延长）', '王五(高建国)', '刘六【董成长】', '赵七（何德工）', '孙八（周会）'];
    const rows = await importNames([...titled.map((c) => c.cell), ...named]);
    titled.forEach((c, i) => {
      expect(rows[i]?.errors, c.cell).toEqual([]);
      expect(rows[i]?.data.name, c.cell).toBe(c.name);
      expect(rows[i]?.warnings.map((w) => w.code), c.cell).toEqual(['import.nameNote']);
      expect(t('import.nameNote', rows[i]?.warnings[0]?.params), c.cell).toContain(c.note);
    });
    named.forEach((cell, k) => {
      const row = rows[titled.length + k];
      expect(row?.data.name, cell).toBeUndefined();
      expect(row?.errors.map((e) => e.code), cell).toEqual(['import.nameNoteUnclear']);
    });
  });

  it('marks beside a name (★ * √ ※ # ?, full-width too, either end, with a bracketed note) are notes, not letters of it', async () => {
    const r = rng(31);
    const MARKS = ['★', '*', '＊', '√', '✓', '※', '#', '？', '☆', '△', '!!'];
    const cases = Array.from({ length: 60 }, () => {
      const name = `${pick(r, SURNAMES)}${pick(r, GIVEN)}`;
      const mark = pick(r, MARKS);
      const note = r() < 0.3 ? `（${pick(r, NOTES)}）` : '';
      return { name, cell: r() < 0.5 ? `${mark}${name}${note}` : `${name}${r() < 0.5 ? ' ' : ''}${mark}${note}` };
    });
    const rows = await importNames([...cases.map((c) => c.cell), '★', '**']);
    cases.forEach((c, i) => {
      expect(rows[i]?.errors, c.cell).toEqual([]);
      expect(rows[i]?.data.name, c.cell).toBe(c.name);
      expect(rows[i]?.warnings.map((w) => w.code), c.cell).toEqual(['import.nameNote']);
    });
    // Marks and no name: nothing to take.
    for (const row of rows.slice(cases.length)) expect(row.data.name).toBeUndefined();
  });

  it('a bracket that may hold a name, or no name outside it, refuses the row and says why — never a guess', async () => {
    const r = rng(7);
    const cells = [
      ...Array.from({ length: 40 }, () => `${pick(r, SURNAMES)}${pick(r, GIVEN)}${pick(r, BRACKETS)[0]}${pick(r, ['王', '李', '张', '刘', '陈', '欧阳'])}${pick(r, GIVEN)}${pick(r, BRACKETS)[1]}`),
      '（退休）',
      '(借调)张三',
      '张三（退休）（李四）',
    ];
    const rows = await importNames(cells);
    rows.forEach((row, i) => {
      const cell = cells[i] ?? '';
      expect(row.data.name, cell).toBeUndefined();
      expect(row.errors.map((e) => e.column), cell).toContain('姓名');
      // 「(借调)张三」: the note is not at the end, so the name check itself refuses the brackets.
      expect(row.errors.some((e) => e.code === 'import.nameNoteUnclear' || e.code === 'v.name.chars'), cell).toBe(true);
    });
    const said = t(rows[0]?.errors[0]?.code ?? 'import.nameNoteUnclear', rows[0]?.errors[0]?.params);
    expect(said).toContain('未导入');
  });

  it('runs set apart by spaces: padding and a surname set apart are joined; a note, a minority name or a second person refuse the row', async () => {
    const r = rng(99);
    const PAD = ['\u3000', ' ', '  ', '\u3000\u3000'];
    const padded = Array.from({ length: 40 }, () => {
      const name = `${pick(r, ['王', '李', '祁', '褚'])}${pick(r, GIVEN)}`;
      const cell = r() < 0.5 ? [...name].join(pick(r, PAD)) : `${name.slice(0, -1)}${pick(r, PAD)}${name.slice(-1)}`;
      return { name, cell };
    });
    const apart = Array.from({ length: 20 }, () => {
      const surname = pick(r, SURNAMES);
      const given = pick(r, GIVEN.filter((g) => g.length === 2));
      return { name: `${surname}${given}`, cell: `${surname}${pick(r, PAD)}${given}` };
    });
    const unclear = Array.from({ length: 40 }, () => {
      const name = `${pick(r, SURNAMES)}${pick(r, GIVEN)}`;
      const tail = pick(r, ['退休', '借调', '已离职', '返聘', '停薪留职', '买买提', `${pick(r, ['张', '刘'])}${pick(r, GIVEN)}`]);
      return `${name.length === 1 ? `${name}某` : name}${pick(r, PAD)}${tail}`;
    });
    const rows = await importNames([...padded, ...apart].map((c) => c.cell).concat(unclear));
    [...padded, ...apart].forEach((c, i) => {
      expect(rows[i]?.errors, c.cell).toEqual([]);
      expect(rows[i]?.data.name, c.cell).toBe(c.name);
    });
    unclear.forEach((cell, k) => {
      const row = rows[padded.length + apart.length + k];
      expect(row?.data.name, cell).toBeUndefined();
      expect(row?.errors.map((e) => e.code), cell).toEqual(['import.nameRunsUnclear']);
      expect(t('import.nameRunsUnclear', row?.errors[0]?.params), cell).toContain('未导入');
    });
  });

  it('a title, rank or post set apart by spaces after the name (「张三 高工」, padded names too) is a note, as in brackets; a status or a name after it still refuses the row (seeded)', async () => {
    const r = rng(8080);
    const PAD = ['\u3000', ' ', '  '];
    const cases = Array.from({ length: 60 }, () => {
      const name = `${pick(r, SURNAMES)}${pick(r, GIVEN)}`;
      const titles = Array.from({ length: r() < 0.2 ? 2 : 1 }, () => titleNote(r));
      // Some names padded themselves (「张 三 高工」 with U+3000), some with a note in brackets after the title.
      const shown = name.length === 2 && r() < 0.3 ? [...name].join(pick(r, PAD)) : name;
      const bracket = r() < 0.2 ? '（退休）' : '';
      return { name, notes: [...titles, ...(bracket ? ['退休'] : [])], cell: `${shown}${titles.map((t) => `${pick(r, PAD)}${t}`).join('')}${bracket}` };
    });
    const unclear = ['张三 高工 退休', '张三 退休 高工', '李四 王伟 经理', '阿依古丽 买买提 主任'];
    const rows = await importNames([...cases.map((c) => c.cell), ...unclear]);
    cases.forEach((c, i) => {
      expect(rows[i]?.errors, c.cell).toEqual([]);
      expect(rows[i]?.data.name, c.cell).toBe(c.name);
      expect(rows[i]?.warnings.map((w) => w.code), c.cell).toEqual(['import.nameNote']);
      expect(rows[i]?.warnings[0]?.params?.note, c.cell).toBe(c.notes.join('、'));
    });
    unclear.forEach((cell, k) => {
      const row = rows[cases.length + k];
      expect(row?.data.name, cell).toBeUndefined();
      expect(row?.errors.map((e) => e.code), cell).toEqual(['import.nameRunsUnclear']);
    });
  });

  it('names without brackets are as before (padding, the minority dot)', async () => {
    const rows = await importNames(['张　三', '阿依古丽.买买提', '李四']);
    expect(rows.map((row) => [row.data.name, row.warnings.length, row.errors.length])).toEqual([
      ['张三', 0, 0],
      ['阿依古丽·买买提', 0, 0],
      ['李四', 0, 0],
    ]);
  });
});

describe('struck-through text (删除线), as clerks cross out a person or a value', () => {
  it('a value crossed out alone is not imported (its cell says so); a row crossed out whole is flagged and still read; seeded', async () => {
    const r = rng(4242);
    const people = Array.from({ length: 30 }, (_, i) => ({ name: `${pick(r, SURNAMES)}${pick(r, GIVEN)}`, id: idFor(i), mobile: `1380531${String(1000 + i)}`, employer: pick(r, ['甲建设有限公司', '乙工程有限公司']), how: pick(r, ['plain', 'plain', 'mobile', 'employer', 'row'] as const) }));
    const cell = (text: string, struck: boolean): TestCell => (struck ? { struck: text } : text);
    const bytes = buildXlsx({
      rows: [['姓名', '身份证号', '手机', '工作单位'], ...people.map((p) => [cell(p.name, p.how === 'row'), cell(p.id, p.how === 'row'), cell(p.mobile, p.how === 'mobile' || p.how === 'row'), cell(p.employer, p.how === 'employer' || p.how === 'row')])],
    });
    const read = readImportFile(bytes, '删除线.xlsx');
    const table = tableAt(read, findHeaderRow(read.grid));
    const rows = await validateTable(table, { mapping: autoMap(table.headers), now: NOW, today: TODAY, date1904: false });
    rows.forEach((row, i) => {
      const p = people[i];
      if (!p) throw new Error('more rows than people');
      expect(row.errors, p.how).toEqual([]);
      expect(row.data, p.how).toEqual({ name: p.name, idNumber: p.id, ...(p.how === 'mobile' ? {} : { mobile: p.mobile }), ...(p.how === 'employer' ? {} : { employerName: p.employer }) });
      const codes = row.warnings.map((w) => w.code);
      expect(codes, p.how).toEqual(p.how === 'row' ? ['import.rowStruck'] : p.how === 'plain' ? [] : ['import.cell.struck']);
      if (p.how === 'mobile') expect(row.warnings[0]?.refused).toBe(p.mobile);
    });
    expect(new Set(people.map((p) => p.how)).size).toBe(4);
  });
});
