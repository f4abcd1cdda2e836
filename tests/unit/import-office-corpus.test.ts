import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { headerKey } from '../../src/profiles/io/mapping';
import { autoMapTable, findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type RowResult, validateTable } from '../../src/profiles/io/rows';
import { planImport } from '../../src/profiles/io/plan';
import { checkCharacter } from '../../src/validate/id-number';
import { encodeGbk } from '../helpers/gbk';
import { rng, pick, type Rand, shuffle } from '../helpers/rng';
import { buildXlsx, colName, type TestCell } from '../helpers/xlsx-builder';

/**
 * A second seeded corpus of office rosters: the habits the first corpus (import-corpus.test.ts: title rows, header
 * synonyms, hidden stale columns, merged company blocks, padded names, ID and phone writings, typed dates, UTF-8/GBK
 * CSV with , ; tab) does not make, found by a third fresh-eyes review of clerks' files:
 * - headers with notes in any bracket (【必填】姓名, 身份证号[18位], 手机号码（11位）), a format or the English name
 *   after them (出生日期 yyyy-mm-dd, 姓名 Name), a line break typed inside them (身份证↵号码);
 * - a column of another value beside the one in use, named by a note (手机（旧）, 联系电话【备用】, 身份证号(old),
 *   手机（紧急联系人）), left or right of it — it must never be imported;
 * - two rosters pasted one under the other, the second with its own title and header in another column order;
 * - a header of two rows (劳动合同 over 开始日期 | 截止日期);
 * - Excel's "Unicode text" (UTF-16 LE with BOM, tab-separated) and UTF-16 BE exports, a `sep=;` line in front;
 * - minority names with the separator typed as . 。 - • ・ ．, zero-width characters pasted into ID numbers,
 *   phones written (+86)…, 0086-…, (0531)8888 6666, 0531-88886666转123;
 * - a cell starting with its own column's name (手机：138…, 身份证号：370…), date-times at midnight (…T00:00:00);
 * - dates whose year is not first (3/4/27): never read as a date, said so.
 * Every applicant must come out with exactly its values at the row Excel shows, and nothing else said than the
 * notices these habits call for. A small corpus runs everywhere; the large one in Asia/Shanghai only (testing.md).
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';
const FILES = process.env.TZ === 'Asia/Shanghai' ? 150 : 12;

const chance = (r: Rand, p: number) => r() < p;

type Field = 'name' | 'idNumber' | 'mobile' | 'phone' | 'contractStart' | 'contractEnd' | 'graduationDate';
type Person = Record<Field, string> & { ambiguousEnd: boolean };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军'];
const MINORITY = ['买买提', '艾力', '阿依古丽', '古丽米拉', '吐尔逊', '热依拉', '阿不都'];
const NAME_SEPARATORS = ['·', '.', '。', '-', '•', '・', '．'];

const pad2 = (n: number) => String(n).padStart(2, '0');
function idFor(r: Rand, i: number, year: number): string {
  const first17 = `370102${year}${pad2(1 + Math.floor(r() * 12))}${pad2(1 + Math.floor(r() * 28))}${String(100 + i).slice(-3)}`;
  return first17 + checkCharacter(first17);
}
const mobileFor = (r: Rand) => `13${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
const dayIn = (r: Rand, y: number) => `${y}-${pad2(1 + Math.floor(r() * 12))}-${pad2(1 + Math.floor(r() * 28))}`;

function person(r: Rand, i: number): Person {
  const minority = chance(r, 0.25);
  const born = 1960 + Math.floor(r() * 40);
  const start = 2018 + Math.floor(r() * 7);
  const ext = chance(r, 0.3) ? `-${100 + Math.floor(r() * 800)}` : '';
  return {
    name: minority ? `${pick(r, MINORITY)}·${pick(r, MINORITY)}` : pick(r, SURNAMES) + pick(r, GIVEN) + (chance(r, 0.5) ? pick(r, GIVEN) : ''),
    idNumber: idFor(r, i, born),
    mobile: mobileFor(r),
    phone: `0531-8${String(Math.floor(r() * 1e7)).padStart(7, '0')}${ext}`,
    contractStart: dayIn(r, start),
    contractEnd: dayIn(r, start + 3 + Math.floor(r() * 3)),
    graduationDate: `${born + 20 + Math.floor(r() * 5)}-${pad2(1 + Math.floor(r() * 12))}`,
    ambiguousEnd: false,
  };
}

const NAMES: Record<Field, readonly string[]> = {
  name: ['姓名', '人员姓名'],
  idNumber: ['身份证号', '身份证号码', '证件号码'],
  mobile: ['手机', '手机号码'],
  phone: ['联系电话', '固定电话', '办公电话'],
  contractStart: ['劳动合同开始日期', '合同开始日期'],
  contractEnd: ['劳动合同截止日期', '合同截止日期'],
  graduationDate: ['毕业时间', '毕业年月'],
};
const ENGLISH: Record<Field, readonly string[]> = {
  name: ['Name'],
  idNumber: ['ID No.', 'ID number'],
  mobile: ['Mobile', 'Mobile phone'],
  phone: ['Tel', 'Telephone'],
  contractStart: ['Contract start'],
  contractEnd: ['Contract end'],
  graduationDate: ['Graduation'],
};
const DATE_FORMATS = ['yyyy-mm-dd', 'YYYY.MM.DD', 'yyyy/m/d'];

/** A header as clerks decorate it: notes in brackets, a format or the English name after it, a line break inside. */
function headerFor(r: Rand, field: Field): string {
  const name = pick(r, NAMES[field]);
  const forms = [name, `【必填】${name}`, `${name}【必填】`, `${name}[必填]`, `${name}（必填）`, `*${name}`, `${name}\n（必填）`, `${name} ${pick(r, ENGLISH[field])}`, `${name}\n${pick(r, ENGLISH[field])}`];
  if (field === 'idNumber') forms.push(`${name}[18位]`, `${name}（18位，X大写）`, name === '身份证号码' ? '身份证\n号码' : `${name}〔18位〕`);
  if (field === 'mobile') forms.push(`${name}（11位）`, `${name}11位`);
  if (field.startsWith('contract')) forms.push(`${name}(${pick(r, DATE_FORMATS)})`, `${name} ${pick(r, DATE_FORMATS)}`, `${name}\n格式：${pick(r, DATE_FORMATS)}`);
  if (field === 'graduationDate') forms.push(`${name}（年月）`, `${name}(yyyy-mm)`);
  return pick(r, forms);
}

