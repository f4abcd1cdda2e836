/**
 * Any non-null object read as a record of unknown values: sound for reading (every property read is `unknown`
 * and checked by the caller), used where data arrives untyped (JSON, IndexedDB, messages) before it is parsed.
 */
export const isRecord = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null;

/** A record with one entry per key of `keys` (a table keyed by FieldKey, BusinessId…). */
export function recordOf<K extends PropertyKey, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  // why: Object.fromEntries types its result `{ [k: string]: V }`, losing the key type; the map gives every key
  // of `keys` a value, so the result is a full Record<K, V>.
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}
