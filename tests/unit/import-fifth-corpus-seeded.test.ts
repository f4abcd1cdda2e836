import { describe, expect, it } from 'vitest';
import { autoMapTable, findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type RowIssue, validateTable } from '../../src/profiles/io/rows';
import { checkCharacter } from '../../src/validate/id-number';
import { pick, type Rand, rng, shuffle } from '../helpers/rng';

/**
 * A fifth seeded round of office CSVs (`sheets`, 2026-12-03), generated after the fixes of this stop from habits
 * written down before looking at which the reader takes: combined contract periods whose sides are written each its
 * own way (English month names, weekdays right or wrong, two-digit years, year-months, impossible days, ends before
 * starts, 至今/长期), single date columns with weekdays in either language, landlines with remarks and extensions in
 * 联系电话 and in 手机. The rules: a cell is read right or left empty with something said naming its column; a
 * period stores both dates or neither (至今 alone keeps its start). How many are read is counted, not required.
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';
const FILES = process.env.TZ === 'Asia/Shanghai' ? 160 : 25;
const OPEN = 'open-ended';

type Truth = string | undefined;
type Written = [text: string, truth: Truth];

const two = (n: number) => String(n).padStart(2, '0');
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ZH_DAYS = '日一二三四五六';
const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

function isoDate(r: Rand, from: number, span: number): string {
  return `${from + Math.floor(r() * span)}-${two(1 + Math.floor(r() * 12))}-${two(1 + Math.floor(r() * 28))}`;
}

/** A weekday for the date: its own most of the time, another now and then (then the cell is not to be read). */
function weekday(r: Rand, iso: string): { index: number; right: boolean } {
  const index = r() < 0.7 ? dayOf(iso) : Math.floor(r() * 7);
  return { index, right: index === dayOf(iso) };
}

function enWeekday(r: Rand, index: number): string {
  const name = EN_DAYS[index] ?? 'Sunday';
  return pick(r, [name, name.slice(0, 3), `${name.slice(0, 3)}.`, name.toUpperCase().slice(0, 3), name.toLowerCase()]);
}

/** One date as a clerk (or an English-locale system) may write it, with what it must be read as. */
function writeDate(r: Rand, iso: string): Written {
  const [y = 0, m = 0, d = 0] = iso.split('-').map(Number);
  const mon = EN_MONTHS[m - 1] ?? 'January';
  const short = mon.slice(0, 3);
  const kind = pick(r, ['plain', 'plain', 'zhWeekday', 'enWeekdayAfter', 'enWeekdayBefore', 'enMonth', 'enMonthWeekday', 'twoDigitYear', 'yearNotFirst', 'yearMonth', 'impossible'] as const);
  switch (kind) {
    case 'plain':
      return pick(r, [[`${y}.${m}.${d}`, iso], [`${y}-${two(m)}-${two(d)}`, iso], [`${y}年${m}月${d}日`, iso], [`${y}/${m}/${d}`, iso]] as Written[]);
    case 'zhWeekday': {
      const w = weekday(r, iso);
      const name = `${pick(r, ['周', '星期', '礼拜'])}${ZH_DAYS[w.index]}`;
      const text = r() < 0.7 ? `${y}年${m}月${d}日${pick(r, ['', ' ', '（', '('])}${name}` : `${name}${pick(r, [' ', '，', ', '])}${y}-${two(m)}-${two(d)}`;
      return [text.includes('（') ? `${text}）` : text.includes('(') ? `${text})` : text, w.right ? iso : undefined];
    }
    case 'enWeekdayAfter': {
      const w = weekday(r, iso);
      return [`${y}-${two(m)}-${two(d)}${pick(r, [' ', ', ', ' (', '（'])}${enWeekday(r, w.index)}`.replace(/ \((.*)$/, ' ($1)').replace(/（(.*)$/, '（$1）'), w.right ? iso : undefined];
    }
    case 'enWeekdayBefore': {
      const w = weekday(r, iso);
      return [`${enWeekday(r, w.index)}${pick(r, [' ', ', '])}${pick(r, [`${y}-${two(m)}-${two(d)}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`])}`, w.right ? iso : undefined];
    }
    case 'enMonth':
      return pick(r, [[`${d} ${short} ${y}`, iso], [`${two(d)}-${short}-${y}`, iso], [`${mon} ${d}, ${y}`, iso], [`${short}. ${d} ${y}`, iso], [`${y}-${short}-${two(d)}`, iso], [`${d} ${mon.toUpperCase()} ${y}`, iso]] as Written[]);
    case 'enMonthWeekday': {
      const w = weekday(r, iso);
      const name = enWeekday(r, w.index);
      return [pick(r, [`${name} ${d} ${short} ${y}`, `${name}, ${mon} ${d}, ${y}`, `${name} ${short} ${two(d)} ${y}`]), w.right ? iso : undefined];
    }
    case 'twoDigitYear':
      return pick(r, [[`${two(d)}-${short}-${String(y).slice(2)}`, undefined], [`${short} ${d}, ${String(y).slice(2)}`, undefined], [`${d}/${m}/${String(y).slice(2)}`, undefined]] as Written[]);
    case 'yearNotFirst':
      return pick(r, [[`${m}/${d}/${y}`, undefined], [`${two(d)}.${two(m)}.${y}`, undefined], [`${d}-${m}-${y}`, undefined]] as Written[]);
    case 'yearMonth':
      return pick(r, [[`${y}.${m}`, undefined], [`${y}年${m}月`, undefined], [`${short} ${y}`, undefined]] as Written[]);
    case 'impossible':
      return pick(r, [[`${y}.${m}.3${2 + Math.floor(r() * 7)}`, undefined], [`${y}-13-${d}`, undefined], [`3${2 + Math.floor(r() * 7)} ${short} ${y}`, undefined]] as Written[]);
  }
}

interface Cell {
  text: string;
  truths: Array<[field: string, truth: Truth]>;
}

/** A combined 劳动合同期限 cell: each side its own way; the pair stored whole or not at all. */
function periodCell(r: Rand): Cell {
  const start = isoDate(r, 2016, 9);
  const later = isoDate(r, Number(start.slice(0, 4)) + (r() < 0.1 ? -3 : 1), 5);
  const [s, st] = writeDate(r, start);
  const tail = pick(r, ['date', 'date', 'date', 'date', 'open', 'now'] as const);
  const [e, et]: Written = tail === 'date' ? writeDate(r, later) : tail === 'open' ? [pick(r, ['长期', '无固定期限']), OPEN] : [pick(r, ['至今', '今']), undefined];
  const sep = tail === 'now' && e === '今' ? '至' : pick(r, ['-', '至', ' 至 ', '~', '～', '—', ' - ', '－', '到', ' to ']);
  const whole = st !== undefined && et !== undefined && (et === OPEN || et >= st);
  const text = `${s}${sep}${e}`;
  if (tail === 'now') return { text, truths: [['contractStart', st], ['contractEnd', undefined]] };
  return { text, truths: [['contractStart', whole ? st : undefined], ['contractEnd', whole ? et : undefined]] };
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + Number(c)));

