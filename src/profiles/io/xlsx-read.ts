import type { Cell, Grid, SheetGrid, TableNotice } from './table';
import { TableError, textOfFormula } from './table';
import { excelSerialToIso } from './xlsx';
import { inflateEntry, type ZipEntry, zipEntries } from './zip';

/**
 * The XLSX reader (SpreadsheetML, ECMA-376 Part 1 §18). Why our own and not read-excel-file: the import needs what
 * that library does not return — each cell's number format (a date format; `0.00` showing 2019.10 rather than
 * 2019.1), the merged ranges, and a cap on inflated size before any XML is read. This reader scans the XML text
 * (no DOM: it runs in a Web Worker, where there is no DOMParser) and only inflates the workbook, its relations,
 * the first sheet, the shared strings and the styles, each under a cap.
 */

/** Inflated bytes allowed for all parts together: a 20,000-row roster of 40 text columns is about 60 MB. */
export const MAX_INFLATED = 96 * 2 ** 20;
/** Excel's own limits (XFD, 1,048,576): a reference beyond them is not a spreadsheet Excel wrote. */
const EXCEL_MAX_COL = 16_384;
const EXCEL_MAX_ROW = 1_048_576;
/** Rows and columns we read values from: the import takes 20,000 data rows; rosters have a few dozen columns. */
export const MAX_SHEET_ROWS = 20_200;
export const MAX_COLUMNS = 512;

const decoder = new TextDecoder();

function part(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, name: string, budget: { left: number }): string | undefined {
  const entry = entries.get(name);
  if (!entry) return undefined;
  const out = inflateEntry(bytes, entry, budget.left);
  budget.left -= out.length;
  return decoder.decode(out);
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities, then OOXML's _xHHHH_ escapes (ST_Xstring, §22.9.2.19). */
export function unescapeXml(s: string): string {
  const plain = s.includes('&')
    ? s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) => {
        if (e[0] === '#') {
          const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        return ENTITY[e] ?? whole;
      })
    : s;
  return plain.includes('_x') ? plain.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : plain;
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
};

const withoutPhonetic = (inner: string) => (inner.includes('<rPh') ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner);