/** The header of a column of another value of the field: an old, spare or someone else's. */
const decoyHeader = (r: Rand, field: Field) =>
  pick(r, [`${pick(r, NAMES[field])}（旧）`, `${pick(r, NAMES[field])}(old)`, `${pick(r, NAMES[field])}（2）`, `${pick(r, NAMES[field])}\n（简称）`, `${pick(r, NAMES[field])}【备用】`, `${pick(r, NAMES[field])}（原）`, `${pick(r, NAMES[field])}-旧`, `${pick(r, NAMES[field])}（紧急联系人）`, `联系人${pick(r, NAMES[field])}`, `经办人${pick(r, NAMES[field])}`]);
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + Number(c)));

/** How one value is written. `plain`: the file cannot carry characters outside GBK. */
function written(r: Rand, field: Field, p: Person, plain: boolean): string {
  const v = p[field];
  switch (field) {
    case 'name': {
      const [a = '', b] = v.split('·');
      return b === undefined ? v : `${a}${pick(r, plain ? ['·', '.', '。', '-', '．'] : NAME_SEPARATORS)}${b}`;
    }
    case 'idNumber': {
      const at = 1 + Math.floor(r() * 16);
      const forms = [v, v.toLowerCase(), `${v.slice(0, 6)}-${v.slice(6, 14)}-${v.slice(14)}`, `身份证号：${v}`];
      if (!plain) forms.push(`\u00a0${v}\u00a0`, `${v.slice(0, at)}\u200b${v.slice(at)}`, `\ufeff${v}`, `${v}\u200c`, `${v.slice(0, at)}\u2060${v.slice(at)}`);
      return pick(r, forms);
    }
    case 'mobile':
      return pick(r, [v, `(+86)${v}`, `0086-${v}`, `手机:${v}`, `86 ${v.slice(0, 3)} ${v.slice(3, 7)} ${v.slice(7)}`, `${v.slice(0, 3)}-${v.slice(3, 7)}-${v.slice(7)}`, fullWidth(v)]);
    case 'phone': {
      const [area = '', num = '', ext] = v.split('-');
      const tail = ext ? pick(r, [`转${ext}`, `-${ext}`]) : '';
      return pick(r, [`${area}-${num}${tail}`, `(${area})${num}${tail}`, `（${area}）${num}${tail}`, `${area} ${num.slice(0, 4)} ${num.slice(4)}${tail}`]);
    }
    case 'contractStart':
    case 'contractEnd': {
      const [y = 0, m = 0, d = 0] = v.split('-').map(Number);
      if (field === 'contractEnd' && p.ambiguousEnd) return `${m}/${d}/${String(y).slice(2)}`;
      return pick(r, [v, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, `${y}/${m}/${d}`, v.replace(/-/g, ''), `${v}T00:00:00`, `${y}/${m}/${d} 0:00:00`]);
    }
    case 'graduationDate': {
      const [y, m] = v.split('-');
      return pick(r, [v, `${y}年${Number(m)}月`, `${y}${m}`, `${y}/${Number(m)}`]);
    }
  }
}

