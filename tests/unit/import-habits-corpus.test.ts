import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { readDateCell } from '../../src/profiles/io/cell-dates';
import { headerKey } from '../../src/profiles/io/mapping';
import { autoMapTable, findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type RowResult, validateTable } from '../../src/profiles/io/rows';
import { checkCharacter } from '../../src/validate/id-number';
import { pick, type Rand, rng, shuffle } from '../helpers/rng';
import { buildXlsx, type TestCell } from '../helpers/xlsx-builder';

/**
 * A third seeded corpus of office rosters, written by the `sheets` engineer of 2026-12-02 from habits the two other
 * corpora (import-corpus, import-office-corpus) do not make, without looking at which the reader knows: values with
 * a unit or a remark in the cell (「36个月」, 「13805311234（本人）」), full-width digits, dates as text in many forms
 * (spaces inside, zero-padded, full-width, a trailing 日 or 号, Chinese numerals, a remark after them), 长期 for a
 * contract's end, totals and notes rows, a caption and a title above the header, a guide row, hidden rows and a
 * hidden stale column. The one rule judged: every cell is either read right or left empty with a warning naming its
 * column at its row — never stored wrong, never dropped silently. How many are read is counted, not required.
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';
const FILES = process.env.TZ === 'Asia/Shanghai' ? 120 : 15;

type Field = 'name' | 'idNumber' | 'gender' | 'birthDate' | 'mobile' | 'employerName' | 'contractStart' | 'contractEnd' | 'graduationDate' | 'socialInsuranceMonths' | 'specialty';
type Person = Record<Field, string>;

const pad2 = (n: number) => String(n).padStart(2, '0');
const HAN_DIGITS = '〇一二三四五六七八九';
const hanNumber = (n: number) => (n <= 10 ? (n === 10 ? '十' : HAN_DIGITS[n]) : n < 20 ? `十${HAN_DIGITS[n - 10]}` : `${HAN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? HAN_DIGITS[n % 10] : ''}`);
const hanYear = (y: number) => [...String(y)].map((d) => HAN_DIGITS[Number(d)]).join('');
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + Number(c)));

function person(r: Rand, i: number): Person {
  const born = 1965 + Math.floor(r() * 35);
  const bornOn = `${born}-${pad2(1 + Math.floor(r() * 12))}-${pad2(1 + Math.floor(r() * 28))}`;
  const male = r() < 0.6;
  const seq = `${String(10 + (i % 90))}${male ? pick(r, [1, 3, 5, 7, 9]) : pick(r, [0, 2, 4, 6, 8])}`;
  const first17 = `370102${bornOn.replace(/-/g, '')}${seq}`;
  const start = 2019 + Math.floor(r() * 6);
  return {
    name: `${pick(r, ['王', '李', '张', '刘', '陈', '欧阳', '祁', '褚'])}${pick(r, ['伟', '芳', '建国', '晓燕', '子涵', '磊'])}`,
    idNumber: first17 + checkCharacter(first17),
    gender: male ? '男' : '女',
    birthDate: bornOn,
    mobile: `1${pick(r, ['3', '5', '8'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
    employerName: pick(r, ['济南鲁信建设有限公司', '山东华泰路桥工程有限公司', '章丘恒基安装有限公司']),
    contractStart: `${start}-${pad2(1 + Math.floor(r() * 12))}-${pad2(1 + Math.floor(r() * 28))}`,
    contractEnd: `${start + 3 + Math.floor(r() * 3)}-${pad2(1 + Math.floor(r() * 12))}-${pad2(1 + Math.floor(r() * 28))}`,
    graduationDate: `${born + 20 + Math.floor(r() * 4)}-${pad2(1 + Math.floor(r() * 12))}`,
    socialInsuranceMonths: String(6 + Math.floor(r() * 120)),
    specialty: pick(r, ['建筑工程', '市政公用工程', '机电工程']),
  };
}

const HEADERS: Record<Field, readonly string[]> = {
  name: ['姓名', '姓 名', '人员姓名', '建造师姓名'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码'],
  gender: ['性别', '性 别'],
  birthDate: ['出生日期', '出生年月日'],
  mobile: ['手机', '手机号', '移动电话', '手机号码'],
  employerName: ['工作单位', '单位名称', '所在单位'],
  contractStart: ['劳动合同开始日期', '合同开始时间', '合同起始日期'],
  contractEnd: ['劳动合同截止日期', '合同到期日', '合同结束日期', '劳动合同到期时间'],
  graduationDate: ['毕业时间', '毕业年月', '毕业日期'],
  socialInsuranceMonths: ['社保连续缴纳月数', '社保月数', '社保缴纳月数'],
  specialty: ['专业类别', '注册专业', '专业'],
};

/** A date as clerks type it as text; `undefined` truth when the writing is not that date (never to be stored). */
function dateText(r: Rand, iso: string): string {
  const [y = 0, m = 0, d = 0] = iso.split('-').map(Number);
  return pick(r, [
    iso,
    `${y}.${m}.${d}`,
    `${y}.${pad2(m)}.${pad2(d)}`,
    `${y}年${m}月${d}日`,
    `${y}年${pad2(m)}月${pad2(d)}日`,
    `${y} 年 ${m} 月 ${d} 日`,
    `${y}/${m}/${d}`,
    `${y}-${m}-${d}`,
    `${y}${pad2(m)}${pad2(d)}`,
    fullWidth(`${y}年${m}月${d}日`),
    fullWidth(`${y}-${pad2(m)}-${pad2(d)}`),
    `${hanYear(y)}年${hanNumber(m)}月${hanNumber(d)}日`,
    `${y}.${m}.${d}.`,
    `${y}年${m}月${d}号`,
    ` ${y}-${pad2(m)}-${pad2(d)} `,
  ]);
}

