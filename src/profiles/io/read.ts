import { parseCsv } from './csv';
import { decodeText, type Encoding } from './decode';
import type { Cell, Grid, Section, SheetGrid, Table, TableNotice } from './table';
import { TableError } from './table';
import { columnLetter, isCompoundFile, isEncryptedOoxml, isXlsx } from './xlsx';
import { readXlsx } from './xlsx-read';
import { autoMap, byValues, type ColumnKey, groupOfAnother } from './mapping';
import { isNoValueMark } from './no-value';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 20_000;

export interface ReadResult extends Grid {
  kind: 'csv' | 'xlsx';
  encoding?: Encoding | undefined;
  date1904: boolean;
  /**
   * A workbook of several sheets: every visible sheet in tab order (the grid above is `sheets[primary]`'s, the first
   * whose headers are recognised). Undefined for a CSV and a workbook of one sheet.
   */
  sheets?: SheetGrid[] | undefined;
  primary?: number | undefined;
  /** A workbook of one sheet: that sheet's name (its tab), which may name the employer (sheet-employer.ts). */
  sheetName?: string | undefined;
}

/** Sheet `index` of a read file (the file's one grid when it has no several sheets). */
export function sheetOf(read: ReadResult, index: number): Grid {
  return read.sheets?.[index] ?? read;
}

/** A sheet's data rows under its header row: what the sheet list shows for it (blank rows not counted). */
export function dataRowsIn(grid: Grid['grid'], headerRow: number): number {
  let count = 0;
  for (let i = headerRow; i < grid.length; i++) if ((grid[i] ?? []).some((c) => c.text.trim())) count++;
  return count;
}

/** Whether a sheet has a header row we recognise (two known column names in its first rows): imported by default. */
export const hasHeaderRow = (grid: Grid['grid']): boolean => headerRowIn(grid) !== undefined;

/**
 * Read an import file into a grid of sheet rows. Pure and synchronous: the workbench runs it in a Web Worker
 * (import-worker.ts) so that neither the workbench nor the popup sharing its renderer ever waits on it. Every
 * cap (file size, inflated size, cell references, rows) is checked before the work it guards.
 */
export function readImportFile(bytes: Uint8Array, fileName: string, onProgress: (fraction: number) => void = () => undefined): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) throw new TableError('import.err.fileTooBig', { file: fileName, mb: (bytes.length / 2 ** 20).toFixed(1), max: 20 });
  if (isCompoundFile(bytes)) throw new TableError(isEncryptedOoxml(bytes) ? 'import.err.encrypted' : 'import.err.legacyXls', { file: fileName });
  let result: ReadResult;
  if (isXlsx(bytes)) {
    result = { ...readXlsxNamed(bytes, fileName, onProgress), kind: 'xlsx' };
  } else {
    const { text, encoding, mixed } = decodeText(bytes);
    if (looksBinary(bytes, text, encoding)) throw new TableError('import.err.notTable', { file: fileName });
    const notices: TableNotice[] = [];
    if (mixed) notices.push({ sheetRow: mixed.gbkLines[0] ?? 0, code: 'import.notice.mixedEncoding', params: { utf8: mixed.utf8Lines, gbk: mixed.gbkLines } });
    const grid = parseCsv(text);
    result = { ...grid, notices: [...notices, ...grid.notices], kind: 'csv', encoding, date1904: false };
  }
  if (!result.grid.some((r) => r.some((c) => c.text.trim()))) throw new TableError('import.err.empty', { file: fileName });
  // Each sheet's own notices; the primary sheet's grid and notices are the same objects as its entry in `sheets`.
  for (const sheet of result.sheets ?? [result]) {
    sheet.notices.push(...hiddenNotices(sheet));
    if (sheet.grid.length > MAX_ROWS + HEADER_SEARCH_ROWS) throw new TableError('import.err.tooManyRows', { max: MAX_ROWS });
  }
  onProgress(1);
  return result;
}

/** At most this many row numbers or column letters in a notice. */
const LISTED = 10;
const listed = (items: readonly string[]) => (items.length > LISTED ? [...items.slice(0, LISTED), '…'] : [...items]);

