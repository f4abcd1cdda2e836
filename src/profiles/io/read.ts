import { parseCsv } from './csv';
import { decodeText, type Encoding } from './decode';
import type { Grid, Table, TableNotice } from './table';
import { TableError } from './table';
import { isCompoundFile, isEncryptedOoxml, isXlsx } from './xlsx';
import { readXlsx } from './xlsx-read';
import { autoMap } from './mapping';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 20_000;

export interface ReadResult extends Grid {
  kind: 'csv' | 'xlsx';
  encoding?: Encoding | undefined;
  date1904: boolean;
}

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
    result = { ...readXlsx(bytes, onProgress), kind: 'xlsx' };
  } else {
    const { text, encoding, mixed } = decodeText(bytes);
    const notices: TableNotice[] = [];
    if (mixed) notices.push({ sheetRow: mixed.gbkLines[0] ?? 0, code: 'import.notice.mixedEncoding', params: { utf8: mixed.utf8Lines, gbk: mixed.gbkLines } });
    const grid = parseCsv(text);
    result = { ...grid, notices: [...notices, ...grid.notices], kind: 'csv', encoding, date1904: false };
  }
  if (!result.grid.some((r) => r.some((c) => c.text.trim()))) throw new TableError('import.err.empty', { file: fileName });
  if (result.grid.length > MAX_ROWS + HEADER_SEARCH_ROWS) throw new TableError('import.err.tooManyRows', { max: MAX_ROWS });
  onProgress(1);
  return result;
}

/** Title rows clerks put above the header: we look for the header in the first rows only. */
export const HEADER_SEARCH_ROWS = 20;

/** The first row (sheet row number) whose cells map at least two known headers; else the first non-empty row. */
export function findHeaderRow(grid: Grid['grid']): number {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    if (autoMap((grid[i] ?? []).map((c) => c.text)).filter((k) => k !== null).length >= 2) return i + 1;
  }
  const first = grid.findIndex((r) => r.some((c) => c.text.trim()));
  return first >= 0 ? first + 1 : 1;
}

/** The grid seen from a header row: the header's texts, then the data rows below it (contract.md's N from 1). */
export function tableAt(read: Grid, headerRow: number): Table {
  const headers = (read.grid[headerRow - 1] ?? []).map((c) => c.text.trim());
  const rows = read.grid.slice(headerRow);
  if (rows.length > MAX_ROWS) throw new TableError('import.err.tooManyRows', { max: MAX_ROWS });
  return { headers, rows, headerRow, fatal: read.fatal };
}
