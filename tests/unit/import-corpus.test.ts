import { describe, expect, it } from 'vitest';
import { findHeaderRow, autoMapTable, readImportFile, tableAt } from '../../src/profiles/io/read';
import { validateTable } from '../../src/profiles/io/rows';
import { planImport } from '../../src/profiles/io/plan';
import { checkCharacter } from '../../src/validate/id-number';
import { encodeGbk } from '../helpers/gbk';
import { rng } from '../helpers/rng';
import { buildXlsx, colName, type TestCell } from '../helpers/xlsx-builder';

/**
 * A seeded corpus of rosters as offices make them (the habits of a fresh-eyes review): title rows, header synonyms
 * in any order, extra columns, a stale ID column kept hidden, hidden and blank rows, company blocks merged down,
 * names padded with spaces, ID numbers with a lower-case x, spaces or full-width digits, phones with +86, dashes,
 * spaces, as numbers or ="…", the apostrophe text mark, dates typed every usual way or as date cells, in XLSX and in
 * CSV (UTF-8, with BOM, GBK; comma, semicolon, tab). Every habit here is readable, so every applicant must come
 * out with exactly the values it was made from, at the row Excel shows: a wrong value is the worst outcome, a
 * value lost the next. A small corpus runs everywhere; the large one in Asia/Shanghai only (testing.md).
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';
const FILES = process.env.TZ === 'Asia/Shanghai' ? 160 : 12;

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] ?? (list[0] as T); // non-empty lists only
const chance = (r: Rand, p: number) => r() < p;

interface Person {
  name: string;
  idNumber: string;
  mobile: string;
  contractStart: string;
  contractEnd: string;
  graduationDate: string;
  employerName: string;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰'];
const EMPLOYERS = ['济南建工集团有限公司', '山东某某建设有限公司', '历城区市政工程公司'];

function person(r: Rand, i: number): Person {
  const y = 1965 + Math.floor(r() * 35);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const first17 = `370102${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(100 + i).slice(-3)}`;
  const startY = 2018 + Math.floor(r() * 8);
  const date = (yy: number) => `${yy}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const given = Array.from({ length: chance(r, 0.6) ? 1 : 2 }, () => pick(r, GIVEN)).join('');
  return {
    name: pick(r, SURNAMES) + given,
    idNumber: first17 + checkCharacter(first17),
    mobile: `13${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
    contractStart: date(startY),
    contractEnd: date(startY + 3 + Math.floor(r() * 3)),
    graduationDate: `${y + 22}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`,
    employerName: '',
  };
}

/** Excel's serial of a yyyy-MM-dd date (1900 system; every date here is after 1900-03-01). */
const serialOf = (iso: string) => Math.round((Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(1899, 11, 30)) / 86_400_000);
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + Number(c)));

type Field = 'name' | 'idNumber' | 'mobile' | 'contractStart' | 'contractEnd' | 'graduationDate' | 'employerName';
const HEADERS: Record<Field, readonly string[]> = {
  name: ['姓名', '申请人', '名字', '*姓名'],
  idNumber: ['身份证号', '身份证号码', '证件号码', '公民身份号码', '身份证号（必填）'],
  mobile: ['手机', '手机号', '手机号码', '移动电话'],
  contractStart: ['劳动合同开始日期', '合同开始日期'],
  contractEnd: ['劳动合同截止日期', '合同截止日期'],
  graduationDate: ['毕业时间', '毕业日期'],
  employerName: ['工作单位', '单位名称', '聘用单位'],
};
const EXTRA = ['序号', '籍贯', '职称', '备用'];

/** How one value is written, for a file kind: text, or (XLSX) a typed cell. */
function written(r: Rand, field: Field, value: string, xlsx: boolean): TestCell {
  switch (field) {
    case 'name':
      return value.length === 2 && chance(r, 0.4) ? `${value[0]}${pick(r, ['\u3000', ' ', '  '])}${value[1]}` : value;
    case 'idNumber': {
      const forms = [value, value.toLowerCase(), `${value.slice(0, 6)} ${value.slice(6, 14)} ${value.slice(14)}`, fullWidth(value)];
      return pick(r, xlsx ? forms : [...forms, `="${value}"`, `'${value}`]);
    }
    case 'mobile': {
      const forms = [value, `+86 ${value}`, `${value.slice(0, 3)}-${value.slice(3, 7)}-${value.slice(7)}`, `${value.slice(0, 3)} ${value.slice(3, 7)} ${value.slice(7)}`, fullWidth(value)];
      if (xlsx) return chance(r, 0.3) ? { n: Number(value) } : pick(r, forms);
      return pick(r, [...forms, `="${value}"`, `'${value}`]);
    }
    case 'contractStart':
    case 'contractEnd': {
      const [y, m, d] = value.split('-').map(Number);
      const forms = [value, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, `${y}年${m}月${d}号`, `${y}/${m}/${d}`, value.replace(/-/g, ''), fullWidth(`${y}.${m}.${d}`)];
      return xlsx && chance(r, 0.3) ? { n: serialOf(value), fmt: 'date' } : pick(r, forms);
    }
    case 'graduationDate': {
      const [y, m] = value.split('-');
      return pick(r, [value, `${y}年${Number(m)}月`, `${y}${m}`, `${y}/${Number(m)}`]);
    }
    default:
      return value;
  }
}

interface Made {
  bytes: Uint8Array;
  name: string;
  people: Person[];
  /** The sheet row of each person, and whether Excel hides it. */
  rowOf: number[];
  hidden: Set<number>;
}

