import { FIELD_NAMES } from '../../domain/fields';
import { FIELD_KEYS, type FieldKey } from '../../domain/ids';
import lexicon from '../../../rules/shared/fields.json';

/** A column is a field key, or the profile's notes. */
export type ColumnKey = FieldKey | 'notes';

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

/** Map each header to a field key; unknown headers stay unmapped (null), and a key is used once. */
export function autoMap(headers: readonly string[]): Array<ColumnKey | null> {
  const used = new Set<ColumnKey>();
  return headers.map((h) => {
    const key = LOOKUP.get(normHeader(h)) ?? LOOKUP.get(normHeader(h.replace(/\/.*$/, '')));
    if (!key || used.has(key)) return null;
    used.add(key);
    return key;
  });
}
