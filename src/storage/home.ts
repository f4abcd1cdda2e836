import { unwrap, wrap } from 'idb';
import { DB_NAME, type JzsDatabase, openJzsDB } from './db';

/** navigator.storageBuckets, as far as we use it (Chromium 122+; absent in Firefox). */
export interface BucketManager {
  open(name: string, options?: { durability?: 'strict' | 'relaxed'; persisted?: boolean }): Promise<{ indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** Which bucket holds the data now: one storage.local key (no applicant data in it). */
export interface BucketPointer {
  get(): Promise<string | undefined>;
  set(name: string): Promise<void>;
}

const PREFIX = 'jzs-data-';

/**
 * Where the database lives. Deleting or overwriting a record in IndexedDB does not remove its old bytes
 * from the browser's LevelDB files until a compaction happens to rewrite them, which an extension cannot
 * trigger: after the lock re-encrypts existing profiles, their plaintext would linger on disk. So the data
 * lives in a storage bucket, whose files are deleted with it: `rehome` copies everything (already sealed)
 * into a fresh bucket, switches the pointer (one atomic write), then deletes the old bucket. A crash at any
 * step leaves either the old or the new bucket current; `cleanup` removes the other at the next start.
 * Without bucket support (Firefox) the origin's IndexedDB is used and `rehome` reports false.
 */
export class DataHome {
  private shared: Promise<JzsDatabase> | undefined;

  constructor(
    private readonly buckets: BucketManager | undefined,
    private readonly pointer: BucketPointer,
    private readonly fallback: IDBFactory,
  ) {}

  get purgesOnRehome(): boolean {
    return this.buckets !== undefined;
  }

  private async factory(): Promise<IDBFactory> {
    if (!this.buckets) return this.fallback;
    let name = await this.pointer.get();
    if (!name) {
      name = `${PREFIX}1`;
      await this.pointer.set(name);
    }
    return (await this.buckets.open(name, { durability: 'strict', persisted: true })).indexedDB;
  }

  /** The one shared connection (reopened after the browser or an upgrade closed it). */
  db(): Promise<JzsDatabase> {
    this.shared ??= this.open();
    return this.shared;
  }

  /** Delete buckets of ours that are not current (left by an interrupted rehome). */
  async cleanup(): Promise<void> {
    if (!this.buckets) return;
    const current = await this.pointer.get();
    for (const name of await this.buckets.keys()) {
      if (name.startsWith(PREFIX) && name !== current) await this.buckets.delete(name);
    }
  }

  /**
   * Move all data to a new bucket and delete the old one with its files. `transform` may rewrite records on
   * the way (the lock seals them: "write new, then drop old", so a crash leaves either the untouched old
   * bucket or the complete new one, never a mix). Every store the database has is copied, whatever its
   * version added. Callers of `db()` wait until the move is over, so no write lands in the old bucket.
   */
  async rehome(transform?: (store: string, record: unknown) => Promise<unknown>): Promise<boolean> {
    if (!this.buckets) return false;
    const buckets = this.buckets;
    // The copy is schema-agnostic (every store whatever its version added, records opaque to it): it goes
    // through idb's untyped view of the same connections.
    const from = wrap(unwrap(await this.db()));
    const move = (async () => {
      const oldName = (await this.pointer.get()) ?? `${PREFIX}1`;
      const nextName = `${PREFIX}${Number(oldName.slice(PREFIX.length)) + 1}`;
      const stores = [...from.objectStoreNames];
      const copied = new Map<string, unknown[]>();
      for (const store of stores) {
        // Each store read in its own transaction; the transform (crypto) runs outside any transaction.
        const records: unknown[] = await from.getAll(store);
        copied.set(store, transform ? await Promise.all(records.map((r) => transform(store, r))) : records);
      }
      const target = wrap(unwrap(await openJzsDB(DB_NAME, undefined, (await buckets.open(nextName, { durability: 'strict', persisted: true })).indexedDB)));
      const tx = target.transaction(stores, 'readwrite');
      for (const store of stores) for (const r of copied.get(store) ?? []) void tx.objectStore(store).put(r);
      await tx.done;
      target.close();
      await this.pointer.set(nextName);
      from.close();
      await buckets.delete(oldName);
    })();
    // db() waits for the move and then opens the new bucket (or, if the move failed, the old one again).
    this.shared = move.then(
      () => this.open(),
      () => this.open(),
    );
    await move;
    return true;
  }

  private open(): Promise<JzsDatabase> {
    return this.factory().then((f) =>
      openJzsDB(DB_NAME, () => {
        this.shared = undefined;
      }, f),
    );
  }
}
