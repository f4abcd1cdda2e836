import { holdsDate } from './cell-dates';
import type { ColumnKey } from './mapping';
import type { Cell, Table } from './table';

/** How many filled cells of a column are looked at: enough to tell, few enough for a 10,000-row sheet. */
const LOOKED_AT = 20;

/**
 * The columns left unmapped that hold dates (most of their first filled cells): a header the lexicon does not
 * know (「证书有效期至」) leaves such a column 「不导入」, and its dates — an expiry, a contract's end — would be
 * silently missing from the profiles, and from 期限提醒. The mapping step names them so the clerk maps them or
 * leaves them knowingly; they are never mapped here, since which date a column holds cannot be told from values.
 */
export function unmappedDateColumns(table: Pick<Table, 'headers' | 'rows'>, mapping: ReadonlyArray<ColumnKey | null>): Set<number> {
  const out = new Set<number>();
  table.headers.forEach((_, i) => {
    if (mapping[i]) return;
    const filled: Cell[] = [];
    for (const row of table.rows) {
      const cell = row[i];
      if (cell?.text.trim()) filled.push(cell);
      if (filled.length >= LOOKED_AT) break;
    }
    if (filled.length && filled.filter(holdsDate).length * 2 > filled.length) out.add(i);
  });
  return out;
}
