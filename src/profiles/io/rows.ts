import { DATE_FIELDS, type FieldKey } from '../../domain/ids';
import { genderOf } from '../../validate/checks';
import { parseFieldDate } from '../../validate/dates';
import { validateField } from '../../validate/field';
import { validateIdNumber } from '../../validate/id-number';
import { validateName } from '../../validate/simple';
import type { Finding } from '../../validate/types';
import { t, type MessageKey } from '../../i18n';
import type { ProfileData } from '../schema';
import type { ColumnKey } from './mapping';
import type { Cell, Table } from './table';
import { excelSerialToIso } from './xlsx';

const FIELD_TYPES: Partial<Record<FieldKey, string>> = {
  mobile: 'mobile',
  phone: 'phone',
  email: 'email',
  postcode: 'postcode',
  employerCreditCode: 'credit-code',
  socialInsuranceMonths: 'integer',
};

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

function yesNo(text: string): boolean | undefined {
  const v = text.normalize('NFKC').trim().toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '退休', '已退休'].includes(v)) return true;
  if (['否', 'n', 'no', 'false', '0', '未退休', '在职'].includes(v)) return false;
  return undefined;
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
    if (key === 'idNumber') {
      if (precisionLost(cell)) {
        errors.push({ column, message: t('v.import.idPrecision', { text }) });
        return;
      }
      const r = validateIdNumber(text, now);
      if (r.value) data.idNumber = r.value;
      else errors.push(...r.findings.map((f) => ({ column, message: msg(f) })));
      return;
    }
    if (key === 'name') {
      const r = validateName(text);
      for (const f of r.findings) (f.severity === 'error' ? errors : warnings).push({ column, message: msg(f) });
      if (r.value) data.name = r.value;
      return;
    }
    if (DATE_FIELDS.has(key)) {
      const serial = cell.number !== undefined ? excelSerialToIso(cell.number, date1904) : undefined;
      const r = serial ? { value: serial, findings: [] } : parseFieldDate(key, text);
      if (r.value) (data as Record<string, string>)[key] = r.value;
      else errors.push(...r.findings.map((f) => ({ column, message: msg(f) })));
      return;
    }
    if (key === 'retired') {
      const b = yesNo(text);
      if (b === undefined) warnings.push({ column, message: t('v.import.yesNo', { text }) });
      else data.retired = b;
      return;
    }
    if (key === 'gender') {
      const g = genderOf(text);
      if (!g) warnings.push({ column, message: t('v.import.gender', { text }) });
      data.gender = g === 'male' ? '男' : g === 'female' ? '女' : text;
      return;
    }
    const r = validateField(key, FIELD_TYPES[key] ?? 'text', text, now);
    for (const f of r.findings) warnings.push({ column, message: msg(f) });
    (data as Record<string, string>)[key] = r.value ?? text;
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
