import { FIELD_NAMES } from '../../domain/fields';
import { FIELD_KEYS, type FieldKey } from '../../domain/ids';
import lexicon from '../../../rules/shared/fields.json';

/**
 * A column is a field key, the profile's notes, or a combined 劳动合同起止日期 column (`2019.6.4-2025.6.4`) that
 * fills contractStart and contractEnd.
 */
export type ColumnKey = FieldKey | 'notes' | 'contractPeriod';
export const EXTRA_COLUMNS = ['notes', 'contractPeriod'] as const;

/** 「身份证号（必填）」, 「*姓名」, 「Name 」 → comparable text. */
export function normHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/**
 * Column headers are read with the one lexicon of what people call each field, shared with page recognition
 * (rules/shared/fields.json `labels`), plus the contract's Chinese name (what exports write) and the field key.
 */
const LOOKUP = new Map<string, ColumnKey>();
const LABELS = new Map(lexicon.map((e) => [e.key, e.labels]));
for (const key of FIELD_KEYS) {
  for (const alias of [key, FIELD_NAMES[key].zh, ...(LABELS.get(key) ?? [])]) LOOKUP.set(normHeader(alias), key);
}
for (const alias of ['notes', '备注', '说明', '附注']) LOOKUP.set(normHeader(alias), 'notes');
// A spreadsheet-only shape (no portal has such a field): one column holding both contract dates.
for (const alias of ['contractPeriod', '劳动合同起止日期', '劳动合同起止时间', '合同起止日期', '合同起止时间', '劳动合同期限', '合同期限', '起止日期']) {
  LOOKUP.set(normHeader(alias), 'contractPeriod');
}

/**
 * Map each header to a field key; unknown headers stay unmapped (null), and a key is used once. Columns Excel
 * hides (`hidden`, indexes from 0) come last: a roster often keeps the superseded column (the old ID number, last
 * year's phone) hidden beside the one in use, and the clerk means the column they see. A hidden column is mapped
 * only when no visible column claims its field.
 */
export function autoMap(headers: readonly string[], hidden: ReadonlySet<number> = new Set()): Array<ColumnKey | null> {
  const used = new Set<ColumnKey>();
  const out: Array<ColumnKey | null> = headers.map(() => null);
  const order = [...headers.keys()].sort((a, b) => Number(hidden.has(a)) - Number(hidden.has(b)) || a - b);
  for (const i of order) {
    const h = headers[i] ?? '';
    const key = LOOKUP.get(normHeader(h)) ?? LOOKUP.get(normHeader(h.replace(/\/.*$/, '')));
    if (!key || used.has(key)) continue;
    used.add(key);
    out[i] = key;
  }
  return out;
}
