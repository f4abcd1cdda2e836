import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/profiles/io/csv';
import { decodeText } from '../../src/profiles/io/decode';
import { BACKUP_VERSION, parseBackup, toBackup, toCsv, toXlsx } from '../../src/profiles/io/export';
import { autoMap } from '../../src/profiles/io/mapping';
import { planImport } from '../../src/profiles/io/plan';
import { findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type RowResult, validateRow, validateTable } from '../../src/profiles/io/rows';
import { readXlsx } from '../../src/profiles/io/xlsx-read';
import { t } from '../../src/i18n';
import { excelSerialToIso, writeXlsx } from '../../src/profiles/io/xlsx';
import type { Profile } from '../../src/profiles/schema';
import { pick, rng, shuffle } from '../helpers/rng';

const NOW = new Date('2026-11-23T12:00:00+08:00'); // noon in Jinan
const TODAY = '2026-11-23';
const texts = (grid: { text: string }[][]) => grid.map((r) => r.map((c) => c.text));
/** Read, find the header, validate: what the workbench does. */
async function importRows(bytes: Uint8Array, name: string) {
  const read = readImportFile(bytes, name);
  const table = tableAt(read, findHeaderRow(read.grid));
  return validateTable(table, { mapping: autoMap(table.headers), now: NOW, today: TODAY, date1904: read.date1904 });
}
const said = (r: RowResult) => [...r.errors, ...r.warnings].map((i) => t(i.code, i.params));
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'import', name)));
const gbk = fixture('applicants-gbk.csv');

function profile(id: string, data: Profile['data'], extra: Partial<Profile> = {}): Profile {
  return { id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', revision: 1, data, businesses: [], notes: '', ...extra };
}

describe('reading import files', () => {
  it('detects GBK, UTF-8, UTF-8 with BOM and UTF-16 (Excel "Unicode text")', () => {
    expect(decodeText(gbk).encoding).toBe('gb18030');
    expect(decodeText(gbk).text.startsWith('姓名,身份证号码')).toBe(true);
    const utf8 = new TextEncoder().encode('姓名,身份证号\n张三,1');
    expect(decodeText(utf8)).toEqual({ text: '姓名,身份证号\n张三,1', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).encoding).toBe('utf-8-bom');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'姓名\t张三'].map((c) => c.charCodeAt(0))).buffer)]);
    expect(decodeText(utf16)).toEqual({ text: '姓名\t张三', encoding: 'utf-16le' });
  });

  it('numbers rows by line, blank lines included', () => {
    const g = parseCsv('姓名,身份证号\n张三,1\n\n李四,2\n');
    expect(texts(g.grid)).toEqual([['姓名', '身份证号'], ['张三', '1'], [], ['李四', '2']]);
  });

  it('keeps a formula as text and undoes our own export neutralisation', () => {
    const g = parseCsv(`备注,x\n=SUM(A1),"'=SUM(A1)"\n`);
    expect(texts(g.grid)[1]).toEqual(['=SUM(A1)', '=SUM(A1)']);
  });

  it('an unclosed quote is an error at its sheet row, not a merged row', () => {
    const text = '姓名,身份证号,备注\n张三,370102199001011231,ok\n李四,370102199001011231,"未闭合\n王五,1,2\n';
    const g = readImportFile(new TextEncoder().encode(text), 'x.csv');
    expect(g.grid).toHaveLength(2);
    expect(g.fatal?.sheetRow).toBe(3);
    expect(t(g.fatal!.code, g.fatal!.params)).toContain('第 3 行：引号未闭合');
  });

  it('refuses legacy .xls and oversized files with a clear message', () => {
    expect(() => readImportFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), '名单.xls')).toThrow(expect.objectContaining({ code: 'import.err.legacyXls' }));
    expect(() => readImportFile(new Uint8Array(21 * 1024 * 1024), 'big.csv')).toThrow(expect.objectContaining({ code: 'import.err.fileTooBig' }));
  });

  it('reads and writes XLSX: text stays text, numbers are flagged, dates are serials', () => {
    const bytes = writeXlsx(['姓名', '身份证号'], [['张三', '370102199001011231'], ['=1+1', '']]);
    const g = readXlsx(bytes);
    expect(texts(g.grid)).toEqual([['姓名', '身份证号'], ['张三', '370102199001011231'], ['=1+1']]);
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(0, true)).toBeUndefined();
  });
});

describe('column mapping', () => {
  it('maps Chinese headers, their variants and the field keys; leaves the rest for the user', () => {
    expect(autoMap(['姓名', '身份证号码', '手机号码', '工作单位', '备注', '籍贯', 'contractEnd', '*证件号码（必填）'])).toEqual([
      'name',
      'idNumber',
      'mobile',
      'employerName',
      'notes',
      null,
      'contractEnd',
      null, // a second ID column is not mapped twice
    ]);
    expect(autoMap(['资格证书编号/管理号', '聘用单位'])).toEqual(['qualificationCertNo', 'employerName']);
  });
});

