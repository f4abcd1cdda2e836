import { unwrap } from 'idb';
import { profileAad, restorePointAad } from '../storage/aad';
import type { JzsDatabase, RestoreKind, StoredBody, StoredProfile, StoredRestorePoint } from '../storage/db';
import type { BodyCodec } from '../security/codec';
import { CodedError } from '../i18n/problem';
import { NotFound, RevisionConflict, StoreChanged, writeOrFull as write } from './errors';
import { keepRestorePoint, RestoreSnapshot, type RestorePointView, viewOf } from './restore-points';
import { type Profile, ProfileBody, type ProfileInput } from './schema';

export type ImportItem =
  | { kind: 'create'; body: ProfileInput }
  | { kind: 'update'; id: string; body: ProfileInput; expectedRevision: number }
  /** From a backup: the profile as it was, same id and dates; replaces a stored one with a higher revision. */
  | { kind: 'restore'; profile: Profile };

/** What a batch can do: an import item, or a deletion (bulk delete, 「删除备份中没有的档案」). */
export type BatchItem = ImportItem | { kind: 'remove'; id: string };

export interface BatchOptions {
  /** The items were parsed with the profile schemas already (the background's message router). */
  validated?: boolean;
  /** Keep the state this batch replaces as a restore point of this kind (「撤销」). */
  point?: RestoreKind | undefined;
}

type Prepared = { kind: 'remove'; id: string } | { kind: 'write'; item: ImportItem; id: string; body: ProfileBody; sealed: StoredBody };

interface KeptPoint {
  record: StoredRestorePoint;
  /** Revision of every touched record when the restore point was read (undefined: not stored). */
  revisions: Map<string, number | undefined>;
}

/** A profile without its record fields (id, dates, revision). */
function bodyOf(profile: Profile): ProfileInput {
  const { id: _id, createdAt: _c, updatedAt: _u, revision: _r, ...body } = profile;
  return body;
}

/** Above this many look-ups one request for the whole store is cheaper than one request each. */
const MANY = 500;

/**
 * The stored records of these ids (undefined: not stored), inside the caller's transaction. A restore of
 * 25,000 profiles asks for 25,000 ids: one getAll instead of 25,000 requests (about 3 s in Chromium).
 */