function monthText(r: Rand, ym: string): string {
  const [y = 0, m = 0] = ym.split('-').map(Number);
  return pick(r, [ym, `${y}年${m}月`, `${y}.${pad2(m)}`, `${y}${pad2(m)}`, fullWidth(`${y}年${m}月`), `${y}年${pad2(m)}月`, `${hanYear(y)}年${hanNumber(m)}月`, `${y}-${m}`]);
}

/** How one cell is written, and what must be stored from it (undefined: nothing may be). */
function written(r: Rand, field: Field, p: Person): { text: string; truth: string | undefined } {
  const v = p[field];
  const same = (text: string) => ({ text, truth: v });
  switch (field) {
    case 'name':
      return same(pick(r, [v, ` ${v} `, v.length === 2 ? `${v[0]}\u3000${v[1]}` : v]));
    case 'idNumber':
      return same(pick(r, [v, fullWidth(v), `${v.slice(0, 6)} ${v.slice(6, 14)} ${v.slice(14)}`, v.toLowerCase(), `${v}\u3000`]));
    case 'gender':
      return same(pick(r, [v, `${v}性`, ` ${v}`, `${v} `]));
    case 'mobile':
      return same(pick(r, [v, fullWidth(v), `${v}（本人）`, `${v} 微信同号`, `${v.slice(0, 3)}-${v.slice(3, 7)}-${v.slice(7)}`, `${v.slice(0, 3)} ${v.slice(3, 7)} ${v.slice(7)}`]));
    case 'employerName':
      return same(pick(r, [v, ` ${v}`, `${v}\u3000`]));
    case 'contractStart':
    case 'birthDate':
      return same(dateText(r, v));
    case 'contractEnd':
      // 无固定期限 and 长期 are a contract's end the profile holds (open-ended); the others say no date.
      if (r() < 0.1) return pick(r, [{ text: '无固定期限', truth: 'open-ended' }, { text: '长期', truth: 'open-ended' }, { text: '至今', truth: undefined }, { text: '—', truth: undefined }]);
      return same(dateText(r, v));
    case 'graduationDate':
      return same(monthText(r, v));
    case 'socialInsuranceMonths':
      return same(pick(r, [v, `${v}个月`, `${v}月`, fullWidth(v), `${v} 个月`]));
    case 'specialty':
      return same(pick(r, [v, v.replace(/工程$|公用工程$/, ''), `${v} `]));
  }
}

