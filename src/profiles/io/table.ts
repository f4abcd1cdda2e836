import type { MessageKey, Params } from '../../i18n';
import { CodedError } from '../../i18n/problem';

/** One cell as read. `text` is what the clerk sees (or typed); the rest tells how the file stored it. */
export interface Cell {
  text: string;
  /** The cell held a number (XLSX numeric cell, or a CSV text that is a plain number): Excel may have rounded it. */
  number?: number | undefined;
  /** The XLSX cell's number format is a date format: `number` is a date serial the clerk saw as a date. */
  dateFormat?: boolean | undefined;
  /** The date format shows no day (`yyyy"年"m"月"`): the clerk saw a month. */
  monthOnly?: boolean | undefined;
  /** Decimals the XLSX number format shows (`0.00` → 2), when it fixes them. */
  decimals?: number | undefined;
  /** The value came from a merged range's top-left cell (filled down by the reader). */
  merged?: boolean | undefined;
  /** The XLSX cell's font is struck through (删除线): clerks cross out a value, or a whole row, that no longer holds. */
  struck?: boolean | undefined;
  /**
   * Rich text struck through in part only (a run of 删除线 inside the cell: 「~~13805311234~~ 13905311234」): the cell's
   * visible parts in order, each struck or not. Undefined when no part, or every part, is struck (`struck`).
   */
  struckParts?: Array<{ text: string; struck: boolean }> | undefined;
}

/** A row crossed out whole: it has filled cells, and every one of them (merged copies aside) is struck through. */
export function struckRow(cells: readonly Cell[]): boolean {
  const own = cells.filter((c) => c.text.trim() && !c.merged);
  return own.length > 0 && own.every((c) => c.struck === true);
}

/** A problem in part of the file, with where it starts; the message is a catalogue key and its parameters. */
export interface TableNotice {
  /** Sheet row (as Excel shows it) where it starts; 0 for the whole file. */
  sheetRow: number;
  code: MessageKey;
  params?: Params;
}

/**
 * A spreadsheet as read: every physical row, from the sheet's row 1, so the header row can be chosen after
 * reading. grid[i] is sheet row i + 1 (a CSV's line i + 1); blank rows are kept as empty arrays.
 */
export interface Grid {
  grid: Cell[][];
  /** A problem that makes the rest of the file unreadable (an unclosed quote): rows from there are not read. */
  fatal?: TableNotice | undefined;
  /** File-level notices (merged cells filled down, mixed encodings …). */
  notices: TableNotice[];
  /**
   * Rows and columns Excel hides (filtered out, hidden by hand, a collapsed outline): sheet row numbers, and
   * column indexes from 0. The clerk does not see them, so an import says so rather than reading them silently.
   */
  hiddenRows?: number[] | undefined;
  hiddenColumns?: number[] | undefined;
}

/** One sheet of a workbook of several, as read: its name as its tab shows it, and its grid. */
export interface SheetGrid extends Grid {
  name: string;
}

/**
 * A header row again inside the data (two rosters pasted one under the other, each with its header): the rows under
 * it are read by its own column names where they differ from the table's header.
 */
export interface Section {
  /** Index in Table.rows of the repeated header row. */
  at: number;
  /** Its texts, column by column. */
  headers: string[];
  /** A title right above it (「第二批人员名单」: a row of one cell, blank rows between allowed), as an index in Table.rows. */
  title?: number | undefined;
}

/**
 * A header row chosen on a grid: rows[i] is data row i + 1 (contract.md's N), at sheet row `sheetRowOf(table, i)`:
 * headerRow + 1 + i, or + 2 + i under a header of two rows.
 */
export interface Table {
  headers: string[];
  rows: Cell[][];
  /** The header row's sheet row number (1 when the header is the first row). */
  headerRow: number;
  /** The header's second row (sub-headers under merged group cells: 劳动合同 over 开始日期 | 结束日期), when it has one. */
  subHeaderRow?: number | undefined;
  fatal?: TableNotice | undefined;
  /** Sheet rows and columns Excel hides (Grid.hiddenRows, Grid.hiddenColumns). */
  hiddenRows?: ReadonlySet<number> | undefined;
  hiddenColumns?: ReadonlySet<number> | undefined;
  /** Header rows again further down, in order (none in most files). */
  sections?: readonly Section[] | undefined;
}

/** The sheet row (as Excel shows it) of data row index i (0-based) of a table. */
export function sheetRowOf(table: Pick<Table, 'headerRow' | 'subHeaderRow'>, i: number): number {
  return (table.subHeaderRow ?? table.headerRow) + 1 + i;
}

/** An error that stops reading a file: a catalogue key with parameters (the error model, i18n/problem.ts). */
export class TableError extends CodedError {
  constructor(code: MessageKey, params: Params = {}) {
    super(code, params);
    this.name = 'TableError';
  }
}

/**
 * A formula that is only a text constant, `="0531-88886666"` (quotes inside doubled), is that text: it is what
 * Excel shows in the cell. Any other formula stays as written (nothing is ever evaluated).
 */
export function textOfFormula(text: string): string {
  const m = /^="((?:[^"]|"")*)"$/.exec(text);
  return m ? (m[1] ?? '').replace(/""/g, '"') : text;
}
