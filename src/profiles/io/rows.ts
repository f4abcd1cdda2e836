import { DATE_FIELDS } from '../../domain/fields';
import type { FieldKey } from '../../domain/ids';
import { isStrict, parseField } from '../../validate/field';
import type { Finding } from '../../validate/types';
import { t, type MessageKey } from '../../i18n';
import type { ProfileData } from '../schema';
import type { ColumnKey } from './mapping';
import type { Cell, Table } from './table';
import { excelSerialToIso } from './xlsx';

export interface RowIssue {
  /** The column as the file names it (its header text). */
  column: string;
  message: string;
}

export interface RowResult {
  /** Line after the header, from 1 (Excel's row number minus one). */
  row: number;
  blank: boolean;
  data: ProfileData;
  notes?: string | undefined;
  /** Name and ID number as written in the file (the preview shows them even when rejected). */
  shown?: { name: string; idNumber: string } | undefined;
  errors: RowIssue[];
  warnings: RowIssue[];
}

const msg = (f: Finding) => t(`v.${f.code}` as MessageKey, f.params);

/** 1.10101E+17, or an 18-digit number Excel has already rounded to 15 significant digits. */
function precisionLost(cell: Cell): boolean {
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(cell.text.trim())) return true;
  return cell.number !== undefined && Math.abs(cell.number) >= 1e11;
}

/**
 * Validate one row. Rejected (errors) when: no name, a missing or invalid ID number (precision lost in
 * Excel included), or a value that cannot be read (an impossible date). Everything else doubtful is a
 * warning and the text is kept as the clerk wrote it (contract.md).
 */
export function validateRow(
  row: number,
  cells: readonly Cell[],
  headers: readonly string[],
  mapping: ReadonlyArray<ColumnKey | null>,
  now: Date,
  date1904 = false,
): RowResult {
  const data: ProfileData = {};
  let notes: string | undefined;
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const blank = cells.every((c) => !c.text.trim());
  if (blank) return { row, blank, data, errors, warnings };
  const col = (key: FieldKey) => {
    const i = mapping.indexOf(key);
    return i >= 0 ? { header: headers[i] || key, cell: cells[i] ?? { text: '' } } : undefined;
  };
  mapping.forEach((key, i) => {
    if (!key) return;
    const cell = cells[i] ?? { text: '' };
    const text = cell.text.trim();
    const column = headers[i] || key;
    if (!text) return;
    if (key === 'notes') {
      notes = cell.text;
      return;
    }
    if (key === 'idNumber' && precisionLost(cell)) {
      errors.push({ column, message: t('v.import.idPrecision', { text }) });
      return;
    }
    // A date cell Excel stores as a day number.
    const serial = DATE_FIELDS.has(key) && cell.number !== undefined ? excelSerialToIso(cell.number, date1904) : undefined;
    // How the value is read and which problems refuse the row: the field table (src/domain/fields.ts).
    const r = serial ? { value: serial, findings: [] } : parseField(key, text, now);
    for (const f of r.findings) (f.severity === 'error' && isStrict(key) ? errors : warnings).push({ column, message: msg(f) });
    if (r.value !== undefined) (data as Record<string, unknown>)[key] = r.value;
  });
  const nameCol = col('name');
  if (!data.name && !errors.some((e) => e.column === nameCol?.header)) errors.push({ column: nameCol?.header ?? '姓名', message: t('v.name.empty') });
  const idCol = col('idNumber');
  if (!data.idNumber && !errors.some((e) => e.column === idCol?.header)) errors.push({ column: idCol?.header ?? '身份证号', message: t('v.id.empty') });
  const shown = { name: nameCol?.cell.text.trim() ?? '', idNumber: idCol?.cell.text.trim() ?? '' };
  return { row, blank, data, notes, shown, errors, warnings };
}

/** How long validation may hold the page before it yields (well under the 50 ms of a "long task"). */
const SLICE_MS = 25;

/** Validate every row, yielding to the page every SLICE_MS (by time: rows differ a lot in cost). */
export async function validateTable(
  table: Table & { date1904?: boolean },
  mapping: ReadonlyArray<ColumnKey | null>,
  now: Date,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<RowResult[]> {
  const out: RowResult[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < table.rows.length; i++) {
    out.push(validateRow(i + 1, table.rows[i]!, table.headers, mapping, now, table.date1904));
    if (i % 64 === 63 && performance.now() - sliceStart > SLICE_MS) {
      onProgress(i / table.rows.length);
      await new Promise((r) => setTimeout(r, 0));
      sliceStart = performance.now();
    }
  }
  onProgress(1);
  return out;
}