/** The text of a rich or plain string, without its phonetic runs (<rPh>: furigana/pinyin guides, §18.4.6). */
function stringText(inner: string): string {
  let out = '';
  for (const m of withoutPhonetic(inner).matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

/**
 * A run of rich text (§18.4.4 <r>) and whether its own properties strike it through: true or false when the run has
 * properties (<rPr>, §18.4.7 — Excel writes each run's font whole there), undefined when it has none (the cell's font
 * decides).
 */
interface Run {
  text: string;
  strike: boolean | undefined;
}

/** A <strike> element present and not turned off (val="0"/"false"), in a font or a run's properties. */
const strikes = (props: string): boolean => {
  const strike = /<strike\b[^>]*>/.exec(props)?.[0];
  return strike !== undefined && !/\sval\s*=\s*["'](0|false)["']/.test(strike);
};

/** The runs of a rich string when any of them has properties of its own; undefined for plain text. */
function runsOf(inner: string): Run[] | undefined {
  if (!inner.includes('<rPr')) return undefined;
  const runs: Run[] = [];
  for (const m of withoutPhonetic(inner).matchAll(/<r\b[^>]*>([\s\S]*?)<\/r>/g)) {
    const body = m[1] ?? '';
    const props = /<rPr\b[^>]*?(?:\/>|>([\s\S]*?)<\/rPr>)/.exec(body);
    runs.push({ text: stringText(body), strike: props ? strikes(props[1] ?? '') : undefined });
  }
  return runs.length ? runs : undefined;
}

/** A shared string: its text, and its runs when it is rich text with run properties (see runsOf). */
interface Shared {
  text: string;
  runs?: Run[] | undefined;
}

function sharedStrings(xml: string | undefined): Shared[] {
  if (!xml) return [];
  const out: Shared[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    const inner = m[1] ?? '';
    out.push({ text: stringText(inner), runs: runsOf(inner) });
  }
  return out;
}

/** Built-in number formats that show dates (§18.8.30, and the zh-CN ones: 27–31, 36, 50–54, 57, 58 — 32–35 and
 * 55–56 are times), and those among them that show no day (mmm-yy, yyyy"年"m"月"). */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_MONTH_ONLY = new Set([17, 27, 36, 50, 52, 57]);
const BUILTIN_DECIMALS: Record<number, number> = { 1: 0, 2: 2, 3: 0, 4: 2, 9: 0, 10: 2, 11: 2 };

interface Style {
  /** The font is struck through (§18.8.36 strike; a val of 0 or false turns it off). */
  struck?: boolean | undefined;
  date: boolean;
  monthOnly?: boolean | undefined;
  decimals?: number | undefined;
}

/**
 * A custom format code's meaning (§18.8.31): a date when y, m or d appears outside quoted text, [colour/locale]
 * brackets and escapes (number formats have no letters but E and General); else the fixed decimals it shows
 * (`0.00` → 2; `0.0#` shows 1 or 2, so no fixed count).
 */
export function formatStyle(code: string): Style {
  const section = code.split(';')[0] ?? '';
  const bare = section.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  if (/[ymd]/i.test(bare)) return { date: true, monthOnly: !/d/i.test(bare) && /y/i.test(bare) };
  const fraction = /\.([0#?]+)/.exec(bare)?.[1];
  if (fraction !== undefined) return { date: false, decimals: /^0+$/.test(fraction) ? fraction.length : undefined };
  return { date: false, decimals: /[0#]/.test(bare) ? 0 : undefined };
}

function styles(xml: string | undefined): Style[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const struckFonts = struckFontsOf(xml);
  const out: Style[] = [];
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    const format = code !== undefined ? formatStyle(code) : { date: BUILTIN_DATE.has(id), monthOnly: BUILTIN_MONTH_ONLY.has(id), decimals: BUILTIN_DECIMALS[id] };
    out.push(struckFonts.has(Number(attr(m[0], 'fontId') ?? 0)) ? { ...format, struck: true } : format);
  }
  return out;
}

/** The indexes of the fonts (§18.8.23) that strike their text through. */
function struckFontsOf(xml: string): Set<number> {
  const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)?.[1] ?? '';
  const out = new Set<number>();
  [...fonts.matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].forEach((m, i) => {
    if (strikes(m[1] ?? '')) out.add(i);
  });
  return out;
}

/** `AB12` → [column index from 0, row number from 1]; refuses references beyond Excel's grid before any work. */
export function parseRef(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,12})$/.exec(ref);
  if (!m) throw new TableError('import.err.badRef', { ref: ref.slice(0, 20) });
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) {
    col = col * 26 + (ch.charCodeAt(0) - 64);
    if (col > EXCEL_MAX_COL) throw new TableError('import.err.badRef', { ref: ref.slice(0, 20) });
  }
  const row = Number(m[2]);
  if (row < 1 || row > EXCEL_MAX_ROW) throw new TableError('import.err.badRef', { ref: ref.slice(0, 20) });
  return { col: col - 1, row };
}

interface SheetRef {
  name: string;
  path: string;
}

/** The workbook's visible sheets in tab order (all sheets when every one is hidden), with their part paths. */
function visibleSheets(workbook: string, rels: string | undefined): SheetRef[] {
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
  const visible = sheets.filter((s) => !/state\s*=\s*["'](hidden|veryHidden)/.test(s));
  const targets = new Map<string, string>();
  for (const m of rels?.matchAll(/<Relationship\b[^>]*>/g) ?? []) {
    const target = attr(m[0], 'Target') ?? '';
    targets.set(attr(m[0], 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/'));
  }
  const refs = (visible.length ? visible : sheets).map((tag, i) => {
    const rid = attr(tag, 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    return { name: unescapeXml(attr(tag, 'name') ?? `#${i + 1}`), path: targets.get(rid ?? '') ?? (i === 0 ? 'xl/worksheets/sheet1.xml' : '') };
  });
  return refs.length ? refs : [{ name: '#1', path: 'xl/worksheets/sheet1.xml' }];
}

/**
 * A text cell's strike-through (删除线): the whole text struck (the cell's font, or every run that shows anything),
 * or — rich text struck in part, as a clerk crosses out an old value and types the new one after it — its parts
 * struck and not, for the row reader to judge (rows.ts, struck.ts).
 */
function struckText(cell: Cell, runs: readonly Run[] | undefined, style: Style | undefined): Cell {
  const cellStruck = style?.struck === true;
  if (!runs) return cellStruck ? { ...cell, struck: true } : cell;
  const parts = runs.map((r) => ({ text: r.text, struck: r.strike ?? cellStruck })).filter((p) => p.text.trim());
  if (parts.length && parts.every((p) => p.struck)) return { ...cell, struck: true };
  return parts.some((p) => p.struck) ? { ...cell, struckParts: parts } : cell;
}

function cellValue(tag: string, inner: string, shared: readonly Shared[], style: Style | undefined, date1904: boolean): Cell {
  const type = attr(tag, 't') ?? 'n';
  const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  const value = v === undefined ? '' : unescapeXml(v);
  if (type === 's') {
    const found = shared[Number(value)];
    return struckText({ text: found?.text ?? '' }, found?.runs, style);
  }
  if (type === 'inlineStr') {
    const body = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '';
    return struckText({ text: stringText(body) }, runsOf(body), style);
  }
  if (style?.struck) return { ...numberOrOtherValue(type, value, inner, style, date1904), struck: true };
  return numberOrOtherValue(type, value, inner, style, date1904);
}

/** A cell that is no shared or inline string: a boolean, a date, a formula's result, a number. */
function numberOrOtherValue(type: string, value: string, inner: string, style: Style | undefined, date1904: boolean): Cell {
  if (type === 'b') return { text: value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : '' };
  const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner)?.[1];
  // A formula without its cached value (a generator that does not compute): a text constant is its text.
  const uncached = formula ? textOfFormula(`=${unescapeXml(formula)}`) : '';
  // t="d" (§18.18.11): an ISO 8601 date or date-time; the time of day is no part of any date we store.
  if (type === 'd') return { text: /^\d{4}-\d{2}-\d{2}T00:00(:00(\.0+)?)?Z?$/.test(value) ? value.slice(0, 10) : value || uncached };
  if (type === 'str' || type === 'e') return { text: value || uncached };
  if (value === '') return { text: uncached };
  const n = Number(value);
  if (!Number.isFinite(n)) return { text: value };
  if (style?.date) {
    const iso = excelSerialToIso(n, date1904);
    return { text: iso ? (style.monthOnly ? iso.slice(0, 7) : iso) : String(n), number: n, dateFormat: true, monthOnly: style.monthOnly };
  }
  const decimals = style?.decimals;
  // What Excel shows: General shows at most 15 significant digits (2019.0699999999999 → 2019.07).
  return { text: decimals !== undefined && decimals <= 10 ? n.toFixed(decimals) : String(Number(n.toPrecision(15))), number: n, decimals };
}

/** Merged-cell fills allowed in one sheet: 20,000 rows × a few dozen columns; beyond that it is a hostile file. */
const MAX_MERGE_FILLS = 1_000_000;

/**
 * Fill each merged range's top-left value into its other (empty) cells, within the rows read and the widest row
 * (a range over the whole grid, A1:XFD1048576, costs no more than the cells that hold data).
 */
function fillMerged(sheetXml: string, grid: Cell[][], notices: TableNotice[]): void {
  const ranges: string[] = [];
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  let fills = 0;
  for (const m of sheetXml.matchAll(/<mergeCell\b[^>]*>/g)) {
    const ref = attr(m[0], 'ref');
    if (!ref?.includes(':')) continue;
    const [a, b] = ref.split(':');
    const from = parseRef(a ?? '');
    const to = parseRef(b ?? '');
    const source = grid[from.row - 1]?.[from.col];
    if (!source?.text) continue;
    let filled = false;
    const lastRow = Math.min(to.row, grid.length);
    const lastCol = Math.min(to.col, width - 1);
    fills += Math.max(0, lastRow - from.row + 1) * Math.max(0, lastCol - from.col + 1);
    if (fills > MAX_MERGE_FILLS) throw new TableError('import.err.tooManyMerged', { ref });
    for (let r = from.row; r <= lastRow; r++) {
      const row = (grid[r - 1] ??= []);
      for (let c = from.col; c <= lastCol; c++) {
        if (r === from.row && c === from.col) continue;
        if (row[c]?.text) continue;
        for (let k = row.length; k < c; k++) row[k] = { text: '' };
        row[c] = { ...source, merged: true };
        filled = true;
      }
    }
    if (filled) ranges.push(ref);
  }
  if (ranges.length) notices.push({ sheetRow: 0, code: 'import.notice.merged', params: { count: ranges.length, ranges: ranges.length > 5 ? [...ranges.slice(0, 5), '…'] : ranges } });
}

/**
 * Read an XLSX file: every visible sheet (a roster per employer or per month is one sheet each), and the grid of the
 * first that `accept`s (the roster, not a 填表说明 sheet in front of it), else of the first. When the workbook has
 * several, `sheets` lists them all in tab order and `primary` is that one's index: the clerk chooses which to
 * import. `onProgress` gets the fraction of the sheets' XML scanned.
 */
export function readXlsx(
  bytes: Uint8Array,
  onProgress: (fraction: number) => void = () => undefined,
  accept: (grid: Cell[][]) => boolean = () => true,
): Grid & { date1904: boolean; sheets?: SheetGrid[] | undefined; primary?: number | undefined; sheetName?: string | undefined } {
  const entries = new Map(zipEntries(bytes).map((e) => [e.name, e]));
  if (entries.has('EncryptedPackage') || entries.has('EncryptionInfo')) throw new TableError('import.err.encrypted');
  const budget = { left: MAX_INFLATED };
  const workbook = part(bytes, entries, 'xl/workbook.xml', budget);
  if (!workbook) throw new TableError('import.err.noWorkbook');
  const date1904 = /<workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(workbook);
  const sheets = visibleSheets(workbook, part(bytes, entries, 'xl/_rels/workbook.xml.rels', budget)).filter((sheet) => entries.get(sheet.path));
  if (!sheets.length) throw new TableError('import.err.noSheet');
  const common = (entries.get('xl/sharedStrings.xml')?.size ?? 0) + (entries.get('xl/styles.xml')?.size ?? 0);
  // Declared sizes first: refuse before inflating anything big.
  const declared = sheets.reduce((sum, sheet) => sum + (entries.get(sheet.path)?.size ?? 0), common);
  if (declared > budget.left) throw new TableError('import.err.tooBig', { part: sheets[0]?.path ?? '', mb: Math.round(declared / 2 ** 20), max: Math.round(MAX_INFLATED / 2 ** 20) });
  const shared = sharedStrings(part(bytes, entries, 'xl/sharedStrings.xml', budget));
  const styleList = styles(part(bytes, entries, 'xl/styles.xml', budget));
  const grids: SheetGrid[] = sheets.map((sheet, k) => ({
    name: sheet.name,
    ...readSheet(part(bytes, entries, sheet.path, budget) ?? '', shared, styleList, date1904, (f) => onProgress((k + f) / sheets.length)),
  }));
  const primary = Math.max(0, grids.findIndex((g) => accept(g.grid)));
  const chosen = grids[primary] ?? { name: '', grid: [], notices: [] };
  const base = { grid: chosen.grid, notices: chosen.notices, date1904, hiddenRows: chosen.hiddenRows, hiddenColumns: chosen.hiddenColumns };
  return grids.length > 1 ? { ...base, sheets: grids, primary } : { ...base, sheetName: chosen.name };
}

/** One sheet's XML into a grid of sheet rows (blank rows kept, trailing ones dropped), merged ranges filled. */
function readSheet(sheet: string, shared: readonly Shared[], styleList: readonly Style[], date1904: boolean, onProgress: (fraction: number) => void): Grid {
  const grid: Cell[][] = [];
  const notices: TableNotice[] = [];
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(sheet)?.[1] ?? '';
  let rowNo = 0;
  let scanned = 0;
  const hiddenRows: number[] = [];
  for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const head = rm[0].slice(0, rm[0].indexOf('>') + 1);
    const r = attr(head, 'r');
    rowNo = r !== undefined ? Number(r) : rowNo + 1;
    if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > EXCEL_MAX_ROW) throw new TableError('import.err.badRow', { row: String(r).slice(0, 20) });
    const cells = readRow(rm[2] ?? '', shared, styleList, date1904);
    if (cells.length && rowNo > MAX_SHEET_ROWS) throw new TableError('import.err.tooManyRows', { max: MAX_SHEET_ROWS });
    if (cells.length) grid[rowNo - 1] = cells;
    if (cells.length && isTrue(attr(head, 'hidden'))) hiddenRows.push(rowNo);
    scanned += rm[0].length;
    if ((rowNo & 1023) === 0) onProgress(scanned / Math.max(1, data.length));
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  fillMerged(sheet, grid, notices);
  while (grid.at(-1)?.every((c) => !c.text.trim())) grid.pop();
  return { grid, notices, hiddenRows, hiddenColumns: hiddenColumnsOf(sheet, grid) };
}

/** xsd:boolean (§18.3.1.73 `hidden`): "1" or "true". */
const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/**
 * Columns hidden by `<col min max hidden>` (§18.3.1.13; min and max are 1-based), within the widest row read:
 * a range over all 16,384 columns costs no more than the columns that hold data.
 */
function hiddenColumnsOf(sheet: string, grid: readonly Cell[][]): number[] {
  const cols = /<cols\b[^>]*>([\s\S]*?)<\/cols>/.exec(sheet)?.[1];
  if (!cols) return [];
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const out = new Set<number>();
  for (const m of cols.matchAll(/<col\b[^>]*>/g)) {
    if (!isTrue(attr(m[0], 'hidden'))) continue;
    const min = Number(attr(m[0], 'min'));
    const max = Math.min(Number(attr(m[0], 'max')), width);
    if (!Number.isInteger(min) || min < 1) continue;
    for (let c = min; c <= max; c++) out.add(c - 1);
  }
  return [...out].sort((a, b) => a - b);
}

function readRow(inner: string, shared: readonly Shared[], styleList: readonly Style[], date1904: boolean): Cell[] {
  const cells: Cell[] = [];
  let col = -1;
  for (const cm of inner.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const tag = `<c${cm[1] ?? ''}>`;
    const ref = attr(tag, 'r');
    col = ref !== undefined ? parseRef(ref).col : col + 1;
    const style = styleList[Number(attr(tag, 's') ?? 0)];
    const cell = cellValue(tag, cm[2] ?? '', shared, style, date1904);
    if (!cell.text) continue;
    if (col >= MAX_COLUMNS) throw new TableError('import.err.tooManyColumns', { ref: ref ?? `#${col + 1}`, max: MAX_COLUMNS });
    for (let k = cells.length; k < col; k++) cells[k] = { text: '' };
    cells[col] = cell;
  }
  return cells;
}
