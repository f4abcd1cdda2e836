import { describe, expect, it } from 'vitest';
import { readDateCell } from '../../src/profiles/io/cell-dates';
import { autoMapTable, findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type RowIssue, validateTable } from '../../src/profiles/io/rows';
import { checkCharacter } from '../../src/validate/id-number';
import { pick, type Rand, rng, shuffle } from '../helpers/rng';

/**
 * A fourth seeded round of office rosters, written by `sheets` on 2026-12-02 after the fixes of this stop and
 * without running them first: CSVs (some with a BOM) holding contact cells with +86, brackets, line breaks, a
 * remark before or after, two numbers or a masked one; landlines with area codes in brackets; combined contract
 * periods ending 至今, 长期 or 无固定期限, with ~ and 至 and spaces; dates with a midnight time or a weekday; cells of
 * —, / and 无; 「专业」 beside or without 注册专业; headers naming the applicant (建造师姓名, 本人手机). The one rule:
 * every cell is read right, or left empty with something said (a warning, or the blank-mark notice) naming its
 * column — never stored wrong. How many are read is counted, not required.
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';
const FILES = process.env.TZ === 'Asia/Shanghai' ? 150 : 20;
const OPEN = 'open-ended';

type Truth = string | undefined;
interface Column {
  header: string;
  /** The field the column is read as, and each applicant's cell with what must be stored from it. */
  field: string;
  cell: (r: Rand, a: Applicant) => Array<[field: string, text: string, truth: Truth]>;
}
interface Applicant {
  id: string;
  mobile: string;
  other: string;
  start: string;
  end: string;
}