describe('row validation (contract.md rejection rules)', () => {
  const headers = ['姓名', '身份证号', '劳动合同截止日期', '手机', '是否退休'];
  const mapping = autoMap(headers);
  const row = (cells: Array<string | { text: string; number: number }>) =>
    validateRow(1, 2, cells.map((c) => (typeof c === 'string' ? { text: c } : c)), { headers, mapping, now: NOW, today: TODAY });

  it('accepts a good row and normalises it', () => {
    const r = row(['张三', '370102 19900101 123x'.replace('123x', '1231'), '2027年11月23日', '+86 138-0531-0000', '否']);
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual({ name: '张三', idNumber: '370102199001011231', contractEnd: '2027-11-23', mobile: '13805310000', retired: false });
  });

  it('rejects only for identity: no name, a bad or missing ID number — naming the column', () => {
    expect(row(['', '370102199001011231', '', '', '']).errors).toEqual([{ column: '姓名', field: 'name', code: 'v.name.empty' }]);
    expect(row(['张三', '370102199001011237', '', '', '']).errors[0]!.column).toBe('身份证号');
    expect(row(['张三', '', '', '', '']).errors).toEqual([{ column: '身份证号', field: 'idNumber', code: 'v.id.empty' }]);
  });

  it('an impossible date leaves the cell empty with a warning; the applicant is imported', () => {
    const r = row(['张三', '370102199001011231', '2027-02-30', '', '']);
    expect(r.errors).toEqual([]);
    expect(r.data.contractEnd).toBeUndefined();
    expect(said(r)).toEqual(['日期「2027-02-30」不存在（请检查月份和天数）；此项未导入。']);
  });

  it('rejects an ID number Excel stored as a number, saying so', () => {
    expect(said(row(['张三', '1.10101E+17', '', '', '']))[0]).toContain('身份证号被 Excel 存成了数字（1.10101E+17）');
    expect(said(row(['张三', { text: '110101199001011000', number: 110101199001011000 }, '', '', '']))[0]).toContain('存成了数字');
  });

  it('keeps doubtful values as warnings, not rejections', () => {
    const r = row(['Zhang San', '370102199001011231', '', '1380531', '也许']);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.column)).toEqual(['姓名', '姓名', '手机', '是否退休']);
    // A value its validator refuses is left empty, its warning saying so (contract.md), never stored as typed.
    expect(r.data.mobile).toBeUndefined();
    expect(r.warnings[2]).toMatchObject({ code: 'v.mobile.length', refused: '1380531' });
  });

  it('a totals row or a note under the table is skipped as not an applicant and shown; a row with an ID number never is', async () => {
    const csv = ['序号,姓名,身份证号码,手机号码', '1,张三,370102199001011231,13805310000', '2,李四,,13805310001', '合  计,,2 人,', ',小计：2,,', '填表人：王五　日期：2026-11-30,,,',
      ',注：以上信息经本人核对,,', '3,合计,11010519491231002X,', ',共计：3人（含待补 1 人）,,'].join('\r\n');
    const rows = await importRows(new TextEncoder().encode(csv), '花名册.csv');
    const outcome = rows.map((r) => [r.sheetRow, r.trailer ? 'trailer' : r.errors.length ? 'reject' : 'ok']);
    expect(outcome).toEqual([[2, 'ok'], [3, 'reject'], [4, 'trailer'], [5, 'trailer'], [6, 'trailer'], [7, 'trailer'], [8, 'ok'], [9, 'trailer']]);
    // Shown with what it said, and left out of the import like a blank row.
    expect(t(rows[2]!.notices[0]!.code, rows[2]!.notices[0]!.params)).toBe('「合  计 2 人」看来是合计行或表尾说明（该行没有身份证号码），不是申请人，未导入。如确是申请人，请补上身份证号码后重新导入。');
    const plan = planImport(rows, new Map(), 'update');
    expect(plan.rejected.map((r) => r.sheetRow)).toEqual([3]);
    expect(plan.items).toHaveLength(2);
  });

  it('the GBK fixture: 20 rows, exactly rows 4 and 9 rejected; row 15 imported without its impossible date', async () => {
    const rows = await importRows(gbk, 'applicants-gbk.csv');
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.errors.length).map((r) => [r.row, r.sheetRow, r.errors[0]!.column])).toEqual([
      [4, 5, '身份证号码'],
      [9, 10, '姓名'],
    ]);
    expect(rows[14]!.warnings.filter((w) => w.code.startsWith('import.date')).map((w) => w.column)).toEqual(['劳动合同截止日期']);
    expect(rows[14]!.data.contractEnd).toBeUndefined();
    expect(rows[10]!.notes).toBe('=HYPERLINK("http://example.invalid")');
  });
});

