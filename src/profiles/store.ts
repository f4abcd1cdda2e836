import { unwrap } from 'idb';
import type { JzsDatabase, StoredProfile } from '../storage/db';
import type { BodyCodec } from './codec';
import { isQuotaError, NotFound, RevisionConflict, StorageFull } from './errors';
import { type Profile, ProfileBody, type ProfileInput } from './schema';

export type ImportItem =
  | { kind: 'create'; body: ProfileInput }
  | { kind: 'update'; id: string; body: ProfileInput; expectedRevision: number }
  /** From a backup: the profile as it was, same id and dates; replaces a stored one with a higher revision. */
  | { kind: 'restore'; profile: Profile };

/** A profile without its record fields (id, dates, revision). */
function bodyOf(profile: Profile): ProfileInput {
  const { id: _id, createdAt: _c, updatedAt: _u, revision: _r, ...body } = profile;
  return body;
}

/** Associated data of a profile's ciphertext: its id. */
export const aadOf = (id: string) => `profile:${id}`;

async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isQuotaError(err)) throw new StorageFull();
    throw err;
  }
}

/**
 * Profiles in IndexedDB. Every write is one transaction; a failure leaves the store as it was. Bodies pass
 * through the codec (plain, or sealed by the lock) before any transaction opens.
 */
