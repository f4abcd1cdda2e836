/**
 * Any non-null object read as a record of unknown values: sound for reading (every property read is `unknown`
 * and checked by the caller), used where data arrives untyped (JSON, IndexedDB, messages) before it is parsed.
 */
export const isRecord = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null;