const two = (n: number) => String(n).padStart(2, '0');
function applicant(r: Rand, i: number): Applicant {
  const born = `${1966 + Math.floor(r() * 33)}${two(1 + Math.floor(r() * 12))}${two(1 + Math.floor(r() * 28))}`;
  const first17 = `370112${born}${two(i % 100)}${Math.floor(r() * 10)}`;
  const mobile = () => `1${pick(r, ['35', '39', '58', '87', '89'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
  const y = 2018 + Math.floor(r() * 7);
  return { id: first17 + checkCharacter(first17), mobile: mobile(), other: mobile(), start: `${y}-${two(1 + Math.floor(r() * 12))}-${two(1 + Math.floor(r() * 28))}`, end: `${y + 3 + Math.floor(r() * 3)}-${two(1 + Math.floor(r() * 12))}-${two(1 + Math.floor(r() * 28))}` };
}

const weekdayOf = (iso: string) => '日一二三四五六'[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? '';

/** A date as an office writes it; `undefined` truth where the writing is no date this reader may take. */
function date(r: Rand, iso: string): [string, Truth] {
  const [y, m, d] = iso.split('-').map(Number);
  return pick(r, [
    [`${y}-${m}-${d}`, iso],
    [`${y}/${two(m ?? 0)}/${two(d ?? 0)}`, iso],
    [`${y}年${m}月${d}日`, iso],
    [`${y}.${m}.${d}`, iso],
    [`${y}/${m}/${d} 0:00`, iso],
    [`${iso}T00:00:00`, iso],
    [`${y} 年 ${two(m ?? 0)} 月 ${two(d ?? 0)} 日`, iso],
    ((named) => [`${iso}（周${named}）`, named === weekdayOf(iso) ? iso : undefined])(pick(r, ['一', '三', '五', weekdayOf(iso), weekdayOf(iso)])),
    ((named) => [`${y}年${m}月${d}日 星期${named}`, named === weekdayOf(iso) ? iso : undefined])(pick(r, ['二', '日', weekdayOf(iso)])),
  ] as Array<[string, Truth]>);
}

const COLUMNS: Column[] = [
  { header: '手机', field: 'mobile', cell: (r, a) => [['mobile', ...mobileCell(r, a)]] },
  {
    header: '联系电话',
    field: 'phone',
    cell: (r) => {
      const n = `${pick(r, ['8', '6'])}${String(Math.floor(r() * 1e7)).padStart(7, '0')}`;
      return [['phone', ...pick(r, [[`0531-${n}`, `0531-${n}`], [`(0531)${n}`, `0531-${n}`], [`0531 ${n}`, `0531-${n}`], [`0531-${n}（办）`, `0531-${n}`], [`0531-${n}转8${n.slice(0, 2)}`, `0531-${n}-8${n.slice(0, 2)}`], ['/', undefined]] as Array<[string, Truth]>)]];
    },
  },
  {
    header: '劳动合同期限',
    field: 'contractPeriod',
    cell: (r, a) => {
      const [s, st] = date(r, a.start);
      const tail = pick(r, [[...date(r, a.end)], ['至今', undefined], ['长期', OPEN], ['无固定期限', OPEN]] as Array<[string, Truth]>);
      const text = `${s}${pick(r, ['-', '至', ' 至 ', '~', '～', '—'])}${tail[0]}`;
      // A separator that is also inside a date (-) may split it elsewhere: what is stored must still be true.
      return [['contractStart', text, st], ['contractEnd', text, tail[1]]];
    },
  },
  {
    header: '劳动合同截止日期',
    field: 'contractEnd',
    cell: (r, a) => [['contractEnd', ...pick(r, [date(r, a.end), ['至今', undefined], ['—', undefined], ['/', undefined], ['长期', OPEN]] as Array<[string, Truth]>)]],
  },
  { header: '工作单位', field: 'employerName', cell: (r) => [['employerName', ...pick(r, [['济南鲁信建设有限公司', '济南鲁信建设有限公司'], ['无', undefined], ['—', undefined], [' 山东华泰路桥工程有限公司 ', '山东华泰路桥工程有限公司']] as Array<[string, Truth]>)]] },
  { header: '专业', field: 'specialty', cell: (r) => [['specialty', ...pick(r, [['建筑工程', '建筑工程'], ['市政', '市政公用工程'], ['机电工程', '机电工程'], ['公路', '公路工程']] as Array<[string, Truth]>)]] },
];

/** A contact cell as offices write it (after 13805311234 and 138 0531 1234, which the other corpora write). */
function mobileCell(r: Rand, a: Applicant): [string, Truth] {
  const m = a.mobile;
  return pick(r, [
    [`+86 ${m}`, m],
    [`(+86)${m}`, m],
    [`${m}\n（本人）`, m],
    [`本人：${m}`, m],
    [`${m}（本人，微信同号）`, m],
    [`${m} 或 ${a.other}`, undefined],
    [`${m.slice(0, 3)}****${m.slice(7)}`, undefined],
    [`${m}（妻）`, undefined],
    [`${m}(空号)`, undefined],
    [`手机 ${m}`, m],
  ] as Array<[string, Truth]>);
}

const NAME_HEADERS = ['姓名', '建造师姓名', '注册建造师姓名', '人员姓名'];
const MOBILE_HEADERS = ['手机', '本人手机', '手机号码', '手机/微信', '联系手机'];
const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

interface Made {
  csv: string;
  columns: Column[];
  applicants: Array<{ line: number; cells: Array<[string, string, Truth]> }>;
}

function roster(seed: number): Made {
  const r = rng(seed);
  const columns = shuffle(
    r,
    COLUMNS.filter(() => r() < 0.7),
  ).map((c) => (c.field === 'mobile' ? { ...c, header: pick(r, MOBILE_HEADERS) } : c));
  // One contract column, combined or the end alone.
  const contract = columns.filter((c) => c.field === 'contractPeriod' || c.field === 'contractEnd');
  const used = contract.length > 1 ? columns.filter((c) => c !== contract[1]) : columns;
  // 「专业」 beside a 注册专业 column is the major.
  const at = used.findIndex((c) => c.field === 'specialty');
  const specialty = used[at];
  if (specialty && r() < 0.3) used.splice(at, 1, { header: '专业', field: 'major', cell: (rr) => [['major', ...((m) => [m, m] as [string, Truth])(pick(rr, ['土木工程', '工程管理', '建筑学']))]] }, { ...specialty, header: '注册专业' });
  const headers = [pick(r, NAME_HEADERS), '身份证号', ...used.map((c) => c.header)];
  const lines = [headers.map(csvCell).join(',')];
  const applicants: Made['applicants'] = [];
  const count = 2 + Math.floor(r() * 8);
  for (let i = 0; i < count; i++) {
    const a = applicant(r, seed * 13 + i);
    const cells = used.map((c) => c.cell(r, a));
    const texts = cells.map((parts) => parts[0]?.[1] ?? '');
    lines.push([`张${'伟芳磊'[i % 3]}`, a.id, ...texts].map(csvCell).join(','));
    applicants.push({ line: lines.length, cells: cells.flat() });
  }
  // Excel saves CRLF; a last line added in another editor ends in LF.
  return { csv: `${r() < 0.5 ? '\uFEFF' : ''}${lines.join(r() < 0.5 ? '\r\n' : '\n')}${pick(r, ['\n', '\r\n', ''])}`, columns: used, applicants };
}

describe(`a fourth seeded round of ${FILES} office CSVs (contact remarks, +86, periods to 至今/长期, blank marks, 专业, 建造师姓名)`, () => {
  it('every cell is read right or left empty with something said naming its column — never stored wrong', { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    let read = 0;
    let left = 0;
    for (let seed = 1; seed <= FILES; seed++) {
      const made = roster(seed);
      const file = readImportFile(new TextEncoder().encode(made.csv), `花名册${seed}.csv`);
      const table = tableAt(file, findHeaderRow(file.grid));
      const mapping = autoMapTable(table);
      if (file.fatal) wrong.push(`${seed}: not read from line ${file.fatal.sheetRow} (${file.fatal.code})`);
      if (mapping[0] !== 'name' || mapping[1] !== 'idNumber') wrong.push(`${seed}: name/ID not mapped (${table.headers.join('|')})`);
      const rows = await validateTable(table, { mapping, now: NOW, today: TODAY });
      for (const a of made.applicants) {
        const row = rows.find((x) => x.sheetRow === a.line);
        if (!row || row.errors.length) {
          wrong.push(`${seed} line ${a.line}: not read as an applicant (${row?.errors.map((e) => e.code).join(',')})`);
          continue;
        }
        for (const [field, text, truth] of a.cells) {
          const stored = (row.data as Record<string, unknown>)[field];
          const column = table.headers[mapping.findIndex((k) => k === field || (k === 'contractPeriod' && field.startsWith('contract')))];
          const said = (list: RowIssue[]) => list.some((w) => w.column === column);
          const where = `${seed} line ${a.line} ${column ?? field} 「${text}」`;
          if (stored !== undefined && stored !== truth) wrong.push(`${where}: stored ${String(stored)}, is ${String(truth)}`);
          else if (stored === undefined && column !== undefined && !said(row.warnings) && !said(row.notices)) wrong.push(`${where}: left empty, nothing said`);
          else if (stored !== undefined) read++;
          else {
            left++;
            if (process.env.JZS_CORPUS_DEBUG) console.info(`left: ${field} 「${text}」 ${[...row.warnings, ...row.notices].filter((w) => w.column === column).map((w) => w.code).join(',')}`);
          }
        }
      }
    }
    console.info(`fourth corpus: ${read} cells read right, ${left} left empty with something said`);
    expect(wrong).toEqual([]);
  });
});

describe('what the fourth round found', () => {
  it('a weekday after a date (「2027-12-15（周三）」, 「2024年3月1日 星期五」) is read when it is that date\'s, refused when it is not', () => {
    const read = (text: string) => ((r) => r.value ?? r.problem.code)(readDateCell('contractEnd', { text }, { today: TODAY }));
    expect(['2027-12-15（周三）', '2027-12-15(周三)', '2027年12月15日 星期三', '2027/12/15 周三', '2027.12.15礼拜三'].map(read)).toEqual(Array(5).fill('2027-12-15'));
    expect(['2027-12-15（周一）', '2027年12月15日 星期日'].map(read)).toEqual(['import.date.weekday', 'import.date.weekday']);
    expect(read('2027年12月（周三）')).toBe('import.date.needDay');
    expect(read('周三')).toBe('import.date.format');
  });

  it('a CSV saved with CRLF whose last line ends in LF (added in another editor) reads every row; a cell\'s own line break stays', () => {
    for (const end of ['\n', '\r\n', '']) {
      const csv = `姓名,手机\r\n张伟,13905311234\r\n张磊,"15841673969\n（本人）"${end}`;
      const file = readImportFile(new TextEncoder().encode(csv), 'x.csv');
      expect(file.fatal, JSON.stringify(end)).toBeUndefined();
      expect(file.grid.map((row) => row.map((c) => c.text)), JSON.stringify(end)).toEqual([['姓名', '手机'], ['张伟', '13905311234'], ['张磊', '15841673969\n（本人）']]);
    }
  });
});