describe('import plan and duplicates', () => {
  const good = (row: number, name: string, idNumber: string, mobile?: string): RowResult => ({
    row,
    sheetRow: row + 1,
    notices: [],
    blank: false,
    data: { name, idNumber, ...(mobile ? { mobile } : {}) },
    errors: [],
    warnings: [],
  });
  const stored = profile('11111111-1111-4111-8111-111111111111', { name: '张三', idNumber: '370102199001011231', email: 'a@b.cn' }, { revision: 4 });
  const existing = new Map([['370102199001011231', stored]]);
  const rows = [good(1, '张三', '370102199001011231', '13805310000'), good(2, '李四', '37010219900101124X'), good(3, '李四', '37010219900101124X', '13900000000')];

  it('update (default): stored or repeated ID numbers update with non-empty values', () => {
    const plan = planImport(rows, existing, 'update');
    expect([plan.created, plan.updated, plan.skipped]).toEqual([1, 1, 0]);
    expect(plan.items[0]).toMatchObject({ kind: 'update', id: stored.id, expectedRevision: 4 });
    expect(plan.items[0]!.body.data).toEqual({ name: '张三', idNumber: '370102199001011231', email: 'a@b.cn', mobile: '13805310000' });
    expect(plan.items[1]!.body.data).toEqual({ name: '李四', idNumber: '37010219900101124X', mobile: '13900000000' });
  });

  it('skip and keep-both', () => {
    expect(planImport(rows, existing, 'skip')).toMatchObject({ created: 1, updated: 0, skipped: 2 });
    expect(planImport(rows, existing, 'keep-both')).toMatchObject({ created: 3, updated: 0, skipped: 0 });
  });
});

/** GB 11643 check character of 17 digits. */
function checkChar(body: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, d, i) => a + Number(d) * (w[i] ?? 0), 0);
  return '10X98765432'[sum % 11] ?? '';
}
/** 18-digit numbers as Excel leaves them (last three 0): one whose check digit happens to hold, one whose fails. */
function roundedIds(): { holds: string; fails: string } {
  const found: string[] = [];
  for (let day = 10; day <= 28; day++) {
    const body = `3701021990011${day}00`.slice(0, 15) + '00';
    found.push(body + '0');
  }
  const holds = found.find((id) => checkChar(id.slice(0, 17)) === '0');
  const fails = found.find((id) => checkChar(id.slice(0, 17)) !== '0');
  if (!holds || !fails) throw new Error('no such numbers in the range searched');
  return { holds, fails };
}

describe('an ID column Excel rounded to 15 digits (a CSV saved from numbers)', () => {
  const { holds, fails } = roundedIds();
  const csv = (...ids: string[]) => new TextEncoder().encode(`姓名,身份证号\r\n${ids.map((id, i) => `人${'甲乙丙丁'[i]},${id}`).join('\r\n')}\r\n`);

  it('refuses every number ending in 000 once the file shows the rounding — also the one whose check digit holds by chance', async () => {
    const rows = await importRows(csv('370102199001011231', fails, holds), 'roster.csv');
    expect(rows[0]!.errors).toEqual([]);
    for (const r of rows.slice(1)) {
      expect(r.errors.map((e) => e.code)).toEqual(['v.import.idPrecision']);
      expect(r.data.idNumber).toBeUndefined();
    }
    expect(said(rows[2]!).join()).toContain('末几位已丢失');
  });

  it('keeps a file’s only number when it ends in 000 and its check digit holds (real numbers end so too), with a warning to compare it', async () => {
    const [row] = await importRows(csv(holds), 'roster.csv');
    expect(row!.errors).toEqual([]);
    expect(row!.data.idNumber).toBe(holds);
    expect(said(row!).join()).toContain('请与身份证核对');
  });

  it('says nothing of a number ending in 000 among numbers that show no rounding (each rounded one fails its check 10 times in 11)', async () => {
    const rows = await importRows(csv('370102199001011231', holds, '37010219900101124X'), 'roster.csv');
    expect(rows.map((r) => [r.errors, r.warnings])).toEqual([[[], []], [[], []], [[], []]]);
    expect(rows[1]!.data.idNumber).toBe(holds);
  });
});