/** Hidden rows and columns are read (they are data), but the clerk, who cannot see them in Excel, is told where. */
function hiddenNotices(read: Grid): TableNotice[] {
  const out: TableNotice[] = [];
  const rows = read.hiddenRows ?? [];
  const columns = read.hiddenColumns ?? [];
  if (rows.length) out.push({ sheetRow: rows[0] ?? 0, code: 'import.notice.hiddenRows', params: { count: rows.length, rows: listed(rows.map(String)) } });
  if (columns.length) out.push({ sheetRow: 0, code: 'import.notice.hiddenColumns', params: { count: columns.length, columns: listed(columns.map(columnLetter)) } });
  return out;
}

/** The workbook reader's errors name the file they are about (the clerk may have picked the wrong one). */
function readXlsxNamed(bytes: Uint8Array, fileName: string, onProgress: (fraction: number) => void): ReturnType<typeof readXlsx> {
  try {
    return readXlsx(bytes, onProgress, (grid) => headerRowIn(grid) !== undefined);
  } catch (err) {
    if (err instanceof TableError && err.params.file === undefined) throw new TableError(err.code, { ...err.params, file: fileName });
    throw err;
  }
}

/**
 * A file that is no text at all (a photo, a PDF, a Word file renamed .csv): NUL bytes (text files other than
 * UTF-16, which has its BOM, never hold them), or more than 2 % of the first characters (and at least 8: one stray
 * byte in a short GBK file is still text) undecodable or control characters. Read as text, it would become one column of mojibake that maps nothing and says nothing.
 */
function looksBinary(bytes: Uint8Array, text: string, encoding: string): boolean {
  if (!encoding.startsWith('utf-16') && bytes.subarray(0, 65_536).includes(0)) return true;
  const sample = text.slice(0, 65_536);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) odd++;
  }
  return odd >= 8 && odd / sample.length > 0.02;
}

/** Title rows clerks put above the header: we look for the header in the first rows only. */
export const HEADER_SEARCH_ROWS = 20;

/** The first row (sheet row number) of the first rows whose cells map at least two known headers. */
function headerRowIn(grid: Grid['grid']): number | undefined {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    if (autoMap((grid[i] ?? []).map((c) => c.text)).filter((k) => k !== null).length >= 2) return i + 1;
  }
  return undefined;
}

/** The first row (sheet row number) whose cells map at least two known headers; else the first non-empty row. */
export function findHeaderRow(grid: Grid['grid']): number {
  const found = headerRowIn(grid);
  if (found !== undefined) return found;
  const first = grid.findIndex((r) => r.some((c) => c.text.trim()));
  return first >= 0 ? first + 1 : 1;
}

/** The columns mapped as the workbench maps them first (autoMap): visible columns, and those with data, first. */
export function autoMapTable(table: Table): Array<ColumnKey | null> {
  const filled = new Set<number>();
  for (const row of table.rows) row.forEach((cell, i) => (cell.text.trim() ? filled.add(i) : undefined));
  const mapping = autoMap(table.headers, table.hiddenColumns, filled);
  // Values of applicants' rows only (an ID number in the row, as rows.ts tells a totals or guide row from one); a mark
  // for no value (—) tells nothing of which field a column is.
  const idAt = mapping.indexOf('idNumber');
  const applicants = table.rows.filter((row) => idAt < 0 || (row[idAt]?.text.normalize('NFKC').match(/\d/g)?.length ?? 0) >= 6);
  const valuesOf = (i: number) => applicants.map((row) => row[i]?.text.trim() ?? '').filter((v) => v && !isNoValueMark(v));
  return byValues(table.headers, mapping, valuesOf);
}

/**
 * The grid seen from a header row: the header's texts, then the data rows below it (contract.md's N from 1). A
 * header of two rows (a group cell such as 劳动合同 merged across 开始日期 | 结束日期 on the row below) is read as
 * one: the group's columns are named by group and sub-header together, and data starts under the second row —
 * otherwise the sub-header row would be rejected as an applicant and the group's columns left unmapped.
 */
export function tableAt(read: Grid, headerRow: number): Table {
  const top = read.grid[headerRow - 1] ?? [];
  const combined = twoRowHeader(top, read.grid[headerRow]);
  const headers = combined ?? top.map((c) => c.text.trim());
  const rows = read.grid.slice(combined ? headerRow + 1 : headerRow);
  if (rows.length > MAX_ROWS) throw new TableError('import.err.tooManyRows', { max: MAX_ROWS });
  const hidden = (list: number[] | undefined) => (list?.length ? new Set(list) : undefined);
  // Only under a header that is one: under a title row chosen as the header, the header below is no second header.
  const sections = autoMap(headers).filter((k) => k !== null).length >= 2 ? sectionsIn(rows) : [];
  return {
    headers,
    rows,
    headerRow,
    subHeaderRow: combined ? headerRow + 1 : undefined,
    fatal: read.fatal,
    hiddenRows: hidden(read.hiddenRows),
    hiddenColumns: hidden(read.hiddenColumns),
    ...(sections.length ? { sections } : {}),
  };
}

