import { csvCell } from './export';
import type { RowResult } from './rows';
import type { Table } from './table';

/**
 * The rows not imported, as a CSV to fix and import again: a reason column first, then the row's cells as read,
 * under the file's own headers (the header row is recognised again on re-import). UTF-8 with a BOM for Excel.
 */
export function rejectedCsv(table: Table, rows: readonly RowResult[], reasonHeader: string, reason: (r: RowResult) => string): string {
  const lines = [[reasonHeader, ...table.headers]];
  for (const r of rows) lines.push([reason(r), ...(table.rows[r.row - 1] ?? []).map((c) => c.text)]);
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