type Column = { field: Field; decoy?: true };

interface Made {
  bytes: Uint8Array;
  name: string;
  people: Person[];
  /** The sheet row of each person. */
  rowOf: number[];
  /** The first block's columns (the table's), decoys included. */
  columns: Column[];
}

/** One file kind per roster: XLSX, or text in one of the encodings and separators offices export. */
const KINDS = ['xlsx', 'utf-8', 'utf-8-sep', 'gbk', 'utf-16le', 'utf-16be'] as const;
type Kind = (typeof KINDS)[number];

function encode(text: string, kind: Kind): Uint8Array {
  if (kind === 'gbk') return encodeGbk(text);
  if (kind === 'utf-16le' || kind === 'utf-16be') {
    const out = new Uint8Array(2 + text.length * 2);
    const le = kind === 'utf-16le';
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + 2 * i] = le ? c & 0xff : c >> 8;
      out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
    }
    return out;
  }
  return new TextEncoder().encode(text);
}

function roster(seed: number): Made {
  const r = rng(seed);
  const kind = pick(r, KINDS);
  const plain = kind === 'gbk';
  const people = Array.from({ length: 3 + Math.floor(r() * 9) }, (_, i) => person(r, i));
  const optional: Field[] = ['mobile', 'phone', 'contractStart', 'contractEnd', 'graduationDate'];
  const fields: Field[] = ['name', 'idNumber', ...optional.filter(() => chance(r, 0.75))];
  const hasEnd = fields.includes('contractEnd');
  for (const p of people) p.ambiguousEnd = hasEnd && chance(r, 0.1);
  const columns: Column[] = shuffle(r, fields).map((field) => ({ field }));
  // A column of another value beside one in use, anywhere in the row.
  const decoyOf = pick(r, fields.filter((f) => f !== 'name'));
  if (chance(r, 0.5)) columns.splice(Math.floor(r() * (columns.length + 1)), 0, { field: decoyOf, decoy: true });
  // Two rosters pasted together: the second block has its own header, its columns in another order.
  const split = people.length >= 4 && chance(r, 0.35) ? 2 + Math.floor(r() * (people.length - 3)) : people.length;
  const second = shuffle(r, columns);
  // A header of two rows: 劳动合同 over 开始日期 | 截止日期, when the two are side by side (first block only).
  const s = columns.findIndex((c) => c.field === 'contractStart' && !c.decoy);
  const grouped = s >= 0 && columns[s + 1]?.field === 'contractEnd' && !columns[s + 1]?.decoy && chance(r, 0.6);

  const rows: string[][] = [];
  const merges: string[] = [];
  if (chance(r, 0.5)) rows.push([pick(r, ['二级建造师注册人员花名册', '济南某某建设集团有限公司人员名单'])]);
  const cellOf = (c: Column, p: Person, i: number) => (c.decoy ? written(r, c.field, { ...person(r, 700 + i), ambiguousEnd: false }, plain) : written(r, c.field, p, plain));
  const headerOf = (c: Column) => (c.decoy ? decoyHeader(r, c.field) : headerFor(r, c.field));
  if (grouped) {
    const top = columns.map((c, k) => (k === s ? '劳动合同' : k === s + 1 ? '' : headerOf(c)));
    rows.push(top, columns.map((_, k) => (k === s ? '开始日期' : k === s + 1 ? '截止日期' : '')));
    const at = rows.length - 1;
    merges.push(`${colName(s)}${at}:${colName(s + 1)}${at}`);
    columns.forEach((_, k) => (k === s || k === s + 1 ? undefined : merges.push(`${colName(k)}${at}:${colName(k)}${at + 1}`)));
  } else rows.push(columns.map(headerOf));
  const rowOf: number[] = [];
  people.forEach((p, i) => {
    if (i === split) {
      for (let b = Math.floor(r() * 3); b > 0; b--) rows.push([]);
      if (chance(r, 0.5)) rows.push([pick(r, ['第二批', '二、分公司人员', '（续表）'])]);
      rows.push(second.map(headerOf));
    }
    const order = i < split ? columns : second;
    rows.push(order.map((c) => cellOf(c, p, i)));
    rowOf.push(rows.length);
  });
  const name = `名单${seed}`;
  if (kind === 'xlsx') {
    // A merged range holds its text in its top-left cell only, as Excel saves it (the reader fills the range).
    const cells: TestCell[][] = rows.map((row) => row.map((c) => c || null));
    return { bytes: buildXlsx({ rows: cells, merges: grouped ? merges : [] }), name: `${name}.xlsx`, people, rowOf, columns };
  }
  const sep = kind.startsWith('utf-16') ? '\t' : pick(r, [',', ';', '\t']);
  const quote = (v: string) => (/["\n\r]/.test(v) || v.includes(sep) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = rows.map((row) => row.map(quote).join(sep));
  // Excel's hint for the separator, written by some exports (it is line 1: every sheet row moves down one).
  const sepLine = kind === 'utf-8-sep';
  const text = (sepLine ? [`sep=${sep}`, ...lines] : lines).join(pick(r, ['\r\n', '\n']));
  return { bytes: encode(text, kind), name: `${name}.${kind.startsWith('utf-16') ? 'txt' : 'csv'}`, people, rowOf: sepLine ? rowOf.map((n) => n + 1) : rowOf, columns };
}

/** What a row of the corpus may say: the habits' notices, and the refusal of a date whose year is not first. */
const ALLOWED_NOTICES = new Set(['import.nameDot', 'import.cell.invisible', 'import.cell.ownLabel']);
const FOOTER_NOTICES = new Set(['import.headerAgain', 'import.sectionTitle']);

async function importMade(made: Made) {
  const read = readImportFile(made.bytes, made.name);
  const table = tableAt(read, findHeaderRow(read.grid));
  const mapping = autoMapTable(table);
  const rows = await validateTable(table, { mapping, now: NOW, today: TODAY, date1904: read.date1904 });
  return { read, table, mapping, rows };
}

const expected = (p: Person, fields: ReadonlySet<Field>) =>
  Object.fromEntries(
    (Object.keys(NAMES) as Field[]).filter((f) => fields.has(f) && !(f === 'contractEnd' && p.ambiguousEnd)).map((f) => [f, p[f]]),
  );

describe(`a second seeded corpus of ${FILES} office rosters (habits the first corpus does not make)`, () => {
  it('every applicant comes out with exactly its values at the row Excel shows; a column of an old or spare value is never read', { timeout: 120_000 }, async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= FILES; seed++) {
      const made = roster(seed);
      const where = `${made.name} (seed ${seed})`;
      const { mapping, rows, table } = await importMade(made);
      const fields = new Set(made.columns.filter((c) => !c.decoy).map((c) => c.field));
      made.columns.forEach((c, k) => expect(mapping[k], `${where}: column ${k + 1} 「${table.headers[k]}」 (${c.field}${c.decoy ? ', decoy' : ''})`).toBe(c.decoy ? null : c.field));
      const people = rows.filter((row) => !row.blank);
      expect(people.map((row) => row.sheetRow), where).toEqual(made.rowOf);
      people.forEach((row, i) => {
        const p = made.people[i];
        if (!p) throw new Error(`${where}: more rows than applicants`);
        const at = `${where} row ${row.sheetRow}`;
        expect(row.data, at).toEqual(expected(p, fields));
        expect(row.errors, at).toEqual([]);
        expect(row.warnings.map((w) => w.code), at).toEqual(p.ambiguousEnd ? ['import.date.yearNotFirst'] : []);
        for (const n of row.notices) expect(ALLOWED_NOTICES.has(n.code), `${at}: ${n.code}`).toBe(true);
        row.notices.forEach((n) => seen.add(n.code));
      });
      // Rows that are not applicants (a header again, its title) are shown as such, never rejected.
      for (const row of rows.filter((x) => x.blank && x.notices.length)) {
        for (const n of row.notices) expect(FOOTER_NOTICES.has(n.code), `${where} row ${row.sheetRow}: ${n.code}`).toBe(true);
        row.notices.forEach((n) => seen.add(n.code));
      }
      const plan = planImport(rows, new Map(), 'update');
      expect([plan.created, plan.rejected.length], where).toEqual([made.people.length, 0]);
    }
    // The corpus really makes the habits it is about (a generator change cannot quietly drop one).
    if (FILES >= 100) expect([...seen].sort()).toEqual([...ALLOWED_NOTICES, ...FOOTER_NOTICES].sort());
  });
});

