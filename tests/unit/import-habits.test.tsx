import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { setLang, t } from '../../src/i18n';
import { autoMapTable, findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type RowResult, validateTable } from '../../src/profiles/io/rows';
import { type SheetReply, SheetSession } from '../../src/profiles/io/sheet-session';
import { checkCharacter } from '../../src/validate/id-number';
import { toCsv, toXlsx } from '../../src/profiles/io/export';
import { planImport } from '../../src/profiles/io/plan';
import type { Profile } from '../../src/profiles/schema';
import { encodeGbk } from '../helpers/gbk';
import { type ImportAction, type ImportState, importReducer, initialImport, reportOf } from '../../src/ui/options/import-state';
import { MappingStep, PreviewStep, ReportStep } from '../../src/ui/options/ImportSteps';
import { rng, seeded } from '../helpers/rng';
import { buildXlsx } from '../helpers/xlsx-builder';

/**
 * Office habits our clerk fixtures did not have (a fresh-eyes review of the spreadsheet side): hidden columns
 * and rows. What matters is what the clerk would notice: a wrong value stored (worst), a row read silently that
 * they could not see, or a message that does not say where.
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';

function idFor(birth: string, seq: number): string {
  const first17 = `370102${birth.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Read, find the header and map it as the workbench does (ImportPanel: autoMapTable). */
async function importBytes(bytes: Uint8Array, name: string) {
  const read = readImportFile(bytes, name);
  const table = tableAt(read, findHeaderRow(read.grid));
  const mapping = autoMapTable(table);
  const rows = await validateTable(table, { mapping, now: NOW, today: TODAY, date1904: read.date1904 });
  return { read, table, mapping, rows };
}

const said = (r: RowResult) => [...r.errors, ...r.warnings].map((i) => t(i.code, i.params));

describe('hidden columns and rows', () => {
  const [zhang, li, old] = [idFor('1985-03-02', 11), idFor('1979-12-01', 13), idFor('1990-07-15', 12)];

  it('a superseded column kept hidden beside the one in use: the visible column is imported, whatever the order or header wording', async () => {
    // Every placement of the hidden stale column (before or after the visible one) and both header wordings.
    for (const [hiddenFirst, hiddenHeader, visibleHeader] of [
      [true, '身份证号', '身份证号码'],
      [false, '身份证号码', '身份证号'],
      [true, '公民身份号码', '证件号码'],
    ] as const) {
      const header = hiddenFirst ? ['姓名', hiddenHeader, visibleHeader, '手机'] : ['姓名', visibleHeader, hiddenHeader, '手机'];
      const person = hiddenFirst ? ['张三', old, zhang, '13805311234'] : ['张三', zhang, old, '13805311234'];
      const bytes = buildXlsx({ rows: [header, person], hiddenColumns: [hiddenFirst ? 1 : 2] });
      const { read, rows, mapping } = await importBytes(bytes, '花名册.xlsx');
      expect(mapping[hiddenFirst ? 2 : 1], `${hiddenHeader} hidden, ${visibleHeader} visible`).toBe('idNumber');
      expect(mapping[hiddenFirst ? 1 : 2]).toBeNull();
      expect(rows[0]?.data.idNumber).toBe(zhang);
      const notice = read.notices.find((n) => n.code === 'import.notice.hiddenColumns');
      expect(notice && t(notice.code, notice.params)).toContain(hiddenFirst ? 'B 列' : 'C 列');
      expect(notice && t(notice.code, notice.params, 'en')).toContain(hiddenFirst ? 'column B' : 'column C');
    }
  });

  it('a column hidden for printing (the only ID column) is still imported, and said to be hidden', async () => {
    const bytes = buildXlsx({ rows: [['姓名', '身份证号', '手机'], ['张三', zhang, '13805311234']], hiddenColumns: [1] });
    const { read, rows, mapping } = await importBytes(bytes, '打印版.xlsx');
    expect(mapping).toEqual(['name', 'idNumber', 'mobile']);
    expect(rows[0]?.data.idNumber).toBe(zhang);
    expect(read.notices.map((n) => n.code)).toContain('import.notice.hiddenColumns');
  });

  it('rows hidden in Excel (filtered out) are read, each flagged at the row Excel shows, with a file notice', async () => {
    const bytes = buildXlsx({
      rows: [['某公司花名册'], ['姓名', '身份证号', '手机'], ['张三', zhang, '13805311234'], ['李四', li, '13805311235'], ['王五', old, '13805311236']],
      hiddenRows: [4],
    });
    const { read, rows } = await importBytes(bytes, '筛选后.xlsx');
    expect(rows.map((r) => [r.sheetRow, r.data.name, r.warnings.length])).toEqual([
      [3, '张三', 0],
      [4, '李四', 1],
      [5, '王五', 0],
    ]);
    expect(said(rows[1]!)).toEqual(['第 4 行在 Excel 中是隐藏的（被筛选掉或手动隐藏），仍按本行导入，请核对。']);
    const notice = read.notices.find((n) => n.code === 'import.notice.hiddenRows');
    expect(notice?.sheetRow).toBe(4);
    expect(t(notice!.code, notice!.params)).toContain('第 4 行');

    // The workbench checks rows in its worker: the same flag arrives there.
    const replies: SheetReply[] = [];
    const session = new SheetSession((r) => replies.push(r));
    await session.handle({ read: { bytes, fileName: '筛选后.xlsx' } });
    await session.handle({ check: { id: 1, parts: [{ sheet: 0, headerRow: 2, mapping: ['name', 'idNumber', 'mobile'] }], now: NOW.getTime(), today: TODAY } });
    const checked = replies.flatMap((r) => ('checked' in r ? r.checked.results : []));
    expect(checked.map((r) => r.warnings.map((w) => w.code))).toEqual([[], ['import.rowHidden'], []]);
  });
});