/** Days from Excel's day 0 (1899-12-30) to an ISO date. */
const serialOf = (iso: string) => Math.round((Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

/** The value as an Excel number cell, where clerks' files hold one: a mobile, a count, a date cell, an ID number. */
function asNumber(field: Field, p: Person): TestCell | undefined {
  const v = p[field];
  if (field === 'mobile' || field === 'socialInsuranceMonths' || (field === 'idNumber' && /^\d+$/.test(v))) return { n: Number(v) };
  if (field === 'graduationDate') return { n: serialOf(v), fmt: 'ym' };
  if (field === 'birthDate' || field === 'contractStart' || field === 'contractEnd') return { n: serialOf(v), fmt: 'date' };
  return undefined;
}

interface Made {
  bytes: Uint8Array;
  name: string;
  headers: Partial<Record<Field, string>>;
  /** Per applicant: the row Excel shows and every cell's truth by field. */
  applicants: Array<{ sheetRow: number; cells: Partial<Record<Field, { text: string; truth: string | undefined }>> }>;
}

function roster(seed: number): Made {
  const r = rng(seed);
  const optional: Field[] = ['gender', 'birthDate', 'mobile', 'employerName', 'contractStart', 'contractEnd', 'graduationDate', 'socialInsuranceMonths', 'specialty'];
  const fields = shuffle(r, ['name', 'idNumber', ...optional.filter(() => r() < 0.6)] as Field[]);
  const headers = fields.map((f) => pick(r, HEADERS[f]));
  const rows: TestCell[][] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  if (r() < 0.5) rows.push([pick(r, ['二级建造师注册人员花名册', '2024年度二建人员信息统计表', '附件1：', '济南鲁信建设有限公司二建名单'])]);
  if (r() < 0.3) rows.push([`填报单位（盖章）：济南鲁信建设有限公司      填报日期：${pick(r, ['2024年3月1日', '2024.3.1'])}`]);
  // A stale column kept hidden beside the one in use (last year's mobile), its header the same.
  const stale = fields.includes('mobile') && r() < 0.3 ? fields.indexOf('mobile') : -1;
  const withStale = (cells: TestCell[], extra: TestCell) => (stale < 0 ? cells : [...cells.slice(0, stale + 1), extra, ...cells.slice(stale + 1)]);
  if (stale >= 0) hiddenColumns.push(stale + 1);
  rows.push(withStale(headers, headers[stale] ?? ''));
  if (r() < 0.3) rows.push(withStale(fields.map((f) => (f === 'idNumber' ? '（18位）' : pick(r, ['（必填）', '选填', '']))), ''));
  const applicants: Made['applicants'] = [];
  const count = 3 + Math.floor(r() * 10);
  for (let i = 0; i < count; i++) {
    if (r() < 0.1) rows.push([]);
    const p = person(r, seed * 31 + i);
    const cells: Made['applicants'][number]['cells'] = {};
    const texts = fields.map((f): TestCell => {
      const w = written(r, f, p);
      const number = r() < 0.15 ? asNumber(f, p) : undefined;
      cells[f] = number === undefined ? w : { text: JSON.stringify(number), truth: p[f] };
      return number ?? w.text;
    });
    rows.push(withStale(texts, `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}`));
    if (r() < 0.1) hiddenRows.push(rows.length);
    applicants.push({ sheetRow: rows.length, cells });
  }
  if (r() < 0.5) rows.push([pick(r, [`合计：${count}人`, `共计 ${count} 人`, `总计${count}`, `小计：${count}`])]);
  if (r() < 0.4) rows.push([pick(r, ['注：以上信息由本人核对', '填表人：王五', '备注：合同以原件为准', '说明：手机号用于接收短信'])]);
  const named = Object.fromEntries(fields.map((f, i) => [f, headers[i]]));
  return { bytes: buildXlsx({ rows, hiddenRows, hiddenColumns }), name: `花名册${seed}.xlsx`, headers: named, applicants };
}

async function importMade(made: Made): Promise<{ rows: RowResult[]; headerOf: (field: Field) => string | undefined }> {
  const read = readImportFile(made.bytes, made.name);
  const table = tableAt(read, findHeaderRow(read.grid));
  const mapping = autoMapTable(table);
  const rows = await validateTable(table, { mapping, now: NOW, today: TODAY, date1904: read.date1904 });
  return { rows, headerOf: (field) => table.headers[mapping.indexOf(field)] };
}

describe(`a third seeded corpus of ${FILES} office rosters (units, remarks, full-width digits, dates as text, 长期, footers)`, () => {
  it('every cell is read right or left empty with a warning naming its column at its row — never stored wrong, never dropped silently', { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    let read = 0;
    let left = 0;
    const unmapped = new Set<string>();
    for (let seed = 1; seed <= FILES; seed++) {
      const made = roster(seed);
      const { rows, headerOf } = await importMade(made);
      for (const a of made.applicants) {
        const row = rows.find((x) => x.sheetRow === a.sheetRow);
        if (!row) {
          wrong.push(`${made.name} row ${a.sheetRow}: not read as an applicant`);
          continue;
        }
        const identityRefused = row.errors.length > 0;
        for (const [field, cell] of Object.entries(a.cells) as Array<[Field, { text: string; truth: string | undefined }]>) {
          const stored = field === 'socialInsuranceMonths' && row.data[field] !== undefined ? String(row.data[field]) : (row.data[field] as string | undefined);
          const header = headerOf(field);
          // A column whose header is not known is shown unmapped in the mapping step, for the clerk to map.
          if (header === undefined) {
            unmapped.add(made.headers[field] ?? field);
            continue;
          }
          // A mark for no value (—) is blank, said as a notice (no-value.ts); anything else left empty is a warning.
          const blankMark = row.notices.some((n) => n.code === 'import.cell.noValue' && n.column === header);
          const said = blankMark || [...row.warnings, ...row.errors].some((w) => w.column === header || w.field === field);
          const where = `${made.name} row ${a.sheetRow} ${header} 「${cell.text}」`;
          if (stored !== undefined && stored !== cell.truth) wrong.push(`${where}: stored ${stored}, is ${cell.truth}`);
          else if (stored === undefined && !said && !(identityRefused && cell.truth !== undefined && (field === 'name' || field === 'idNumber') === false && row.data.idNumber === undefined)) wrong.push(`${where}: left empty, nothing said`);
          else if (stored === cell.truth && stored !== undefined) read++;
          else {
            left++;
            if (process.env.JZS_CORPUS_DEBUG) console.info(`left: ${field} 「${cell.text}」 ${[...row.warnings, ...row.errors].filter((w) => w.column === header).map((w) => w.code).join(',')}`);
          }
        }
        // Nothing the row did not hold.
        for (const key of Object.keys(row.data) as Field[]) if (!(key in a.cells)) wrong.push(`${made.name} row ${a.sheetRow}: ${key} stored from nowhere`);
      }
      // Title, caption, guide, totals and notes rows are not applicants, and no applicant is rejected for them.
      for (const row of rows) if (!row.blank && !made.applicants.some((a) => a.sheetRow === row.sheetRow)) wrong.push(`${made.name} row ${row.sheetRow}: read as an applicant (${row.errors.map((e) => t(e.code, e.params)).join('; ')})`);
    }
    console.info(`habits corpus: ${read} cells read right, ${left} left empty with a warning; headers not known: ${[...unmapped].join(' ')}`);
    expect(wrong).toEqual([]);
  });
});

describe('dates the third corpus found left empty, read now', () => {
  const ctx = { today: TODAY };
  const read = (key: 'contractStart' | 'graduationDate', text: string) => {
    const r = readDateCell(key, { text }, ctx);
    return r.value ?? r.problem.code;
  };

  it('a date in Chinese numerals (「二〇二四年三月一日」, ○ typed for 〇, 十 and 二十一 for days) is that date; one that is no date is not read', () => {
    const r = rng(1949);
    for (let k = 0; k < 100; k++) {
      const y = 2000 + Math.floor(r() * 25);
      const m = 1 + Math.floor(r() * 12);
      const d = 1 + Math.floor(r() * 28);
      const iso = `${y}-${pad2(m)}-${pad2(d)}`;
      const han = `${hanYear(y)}年${hanNumber(m)}月${hanNumber(d)}${pick(r, ['日', '号'])}`;
      expect(read('contractStart', r() < 0.3 ? han.replace(/〇/g, '○') : han), han).toBe(iso);
      expect(read('graduationDate', `${hanYear(y)}年${hanNumber(m)}月`), han).toBe(iso.slice(0, 7));
    }
    expect(read('contractStart', '二〇二四年十三月一日')).toBe('import.date.impossible');
    expect(read('contractStart', '二〇二四年二月三十日')).toBe('import.date.impossible');
    expect(read('contractStart', '二〇二四年三月十十日')).toBe('import.date.format');
    expect(read('contractStart', '二〇二四年三月')).toBe('import.date.needDay');
  });

  it('a full stop after a dotted date (「2024.3.15.」) ends it; 「2019.1.」 still asks which month', () => {
    expect(read('contractStart', '2024.3.15.')).toBe('2024-03-15');
    expect(read('contractStart', '２０２４．０３．０５．')).toBe('2024-03-05');
    expect(read('graduationDate', '2005.06.')).toBe('2005-06');
    expect(read('graduationDate', '2019.1.')).toBe('import.date.ambiguousMonth');
    expect(read('contractStart', '2024.3.15..')).toBe('import.date.format');
  });
});

describe('date columns named with the other word (the third corpus left them unmapped)', () => {
  it('「合同开始时间」, 「合同到期日」, 「劳动合同结束日期」, 「出生时间」 …, with notes too, map to their date field; other headers are as before (seeded)', () => {
    const r = rng(606);
    const ENDS = ['截止', '到期', '结束', '终止'];
    const STARTS = ['开始', '起始'];
    for (let k = 0; k < 60; k++) {
      const end = r() < 0.5;
      const header = `${pick(r, ['劳动合同', '合同'])}${pick(r, end ? ENDS : STARTS)}${pick(r, ['日期', '时间', '日'])}${pick(r, ['', '（yyyy-mm-dd）', '【必填】', '\n格式：yyyy.mm.dd'])}`;
      expect(headerKey(header), header).toBe(end ? 'contractEnd' : 'contractStart');
    }
    expect(['出生时间', '毕业日期', '资格证书签发时间'].map((h) => headerKey(h))).toEqual(['birthDate', 'graduationDate', 'qualificationIssueDate']);
    // A contract's end or start word alone names that date (a clerk's 「劳动合同到期」 column holds the dates; a cell
    // that is no date is left empty with a warning, never stored).
    expect(['合同到期', '劳动合同开始', '合同截止（必填）'].map((h) => headerKey(h))).toEqual(['contractEnd', 'contractStart', 'contractEnd']);
    // Not a date column's name in any wording, or another value of one: not mapped.
    expect(['注册时间', '合同到期时间（旧）', '开始时间', '劳动合同'].map((h) => headerKey(h))).toEqual([undefined, undefined, undefined, undefined]);
  });
});