describe('rosters pasted together: Excel rounding is judged per block, each by its own ID column (seeded)', () => {
  /** 18-digit numbers as Excel leaves them: check digit holding (`holds`) or failing, over many birth dates. */
  const rounded = (holding: boolean) => {
    const out: string[] = [];
    for (let d = 0; out.length < 40 && d < 4000; d++) {
      const day = new Date(Date.UTC(1960, 0, 1) + d * 9 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
      const id = `370102${day}${d % 10}000`;
      if ((checkChar(id.slice(0, 17)) === '0') === holding) out.push(id);
    }
    return out;
  };
  const holding = rounded(true);
  const failing = rounded(false);
  const valid = (i: number) => {
    const body = `3701021985${String(1 + (i % 12)).padStart(2, '0')}${String(10 + (i % 18)).padStart(2, '0')}${String(100 + i).slice(-3)}`;
    return body + checkChar(body);
  };

  it('a block that shows rounding refuses its …000 numbers; a block that does not keeps them; wherever each block has its ID column', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const roundedBlock = pick(r, [0, 1]);
      const blocks = [0, 1].map((b) => {
        const ids = b === roundedBlock ? shuffle(r, [pick(r, failing), pick(r, holding), valid(seed * 7 + b)]) : shuffle(r, [pick(r, holding), valid(seed * 5 + b), valid(seed * 3 + b)]);
        const order = shuffle(r, ['姓名', '身份证号', '手机']);
        const cell = (h: string, id: string, i: number) => (h === '姓名' ? `人${'甲乙丙丁戊己'[b * 3 + i]}` : h === '身份证号' ? id : `1380531${String(seed * 10 + b * 3 + i).padStart(4, '0')}`);
        return { ids, lines: [order.join(','), ...ids.map((id, i) => order.map((h) => cell(h, id, i)).join(','))] };
      });
      const text = [...(blocks[0]?.lines ?? []), '', ...(blocks[1]?.lines ?? [])].join('\r\n');
      const rows = (await importRows(new TextEncoder().encode(text), `blocks${seed}.csv`)).filter((row) => !row.blank);
      const where = `seed ${seed}, rounded block ${roundedBlock + 1}`;
      expect(rows.map((row) => row.shown?.idNumber), where).toEqual(blocks.flatMap((b) => b.ids));
      rows.forEach((row, i) => {
        const inRounded = Math.floor(i / 3) === roundedBlock;
        const id = row.shown?.idNumber ?? '';
        const refused = inRounded && id.endsWith('000');
        expect(row.errors.map((e) => e.code), `${where} ${id}`).toEqual(refused ? ['v.import.idPrecision'] : []);
        expect(row.data.idNumber, `${where} ${id}`).toBe(refused ? undefined : id);
        expect(row.warnings, `${where} ${id}`).toEqual([]);
      });
    }
  });
});

describe('export', () => {
  const p = profile('22222222-2222-4222-8222-222222222222', { name: '张三', idNumber: '370102199001011231', retired: true }, { notes: '=cmd|x' });

  it('CSV: UTF-8 with BOM, Chinese headers, formulas defused, and it reads back the same', async () => {
    const csv = toCsv([p]);
    expect(csv.startsWith('\uFEFF姓名,身份证号,性别')).toBe(true);
    expect(csv).toContain("'=cmd|x");
    const [row] = await importRows(new TextEncoder().encode(csv), 'export.csv');
    expect(row!.data).toEqual(p.data);
    expect(row!.notes).toBe('=cmd|x');
  });

  it('CSV: long digit strings and leading zeros stay text when Excel opens the file, and read back the same', async () => {
    const q = profile('33333333-3333-4333-8333-333333333333', { name: '李四', idNumber: '370102199001011231', postcode: '050000', mobile: '13805310000' });
    const csv = toCsv([q]);
    // Excel would show 3.70102E+17 and keep 15 digits; ="…" is shown and kept as the text.
    expect(csv).toContain('"=""370102199001011231"""');
    expect(csv).toContain('"=""050000"""');
    // 11 digits fit Excel's General format: left as they are.
    expect(csv).toContain(',13805310000');
    const [row] = await importRows(new TextEncoder().encode(csv), 'export.csv');
    expect(row!.data).toEqual(q.data);
  });

  it('XLSX reads back the same', async () => {
    const [row] = await importRows(toXlsx([p]), 'export.xlsx');
    expect(row!.data).toEqual(p.data);
    expect(row!.notes).toBe('=cmd|x');
  });

  it('backup: versioned, validated, and a future version refused', () => {
    const text = toBackup([p], NOW);
    expect(parseBackup(text, 'b.json').profiles).toEqual([p]);
    const future = JSON.stringify({ ...JSON.parse(text), version: BACKUP_VERSION + 1 });
    expect(() => parseBackup(future, 'b.json')).toThrow(expect.objectContaining({ code: 'backup.tooNew', params: expect.objectContaining({ version: String(BACKUP_VERSION + 1) }) }));
    const broken = JSON.stringify({ ...JSON.parse(text), profiles: [{ ...p, id: 'not-a-uuid' }] });
    expect(() => parseBackup(broken, 'b.json')).toThrow(expect.objectContaining({ code: 'backup.invalid', params: expect.objectContaining({ where: 'profiles[0].id' }) }));
  });
});
