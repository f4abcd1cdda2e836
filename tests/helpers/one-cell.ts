import { autoMap } from '../../src/profiles/io/mapping';
import { type RowResult, validateRow } from '../../src/profiles/io/rows';
import { checkCharacter } from '../../src/validate/id-number';

const NOW = new Date('2026-11-23T04:00:00Z');
const first17 = '37010219850302111';
/** A valid ID number for the applicant of every one-cell row. */
export const ONE_CELL_ID = first17 + checkCharacter(first17);

/**
 * One roster row of 张三, a valid ID number and one more cell under `header`, read as the import reads it (on
 * 2026-11-23): the stored data, and the row's warnings and notices about that column.
 */
export function oneCell(header: string, text: string): { data: RowResult['data']; notes: RowResult['notes']; warnings: RowResult['warnings']; notices: RowResult['notices'] } {
  const headers = ['姓名', '身份证号', header];
  const r = validateRow(1, 2, [{ text: '张三' }, { text: ONE_CELL_ID }, { text }], { headers, mapping: autoMap(headers), now: NOW, today: '2026-11-23' });
  const about = (list: RowResult['warnings']) => list.filter((w) => w.column === header);
  return { data: r.data, notes: r.notes, warnings: about(r.warnings), notices: about(r.notices) };
}