/**
 * Header rows again among the data rows: rows naming at least two known columns (as findHeaderRow finds the header)
 * and holding no ID number. A row with six digits in a row in any cell is an applicant's and is not even tested,
 * so that a 20,000-row sheet costs one short scan per row.
 */
function sectionsIn(rows: readonly Cell[][]): Section[] {
  const out: Section[] = [];
  rows.forEach((row, at) => {
    if (row.length < 2 || row.some((c) => /[\d０-９]{6}/.test(c.text))) return;
    const headers = row.map((c) => c.text.trim());
    if (autoMap(headers).filter((k) => k !== null).length >= 2) out.push({ at, headers, title: titleAbove(rows, at) });
  });
  return out;
}

/** The row above a header row again, blank rows skipped, when it is a title: one filled cell, no number in it. */
function titleAbove(rows: readonly Cell[][], at: number): number | undefined {
  let i = at - 1;
  while (i >= 0 && !(rows[i] ?? []).some((c) => c.text.trim())) i--;
  const filled = (rows[i] ?? []).filter((c) => c.text.trim());
  return filled.length === 1 && !/\d{6}/.test(filled[0]?.text.normalize('NFKC') ?? '') ? i : undefined;
}

/**
 * Each header column's group, when it is one: a cell merged across its neighbours (the reader fills the range,
 * marking the copies `merged`), or — in a CSV, which keeps no merges — an empty header cell right of a group
 * whose row below names it.
 */
function groupsOf(top: readonly Cell[], below: readonly Cell[]): Array<string | undefined> {
  const text = (c: Cell | undefined) => c?.text.trim() ?? '';
  const width = Math.max(top.length, below.length);
  const groups: Array<string | undefined> = [];
  for (let c = 0; c < width; c++) {
    const own = text(top[c]);
    const spans = own !== '' && ((top[c + 1]?.merged === true && text(top[c + 1]) === own) || (top[c]?.merged === true && text(top[c - 1]) === own));
    const continues = own === '' && c > 0 && text(below[c]) !== '' && text(below[c - 1]) !== '' && (groups[c - 1] ?? text(top[c - 1])) !== '';
    if (continues) groups[c - 1] ??= text(top[c - 1]);
    groups.push(spans ? own : continues ? groups[c - 1] : undefined);
  }
  return groups;
}

/**
 * The combined header texts when the row below the header is its second row: at least one sub-header under a
 * group, every other cell of that row empty or the header cell above merged down into it, and at least one header
 * cell outside the groups. A sub-header
 * holds no digit, so a data row under a merged header (dates, ID numbers) is never taken for one.
 */
function twoRowHeader(top: readonly Cell[], below: readonly Cell[] | undefined): string[] | undefined {
  if (!below) return undefined;
  const groups = groupsOf(top, below);
  let subs = 0;
  for (let c = 0; c < Math.max(top.length, below.length); c++) {
    const child = below[c]?.text.trim() ?? '';
    if (child === '') continue;
    const mergedDown = below[c]?.merged === true && child === (top[c]?.text.trim() ?? '');
    if (mergedDown) continue;
    if (groups[c] === undefined || /\d/.test(child.normalize('NFKC'))) return undefined;
    subs++;
  }
  // A header row that is all one group is a title over the header (某公司花名册), not the header's first row.
  const standalone = top.some((cell, c) => groups[c] === undefined && cell.text.trim() !== '');
  if (!subs || !standalone) return undefined;
  return groups.map((group, c) => {
    const child = below[c]?.text.trim() ?? '';
    const own = top[c]?.text.trim() ?? '';
    if (group === undefined || child === '' || child === own) return own;
    const joined = group + child;
    // Under 紧急联系人 or 家属信息, 姓名 and 手机 are not the applicant's: the joined name says whose they are.
    if (groupOfAnother(group) || autoMap([joined])[0] !== null || autoMap([child])[0] === null) return joined;
    return child;
  });
}
