import type { MessageKey, Params } from '../../i18n';
import { CodedError, type Problem } from '../../i18n/problem';

/** A spreadsheet as read: header texts and rows of cells, row N = line N after the header (1-based). */
export interface Cell {
  text: string;
  /** The cell held a number (XLSX numeric cell): Excel may have rounded it. */
  number?: number | undefined;
}

export interface Table {
  headers: string[];
  /** rows[i] is data row i + 1; blank lines are kept as empty rows so numbering matches the file. */
  rows: Cell[][];
  /** A problem that makes part of the file unreadable, with the row it starts at. */
  fatal?: { row: number; problem: Problem } | undefined;
}

/** A file that cannot be read as a table (too big, legacy .xls, damaged, …): nothing of it is imported. */
export class TableError extends CodedError {
  constructor(code: MessageKey, params: Params = {}) {
    super(code, params);
    this.name = 'TableError';
  }
}