export class ProfileStore {
  constructor(
    private readonly db: () => Promise<JzsDatabase>,
    private readonly codec: () => BodyCodec,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async decode(stored: StoredProfile): Promise<Profile> {
    const body = ProfileBody.parse(await this.codec().open(stored.body, aadOf(stored.id)));
    return { id: stored.id, createdAt: stored.createdAt, updatedAt: stored.updatedAt, revision: stored.revision, ...body };
  }

  /**
   * How many profiles are stored. IndexedDB counts by walking the keys (10 ms for 10,000 on the bench
   * machine, paid by every popup opening), so the number is kept: the background's store is the only
   * writer, and every add and delete below adjusts it. A count read while a write ran is not kept.
   */
  async count(): Promise<number> {
    const db = await this.db();
    if (this.counted?.db === db) return this.counted.n;
    const writes = this.writes;
    const n = await db.count('profiles');
    if (writes === this.writes) this.counted = { db, n };
    return n;
  }

  private counted: { db: JzsDatabase; n: number } | undefined;
  private writes = 0;

  private added(db: JzsDatabase, delta: number): void {
    this.writes++;
    if (this.counted?.db === db) this.counted.n += delta;
  }

  /** Newest first, one page: reads `limit` records, whatever the size of the store. */
  async page(offset: number, limit: number): Promise<Profile[]> {
    const db = await this.db();
    const tx = db.transaction('profiles');
    let cursor = await tx.store.index('updatedAt').openCursor(null, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    const stored: StoredProfile[] = [];
    while (cursor && stored.length < limit) {
      stored.push(cursor.value);
      cursor = await cursor.continue();
    }
    await tx.done;
    return Promise.all(stored.map((s) => this.decode(s)));
  }

  async get(id: string): Promise<Profile> {
    const stored = await (await this.db()).get('profiles', id);
    if (!stored) throw new NotFound(id);
    return this.decode(stored);
  }

  async getMany(ids: readonly string[]): Promise<Profile[]> {
    const db = await this.db();
    const tx = db.transaction('profiles');
    const stored = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return Promise.all(stored.filter((s): s is StoredProfile => s !== undefined).map((s) => this.decode(s)));
  }

  /** Every stored record, still encoded (one request; decoding happens outside the transaction). */
  async allStored(): Promise<StoredProfile[]> {
    return (await this.db()).getAll('profiles');
  }

  async create(input: ProfileInput, now: Date): Promise<Profile> {
    const body = ProfileBody.parse(input);
    const at = now.toISOString();
    const id = this.newId();
    const record: StoredProfile = { id, createdAt: at, updatedAt: at, revision: 1, body: await this.codec().seal(body, aadOf(id)) };
    const db = await this.db();
    await write(async () => db.add('profiles', record));
    this.added(db, 1);
    return { id: record.id, createdAt: at, updatedAt: at, revision: 1, ...body };
  }

  /** Save an edit made from `expectedRevision`; refuses (RevisionConflict) if the profile moved on since. */
  async update(id: string, input: ProfileInput, expectedRevision: number, now: Date): Promise<Profile> {
    const body = ProfileBody.parse(input);
    const sealed = await this.codec().seal(body, aadOf(id));
    const db = await this.db();
    const saved = await write(async () => {
      const tx = db.transaction('profiles', 'readwrite');
      const current = await tx.store.get(id);
      if (!current || current.revision !== expectedRevision) {
        tx.abort();
        await tx.done.catch(() => undefined);
        if (!current) throw new NotFound(id);
        throw new RevisionConflict(await this.decode(current));
      }
      const next: StoredProfile = { ...current, updatedAt: now.toISOString(), revision: current.revision + 1, body: sealed };
      await tx.store.put(next);
      await tx.done;
      return next;
    });
    return { id, createdAt: saved.createdAt, updatedAt: saved.updatedAt, revision: saved.revision, ...body };
  }

  async remove(ids: readonly string[]): Promise<number> {
    const db = await this.db();
    return write(async () => {
      const tx = db.transaction('profiles', 'readwrite');
      const existing = await Promise.all(ids.map((id) => tx.store.getKey(id)));
      await Promise.all(ids.map((id) => tx.store.delete(id)));
      await tx.done;
      const removed = existing.filter((k) => k !== undefined).length;
      this.added(db, -removed);
      return removed;
    });
  }

  /**
   * All-or-nothing batch (import, restore): everything sealed first, then ONE transaction; a revision
   * conflict or any failure aborts it and nothing is written.
   */
  async commit(items: readonly ImportItem[], now: Date, { validated = false }: { validated?: boolean } = {}): Promise<Profile[]> {
    const at = now.toISOString();
    const prepared = await Promise.all(
      items.map(async (item) => {
        // `validated`: the caller has parsed the items with the same schemas (the background's message router).
        const input = item.kind === 'restore' ? bodyOf(item.profile) : item.body;
        const body = validated ? (input as ProfileBody) : ProfileBody.parse(input);
        const id = item.kind === 'create' ? this.newId() : item.kind === 'restore' ? item.profile.id : item.id;
        return { item, body, sealed: await this.codec().seal(body, aadOf(id)), id };
      }),
    );
    const db = await this.db();
    return write(async () => {
      const tx = db.transaction('profiles', 'readwrite');
      // New records need no answer: plain IndexedDB requests, not 10,000 promise wrappers (a failure still
      // aborts the transaction and rejects tx.done).
      const rawStore = unwrap(tx.store);
      const out: Profile[] = [];
      let fresh = 0;
      try {
        for (const p of prepared) {
          if (p.item.kind === 'create') {
            rawStore.add({ id: p.id, createdAt: at, updatedAt: at, revision: 1, body: p.sealed });
            fresh++;
            out.push({ id: p.id, createdAt: at, updatedAt: at, revision: 1, ...p.body });
            continue;
          }
          if (p.item.kind === 'restore') {
            const { profile } = p.item;
            const current = await tx.store.get(p.id);
            if (!current) fresh++;
            const revision = Math.max(profile.revision, (current?.revision ?? 0) + 1);
            void tx.store.put({ id: p.id, createdAt: profile.createdAt, updatedAt: profile.updatedAt, revision, body: p.sealed });
            out.push({ ...profile, ...p.body, revision });
            continue;
          }
          const current = await tx.store.get(p.id);
          if (!current) throw new NotFound(p.id);
          if (current.revision !== p.item.expectedRevision) throw new RevisionConflict(await this.decode(current));
          const revision = current.revision + 1;
          void tx.store.put({ ...current, updatedAt: at, revision, body: p.sealed });
          out.push({ id: p.id, createdAt: current.createdAt, updatedAt: at, revision, ...p.body });
        }
        await tx.done;
        this.added(db, fresh);
      } catch (err) {
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
        await tx.done.catch(() => undefined);
        throw err;
      }
      return out;
    });
  }
}
