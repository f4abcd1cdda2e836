import * as z from 'zod';
import { FIELD_NAMES } from '../../domain/fields';
import { FIELD_KEYS, type FieldKey } from '../../domain/ids';
import { fieldText } from '../../validate/field';
import type { MessageKey, Params } from '../../i18n';
import { CodedError } from '../../i18n/problem';
import { Profile } from '../schema';
import { writeXlsx } from './xlsx';

/** Export columns: every field key under its Chinese name (so clerks can read it in Excel), then notes. */
export const EXPORT_HEADERS: string[] = [...FIELD_KEYS.map((k) => FIELD_NAMES[k].zh), '备注'];

/**
 * A cell Excel would run as a formula (= + - @, and tab/CR per OWASP) gets a leading apostrophe — and so does a
 * value that itself starts with apostrophes before those characters, since the import takes one such apostrophe
 * off (csv.ts unneutralise): every value reads back as it was.
 */
export function neutralise(v: string): string {
  return /^'*[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function cellsOf(p: Profile): string[] {
  return [
    // In Chinese words (是/否, 无固定期限), which import reads back to the same values.
    ...FIELD_KEYS.map((k: FieldKey) => fieldText(k, p.data[k], 'zh')),
    p.notes,
  ];
}

/**
 * Digits Excel turns into a number when it opens a CSV: 12 or more (an ID number shows as 3.70102E+17 and is kept
 * to 15 significant digits — saved again, 370102199001011231 comes back as …011000) or a leading 0 (dropped). They
 * are written as Excel's text formula ="…", which Excel shows as the digits and keeps as text, and which the import
 * reads back as that text (csv.ts unneutralise). Only digits, so no formula can be smuggled in.
 */
const EXCEL_NUMBER = /^(\d{12,}|0\d+)$/;

export function csvCell(v: string): string {
  if (EXCEL_NUMBER.test(v)) return `"=""${v}"""`;
  const safe = neutralise(v);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM: Excel only shows Chinese right in a CSV that starts with one. */
export function toCsv(profiles: readonly Profile[]): string {
  const lines = [EXPORT_HEADERS, ...profiles.map(cellsOf)].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** XLSX cells are written as inline strings, which Excel never evaluates: no neutralising needed. */
export function toXlsx(profiles: readonly Profile[]): Uint8Array {
  return writeXlsx(EXPORT_HEADERS, profiles.map(cellsOf));
}

export const BACKUP_FORMAT = 'jzs-profiles-backup';
/** 1: profiles (0.1.0, businesses inside each profile); 2: + the cases store (issue 15). Both restore. */
export const BACKUP_VERSION = 2;

export const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.iso.datetime(),
  profiles: z.array(Profile),
  /** Cases (src/cases/schema.ts), validated by the background when restored (profiles/ does not import cases/). */
  cases: z.array(z.unknown()).optional(),
});
export type Backup = z.infer<typeof Backup>;

export function toBackup(profiles: readonly Profile[], now: Date, cases: readonly unknown[] = []): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), profiles: [...profiles], cases: [...cases] };
  return JSON.stringify(backup, null, 1);
}

/** A backup file that cannot be restored (catalogue `backup.*` / `backupEncErrors.*`): nothing was written. */
export class BackupError extends CodedError {
  constructor(code: MessageKey, params: Params) {
    super(code, params);
    this.name = 'BackupError';
  }
}

/** Validate a backup file's text. An unknown future version is refused rather than half-understood. */
export function parseBackup(text: string, fileName: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError('backup.notJson', { file: fileName });
  }
  const head = typeof data === 'object' && data !== null ? data : {};
  if (!('format' in head) || head.format !== BACKUP_FORMAT) throw new BackupError('backup.notBackup', { file: fileName });
  const version = 'version' in head ? head.version : undefined;
  if (typeof version !== 'number' || version > BACKUP_VERSION) {
    throw new BackupError('backup.tooNew', { file: fileName, version: String(version), supported: BACKUP_VERSION });
  }
  const result = Backup.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '';
    throw new BackupError('backup.invalid', { file: fileName, where, problem: first?.message ?? '' });
  }
  return result.data;
}

/** The import template: every column the import recognises, formatted as text, no rows. */
export function importTemplate(): Uint8Array {
  return writeXlsx(EXPORT_HEADERS, [], '导入模板');
}