describe('exports of HR and government systems: ="…" text formulas', () => {
  const zhang = idFor('1985-03-02', 11);
  const li = idFor('1988-08-08', 17);
  const expected = [
    { name: '张三', idNumber: zhang, mobile: '13805311234', phone: '0531-88886666' },
    { name: '李四', idNumber: li, mobile: '13805311235', phone: '0531-88886667' },
  ];
  /** The roster as such a system writes it: every number-like cell as ="…", one of them quoted as CSV quotes it. */
  const lines = (sep: string) => [
    ['姓名', '身份证号', '手机', '联系电话', '备注'].join(sep),
    ['张三', `="${zhang}"`, '="13805311234"', '"=""0531-88886666"""', ''].join(sep),
    ['李四', `="${li}"`, '="13805311235"', '="0531-88886667"', '"=""见""""附件"""""""'].join(sep),
  ];
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const utf16 = (text: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);

  it('CSV in UTF-8 with BOM, GBK, semicolon- and tab-separated, UTF-16: the text Excel shows is imported', async () => {
    const files: Array<[string, Uint8Array]> = [
      ['bom.csv', utf8(`\uFEFF${lines(',').join('\r\n')}\r\n`)],
      ['gbk.csv', encodeGbk(lines(',').join('\r\n'))],
      ['semicolon.csv', utf8(lines(';').join('\n'))],
      ['unicode.txt', utf16(lines('\t').join('\r\n'))],
    ];
    for (const [name, bytes] of files) {
      const { rows } = await importBytes(bytes, name);
      expect(rows.map((r) => r.data), name).toEqual(expected);
      expect(rows[1]?.notes, name).toBe('见"附件"');
      expect(rows.flatMap(said), name).toEqual([]);
    }
  });

  it('any other formula stays as written, and our own export (which defuses ="…" typed in a profile) re-imports unchanged', async () => {
    const text = '姓名,身份证号,备注\r\n张三,' + zhang + ',=A1&B1\r\n';
    const { rows } = await importBytes(utf8(text), 'formula.csv');
    expect(rows[0]?.notes).toBe('=A1&B1');
    const profile: Profile = { id: 'p1', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), revision: 1, businesses: [], notes: '="typed"', data: { name: '张三', idNumber: zhang } };
    const again = await importBytes(utf8(toCsv([profile])), 'export.csv');
    expect(again.rows[0]?.notes).toBe('="typed"');
  });

  it('XLSX: a text formula without a cached value (a generator that does not compute) is its text', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const s = (r: string, v: string) => `<c r="${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
    // SpreadsheetML stores a formula without its leading = (§18.3.1.40).
    const f = (r: string, v: string) => `<c r="${r}" t="str"><f>"${v}"</f></c>`;
    const rawSheet = `<worksheet xmlns="${NS}"><sheetData><row r="1">${s('A1', '姓名')}${s('B1', '身份证号')}${s('C1', '手机')}</row><row r="2">${s('A2', '张三')}${f('B2', zhang)}${f('C2', '13805311234')}</row></sheetData></worksheet>`;
    const { rows } = await importBytes(buildXlsx({ rows: [], rawSheet }), 'generated.xlsx');
    expect(rows[0]?.data).toEqual({ name: '张三', idNumber: zhang, mobile: '13805311234' });
  });
});

describe('names padded to line the column up', () => {
  const zhang = idFor('1985-03-02', 11);
  const wang = idFor('1990-07-15', 12);
  const stored: Profile = { id: 'p-zhang', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), revision: 3, businesses: [], notes: '', data: { name: '张三', idNumber: zhang } };

  it('「张　三」 (full-width or plain spaces, any number) is imported as 张三, said as a notice, and matches the stored 张三', async () => {
    const cases: Array<[string, string]> = [
      ['张\u3000三', '张三'],
      ['张  三', '张三'],
      [' 张 三\u3000', '张三'],
      ['王 小 明', '王小明'],
      ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    ];
    for (const [padded, name] of cases) {
      const id = name === '张三' ? zhang : wang;
      const bytes = buildXlsx({ rows: [['姓名', '身份证号'], [padded, id]] });
      const { rows } = await importBytes(bytes, 'x.xlsx');
      expect(rows[0]?.data.name, padded).toBe(name);
      expect(rows[0]?.warnings, padded).toEqual([]);
      if (padded.trim() !== name) expect(rows[0]?.notices.map((n) => t(n.code, n.params)), padded).toEqual([`姓名「${padded.trim()}」中的空格是对齐用的（身份证上的汉字姓名没有空格），已按「${name}」导入。`]);
    }
    const { rows } = await importBytes(new TextEncoder().encode(`姓名,身份证号,手机\n张\u3000三,${zhang},13805311234\n`), 'x.csv');
    const plan = planImport(rows, new Map([[zhang, stored]]), 'update');
    expect(plan.conflicts.size).toBe(0);
    expect(plan.items).toEqual([expect.objectContaining({ kind: 'update', id: 'p-zhang', body: expect.objectContaining({ data: { name: '张三', idNumber: zhang, mobile: '13805311234' } }) })]);
  });

  it('a name in Latin letters keeps its spaces (with the usual warning)', async () => {
    const { rows } = await importBytes(new TextEncoder().encode(`姓名,身份证号\nJohn Smith,${zhang}\n`), 'x.csv');
    expect(rows[0]?.data.name).toBe('John Smith');
    expect(rows[0]?.notices).toEqual([]);
  });
});

describe('the same applicant twice in one file', () => {
  const zhang = idFor('1985-03-02', 11);
  const li = idFor('1979-12-01', 13);
  /** One person over two rows under merged 姓名/身份证号 cells (two specialties), and a row pasted again after a correction. */
  const workbook = () =>
    buildXlsx({
      rows: [
        ['姓名', '身份证号', '专业类别', '手机', '聘用单位'],
        ['张三', zhang, '建筑工程', '13805311234', '甲建设有限公司'],
        [null, null, '市政公用工程', '13805311299', null],
        ['李四', li, '机电工程', '13805311235', '乙工程有限公司'],
        ['李四', li, null, '13805311235', '乙工程有限公司'],
        ['李四', li, '机电工程', '13905311235', null],
      ],
      merges: ['A2:A3', 'B2:B3', 'E2:E3'],
    });

  it('a later row with other values says which fields differ from which rows; rows that only repeat or add say nothing', async () => {
    const { rows } = await importBytes(workbook(), '花名册.xlsx');
    const plan = planImport(rows, new Map(), 'update');
    expect([...plan.repeats]).toEqual([
      [2, { sheetRows: [2], fields: ['mobile', 'specialty'] }],
      [5, { sheetRows: [4, 5], fields: ['mobile'] }],
    ]);
    // The update policy still keeps the later values (contract.md), now with the rows said.
    expect(plan.items.map((i) => i.body.data.mobile)).toEqual(['13805311299', '13905311235']);
  });

  it('the preview shows it on the row, in the clerk’s words, and 「只看有问题的行」 keeps it', async () => {
    const { rows } = await importBytes(workbook(), '花名册.xlsx');
    const root = document.createElement('div');
    document.body.append(root);
    let s: ImportState = { ...initialImport, stage: 'preview', mapping: ['name', 'idNumber', 'specialty', 'mobile', 'employerName'], rows };
    const dispatch = (a: ImportAction) => (s = importReducer(s, a));
    const draw = () => act(() => render(h(PreviewStep, { state: s, table: { headers: [], rows: [], headerRow: 1 }, plan: planImport(s.rows, s.existing, s.policy), dispatch, onConfirm: () => undefined, onCancel: () => undefined }), root));
    await draw();
    dispatch({ type: 'onlyProblems', value: true });
    await draw();
    expect(root.querySelector('[data-jzs-import-repeat="2"]')?.textContent).toBe('与第 2 行是同一身份证号、同一姓名，但手机、专业类别不同：请核对哪一行是对的（选“更新”时以较后的一行为准）。');
    expect(root.querySelector('[data-jzs-import-repeat="5"]')?.textContent).toContain('与第 4、5 行');
    expect(root.querySelector('[data-jzs-preview-row="3"]')).toBeNull();
    render(null, root);
    root.remove();
  });
});

describe('every message says where: file, the row Excel shows, the column header and the field', () => {
  const zhang = idFor('1985-03-02', 11);
  it('a column mapped by hand (「联系方式」 → 手机) names the field it is imported as; a known header does not repeat it; the report names the file', async () => {
    const bytes = new TextEncoder().encode(`说明：本表由办事员整理\n姓名,证件号码,联系方式\n张三,${zhang},1380531123\n李四,${zhang.slice(0, 17)}0,13805311235\n`);
    const read = readImportFile(bytes, '十月名单.csv');
    const table = tableAt(read, findHeaderRow(read.grid));
    const mapping = autoMapTable(table);
    expect(mapping).toEqual(['name', 'idNumber', null]);
    mapping[2] = 'mobile';
    const rows = await validateTable(table, { mapping, now: NOW, today: TODAY });
    const root = document.createElement('div');
    document.body.append(root);
    const s: ImportState = { ...initialImport, stage: 'preview', fileName: '十月名单.csv', mapping, rows };
    const plan = planImport(rows, new Map(), 'update');
    await act(() => render(h(PreviewStep, { state: s, table, plan, dispatch: () => undefined, onConfirm: () => undefined, onCancel: () => undefined }), root));
    expect(root.querySelector('[data-sheet-row="3"] [data-jzs-cell-warning]')?.textContent).toBe('第 3 行「联系方式」（导入为手机）：手机号应为11位数字，当前为 10 位。「1380531123」未导入，请核对后在档案中填写。');
    expect(root.querySelector('[data-sheet-row="4"] .error')?.textContent).toMatch(/^第 4 行「证件号码」：身份证号校验位错误/);
    await act(() => render(h(ReportStep, { report: reportOf(plan), read, fileName: '十月名单.csv' }), root));
    expect(root.querySelector('[data-jzs-import-file]')?.textContent).toBe('文件：十月名单.csv');
    expect(root.querySelector('[data-jzs-import-error][data-sheet-row="4"]')?.textContent).toMatch(/^第 4 行「证件号码」：/);
    setLang('en');
    try {
      await act(() => render(h(PreviewStep, { state: s, table, plan, dispatch: () => undefined, onConfirm: () => undefined, onCancel: () => undefined }), root));
      expect(root.querySelector('[data-sheet-row="3"] [data-jzs-cell-warning]')?.textContent).toMatch(/^Row 3, column "联系方式" \(imported as Mobile\): /);
    } finally {
      setLang('zh');
    }
    render(null, root);
    root.remove();
  });
});

describe('two values in a one-value cell', () => {
  const zhang = idFor('1985-03-02', 11);
  const headers = ['姓名', '身份证号', '手机', '联系电话', '邮政编码', '电子邮箱', '性别', '专业类别', '民族'];

  it('「13805311234/13905311234」, 「a@x.cn；b@y.cn」, 「建筑工程、市政公用工程」 …: none is stored (which one is meant cannot be told), with a warning; the applicant is imported', async () => {
    const seps = ['/', '／', '、', '，', ',', ';', '；', ' ', '  ', ' / ', '|'];
    for (const sep of seps) {
      const cells = ['张三', zhang, `13805311234${sep}13905311234`, `0531-88886666${sep}0531-88886667`, `250001${sep}250002`, `a@x.cn${sep}b@y.cn`, `男${sep}女`, `建筑工程${sep}市政公用工程`, `汉族${sep}回族`];
      const { rows } = await importBytes(buildXlsx({ rows: [headers, cells] }), 'x.xlsx');
      expect(rows[0]?.data, JSON.stringify(sep)).toEqual({ name: '张三', idNumber: zhang });
      expect(rows[0]?.warnings.map((w) => [w.column, w.code]), JSON.stringify(sep)).toEqual(headers.slice(2).map((h) => [h, 'import.cell.severalValues']));
    }
    const { rows } = await importBytes(new TextEncoder().encode(`${headers.slice(0, 3).join(',')}\n张三,${zhang},"13805311234,13905311234"\n`), 'x.csv');
    expect(said(rows[0]!)).toEqual(['「13805311234,13905311234」里有 2 个值，该项只能填一个，不能确定用哪一个；此项未导入，请在档案中填写要用的那一个。']);
  });

  it('one value written with spaces or punctuation stays one value', async () => {
    const cells = ['张三', zhang, '+86 138 0531 1234', '(0531) 8888 6666', '250 001', 'a@x.cn', '男', '建筑 工程', '汉 族'];
    const { rows } = await importBytes(buildXlsx({ rows: [headers, cells] }), 'x.xlsx');
    expect(rows[0]?.warnings.filter((w) => w.code === 'import.cell.severalValues')).toEqual([]);
    expect(rows[0]?.data).toMatchObject({ mobile: '13805311234', postcode: '250001', email: 'a@x.cn', gender: '男', ethnicity: '汉族' });
  });
});

describe('numbers Excel has already changed', () => {
  const zhang = idFor('1985-03-02', 11);
  const headers = ['姓名', '身份证号', '手机', '联系电话', '邮政编码', '注册编号', '社保连续缴纳月数'];

  it('XLSX number cells: a 区号 or 邮编 that lost its leading 0, a number past 15 digits — left empty, saying why; intact numbers are read', async () => {
    const bytes = buildXlsx({
      rows: [
        headers,
        ['张三', zhang, { n: 13805311234 }, { n: 53188886666 }, { n: 10010 }, { n: 2372010202404839 }, { n: 12, fmt: '0.0' }],
        ['李四', idFor('1990-07-15', 12), { n: 13805311235 }, { n: 88886666 }, { n: 250001 }, '鲁2372010202404839', { n: 36 }],
      ],
    });
    const { rows } = await importBytes(bytes, 'x.xlsx');
    expect(rows[0]?.data).toEqual({ name: '张三', idNumber: zhang, mobile: '13805311234', socialInsuranceMonths: '12' });
    expect(rows[0]?.warnings.map((w) => [w.column, w.code])).toEqual([
      ['联系电话', 'import.cell.leadingZero'],
      ['邮政编码', 'import.cell.leadingZero'],
      ['注册编号', 'import.cell.numberPrecision'],
    ]);
    expect(said(rows[0]!)[0]).toBe('「53188886666」被 Excel 存成了数字，开头的 0 已丢失（可能是「053188886666」）；此项未导入，请核对后在档案中填写，或把该列设为“文本”格式后重填。');
    expect(rows[1]?.data).toMatchObject({ mobile: '13805311235', phone: '88886666', postcode: '250001', registrationNo: '鲁2372010202404839', socialInsuranceMonths: '36' });
    expect(rows[1]?.warnings).toEqual([]);
  });

  it('a CSV saved from a narrow Excel column (1.38053E+10): not stored as written', async () => {
    const csv = `${headers.slice(0, 6).join(',')}\n张三,${zhang},1.38053E+10,8.88867E+07,,2.37201E+15\n`;
    const { rows } = await importBytes(new TextEncoder().encode(csv), 'x.csv');
    expect(rows[0]?.data).toEqual({ name: '张三', idNumber: zhang });
    expect(rows[0]?.warnings.map((w) => [w.column, w.code])).toEqual([
      ['手机', 'import.cell.scientific'],
      ['联系电话', 'import.cell.scientific'],
      ['注册编号', 'import.cell.scientific'],
    ]);
  });
});

describe('export, then import again', () => {
  it('text a clerk may type — quotes, commas, formula-like starts, apostrophes before them, ="…" — reads back unchanged from CSV and XLSX (seeded)', async () => {
    const next = rng(20261202);
    const pieces = ['"', ',', ';', '|', '=', '+', '-', '@', "'", "''", '=A1', '="1"', '"="', '济南', 'a', '0', '00123', '2019.1'];
    const text = () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    const profiles: Profile[] = Array.from({ length: 120 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      revision: 1,
      businesses: [],
      notes: text(),
      data: { name: '张三', idNumber: idFor('1985-03-02', 100 + i), address: text(), school: text(), major: text(), employerName: text() },
    }));
    for (const [name, bytes] of [
      ['导出.csv', new TextEncoder().encode(toCsv(profiles))],
      ['导出.xlsx', toXlsx(profiles)],
    ] as const) {
      const { rows } = await importBytes(bytes, name);
      // A value of dashes only is a clerk's mark for no value (no-value.ts): it comes back blank, said as a notice.
      const blank = (v: unknown) => typeof v === 'string' && /^-+$/.test(v);
      const expected = profiles.map((p) => Object.fromEntries(Object.entries(p.data).filter(([, v]) => !blank(v))));
      expect(rows.map((r) => r.data), name).toEqual(expected);
      expect(rows.flatMap((r) => r.notices.map((n) => n.code)).filter((c) => c === 'import.cell.noValue').length, name).toBe(profiles.flatMap((p) => Object.values(p.data).filter(blank)).length);
      expect(rows.map((r) => r.notes ?? ''), name).toEqual(profiles.map((p) => p.notes));
    }
  });
});

describe('Excel’s text mark and colloquial dates', () => {
  const zhang = idFor('1985-03-02', 11);
  it('「\'370102…」, 「\'13805311234」 (the apostrophe Excel hides, written out by exports): the number is read without it; free text keeps it', async () => {
    for (const mark of ["'", '‘', '’']) {
      const csv = `姓名,身份证号,手机,联系电话,邮政编码,备注\n张三,${mark}${zhang},${mark}13805311234,${mark}0531-88886666,${mark}250001,${mark}见附件\n`;
      const { rows } = await importBytes(new TextEncoder().encode(csv), 'x.csv');
      expect(rows[0]?.data, mark).toEqual({ name: '张三', idNumber: zhang, mobile: '13805311234', phone: '0531-88886666', postcode: '250001' });
      expect(rows[0]?.notes, mark).toBe(`${mark}见附件`);
      expect(said(rows[0]!), mark).toEqual([]);
    }
  });

  it('「2026年3月5号」 is 5 March 2026, as 「2026年3月5日」', async () => {
    const { rows } = await importBytes(buildXlsx({ rows: [['姓名', '身份证号', '劳动合同开始日期', '劳动合同截止日期'], ['张三', zhang, '2026年3月5号', '2029年3月4日']] }), 'x.xlsx');
    expect(rows[0]?.data).toMatchObject({ contractStart: '2026-03-05', contractEnd: '2029-03-04' });
  });
});

describe('two columns for one field', () => {
  const zhang = idFor('1985-03-02', 11);
  it('an empty 「手机」 left beside the filled 「手机号码」: the column with data is imported', async () => {
    const bytes = buildXlsx({ rows: [['姓名', '身份证号', '手机', '手机号码'], ['张三', zhang, null, '13805311234'], ['李四', idFor('1990-07-15', 12), null, '13805311235']] });
    const read = readImportFile(bytes, 'x.xlsx');
    const table = tableAt(read, findHeaderRow(read.grid));
    const mapping = autoMapTable(table);
    expect(mapping).toEqual(['name', 'idNumber', null, 'mobile']);
    const rows = await validateTable(table, { mapping, now: NOW, today: TODAY });
    expect(rows.map((r) => r.data.mobile)).toEqual(['13805311234', '13805311235']);
  });

  it('both filled: the first is imported and the other says so in the mapping, naming the column used', async () => {
    const bytes = buildXlsx({ rows: [['姓名', '身份证号', '手机', '联系方式（手机）', '手机号码'], ['张三', zhang, '13805311234', '13905311234', '13705311234']] });
    const read = readImportFile(bytes, 'x.xlsx');
    const table = tableAt(read, findHeaderRow(read.grid));
    const mapping = autoMapTable(table);
    expect(mapping).toEqual(['name', 'idNumber', 'mobile', null, null]);
    const root = document.createElement('div');
    document.body.append(root);
    const s: ImportState = { ...initialImport, stage: 'preview', fileName: 'x.xlsx', mapping, read, table };
    await act(() => render(h(MappingStep, { state: s, read, table, onHeaderRow: () => undefined, onMap: () => undefined, onEmployer: () => undefined }), root));
    expect([...root.querySelectorAll('[data-jzs-map-also]')].map((e) => [e.getAttribute('data-jzs-map-also'), e.textContent])).toEqual([
      ['4', '本列也像是「手机」，但「手机」已按「手机」列导入，本列不导入。要改用本列，请在右侧选择「手机」。'],
    ]);
    render(null, root);
    root.remove();
  });
});

describe('a company block merged down over a blank row', () => {
  it('the blank row holds only the merged copy: it is blank, not an applicant rejected for having no name', async () => {
    const bytes = buildXlsx({
      rows: [['姓名', '身份证号', '工作单位'], ['张三', idFor('1985-03-02', 11), '甲建设有限公司'], [], ['李四', idFor('1990-07-15', 12), null]],
      merges: ['C2:C4'],
    });
    const { rows } = await importBytes(bytes, 'x.xlsx');
    expect(rows.map((r) => [r.sheetRow, r.blank, r.errors.length, r.data.employerName])).toEqual([
      [2, false, 0, '甲建设有限公司'],
      [3, true, 0, undefined],
      [4, false, 0, '甲建设有限公司'],
    ]);
  });
});

describe('ISO date cells (t="d", as some generators write them)', () => {
  it('「2026-03-05T00:00:00」 is 5 March 2026; a time of day other than midnight is not silently dropped', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const s = (r: string, v: string) => `<c r="${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const d = (r: string, v: string) => `<c r="${r}" t="d"><v>${v}</v></c>`;
    const rawSheet = `<worksheet xmlns="${NS}"><sheetData><row r="1">${s('A1', '姓名')}${s('B1', '身份证号')}${s('C1', '劳动合同开始日期')}${s('D1', '劳动合同截止日期')}</row><row r="2">${s('A2', '张三')}${s('B2', idFor('1985-03-02', 11))}${d('C2', '2026-03-05T00:00:00')}${d('D2', '2029-03-04T15:30:00')}</row></sheetData></worksheet>`;
    const { rows } = await importBytes(buildXlsx({ rows: [], rawSheet }), 'generated.xlsx');
    expect(rows[0]?.data.contractStart).toBe('2026-03-05');
    expect(rows[0]?.data.contractEnd).toBeUndefined();
    expect(rows[0]?.warnings.map((w) => w.column)).toEqual(['劳动合同截止日期']);
  });
});

