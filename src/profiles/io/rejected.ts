import { csvCell } from './export';
import type { RowResult } from './rows';
import type { Table } from './table';

/** The rows not imported of one sheet (or of the one table of a file), under that sheet's table. */
export interface RejectedBlock {
  table: Table;
  rows: readonly RowResult[];
}

/**
 * The rows not imported, as a CSV to fix and import again: a reason column first, then the row's cells as read,
 * under the file's own headers (the header row is recognised again on re-import). The rows of each further sheet
 * of a workbook follow under that sheet's own header line, which the import reads as a header again: each block is
 * read by its own columns. UTF-8 with a BOM for Excel.
 */
export function rejectedCsv(blocks: readonly RejectedBlock[], reasonHeader: string, reason: (r: RowResult) => string): string {
  const lines: string[][] = [];
  for (const { table, rows } of blocks) {
    if (!rows.length) continue;
    if (lines.length) lines.push([]);
    lines.push([reasonHeader, ...table.headers]);
    for (const r of rows) lines.push([reason(r), ...(table.rows[(r.sheet?.row ?? r.row) - 1] ?? []).map((c) => c.text)]);
  }
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
