import * as z from 'zod';
import { FIELD_KEYS, FIELD_NAMES, type FieldKey } from '../../domain/ids';
import { Profile } from '../schema';
import { writeXlsx } from './xlsx';

/** Export columns: every field key under its Chinese name (so clerks can read it in Excel), then notes. */
export const EXPORT_HEADERS: string[] = [...FIELD_KEYS.map((k) => FIELD_NAMES[k].zh), '备注'];
export const NOTES_HEADER = '备注';

/** A cell Excel would run as a formula (= + - @, and tab/CR per OWASP) gets a leading apostrophe. */
export function neutralise(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function cellsOf(p: Profile): string[] {
  return [
    ...FIELD_KEYS.map((k: FieldKey) => {
      const v = (p.data as Record<string, unknown>)[k];
      if (k === 'retired') return v === true ? '是' : v === false ? '否' : '';
      return typeof v === 'string' ? v : '';
    }),
    p.notes,
  ];
}

export function csvCell(v: string): string {
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

export class BackupError extends Error {
  readonly code = 'bad-backup';
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Validate a backup file's text. An unknown future version is refused rather than half-understood. */
export function parseBackup(text: string, fileName: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError(`文件 ${fileName} 不是有效的 JSON，未恢复任何档案。`);
  }
  const head = data as { format?: unknown; version?: unknown } | null;
  if (head?.format !== BACKUP_FORMAT) throw new BackupError(`文件 ${fileName} 不是建造师注册助手的档案备份，未恢复任何档案。`);
  if (typeof head.version !== 'number' || head.version > BACKUP_VERSION) {
    throw new BackupError(`备份文件 ${fileName} 的格式版本为 ${String(head.version)}，比本助手支持的版本（${BACKUP_VERSION}）新：请先升级助手再恢复。未恢复任何档案。`);
  }
  const result = Backup.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '';
    throw new BackupError(`备份文件 ${fileName} 校验未通过（${where}：${first?.message ?? ''}），未恢复任何档案。`);
  }
  return result.data;
}