function roster(seed: number): Made {
  const r = rng(seed);
  const xlsx = chance(r, 0.5);
  const people = Array.from({ length: 3 + Math.floor(r() * 10) }, (_, i) => person(r, i));
  const fields = (Object.keys(HEADERS) as Field[]).filter((f) => f === 'name' || f === 'idNumber' || chance(r, 0.8));
  const columns: Array<Field | 'extra' | 'stale'> = [...fields, ...EXTRA.filter(() => chance(r, 0.3)).map(() => 'extra' as const)];
  if (xlsx && chance(r, 0.4)) columns.push('stale');
  for (let i = columns.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [columns[i], columns[j]] = [columns[j] ?? 'extra', columns[i] ?? 'extra'];
  }
  const staleHeader = pick(r, HEADERS.idNumber);
  const used = new Set<string>([staleHeader]);
  const header = columns.map((c, k) => {
    if (c === 'extra') return `${pick(r, EXTRA)}${k}`;
    if (c === 'stale') return staleHeader;
    const h = pick(r, HEADERS[c].filter((x) => !used.has(x)));
    used.add(h);
    return h;
  });
  const rows: TestCell[][] = [];
  const merges: string[] = [];
  for (let t = Math.floor(r() * 3); t > 0; t--) {
    rows.push([pick(r, ['济南某某建设集团二级建造师花名册', '2026年第四批注册人员名单', '（内部资料）'])]);
    if (xlsx) merges.push(`A${rows.length}:${colName(columns.length - 1)}${rows.length}`);
  }
  rows.push(header);
  const rowOf: number[] = [];
  const hidden = new Set<number>();
  let block = 0;
  people.forEach((p, i) => {
    if (chance(r, 0.15)) rows.push([]);
    if (i === 0 || chance(r, 0.3)) block = rows.length + 1;
    p.employerName = block === rows.length + 1 ? pick(r, EMPLOYERS) : (people[i - 1]?.employerName ?? '');
    const row = columns.map((c): TestCell => {
      if (c === 'extra') return chance(r, 0.5) ? `备注${i}` : null;
      if (c === 'stale') return person(r, 500 + i).idNumber;
      // A company block merged down (XLSX) leaves the cells under its first one empty.
      if (c === 'employerName' && xlsx && block !== rows.length + 1) return null;
      return written(r, c, p[c], xlsx);
    });
    rows.push(row);
    rowOf.push(rows.length);
    if (xlsx && chance(r, 0.1)) hidden.add(rows.length);
  });
  if (xlsx) {
    const col = columns.indexOf('employerName');
    if (col >= 0) {
      // One merge per run of the same employer block.
      let start = rowOf[0] ?? 0;
      for (let i = 1; i <= people.length; i++) {
        const same = i < people.length && people[i]?.employerName === people[i - 1]?.employerName && rows[(rowOf[i] ?? 1) - 1]?.[col] === null;
        if (!same) {
          const end = rowOf[i - 1] ?? start;
          if (end > start) merges.push(`${colName(col)}${start}:${colName(col)}${end}`);
          start = rowOf[i] ?? 0;
        }
      }
    }
    const stale = columns.indexOf('stale');
    return { bytes: buildXlsx({ rows, merges, hiddenRows: [...hidden], hiddenColumns: stale >= 0 ? [stale] : [] }), name: `花名册${seed}.xlsx`, people, rowOf, hidden };
  }
  // CSV keeps no merges: the company is written on every row.
  const sep = pick(r, [',', ';', '\t']);
  const cell = (c: TestCell, k: number, rowIndex: number): string => {
    const text = typeof c === 'string' ? c : '';
    const filled = columns[k] === 'employerName' && text === '' && rowOf.includes(rowIndex + 1) ? (people[rowOf.indexOf(rowIndex + 1)]?.employerName ?? '') : text;
    return /["\n]/.test(filled) || filled.includes(sep) ? `"${filled.replace(/"/g, '""')}"` : filled;
  };
  const text = rows.map((row, i) => row.map((c, k) => cell(c, k, i)).join(sep)).join(pick(r, ['\r\n', '\n']));
  const encoding = pick(r, ['utf-8', 'utf-8-bom', 'gbk']);
  const bytes = encoding === 'gbk' ? encodeGbk(text) : new TextEncoder().encode(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text);
  return { bytes, name: `花名册${seed}.csv`, people, rowOf, hidden };
}

describe(`a seeded corpus of ${FILES} office rosters`, () => {
  // 160 rosters read, checked and compared: seconds on a loaded 2-core CI machine (the default 5 s is too tight).
  it('every applicant comes out with exactly its values, at the row Excel shows; hidden rows are flagged, nothing else is said', { timeout: 120_000 }, async () => {
    for (let seed = 1; seed <= FILES; seed++) {
      const made = roster(seed);
      const read = readImportFile(made.bytes, made.name);
      const table = tableAt(read, findHeaderRow(read.grid));
      const rows = await validateTable(table, { mapping: autoMapTable(table), now: NOW, today: TODAY, date1904: read.date1904 });
      const people = rows.filter((row) => !row.blank);
      const where = `${made.name} (seed ${seed})`;
      expect(people.map((row) => row.sheetRow), where).toEqual(made.rowOf);
      people.forEach((row, i) => {
        const want = made.people[i];
        expect(row.data, `${where} row ${row.sheetRow}`).toEqual(Object.fromEntries(Object.entries(want ?? {}).filter(([k]) => table.headers.some((_, c) => autoMapTable(table)[c] === k))));
        expect(row.errors, `${where} row ${row.sheetRow}`).toEqual([]);
        expect(row.warnings.map((w) => w.code), `${where} row ${row.sheetRow}`).toEqual(made.hidden.has(row.sheetRow) ? ['import.rowHidden'] : []);
      });
      const plan = planImport(rows, new Map(), 'update');
      expect(plan.created, where).toBe(made.people.length);
    }
  });
});