async function recordsOf(
  store: { get(id: string): Promise<StoredProfile | undefined>; getAll(): Promise<StoredProfile[]> },
  ids: readonly string[],
): Promise<Map<string, StoredProfile | undefined>> {
  if (ids.length > MANY) {
    const all = new Map((await store.getAll()).map((r) => [r.id, r]));
    return new Map(ids.map((id) => [id, all.get(id)]));
  }
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(ids.map((id, i) => [id, found[i]]));
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
    const body = ProfileBody.parse(await this.codec().open(stored.body, profileAad(stored.id)));
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
    const record: StoredProfile = { id, createdAt: at, updatedAt: at, revision: 1, body: await this.codec().seal(body, profileAad(id)) };
    const db = await this.db();
    await write(async () => db.add('profiles', record));
    this.added(db, 1);
    return { id: record.id, createdAt: at, updatedAt: at, revision: 1, ...body };
  }

  /** Save an edit made from `expectedRevision`; refuses (RevisionConflict) if the profile moved on since. */
  async update(id: string, input: ProfileInput, expectedRevision: number, now: Date): Promise<Profile> {
    const body = ProfileBody.parse(input);
    const sealed = await this.codec().seal(body, profileAad(id));
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

  /** Delete profiles, keeping a restore point (「撤销」) when `point` says so. */
  async remove(ids: readonly string[], now: Date, point?: RestoreKind): Promise<number> {
    return (await this.batch(ids.map((id) => ({ kind: 'remove' as const, id })), now, { point })).removed;
  }

  /**
   * All-or-nothing batch (import, restore): everything sealed first, then ONE transaction; a revision
   * conflict or any failure aborts it and nothing is written.
   */
  async commit(items: readonly ImportItem[], now: Date, options: BatchOptions = {}): Promise<Profile[]> {
    return (await this.batch(items, now, options)).saved;
  }

  /**
   * The one write path of batches. With `point`, the state the batch replaces (the ids it creates, the
   * profiles it overwrites or deletes, as they are) is kept as a restore point in the SAME transaction, so
   * a change without its way back is never written; it is read and sealed before the transaction opens, and
   * the transaction checks that nothing moved in between.
   */
  async batch(items: readonly BatchItem[], now: Date, { validated = false, point }: BatchOptions = {}): Promise<{ saved: Profile[]; removed: number }> {
    const at = now.toISOString();
    const codec = this.codec();
    const prepared = await Promise.all(items.map((item) => this.prepare(item, codec, validated)));
    const db = await this.db();
    const kept = point ? await this.restorePoint(db, prepared, point, at) : undefined;
    return write(async () => {
      const tx = db.transaction(['profiles', 'restorePoints'], 'readwrite');
      const profiles = tx.objectStore('profiles');
      // New records need no answer: plain IndexedDB requests, not 10,000 promise wrappers (a failure still
      // aborts the transaction and rejects tx.done).
      const rawStore = unwrap(profiles);
      const saved: Profile[] = [];
      let fresh = 0;
      let removed = 0;
      try {
        const current = await recordsOf(
          profiles,
          prepared.filter((p) => !(p.kind === 'write' && p.item.kind === 'create')).map((p) => p.id),
        );
        for (const p of prepared) {
          const before = current.get(p.id);
          if (kept && !(p.kind === 'write' && p.item.kind === 'create') && before?.revision !== kept.revisions.get(p.id)) throw new StoreChanged();
          if (p.kind === 'remove') {
            if (!before) continue;
            rawStore.delete(p.id);
            current.set(p.id, undefined);
            removed++;
            continue;
          }
          const { item, body, sealed } = p;
          if (item.kind === 'create') {
            rawStore.add({ id: p.id, createdAt: at, updatedAt: at, revision: 1, body: sealed });
            fresh++;
            saved.push({ id: p.id, createdAt: at, updatedAt: at, revision: 1, ...body });
          } else if (item.kind === 'restore') {
            const { profile } = item;
            if (!before) fresh++;
            const revision = Math.max(profile.revision, (before?.revision ?? 0) + 1);
            const record: StoredProfile = { id: p.id, createdAt: profile.createdAt, updatedAt: profile.updatedAt, revision, body: sealed };
            rawStore.put(record);
            current.set(p.id, record);
            saved.push({ ...profile, ...body, revision });
          } else {
            if (!before) throw new NotFound(p.id);
            if (before.revision !== item.expectedRevision) throw new RevisionConflict(await this.decode(before));
            const record: StoredProfile = { ...before, updatedAt: at, revision: before.revision + 1, body: sealed };
            rawStore.put(record);
            current.set(p.id, record);
            saved.push({ id: p.id, createdAt: before.createdAt, updatedAt: at, revision: record.revision, ...body });
          }
        }
        if (kept) await keepRestorePoint(tx.objectStore('restorePoints'), kept.record);
        await tx.done;
        this.added(db, fresh - removed);
      } catch (err) {
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
        await tx.done.catch(() => undefined);
        throw err;
      }
      return { saved, removed };
    });
  }

  private async prepare(item: BatchItem, codec: BodyCodec, validated: boolean): Promise<Prepared> {
    if (item.kind === 'remove') return { kind: 'remove', id: item.id };
    const input = item.kind === 'restore' ? bodyOf(item.profile) : item.body;
    // why: `validated` — the caller parsed the items with these same schemas (the background's message router),
    // and a 10,000-row import is not parsed twice; the item type still says input, not parsed, bodies.
    const body = validated ? (input as ProfileBody) : ProfileBody.parse(input);
    const id = item.kind === 'create' ? this.newId() : item.kind === 'restore' ? item.profile.id : item.id;
    return { kind: 'write', item, body, sealed: await codec.seal(body, profileAad(id)), id };
  }

  /** The newest restore point, or undefined. */
  async latestRestorePoint(): Promise<RestorePointView | undefined> {
    const cursor = await (await this.db()).transaction('restorePoints').store.openCursor(null, 'prev');
    return cursor && cursor.value.id !== undefined ? viewOf({ ...cursor.value, id: cursor.value.id }) : undefined;
  }

  /**
   * 「撤销」: put back the state restore point `id` kept (the newest only: an older one would skip the
   * changes made after it). Profiles it created are deleted, the ones it replaced or deleted are written back
   * as they were (revision moved on, so an editor still open on them is refused rather than overwriting).
   * One transaction with the point's own deletion: undone at most once, all or nothing.
   */
  async undo(id: number): Promise<{ removed: number; restored: number }> {
    const db = await this.db();
    const latest = await this.latestRestorePoint();
    if (latest?.id !== id) throw new CodedError('undo.gone');
    const record = await db.get('restorePoints', id);
    if (!record) throw new CodedError('undo.gone');
    const codec = this.codec();
    const snapshot = RestoreSnapshot.parse(await codec.open(record.body, restorePointAad(record.uid)));
    const sealed = await Promise.all(snapshot.previous.map(async (p) => ({ p, body: await codec.seal(bodyOf(p), profileAad(p.id)) })));
    return write(async () => {
      const tx = db.transaction(['profiles', 'restorePoints'], 'readwrite');
      const profiles = tx.objectStore('profiles');
      const [createdNow, previousNow] = await Promise.all([
        Promise.all(snapshot.created.map((k) => profiles.getKey(k))),
        Promise.all(sealed.map(({ p }) => profiles.get(p.id))),
      ]);
      const rawStore = unwrap(profiles);
      let removed = 0;
      for (const key of createdNow) {
        if (key === undefined) continue;
        rawStore.delete(key);
        removed++;
      }
      let fresh = 0;
      sealed.forEach(({ p, body }, i) => {
        const now = previousNow[i];
        if (!now) fresh++;
        rawStore.put({ id: p.id, createdAt: p.createdAt, updatedAt: p.updatedAt, revision: Math.max(p.revision, (now?.revision ?? 0) + 1), body });
      });
      void tx.objectStore('restorePoints').delete(id);
      await tx.done;
      this.added(db, fresh - removed);
      return { removed, restored: sealed.length };
    });
  }

  /** Read (one read transaction) and seal what a batch replaces, before its write transaction opens. */
  private async restorePoint(db: JzsDatabase, prepared: readonly Prepared[], kind: RestoreKind, at: string): Promise<KeptPoint> {
    const touched = prepared.filter((p) => !(p.kind === 'write' && p.item.kind === 'create')).map((p) => p.id);
    const tx = db.transaction('profiles');
    const found = await recordsOf(tx.store, touched);
    await tx.done;
    const before = new Map<string, StoredProfile>();
    for (const s of found.values()) if (s) before.set(s.id, s);
    const created = prepared.filter((p) => p.kind === 'write' && (p.item.kind === 'create' || p.item.kind === 'restore') && !before.has(p.id)).map((p) => p.id);
    const previous: Profile[] = [];
    for (const s of before.values()) previous.push(await this.decode(s));
    const uid = this.newId();
    const snapshot: RestoreSnapshot = { created, previous };
    const record: StoredRestorePoint = { uid, at, kind, created: created.length, replaced: previous.length, body: await this.codec().seal(snapshot, restorePointAad(uid)) };
    return { record, revisions: new Map(touched.map((id) => [id, before.get(id)?.revision])) };
  }
}