describe('the habits one by one, with what the clerk reads', () => {
  const a = '11010519491231002X';
  const run = async (text: string, kind: Kind = 'utf-8') => importMade({ bytes: encode(text, kind), name: 'x.csv', people: [], rowOf: [], columns: [] });
  const said = (r: RowResult | undefined) => [...(r?.errors ?? []), ...(r?.warnings ?? []), ...(r?.notices ?? [])].map((i) => t(i.code, i.params));

  it('a roster pasted under another with its columns in another order: each block is read by its own header', async () => {
    const { rows } = await run(`姓名,身份证号,合同开始日期,合同截止日期\n张三,${a},2020-01-01,2025-01-01\n\n第二批\n身份证号,姓名,合同截止日期,合同开始日期\n${a},李四,2027-01-01,2021-02-02\n`);
    expect(rows.map((r) => [r.sheetRow, r.data.name, r.data.contractStart, r.data.contractEnd])).toEqual([
      [2, '张三', '2020-01-01', '2025-01-01'],
      [3, undefined, undefined, undefined],
      [4, undefined, undefined, undefined],
      [5, undefined, undefined, undefined],
      [6, '李四', '2021-02-02', '2027-01-01'],
    ]);
    expect(said(rows[2])).toEqual(['「第二批」是下面又一行表头上方的标题，不是申请人，未导入。']);
    expect(said(rows[3])[0]).toContain('又是一行表头');
    expect(rows.every((r) => !r.errors.length)).toBe(true);
  });

  it('under a header again, a column whose name is not known is not read, rather than read as the column above it', async () => {
    const { rows } = await run(`姓名,身份证号,手机\n张三,${a},13805311234\n姓名,身份证号,紧急联系人电话\n李四,${a},13905311234\n`);
    expect(rows.map((r) => r.data.mobile)).toEqual(['13805311234', undefined, undefined]);
  });

  it('a column of an old or someone else’s value is left for the clerk to map, even when it is the only one', async () => {
    for (const header of ['手机（旧）', '手机(old)', '备用手机', '手机【备用】', '手机（紧急联系人）', '手机-旧', '手机2', '姓名（拼音）']) {
      const { mapping } = await run(`姓名,身份证号,${header}\n张三,${a},13805311234\n`);
      expect(mapping, header).toEqual(['name', 'idNumber', null]);
    }
  });

  it('a note that may make the column another value leaves it unmapped; plain notes leave it the field', () => {
    for (const header of ['出生日期（农历）', '身份证\n有效期', '单位\n性质', '电话（区号）', '手机（2）', '单位名称（简称）', '姓名(English)', '身份证号（旧）', '姓名（身份证）', '手机（邮箱）']) expect(headerKey(header), header).toBeUndefined();
    const plain: Array<[string, string]> = [
      ['身份证号码（18位，X大写）', 'idNumber'],
      ['出生日期(yyyy-mm-dd)', 'birthDate'],
      ['毕业时间（年月）', 'graduationDate'],
      ['社保缴纳月数（月）', 'socialInsuranceMonths'],
      ['单位名称（全称）', 'employerName'],
      ['工作单位（现）', 'employerName'],
      ['身份证号(以身份证为准)', 'idNumber'],
      ['手机号码 Mobile phone', 'mobile'],
      ['身份证\n号码', 'idNumber'],
    ];
    for (const [header, key] of plain) expect(headerKey(header), header).toBe(key);
  });

  it('another person’s columns — under a group such as 紧急联系人 or 家属信息, or headed by a role — are not the applicant’s', async () => {
    const grouped = await run(`序号,紧急联系人,,姓名,身份证号,手机\n,姓名,手机,,,\n1,李四,13900000000,张三,${a},13805311234\n`);
    expect(grouped.rows[0]?.data).toEqual({ name: '张三', idNumber: a, mobile: '13805311234' });
    const family = await run(`姓名,身份证号,家属信息,\n,,姓名,手机\n张三,${a},李四,13900000000\n`);
    expect(family.rows[0]?.data).toEqual({ name: '张三', idNumber: a });
    const roles = await run(`姓名,身份证号,联系人,联系人手机,经办人电话\n张三,${a},王五,13700000000,0531-88886666\n`);
    expect(roles.rows[0]?.data).toEqual({ name: '张三', idNumber: a });
    // A portal's own export, where the 联系人 is the applicant (no other name column): read as before.
    const portal = await run(`联系人姓名,联系人身份证号,联系人手机\n张三,${a},13805311234\n`);
    expect(portal.rows[0]?.data).toEqual({ name: '张三', idNumber: a, mobile: '13805311234' });
  });

  it('a note naming the field says what the column holds; other notes and English names are only notes', async () => {
    const { mapping } = await run(`【必填】姓名,身份证号码 ID No.,联系电话（手机）,劳动合同开始日期 yyyy-mm-dd,毕业时间(年月),"手机号码\n（11位）"\n张三,${a},13805311234,2020-01-01,2005-07,13805311234\n`);
    expect(mapping).toEqual(['name', 'idNumber', 'mobile', 'contractStart', 'graduationDate', null]);
  });

  it('dates whose year is not first are not read, and the clerk is told why in both languages', async () => {
    const { rows } = await run(`姓名,身份证号,合同开始日期,合同截止日期,毕业时间\n张三,${a},3/4/25,25/3/2028,6/2005\n`);
    expect(rows[0]?.data).toEqual({ name: '张三', idNumber: a });
    expect(rows[0]?.warnings.map((w) => w.code)).toEqual(['import.date.yearNotFirst', 'import.date.yearNotFirst', 'import.date.yearNotFirst']);
    expect(t('import.date.yearNotFirst', { text: '3/4/25' }, 'zh')).toContain('3/4/25');
    expect(t('import.date.yearNotFirst', { text: '3/4/25' }, 'en')).toContain('year first');
  });

  it('a separator typed into a minority name reads as ·; elsewhere the name is refused as before', async () => {
    const { rows } = await run(`姓名,身份证号\n阿依古丽.买买提,${a}\n买买提-艾力,${a}\n张三.,${a}\n`);
    expect(rows.map((r) => r.data.name ?? r.errors[0]?.code)).toEqual(['阿依古丽·买买提', '买买提·艾力', 'v.name.chars']);
    expect(said(rows[0])).toEqual([`姓名「阿依古丽.买买提」中的分隔符按少数民族姓名的间隔号「·」读作「阿依古丽·买买提」（身份证上印的是「·」）。`]);
  });

  it('a cell starting with its own column’s name is read without it; another field’s name is left as written', async () => {
    const { rows } = await run(`姓名,身份证号,手机,备注\n张三,身份证：${a},手机：13805311234,备注：自己填\n李四,${a},电话：0531-88886666,\n`);
    expect(rows.map((r) => [r.data.idNumber, r.data.mobile, r.notes])).toEqual([
      [a, '13805311234', '备注：自己填'],
      // Another field's name is left as written; the number is a landline, which the mobile cannot take: not imported, said so.
      [a, undefined, undefined],
    ]);
    expect(said(rows[0])).toContain('「手机：13805311234」开头的「手机」只是重复了列名，已去掉，按后面的内容导入。');
    expect(rows[1]?.warnings.map((w) => [w.code, w.params?.value])).toEqual([['import.cell.landlineInMobile', '0531-88886666']]);
  });

  it('a date-time at midnight is its date; another time of day is not read', async () => {
    const { rows } = await run(`姓名,身份证号,合同开始日期,合同截止日期\n张三,${a},2020-01-01T00:00:00,2026-01-01T08:00:00\n`);
    expect([rows[0]?.data.contractStart, rows[0]?.data.contractEnd]).toEqual(['2020-01-01', undefined]);
  });

  it('zero-width characters pasted into an ID number are taken out, and said', async () => {
    const { rows } = await run(`姓名,身份证号\n张三,${a.slice(0, 6)}\u200b${a.slice(6)}\n`);
    expect(rows[0]?.data.idNumber).toBe(a);
    expect(said(rows[0])).toEqual(['单元格里有 1 个看不见的字符（零宽空格等，多见于从网页或聊天软件复制的内容），已去掉。']);
  });
});