describe('a template’s guide row under the header', () => {
  it('「（必填）」 「（18位）」 「选填」 under the headers: shown as the guide it is, not rejected as an applicant; the applicants below import', async () => {
    const zhang = idFor('1985-03-02', 11);
    for (const guide of [['（必填）', '（18位）', '选填'], ['必填', '(18位身份证号)', ''], ['【必填】', '', '(11位)']]) {
      const bytes = buildXlsx({ rows: [['姓名', '身份证号', '手机'], guide, ['张三', zhang, '13805311234']] });
      const { rows } = await importBytes(bytes, 'x.xlsx');
      expect(rows.map((r) => [r.sheetRow, r.trailer ?? false, r.errors.length]), guide.join('|')).toEqual([
        [2, true, 0],
        [3, false, 0],
      ]);
      expect(rows[0]?.notices.map((n) => t(n.code, n.params))[0], guide.join('|')).toMatch(/^「.+」是表头下的填写说明行（不是申请人），未导入。$/);
      expect(planImport(rows, new Map(), 'update').rejected).toEqual([]);
    }
  });

  it('a first row with an ID number is an applicant whatever else it holds', async () => {
    const bytes = buildXlsx({ rows: [['姓名', '身份证号', '手机'], ['（张三）', idFor('1985-03-02', 11), '（无）']] });
    const { rows } = await importBytes(bytes, 'x.xlsx');
    expect(rows[0]?.trailer).toBeUndefined();
    expect(rows[0]?.errors.map((e) => e.column)).toEqual(['姓名']);
  });
});