/** A landline as offices write it, with its canonical value. */
function landline(r: Rand): { text: string; value: string } {
  const area = pick(r, ['0531', '0531', '0533', '010', '']);
  const local = `${pick(r, ['8', '6', '5'])}${String(Math.floor(r() * 1e7)).padStart(7, '0')}`.slice(0, area === '0533' ? 7 : 8);
  const value = area ? `${area}-${local}` : local;
  if (!area) return { text: pick(r, [local, `${local.slice(0, 4)} ${local.slice(4)}`]), value };
  return { text: pick(r, [value, `(${area})${local}`, `（${area}）${local}`, `${area} ${local}`, `${area}－${local}`, fullWidth(value), `${area} ${local.slice(0, local.length - 4)} ${local.slice(-4)}`, `${area}${local}`]), value };
}

const bracket = (r: Rand, word: string) => pick(r, [`（${word}）`, `(${word})`, ` ${word}`, `【${word}】`, `/${word}`]);

/** A 联系电话 or 手机 cell holding a landline with a remark or extension (or a mobile, for contrast). */
function contactCell(r: Rand, field: 'phone' | 'mobile'): Cell {
  const { text: number, value } = landline(r);
  const ext = String(1 + Math.floor(r() * 9999));
  const landlineTruth = (v: string | undefined) => (field === 'phone' ? v : undefined);
  const kind = pick(r, ['place', 'place', 'other', 'extension', 'extensionRemark', 'glued', 'two', 'remarkThenExtension', 'mobile'] as const);
  const out = (text: string, truth: Truth): Cell => ({ text, truths: [[field, truth]] });
  switch (kind) {
    case 'place':
      return out(r() < 0.85 ? `${number}${bracket(r, pick(r, ['办', '宅', '办公室', '住宅', '家', '单位', '座机', '办公电话', '家庭电话', '固话']))}` : `${pick(r, ['办', '宅', '家'])} ${number}`, landlineTruth(value));
    case 'other':
      return out(`${number}${bracket(r, pick(r, ['传真', '总机', '前台', '王经理', '值班室', '旧', '已停用', '爱人', '转人工', '空号', '财务']))}`, undefined);
    case 'extension': {
      const word = pick(r, ['转', ' 转 ', '转分机', '分机', ' 分机 ', '分机号：', ' 内线 ', ' ext. ', ' ext ', '-']);
      return out(`${number}${word}${ext}`, landlineTruth(`${value}-${ext}`));
    }
    case 'extensionRemark':
      return out(`${number}${pick(r, ['转', '分机'])}${ext}${bracket(r, pick(r, ['办', '办公室', '本人']))}`, landlineTruth(`${value}-${ext}`));
    case 'glued':
      return out(pick(r, [`${number} ${ext}`, `${number}转${ext} ${Math.floor(r() * 9) + 1}`, `${number}、${ext}`]), undefined);
    case 'two':
      return out(`${number}（办）${pick(r, ['、', ' ', '，', '/'])}${landline(r).text}（宅）`, undefined);
    case 'remarkThenExtension':
      return out(`${number}（办）转${ext}`, undefined);
    case 'mobile': {
      const m = `1${pick(r, ['38', '59', '86'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
      return pick(r, [out(`${m}（本人）`, m), out(`${m}（办）`, undefined), out(`${m}${bracket(r, '宅')}`, undefined)]);
    }
  }
}

interface Column {
  header: string;
  cell: (r: Rand) => Cell;
}

const COLUMNS: Column[] = [
  { header: '劳动合同期限', cell: periodCell },
  { header: '联系电话', cell: (r) => contactCell(r, 'phone') },
  { header: '手机', cell: (r) => contactCell(r, 'mobile') },
  { header: '劳动合同开始日期', cell: (r) => ((w) => ({ text: w[0], truths: [['contractStart', w[1]]] }))(writeDate(r, isoDate(r, 2016, 9))) },
  { header: '注册证书签发日期', cell: (r) => ((w) => ({ text: w[0], truths: [['certIssueDate', w[1]]] }))(writeDate(r, isoDate(r, 2012, 12))) },
];

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function roster(seed: number): { csv: string; rows: Array<{ line: number; cells: Array<{ header: string; cell: Cell }> }> } {
  const r = rng(seed);
  let used = shuffle(r, COLUMNS).filter(() => r() < 0.75);
  // The period or the start alone: both would be a clerk's two answers for one date.
  if (used.some((c) => c.header === '劳动合同期限')) used = used.filter((c) => c.header !== '劳动合同开始日期');
  if (!used.length) used = [COLUMNS[0] as Column];
  const lines = [['姓名', '身份证号', ...used.map((c) => c.header)].join(',')];
  const rows: Array<{ line: number; cells: Array<{ header: string; cell: Cell }> }> = [];
  const count = 3 + Math.floor(r() * 8);
  for (let i = 0; i < count; i++) {
    const first17 = `370103${1970 + Math.floor(r() * 28)}${two(1 + Math.floor(r() * 12))}${two(1 + Math.floor(r() * 28))}${two((seed * 7 + i) % 100)}${Math.floor(r() * 10)}`;
    const cells = used.map((c) => ({ header: c.header, cell: c.cell(r) }));
    lines.push([`李${'明华强军'[i % 4]}`, first17 + checkCharacter(first17), ...cells.map((c) => c.cell.text)].map(csvCell).join(','));
    rows.push({ line: lines.length, cells });
  }
  return { csv: `${r() < 0.5 ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, rows };
}

describe(`a fifth seeded round of ${FILES} office CSVs (periods side by side, English weekdays and months, landlines with remarks and extensions)`, () => {
  it('every cell is read right or left empty with something said naming its column; a period is both dates or neither', { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    let read = 0;
    let left = 0;
    const missed: string[] = [];
    for (let seed = 1; seed <= FILES; seed++) {
      const made = roster(seed);
      const file = readImportFile(new TextEncoder().encode(made.csv), `名单${seed}.csv`);
      const table = tableAt(file, findHeaderRow(file.grid));
      const mapping = autoMapTable(table);
      const rows = await validateTable(table, { mapping, now: NOW, today: TODAY });
      for (const a of made.rows) {
        const row = rows.find((x) => x.sheetRow === a.line);
        if (!row || row.errors.length) {
          wrong.push(`${seed} line ${a.line}: not read as an applicant (${row?.errors.map((e) => e.code).join(',')})`);
          continue;
        }
        for (const { header, cell } of a.cells) {
          const said = (list: RowIssue[]) => list.some((w) => w.column === header);
          const stored = cell.truths.map(([field]) => (row.data as Record<string, unknown>)[field]);
          const where = `${seed} line ${a.line} ${header} 「${cell.text}」`;
          cell.truths.forEach(([field, truth], k) => {
            const value = stored[k];
            if (value !== undefined && value !== truth) wrong.push(`${where}: ${field} stored ${String(value)}, is ${String(truth)}`);
            else if (value === undefined && !said(row.warnings) && !said(row.notices)) wrong.push(`${where}: ${field} left empty, nothing said`);
            else if (value !== undefined) read++;
            else {
              left++;
              if (truth !== undefined) missed.push(`${where} ${field}: ${[...row.warnings, ...row.notices].filter((w) => w.column === header).map((w) => w.code).join(',')}`);
            }
          });
          const halves = stored.filter((v) => v !== undefined).length;
          if (header === '劳动合同期限' && halves === 1 && !/今$/.test(cell.text)) wrong.push(`${where}: half a period stored (${stored.join(' / ')})`);
        }
      }
    }
    console.info(`fifth corpus: ${read} values read right, ${left} left empty with something said (${missed.length} of them readable by the generator's truth)`);
    if (process.env.JZS_CORPUS_DEBUG) console.info(missed.join('\n'));
    expect(wrong).toEqual([]);
  });
});
