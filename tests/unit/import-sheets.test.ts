import { deflateRawSync, constants as zc } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { importTemplate } from '../../src/profiles/io/export';
import { autoMap } from '../../src/profiles/io/mapping';
import { planImport } from '../../src/profiles/io/plan';
import { autoMapTable, findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type SheetReply, SheetSession } from '../../src/profiles/io/sheet-session';
import { partsOf as checkParts, type SheetChoice, sheetChoices } from '../../src/ui/options/import-state';
import { pick, rng, shuffle } from '../helpers/rng';
import { rejectedCsv } from '../../src/profiles/io/rejected';
import { type RowResult, validateTable } from '../../src/profiles/io/rows';
import { TableError } from '../../src/profiles/io/table';
import { inflateEntry, zipEntries } from '../../src/profiles/io/zip';
import type { Profile } from '../../src/profiles/schema';
import { checkCharacter } from '../../src/validate/id-number';
import { encodeGbk } from '../helpers/gbk';
import { buildXlsx, partsOf, type TestCell, zipRaw } from '../helpers/xlsx-builder';

/**
 * Clerk-style rosters as offices make them (issue 17): title rows, merged company blocks, combined 起止日期
 * columns, every date form, year-months stored as numbers, blank rows, GBK/UTF-8/mixed CSVs — and hostile files.
 * Each imports with the exact expected value per cell, or fails fast naming the row and column.
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';
const HEAVY = process.env.TZ === 'Asia/Shanghai';

/** A valid 18-digit ID number for a birth date and a sequence. */
function idFor(birth: string, seq: number): string {
  const first17 = `370102${birth.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

async function importBytes(bytes: Uint8Array, name: string, headerRow?: number) {
  const read = readImportFile(bytes, name);
  const table = tableAt(read, headerRow ?? findHeaderRow(read.grid));
  const rows = await validateTable(table, { mapping: autoMap(table.headers), now: NOW, today: TODAY, date1904: read.date1904 });
  return { read, table, rows };
}

const messages = (r: RowResult) => [...r.errors, ...r.warnings].map((i) => `${i.column}:${t(i.code, i.params)}`);
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof TableError) return err.code;
    throw err;
  }
  return 'no error';
};

describe('clerk-sheet shapes', () => {
  const ids = [idFor('1985-03-02', 11), idFor('1990-07-15', 12), idFor('1979-12-01', 13), idFor('1988-01-20', 14)];
  const roster = () =>
    buildXlsx({
      rows: [
        ['济南某某建设集团二级建造师花名册'],
        [],
        ['序号', '姓名', '身份证号码', '工作单位', '统一社会信用代码', '毕业时间', '劳动合同起止日期'],
        [{ n: 1 }, '张三', ids[0]!, '甲建设有限公司', '91370100MA3C5XXXXX', { n: 2019.07 }, '2019.6.4-2025.6.4'],
        [{ n: 2 }, { s: '李四', phonetic: 'lǐsì' }, ids[1]!, null, null, { n: 2019.1, fmt: '0.00' }, '2022年10月3日至2028年10月3日'],
        [{ n: 3 }, '王五', ids[2]!, null, null, { n: 2019.1 }, '2020-01-01至无固定期限'],
        [],
        [{ n: 4 }, '赵六', ids[3]!, '乙工程有限公司', '91370100MA3C5YYYYY', '2005年6月', '2019-06-04-2025-06-04'],
      ],
      merges: ['A1:G1', 'D4:D6', 'E4:E6'],
    });

  it('finds the header under a title row, fills merged company blocks down with a notice, numbers rows as Excel', async () => {
    const { read, table, rows } = await importBytes(roster(), '花名册.xlsx');
    expect(table.headerRow).toBe(3);
    expect(read.notices.map((n) => n.code)).toEqual(['import.notice.merged']);
    expect(t(read.notices[0]!.code, read.notices[0]!.params)).toContain('D4:D6');
    const people = rows.filter((r) => !r.blank);
    expect(people.map((r) => [r.row, r.sheetRow, r.data.name, r.data.employerName, r.data.employerCreditCode])).toEqual([
      [1, 4, '张三', '甲建设有限公司', '91370100MA3C5XXXXX'],
      [2, 5, '李四', '甲建设有限公司', '91370100MA3C5XXXXX'],
      [3, 6, '王五', '甲建设有限公司', '91370100MA3C5XXXXX'],
      [5, 8, '赵六', '乙工程有限公司', '91370100MA3C5YYYYY'],
    ]);
    expect(rows[3]!.blank).toBe(true);
  });

  it('reads year-months stored as numbers only when unambiguous; 2019.1 is asked, never 1905', async () => {
    const { rows } = await importBytes(roster(), '花名册.xlsx');
    expect(rows[0]!.data.graduationDate).toBe('2019-07');
    expect(rows[1]!.data.graduationDate).toBe('2019-10'); // 0.00 shows 2019.10
    expect(rows[2]!.data.graduationDate).toBeUndefined();
    expect(messages(rows[2]!).filter((m) => m.startsWith('毕业时间'))).toEqual(['毕业时间:「2019.1」不能确定是 2019 年 1 月还是 10 月（Excel 把 2019.10 存成 2019.1）；此项未导入。请写成 2019-01 或 2019-10，或把该列设为文本格式后重填。']);
    expect(rows[4]!.data.graduationDate).toBe('2005-06');
    expect(rows.some((r) => Object.values(r.data).some((v) => String(v).startsWith('1905')))).toBe(false);
  });

  it('splits a combined 起止日期 column into contract start and end', async () => {
    const { rows } = await importBytes(roster(), '花名册.xlsx');
    expect(rows.filter((r) => !r.blank).map((r) => [r.data.contractStart, r.data.contractEnd])).toEqual([
      ['2019-06-04', '2025-06-04'],
      ['2022-10-03', '2028-10-03'],
      ['2020-01-01', 'open-ended'],
      ['2019-06-04', '2025-06-04'],
    ]);
  });

  it('reads phonetic-free text, rows and cells without `r`, the first visible sheet, and the 1904 date system', async () => {
    const id = idFor('1990-07-15', 1);
    const bytes = buildXlsx({ rows: [['姓名', '身份证号', '出生日期'], [{ s: '李四', phonetic: 'リシ' }, id, { n: 31972 - 1462, fmt: 'date' }]], noRefs: true, hiddenFirst: true, date1904: true });
    const { rows } = await importBytes(bytes, 'x.xlsx');
    expect(rows[0]!.data).toEqual({ name: '李四', idNumber: id, birthDate: '1987-07-14' });
  });

  it('lets the clerk choose another header row', async () => {
    const { table } = await importBytes(roster(), '花名册.xlsx', 1);
    expect(table.headers[0]).toBe('济南某某建设集团二级建造师花名册');
    expect(autoMap(table.headers).filter(Boolean)).toEqual([]);
  });
});

describe('dates in every form clerks type', () => {
  const id = idFor('1985-03-02', 21);
  /** One row per form; the expected value, or the message code when refused (the applicant is still imported). */
  const cases: Array<[string, TestCell, string]> = [
    ['contractStart', '2024.3.1', '2024-03-01'],
    ['contractStart', '2024年3月1日', '2024-03-01'],
    ['contractStart', '2024/3/1', '2024-03-01'],
    ['contractStart', '20240301', '2024-03-01'],
    ['contractStart', '2024-03-01 00:00:00', '2024-03-01'],
    ['contractStart', '２０２４－０３－０１', '2024-03-01'],
    ['contractStart', { n: 45352, fmt: 'date' }, '2024-03-01'],
    ['contractStart', { n: 45352 }, '2024-03-01'], // a serial under General: read, with a notice
    ['contractStart', '45352', '2024-03-01'], // the same serial typed in a CSV
    ['contractStart', { n: 20240301 }, '2024-03-01'],
    ['contractStart', { n: 2024.3 }, 'import.date.needDay'],
    ['contractStart', '2024年3月', 'import.date.needDay'],
    ['contractStart', '2024-02-30', 'import.date.impossible'],
    ['contractStart', '明年', 'import.date.format'],
    ['contractStart', { n: 7 }, 'import.date.number'], // 1900-01-07: a number, not a plausible date
    ['contractEnd', '无固定期限', 'open-ended'],
    ['contractEnd', '长期', 'open-ended'],
    ['graduationDate', '2005年6月', '2005-06'],
    ['graduationDate', '2005-06', '2005-06'],
    ['graduationDate', '2005.06', '2005-06'],
    ['graduationDate', '200506', '2005-06'],
    ['graduationDate', '2005.6', '2005-06'],
    ['graduationDate', '2005.1', 'import.date.ambiguousMonth'],
    ['graduationDate', { n: 2005.1 }, 'import.date.ambiguousMonth'],
    ['graduationDate', { n: 2005.1, fmt: '0.0' }, 'import.date.ambiguousMonth'],
    ['graduationDate', { n: 2005.1, fmt: '0.00' }, '2005-10'],
    ['graduationDate', { n: 2005.07 }, '2005-07'],
    ['graduationDate', { n: 38504, fmt: 'ym' }, '2005-06'],
    ['graduationDate', { n: 38504, fmt: 'date' }, '2005-06-01'],
    ['graduationDate', '2005年6月15日', '2005-06-15'],
    ['graduationDate', '1995-07', 'import.date.beforeFourteen'], // born 1985-03
    ['graduationDate', '1949-07', 'import.date.tooEarly'],
    ['graduationDate', '2027-07', 'import.date.future'],
    ['birthDate', '1985-03-02', '1985-03-02'],
    ['qualificationIssueDate', '2026-11-24', 'import.date.future'], // tomorrow in Jinan
  ];
  const fieldsUsed = [...new Set(cases.map(([k]) => k))];
  const header = ['姓名', '身份证号', ...fieldsUsed];
  const rowsFor = (toCell: (c: TestCell) => TestCell) =>
    cases.map(([key, cell], i) => [`申请人${String.fromCharCode(0x4e00 + i)}`, id, ...fieldsUsed.map((k) => (k === key ? toCell(cell) : null))]);

  const check = (rows: RowResult[], expectFor: (i: number) => string) => {
    cases.forEach(([key], i) => {
      const r = rows[i]!;
      const expected = expectFor(i);
      expect(r.errors, `row ${i}`).toEqual([]);
      if (expected.startsWith('import.')) {
        expect([(r.data as Record<string, unknown>)[key], r.warnings.map((w) => w.code)], `${key} case ${i}`).toEqual([undefined, [expected]]);
      } else {
        expect((r.data as Record<string, unknown>)[key], `${key} case ${i}`).toBe(expected);
      }
    });
  };

  it('XLSX: every form, by the cell as Excel stored and showed it', async () => {
    const { rows } = await importBytes(buildXlsx({ rows: [header, ...rowsFor((c) => c)] }), 'dates.xlsx');
    check(rows, (i) => cases[i]![2]);
    expect(rows[7]!.notices.map((n) => t(n.code, n.params))).toEqual(['「45352」是 Excel 的日期序号，已按日期读作 2024-03-01，请核对。']);
  });

  it('CSV (UTF-8 and GBK): the same forms typed as text give the same values', async () => {
    // In a CSV every cell is text: what Excel would have shown (2005.1 for both 2005.1 and 2005.10 under General).
    const asText = (c: TestCell): string => (c === null ? '' : typeof c === 'string' ? c : 'n' in c ? (c.fmt === '0.00' ? c.n.toFixed(2) : String(c.n)) : 's' in c ? c.s : 'struck' in c ? c.struck : 'rich' in c ? c.rich.map((run) => run.text).join('') : c.inline);
    const csv = [header, ...rowsFor((c) => asText(c))].map((r) => r.map((c) => asText(c)).join(',')).join('\r\n');
    const expectText = (i: number) => {
      const [, cell, expected] = cases[i]!;
      // A date cell's serial typed as text is a plain number: a serial read with a notice, or a month-format number.
      if (typeof cell === 'object' && cell && 'fmt' in cell && (cell.fmt === 'date' || cell.fmt === 'ym')) return cases[i]![0] === 'graduationDate' ? '2005-06' : expected;
      return expected;
    };
    const utf8 = await importBytes(new TextEncoder().encode(csv), 'dates.csv');
    check(utf8.rows, expectText);
    const gbk = await importBytes(encodeGbk(csv), 'dates-gbk.csv');
    expect(gbk.read.encoding).toBe('gb18030');
    check(gbk.rows, expectText);
  });
});


describe('hostile and broken files fail fast and clearly', () => {
  const small = () => buildXlsx({ rows: [['姓名', '身份证号'], ['张三', idFor('1985-03-02', 1)]] });

  it.runIf(HEAVY)('a zip bomb: a sharedStrings part of 256 MiB compressed under 1 MB is refused before inflating', () => {
    const size = 256 * 2 ** 20;
    const xml = Buffer.alloc(size, 0x41);
    xml.write('<sst><si><t>', 0);
    xml.write('</t></si></sst>', size - 15);
    const deflated = new Uint8Array(deflateRawSync(xml, { level: 9, strategy: zc.Z_RLE }));
    expect(deflated.length).toBeLessThan(2 ** 20);
    const parts = partsOf(small()).map((p) => (p.name === 'xl/sharedStrings.xml' ? { name: p.name, deflated: { data: deflated, size } } : p));
    const bomb = zipRaw(parts);
    expect(bomb.length).toBeLessThan(2 ** 20);
    expect(codeOf(() => readImportFile(bomb, 'bomb.xlsx'))).toBe('import.err.tooBig');
    // The same bomb lying about its size (declares 1 KB): stopped by the running cap while inflating.
    const liar = zipRaw(parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, declaredSize: 1024 } : p)));
    expect(codeOf(() => readImportFile(liar, 'liar.xlsx'))).toBe('import.err.tooBig');
  }, 60_000);

  it('the running cap holds whatever the directory declares', () => {
    const data = new Uint8Array(4 * 2 ** 20).fill(0x42);
    const zip = zipRaw([{ name: 'a.xml', data, declaredSize: 10 }]);
    const [entry] = zipEntries(zip);
    expect(codeOf(() => inflateEntry(zip, entry!, 2 ** 20))).toBe('import.err.tooBig');
    const out = inflateEntry(zip, entry!, 8 * 2 ** 20);
    expect([out.length, out.every((b) => b === 0x42)]).toEqual([data.length, true]);
  });

  it('a cell reference beyond Excel’s grid (ZZZZZZ2) and a row 200,000,000 are refused before any work', () => {
    const sheet = (body: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
    const withSheet = (raw: string) => buildXlsx({ rows: [], rawSheet: sheet(raw) });
    expect(codeOf(() => readImportFile(withSheet('<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>'), 'ref.xlsx'))).toBe('import.err.badRef');
    expect(codeOf(() => readImportFile(withSheet('<row r="200000000"><c r="A200000000"><v>1</v></c></row>'), 'row.xlsx'))).toBe('import.err.badRow');
    expect(codeOf(() => readImportFile(withSheet('<row r="900000"><c r="A900000"><v>1</v></c></row>'), 'far.xlsx'))).toBe('import.err.tooManyRows');
    expect(codeOf(() => readImportFile(withSheet('<row r="1"><c r="ZZ1"><v>1</v></c></row>'), 'wide.xlsx'))).toBe('import.err.tooManyColumns');
    // A merged range over the whole grid fills only the cells that hold data; thousands of them are refused.
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="H${i + 1}"><v>2</v></c></row>`).join('');
    const merged = (n: number) => buildXlsx({ rows: [], rawSheet: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData><mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(n)}</mergeCells></worksheet>` });
    expect(readImportFile(merged(1), 'm.xlsx').grid[2999]!.map((c) => c.text)).toEqual(['1', '1', '1', '1', '1', '1', '1', '2']);
    expect(codeOf(() => readImportFile(merged(100), 'm.xlsx'))).toBe('import.err.tooManyMerged');
    const msg = (() => {
      try {
        readImportFile(withSheet('<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>'), 'ref.xlsx');
      } catch (err) {
        return err instanceof TableError ? t(err.code, err.params) : '';
      }
      return '';
    })();
    expect(msg).toContain('「ZZZZZZ2」');
  });

  it('an encrypted workbook is named as such, not as a legacy .xls', () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = Array.from('EncryptionInfo', (c) => [c.charCodeAt(0), 0]).flat();
    cfb.set(name, 1024);
    expect(codeOf(() => readImportFile(cfb, '加密.xlsx'))).toBe('import.err.encrypted');
    expect(t('import.err.encrypted', { file: '加密.xlsx' })).toContain('加密');
    expect(codeOf(() => readImportFile(cfb.slice(0, 512), 'old.xls'))).toBe('import.err.legacyXls');
  });

  it('a damaged archive says so, naming the file', () => {
    const bytes = small();
    expect(codeOf(() => readImportFile(bytes.slice(0, bytes.length - 30), 'cut.xlsx'))).toBe('import.err.zipBroken');
    // Every workbook error names the file (the clerk may have picked the wrong one), in both languages.
    const shown = (fn: () => unknown, lang: 'zh' | 'en') => {
      try {
        fn();
      } catch (err) {
        if (err instanceof TableError) return t(err.code, err.params, lang);
      }
      return 'no error';
    };
    for (const lang of ['zh', 'en'] as const) {
      expect(shown(() => readImportFile(bytes.slice(0, bytes.length - 30), '三月花名册.xlsx'), lang)).toContain('三月花名册.xlsx');
      expect(shown(() => readImportFile(zipRaw([{ name: 'word/document.xml', data: new TextEncoder().encode('<w/>') }]), '申请表.xlsx'), lang)).toContain('申请表.xlsx');
    }
  });

  it('a file that is not text at all (a photo, a PDF renamed .csv) is refused by name, never read as one column of mojibake', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, ...Array.from({ length: 300 }, (_, i) => (i * 37) % 256)]);
    const noNul = jpeg.map((b) => (b === 0 ? 0x80 : b));
    const pdf = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Length 9 >>\nstream\n');
    const withStream = new Uint8Array([...pdf, 0x78, 0x9c, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x00]);
    for (const [bytes, name] of [[jpeg, '照片.xlsx'], [noNul, '照片.csv'], [withStream, '扫描件.csv']] as const) {
      expect(codeOf(() => readImportFile(bytes, name)), name).toBe('import.err.notTable');
      expect(t('import.err.notTable', { file: name })).toContain(name);
    }
    // Text in GBK with a stray undecodable byte is still text.
    const gbk = new Uint8Array([...encodeGbk(`姓名,身份证号\r\n王五,${idFor('1985-03-02', 33)}\r\n`), 0xff, 0x0d, 0x0a]);
    expect(readImportFile(gbk, 'gbk.csv').grid[1]?.[0]?.text).toBe('王五');
  });

  it('two CSV exports concatenated (GBK then UTF-8): each line in its own encoding, with a warning', async () => {
    const a = idFor('1985-03-02', 31);
    const b = idFor('1990-07-15', 32);
    const bytes = new Uint8Array([...encodeGbk(`姓名,身份证号\r\n王五,${a}\r\n`), ...new TextEncoder().encode(`赵六,${b}\r\n`)]);
    const { read, rows } = await importBytes(bytes, 'mixed.csv');
    expect(read.encoding).toBe('mixed');
    expect(read.notices.map((n) => n.code)).toEqual(['import.notice.mixedEncoding']);
    expect(rows.map((r) => r.data.name)).toEqual(['王五', '赵六']);
  });

  it('every schema limit is applied in the preview, naming the Excel row and the column', async () => {
    const id = idFor('1985-03-02', 41);
    const long = '张'.repeat(10_000);
    const csv = `XX公司花名册\r\n姓名,身份证号,工作单位,备注\r\n${long},${idFor('1985-03-02', 42)},,\r\n李四,${id},${'甲'.repeat(10_000)},${'x'.repeat(10_001)}\r\n`;
    const { rows } = await importBytes(new TextEncoder().encode(csv), 'long.csv');
    expect(rows[0]!.errors.map((e) => [rows[0]!.sheetRow, e.column, e.code])).toContainEqual([3, '姓名', 'import.cell.tooLong']);
    expect(t('import.cellMessage', { row: rows[0]!.sheetRow, column: '姓名', message: t(rows[0]!.errors.find((e) => e.code === 'import.cell.tooLong')!.code, rows[0]!.errors.find((e) => e.code === 'import.cell.tooLong')!.params) })).toBe(
      '第 3 行「姓名」：内容有 10000 个字符，超过 200 个字符的上限；此项未导入，请精简后在档案中填写。',
    );
    expect(rows[1]!.errors).toEqual([]);
    expect(rows[1]!.warnings.map((w) => [w.column, w.code])).toEqual([
      ['工作单位', 'import.cell.tooLong'],
      ['备注', 'import.cell.tooLong'],
    ]);
    expect(rows[1]!.data).toEqual({ name: '李四', idNumber: id });
    // The preview's verdict is the commit's: what is planned passes the commit's own schema.
    const plan = planImport(rows, new Map(), 'update');
    const { RequestSchemas } = await import('../../src/messaging/schemas');
    expect(RequestSchemas['ui:profiles.commit'].safeParse({ items: plan.items }).success).toBe(true);
  });
});

describe('conflicts: one ID number, two names', () => {
  const id = idFor('1985-03-02', 51);
  const other = idFor('1990-07-15', 52);
  const stored: Profile = { id: '11111111-1111-4111-8111-111111111111', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 2, data: { name: '孙七', idNumber: other }, businesses: [], notes: '' };

  it('in the file or against a stored profile: shown, not merged, not imported by default; the other rows import', async () => {
    const csv = `姓名,身份证号,手机\r\n张三,${id},13800000001\r\n李四,${id},13800000002\r\n孙八,${other},\r\n王五,${idFor('1979-12-01', 53)},\r\n`;
    const { rows } = await importBytes(new TextEncoder().encode(csv), 'c.csv');
    const existing = new Map([[other, stored]]);
    const plan = planImport(rows, existing, 'update');
    expect([...plan.outcome.entries()]).toEqual([
      [1, 'conflict'],
      [2, 'conflict'],
      [3, 'conflict'],
      [4, 'create'],
    ]);
    expect(plan.conflicts.get(2)).toEqual({ otherName: '张三', stored: false, sheetRows: [2] });
    expect(plan.conflicts.get(3)).toMatchObject({ otherName: '孙七', stored: true });
    expect(plan.items.map((i) => i.body.data.name)).toEqual(['王五']);
    // The clerk's choice imports the row: a stored conflict updates that record, name included.
    const chosen = planImport(rows, existing, 'update', new Map([[3, 'import' as const], [1, 'import' as const]]));
    expect(chosen.items.map((i) => [i.kind, i.body.data.name])).toEqual([
      ['create', '张三'],
      ['update', '孙八'],
      ['create', '王五'],
    ]);
  });

  it('the same name repeated is not a conflict: it updates as before', async () => {
    const csv = `姓名,身份证号,手机\r\n张三,${id},13800000001\r\n张三,${id},13800000002\r\n`;
    const { rows } = await importBytes(new TextEncoder().encode(csv), 'c.csv');
    const plan = planImport(rows, new Map(), 'update');
    expect(plan.conflicts.size).toBe(0);
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0]!.body.data.mobile).toBe('13800000002');
  });
});

/** What the workbench does with a workbook: the sheet list's defaults, then one check of the chosen sheets in the worker. */
async function checkWorkbook(bytes: Uint8Array, choose?: (c: SheetChoice, i: number) => boolean) {
  const replies: SheetReply[] = [];
  const session = new SheetSession((r) => replies.push(r));
  await session.handle({ read: { bytes, fileName: '各单位.xlsx' } });
  const read = readImportFile(bytes, '各单位.xlsx');
  const sheets = sheetChoices(read).map((c, i) => ({ ...c, chosen: choose ? choose(c, i) : c.chosen }));
  // A workbook of one visible sheet lists none: its one table under the header found, as the workbench shows it.
  const table = tableAt(read, findHeaderRow(read.grid));
  const parts = checkParts({ sheets, table, mapping: autoMapTable(table) });
  await session.handle({ check: { id: 1, parts, now: NOW.getTime(), today: TODAY } });
  const rows = replies.flatMap((r) => ('checked' in r ? r.checked.results : []));
  return { read, sheets, rows };
}

describe('a workbook of several sheets', () => {
  const a = idFor('1985-03-02', 71);
  /** buildXlsx's hidden 「说明」 sheet made visible: an instructions sheet in front of the roster, as templates have. */
  const withVisibleFirst = (rows: TestCell[][]) =>
    zipRaw(
      partsOf(buildXlsx({ rows, hiddenFirst: true })).map((e) =>
        e.name === 'xl/workbook.xml' && e.data ? { name: e.name, data: new TextEncoder().encode(new TextDecoder().decode(e.data).replace(' state="hidden"', '')) } : e,
      ),
    );

  it('an instructions sheet in front of the roster: the roster is read first, and the list shows both, the roster chosen', async () => {
    const { read, table, rows } = await importBytes(withVisibleFirst([['姓名', '身份证号'], ['张三', a]]), '模板.xlsx');
    expect(rows.map((r) => [r.sheetRow, r.data.name, r.data.idNumber])).toEqual([[2, '张三', a]]);
    expect(table.headers).toEqual(['姓名', '身份证号']);
    expect(sheetChoices(read).map((c) => [c.name, c.rows, c.recognised, c.chosen])).toEqual([
      ['说明', 0, false, false],
      ['花名册', 1, true, true],
    ]);
    expect(read.primary).toBe(1);
  });

  it('no sheet has a header: the first visible one is shown, none chosen (the confirm waits); one visible sheet lists none', async () => {
    const { read } = await importBytes(withVisibleFirst([['甲', '乙'], ['1', '2']]), '无表头.xlsx');
    expect(read.grid[0]?.[0]?.text).toBe('说明');
    expect(sheetChoices(read).map((c) => c.chosen)).toEqual([false, false]);
    const single = await importBytes(buildXlsx({ rows: [['姓名', '身份证号'], ['张三', a]], hiddenFirst: true }), '一张.xlsx');
    expect(single.read.notices).toEqual([]);
    expect(single.read.sheets).toBeUndefined();
  });

  it('one roster sheet per employer: every sheet is imported by default, each row with its sheet and the row Excel shows there', async () => {
    const ids = [idFor('1980-01-02', 1), idFor('1981-02-03', 2), idFor('1982-03-04', 3)];
    const bytes = buildXlsx({
      name: '一公司',
      rows: [['姓名', '身份证号', '手机'], ['张三', ids[0]!, '13805310001']],
      more: [
        { name: '二公司', rows: [['二公司人员名单'], ['身份证号码', '姓名'], [ids[1]!, '李四'], ['', '赵六'], [ids[2]!, '王五']] },
        { name: '填表说明', rows: [['请按模板填写'], ['身份证号须为 18 位']] },
      ],
    });
    const { sheets, rows } = await checkWorkbook(bytes);
    expect(sheets.map((c) => [c.name, c.rows, c.chosen])).toEqual([
      ['一公司', 1, true],
      ['二公司', 3, true],
      ['填表说明', 1, false],
    ]);
    expect(rows.map((r) => [r.row, r.sheet?.name, r.sheet?.row, r.sheetRow, r.data.name ?? r.shown?.name, r.errors.map((e) => e.code)])).toEqual([
      [1, '一公司', 1, 2, '张三', []],
      [2, '二公司', 1, 3, '李四', []],
      [3, '二公司', 2, 4, '赵六', ['v.id.empty']],
      [4, '二公司', 3, 5, '王五', []],
    ]);
    expect(rows.map((r) => r.data.idNumber)).toEqual([ids[0], ids[1], undefined, ids[2]]);
    // The message names the sheet, then the row Excel shows in it and the column by its header.
    for (const lang of ['zh', 'en'] as const) {
      const text = t('import.inSheet', { sheet: '二公司', message: t('import.cellMessage', { row: 4, column: '身份证号码', message: t('v.id.empty', {}, lang) }, lang) }, lang);
      expect(text).toMatch(/二公司.*4.*身份证号码/s);
    }
  });

  it('a sheet the clerk unticks is not checked nor imported; a sheet without headers can be ticked and mapped by hand', async () => {
    const bytes = buildXlsx({ name: '十月', rows: [['姓名', '身份证号'], ['张三', a]], more: [{ name: '十一月', rows: [['姓名', '身份证号'], ['李四', idFor('1990-07-15', 9)]] }] });
    const only = await checkWorkbook(bytes, (_, i) => i === 1);
    expect(only.rows.map((r) => [r.row, r.sheet?.name, r.data.name])).toEqual([[1, '十一月', '李四']]);
    const none = checkParts({ sheets: only.sheets.map((c) => ({ ...c, chosen: false })), mapping: [] });
    expect(none).toEqual([]);
  });

  it('the same ID number under another name in another sheet is a conflict naming that sheet; the rejected-rows file re-imports sheet by sheet', async () => {
    const bytes = buildXlsx({
      name: '一公司',
      rows: [['姓名', '身份证号', '手机'], ['张三', a, '13805310001'], ['缺号', '', '13805310002']],
      more: [{ name: '二公司', rows: [['手机', '身份证号', '姓名'], ['13805310003', a, '张山'], ['13805310004', '123', '错号']] }],
    });
    const { sheets, rows } = await checkWorkbook(bytes);
    const plan = planImport(rows, new Map(), 'update');
    expect(plan.conflicts.get(3)).toEqual({ otherName: '张三', stored: false, sheetRows: [2], sheets: ['一公司'] });
    const left = rows.filter((r) => plan.outcome.get(r.row) === 'reject' || plan.outcome.get(r.row) === 'conflict');
    const csv = rejectedCsv(
      sheets.map((c) => ({ table: c.table, rows: left.filter((r) => r.sheet?.name === c.name) })),
      '未导入原因',
      (r) => `${r.sheet?.name} 第 ${r.sheetRow} 行`,
    );
    const again = await importBytes(new TextEncoder().encode(csv), 'again.csv');
    // Both rows of the pair are conflicts (neither is imported by default), and both rows without a valid ID number.
    expect(again.rows.filter((r) => !r.blank).map((r) => [r.shown?.name, r.shown?.idNumber, r.data.mobile])).toEqual([
      ['张三', a, '13805310001'],
      ['缺号', '', '13805310002'],
      ['张山', a, '13805310003'],
      ['错号', '123', '13805310004'],
    ]);
  });
});

const chance = (r: () => number, p: number) => r() < p;

describe('workbooks of several sheets, generated (seeded): rosters per employer or month among other sheets', () => {
  const HEADERS: Record<string, string[]> = { name: ['姓名', '人员姓名'], idNumber: ['身份证号', '身份证号码', '公民身份号码'], mobile: ['手机', '手机号码', '联系电话（手机）'], employerName: ['工作单位', '单位名称'] };
  const FIELDS = Object.keys(HEADERS);
  it('every roster sheet is chosen by default and every applicant comes out of its sheet with its values at the row Excel shows', async () => {
    let seq = 100;
    let several = 0;
    for (let seed = 1; seed <= (HEAVY ? 60 : 15); seed++) {
      const r = rng(seed);
      const count = 2 + Math.floor(r() * 4);
      const specs: Array<{ name: string; rows: TestCell[][]; hidden?: boolean }> = [];
      const expected: Array<[string, number, string, string, string]> = [];
      for (let k = 0; k < count; k++) {
        const kind = k === 0 && chance(r, 0.3) ? 'notes' : chance(r, 0.15) ? 'summary' : 'roster';
        const name = kind === 'notes' ? '填表说明' : kind === 'summary' ? `汇总${k}` : pick(r, [`${k + 1}月`, `第${k + 1}批`, `分公司${k + 1}`, `Sheet${k + 1}`]);
        if (kind !== 'roster') {
          specs.push({ name, rows: kind === 'notes' ? [['填表说明'], ['1. 身份证号须为 18 位']] : [['单位', '人数'], ['甲公司', { n: 3 }]] });
          continue;
        }
        const rows: TestCell[][] = [];
        for (let t = Math.floor(r() * 3); t > 0; t--) rows.push(t === 1 ? [`${name}人员花名册`] : []);
        const order = shuffle(r, FIELDS);
        rows.push(order.map((f) => pick(r, HEADERS[f] ?? [f])));
        const hidden = k > 0 && chance(r, 0.15);
        for (let p = 1 + Math.floor(r() * 4); p > 0; p--) {
          const person = { name: `${pick(r, ['王', '李', '张', '刘'])}${String.fromCharCode(0x4e00 + (seq % 500))}`, idNumber: idFor(`19${60 + (seq % 30)}-0${1 + (seq % 9)}-1${seq % 10}`, seq), mobile: `139${String(seq).padStart(8, '0')}`, employerName: `公司${seq % 7}` };
          seq++;
          rows.push(order.map((f) => person[f as keyof typeof person]));
          if (!hidden) expected.push([name, rows.length, person.name, person.idNumber, person.mobile]);
        }
        specs.push({ name, rows, hidden });
      }
      const [first, ...more] = specs;
      if (!first) continue;
      const bytes = buildXlsx({ name: first.name, rows: first.rows, more: more.map((m) => ({ name: m.name, rows: m.rows, hidden: m.hidden })) });
      const where = `seed ${seed}: ${specs.map((sp) => sp.name).join(', ')}`;
      if (!expected.length) continue;
      const { sheets, rows } = await checkWorkbook(bytes);
      const visible = specs.filter((sp, k) => k === 0 || !sp.hidden);
      if (visible.length > 1) expect(sheets.map((c) => [c.name, c.chosen]), where).toEqual(visible.map((sp) => [sp.name, sp.rows.some((row) => row.some((c) => c === '姓名' || c === '人员姓名'))]));
      const people = rows.filter((row) => !row.blank);
      expect(people.map((row) => [row.sheet?.name ?? first.name, row.sheetRow, row.data.name, row.data.idNumber, row.data.mobile]), where).toEqual(expected);
      expect(people.flatMap((row) => row.errors), where).toEqual([]);
      expect(new Set(rows.map((row) => row.row)).size, `${where}: one row number each`).toBe(rows.length);
      if (sheets.filter((c) => c.chosen).length >= 2) several++;
    }
    // The corpus really makes workbooks of several rosters (a generator change cannot quietly drop them).
    expect(several).toBeGreaterThanOrEqual(HEAVY ? 15 : 4);
  });
});

describe('a header of two rows (group cells merged over sub-headers)', () => {
  const a = idFor('1985-03-02', 61);
  const b = idFor('1990-07-15', 62);
  const shape = (r: RowResult) => [r.row, r.sheetRow, r.data.name, r.data.contractStart, r.data.contractEnd, r.data.mobile, r.data.email, r.errors.length];

  it('劳动合同 merged over 开始日期 | 结束日期, other headers merged down: the group columns map, data starts under the second row', async () => {
    const bytes = buildXlsx({
      rows: [
        ['二级建造师花名册'],
        ['序号', '姓名', '身份证号码', '劳动合同', null, '联系方式', null],
        [null, null, null, '开始日期', '结束日期', '手机', '邮箱'],
        [{ n: 1 }, '张三', a, '2019.6.4', { n: 45356, fmt: 'date' }, '13800001111', 'a@example.cn'],
        [{ n: 2 }, '李四', b, '2022年10月3日', '无固定期限', '13800002222', ''],
      ],
      merges: ['A1:G1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:G2'],
    });
    const { table, rows } = await importBytes(bytes, '两行表头.xlsx');
    expect([table.headerRow, table.subHeaderRow]).toEqual([2, 3]);
    expect(table.headers).toEqual(['序号', '姓名', '身份证号码', '劳动合同开始日期', '劳动合同结束日期', '手机', '邮箱']);
    expect(rows.map(shape)).toEqual([
      [1, 4, '张三', '2019-06-04', '2024-03-05', '13800001111', 'a@example.cn', 0],
      [2, 5, '李四', '2022-10-03', 'open-ended', '13800002222', undefined, 0],
    ]);
    expect(t('import.subHeader', { row: 3, header: 2, first: 4 })).toContain('4');
  });

  it('the same roster saved as CSV (no merges kept): the empty header cell continues the group', async () => {
    const csv = `序号,姓名,身份证号,劳动合同,\r\n,,,开始日期,结束日期\r\n1,张三,${a},2019.6.4,2025.6.4\r\n`;
    const { table, rows } = await importBytes(new TextEncoder().encode(csv), '两行表头.csv');
    expect(table.subHeaderRow).toBe(2);
    expect(rows.map(shape)).toEqual([[1, 3, '张三', '2019-06-04', '2025-06-04', undefined, undefined, 0]]);
  });

  it('a header merged across two columns with data right below is not a second header row', async () => {
    const bytes = buildXlsx({
      rows: [
        ['姓名', '身份证号', '劳动合同起止日期', null],
        ['张三', a, '2019.6.4', '2025.6.4'],
        ['李四', b, '开始', '结束'],
      ],
      merges: ['C1:D1'],
    });
    const { table, rows } = await importBytes(bytes, '合并表头.xlsx');
    expect(table.subHeaderRow).toBeUndefined();
    expect(rows.map((r) => [r.sheetRow, r.data.name])).toEqual([[2, '张三'], [3, '李四']]);
    // Nor is a row of dates under a CSV's empty header cell.
    const csv = new TextEncoder().encode(`姓名,身份证号,劳动合同,\r\n,,2019.6.4,2025.6.4\r\n张三,${a},,\r\n`);
    expect((await importBytes(csv, 'x.csv')).table.subHeaderRow).toBeUndefined();
  });

  it('a title row chosen as the header (merged across, or alone in A1 of a CSV) is not a group over the header', async () => {
    const rows: TestCell[][] = [['某公司花名册'], ['姓名', '身份证号', '手机'], ['张三', a, '13805310000']];
    const merged = await importBytes(buildXlsx({ rows, merges: ['A1:C1'] }), '标题.xlsx', 1);
    const csv = await importBytes(new TextEncoder().encode(`某公司花名册\r\n姓名,身份证号,手机\r\n张三,${a},13805310000\r\n`), '标题.csv', 1);
    for (const { table } of [merged, csv]) {
      expect(table.subHeaderRow).toBeUndefined();
      expect(autoMap(table.headers).filter(Boolean)).toEqual([]);
    }
  });
});

describe('files to fix and re-import', () => {
  it('the rejected rows, with a reason column, import again under their own headers', async () => {
    const good = idFor('1985-03-02', 61);
    const csv = `花名册\r\n姓名,身份证号,手机\r\n,${good},13800000001\r\n李四,370102198503020000,\r\n王五,${good},\r\n`;
    const { table, rows } = await importBytes(new TextEncoder().encode(csv), 'r.csv');
    const rejected = rows.filter((r) => r.errors.length);
    expect(rejected.map((r) => r.sheetRow)).toEqual([3, 4]);
    const out = rejectedCsv([{ table, rows: rejected }], '未导入原因', (r) => r.errors.map((e) => `第 ${r.sheetRow} 行「${e.column}」`).join('；'));
    const again = await importBytes(new TextEncoder().encode(out), 'again.csv');
    expect(again.table.headers).toEqual(['未导入原因', '姓名', '身份证号', '手机']);
    expect(again.rows.map((r) => [r.shown?.name, r.shown?.idNumber, r.data.mobile])).toEqual([
      ['', good, '13800000001'],
      ['李四', '370102198503020000', undefined],
    ]);
  });

  it('the import template: every header recognised, columns formatted as text', async () => {
    const read = readImportFile(importTemplate(), '模板.xlsx');
    const headers = read.grid[0]!.map((c) => c.text);
    expect(autoMap(headers).every((k) => k !== null)).toBe(true);
  });
});

describe.runIf(HEAVY)('a 10,000-row roster', () => {
  const nameFor = (i: number) => `王${String.fromCharCode(0x4e00 + (i % 400))}${String.fromCharCode(0x4e00 + Math.floor(i / 400))}`;
  it('imports every row with its exact values, XLSX and CSV alike', async () => {
    const header = ['姓名', '身份证号', '工作单位', '毕业时间', '劳动合同开始日期', '手机'];
    const data: TestCell[][] = [];
    for (let i = 0; i < 10_000; i++) {
      const birth = `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`;
      data.push([nameFor(i), idFor(birth, i), `公司${i % 37}`, { n: 2010 + (i % 10) + (i % 8 + 2) / 100 }, { n: 43466 + (i % 700), fmt: 'date' }, `138${String(i).padStart(8, '0')}`]);
    }
    const { rows } = await importBytes(buildXlsx({ rows: [['XX集团花名册'], header, ...data] }), 'big.xlsx');
    expect(rows).toHaveLength(10_000);
    expect(rows.filter((r) => r.errors.length || r.warnings.length).map((r) => [r.sheetRow, ...messages(r)]).slice(0, 3)).toEqual([]);
    expect(rows[9_999]!.sheetRow).toBe(10_002);
    expect(rows[1234]!.data).toEqual({
      name: nameFor(1234),
      idNumber: idFor('1979-02-14', 1234),
      employerName: '公司13',
      graduationDate: '2014-04',
      contractStart: '2020-06-18', // serial 44000
      mobile: '13800001234',
    });
    // The same roster as a CSV, dates typed as text: the same stored values, row for row.
    const csv = [header, ...rows.map((r) => [r.data.name, r.data.idNumber, r.data.employerName, r.data.graduationDate?.replace('-', '.'), r.data.contractStart?.replace(/-/g, '/'), r.data.mobile])]
      .map((l) => l.join(','))
      .join('\r\n');
    const fromCsv = await importBytes(new TextEncoder().encode(csv), 'big.csv');
    expect(fromCsv.rows.map((r) => r.data)).toEqual(rows.map((r) => r.data));
  }, 120_000);
});
