/**
 * Restore points (issue 17.5): before every import, restore and bulk delete the store keeps what the change
 * replaces, so 「撤销」 can put it back. A point holds the ids the change created and the profiles it
 * overwrote or deleted, as they were, sealed by the lock like a profile body (no plaintext when the lock is
 * on; the lock's re-encryption migrates these records too). Only the newest points are kept.
 */
import type { IDBPObjectStore } from 'idb';
import * as z from 'zod';
import type { JzsDB, RestoreKind, StoredRestorePoint } from '../storage/db';
import { Profile } from './schema';

/** How many restore points are kept; the oldest is dropped when a new one is written. */
export const MAX_RESTORE_POINTS = 10;

export const RestoreSnapshot = z.strictObject({
  /** Profiles the change added: 撤销 deletes them. */
  created: z.array(z.string()),
  /** Profiles the change overwrote or deleted, as they were: 撤销 writes them back. */
  previous: z.array(Profile),
});
export type RestoreSnapshot = z.infer<typeof RestoreSnapshot>;

/** What the workbench shows of a restore point before it is opened (no applicant data). */
export interface RestorePointView {
  id: number;
  at: string;
  kind: RestoreKind;
  created: number;
  replaced: number;
}

export function viewOf(record: StoredRestorePoint & { id: number }): RestorePointView {
  return { id: record.id, at: record.at, kind: record.kind, created: record.created, replaced: record.replaced };
}

type PointStore = IDBPObjectStore<JzsDB, ArrayLike<'profiles' | 'restorePoints'>, 'restorePoints', 'readwrite'>;

/** Add a point inside the change's own transaction and drop the oldest beyond the bound. */
export async function keepRestorePoint(store: PointStore, record: StoredRestorePoint): Promise<void> {
  await store.add(record);
  const keys = await store.getAllKeys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_RESTORE_POINTS))) void store.delete(key);
}