describe('date columns under headers the lexicon does not know', () => {
  const zhang = idFor('1985-03-02', 11);
  /** The mapping step for a CSV, rendered as the workbench shows it: which columns carry the unread-dates warning. */
  async function unreadDates(csv: string): Promise<{ mapping: ReadonlyArray<string | null>; warned: string[] }> {
    const read = readImportFile(new TextEncoder().encode(csv), 'x.csv');
    const table = tableAt(read, findHeaderRow(read.grid));
    const mapping = autoMapTable(table);
    const root = document.createElement('div');
    document.body.append(root);
    const s: ImportState = { ...initialImport, stage: 'preview', fileName: 'x.csv', mapping, read, table };
    await act(() => render(h(MappingStep, { state: s, read, table, onHeaderRow: () => undefined, onMap: () => undefined, onEmployer: () => undefined }), root));
    const warned = [...root.querySelectorAll('[data-jzs-map-unread-dates]')].map((e) => table.headers[Number(e.getAttribute('data-jzs-map-unread-dates'))] ?? '');
    render(null, root);
    root.remove();
    return { mapping, warned };
  }

  it('a contract date named by its end or start word alone (「劳动合同到期」, 「合同开始」) is that date; a date column left unmapped (「证书有效期至」) is said in the mapping, not silently dropped', async () => {
    // The fresh-eyes clerk's file: before, both date columns were 「（不导入）」 with nothing said, and 期限提醒 then
    // had nothing for these applicants.
    const csv = `姓名,身份证号,手机,工作单位,注册专业,证书有效期至,劳动合同到期\n张三,${zhang},13805311234,甲建设有限公司,建筑工程,2026-12-25,2026/12/25\n李四,${idFor('1979-12-01', 13)},13905311234,甲建设有限公司,市政公用工程,2026年12月10日,2027.3.1\n`;
    const { mapping, warned } = await unreadDates(csv);
    expect(mapping.slice(5)).toEqual([null, 'contractEnd']);
    expect(warned).toEqual(['证书有效期至']);
  });

  it('seeded: any unknown header over a column of dates typed the usual ways is warned; text, numbers and known columns are not', async () => {
    const { pick } = seeded(20261202);
    const dates = ['2026-12-25', '2026/1/5', '2026.3.15', '2026年3月5日', '2026.12', '2027年1月'];
    const unknown = ['证书有效期至', '有效期', '证书到期', '执业证有效期', '发证日期', '聘用到期', 'B证有效期'];
    for (let n = 0; n < 40; n++) {
      const header = pick(unknown);
      const rows = Array.from({ length: pick([1, 2, 3, 5]) }, (_, i) => {
        const date = pick(dates);
        return `张${i},${idFor('1985-03-02', 20 + i)},${date},备注${i},${13805311234 + i},2027-01-0${1 + (i % 9)}`;
      });
      const { warned } = await unreadDates(`姓名,身份证号,${header},备注说明,代码,劳动合同截止日期\n${rows.join('\n')}\n`);
      expect(warned, header).toEqual([header]);
    }
  });

  it('a column is told a date column by the reader\'s own forms: Chinese numerals, date-times and full-width digits too; digits alone (postcodes, month counts) are not dates', async () => {
    // Before, a second and looser recogniser (DATE_TEXT) decided: these columns were silently 「不导入」.
    const forms = [['二〇二六年十二月二十五日', '二〇二七年一月五日'], ['2026-12-25 00:00:00', '2027-01-05T00:00:00'], ['２０２６年１２月２５日', '２０２７．１．５'], ['2026年12月25号', '2027.1.5.']];
    for (const [a, b] of forms) {
      const { warned } = await unreadDates(`姓名,身份证号,证书有效期至,邮编,月数\n张三,${zhang},${a},250001,201907\n李四,${idFor('1979-12-01', 13)},${b},250014,36\n`);
      expect(warned, a).toEqual(['证书有效期至']);
    }
  });
});
