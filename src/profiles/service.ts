import type { BodyCodec } from '../security/codec';
import { ProfileIndex } from './search';
import type { RestorePointView } from './restore-points';
import type { BatchItem, BatchOptions, ImportItem, ProfileStore } from './store';
import { type Profile, type ProfileInput, type ProfileSummary, summaryOf } from './schema';

/** A change the search index has to follow. */
type IndexOp = { upsert: Profile } | { remove: string };

export interface PageOfProfiles {
  total: number;
  items: ProfileSummary[];
}

/**
 * Everything the UI asks about profiles, in the background. Listing a page reads only that page; search and
 * duplicate checks use the in-memory index, built on first need (never when the popup opens) and kept up to
 * date on every write. A worker restart or a lock change simply drops it.
 */
export class ProfileService {
  private index: ProfileIndex | undefined;
  private building: Promise<ProfileIndex> | undefined;

  constructor(
    readonly store: ProfileStore,
    private readonly codec: () => BodyCodec,
    /**
     * Told, and awaited, BEFORE stored profiles change (these ids; null: any of them): open fill previews of
     * them stop being confirmable (background/fill.ts `invalidate`). Creating a profile changes none.
     */
    private readonly beforeChange: (ids: readonly string[] | null) => Promise<void> = async () => undefined,
  ) {}

  /** Index changes not applied yet: an import's 10,000 are applied after its answer has gone out. */
  private pending: IndexOp[] = [];
  private generation = 0;

  /** Forget the index (lock, unlock, restore). */
  reset(): void {
    this.index = undefined;
    this.building = undefined;
    this.pending = [];
    this.generation++;
  }

  /** Record index changes; kept while an index exists or is being built (a build reads the store anew). */
  private queue(ops: IndexOp[]): void {
    if (this.index || this.building) this.pending.push(...ops);
  }

  /** Record changes and apply them at once (one profile at a time: cheap). */
  private track(ops: IndexOp[]): void {
    this.queue(ops);
    this.drain();
  }

  /** Apply recorded changes, in order, before anyone reads or changes the index. */
  private drain(): void {
    if (!this.index || !this.pending.length) return;
    for (const op of this.pending) {
      if ('upsert' in op) this.index.upsert(op.upsert);
      else this.index.remove(op.remove);
    }
    this.pending = [];
  }

  indexReady(): boolean {
    return this.index !== undefined;
  }

  async ensureIndex(): Promise<ProfileIndex> {
    if (this.index) {
      this.drain();
      return this.index;
    }
    const generation = this.generation;
    this.building ??= (async () => {
      const stored = await this.store.allStored();
      const index = new ProfileIndex();
      for (const s of stored) index.upsert(await this.store.decode(s));
      // Writes made while the store was read are replayed on top (upserts and removes are idempotent).
      if (generation === this.generation) {
        this.index = index;
        this.drain();
      }
      return index;
    })().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /**
   * Summaries by id, from the index (the cases table's applicant and employer columns), with the index's count
   * of changes: the same index with the same count has the same summaries.
   */
  async summaries(): Promise<Pick<ProfileIndex, 'summary' | 'changes'>> {
    return this.ensureIndex();
  }

  async page(offset: number, limit: number): Promise<PageOfProfiles> {
    const [total, profiles] = await Promise.all([this.store.count(), this.store.page(offset, limit)]);
    return { total, items: profiles.map(summaryOf) };
  }

  async names(): Promise<string[]> {
    return (await this.ensureIndex()).names();
  }

  async search(query: string, limit: number): Promise<PageOfProfiles> {
    return (await this.ensureIndex()).search(query, limit);
  }

  async get(id: string): Promise<Profile> {
    return this.store.get(id);
  }

  async create(body: ProfileInput, now: Date): Promise<Profile> {
    const p = await this.store.create(body, now);
    this.track([{ upsert: p }]);
    return p;
  }

  async update(id: string, body: ProfileInput, revision: number, now: Date): Promise<Profile> {
    await this.beforeChange([id]);
    const p = await this.store.update(id, body, revision, now);
    this.track([{ upsert: p }]);
    return p;
  }

  /** Delete profiles; a restore point is kept (「撤销」). */
  async remove(ids: readonly string[], now: Date): Promise<number> {
    await this.beforeChange(ids);
    const n = await this.store.remove(ids, now, 'delete');
    this.track(ids.map((id) => ({ remove: id })));
    return n;
  }

  /** An import (or any batch the UI commits): all or nothing, with a restore point by default. */
  async commit(items: readonly ImportItem[], now: Date, options: BatchOptions = {}): Promise<Profile[]> {
    const replaced = items.flatMap((i) => (i.kind === 'update' ? [i.id] : i.kind === 'restore' ? [i.profile.id] : []));
    if (replaced.length) await this.beforeChange(replaced);
    const saved = await this.store.commit(items, now, { point: 'import', ...options });
    // Indexing 10,000 names (pinyin) takes ~100 ms: after the answer, or before the next index read.
    this.queue(saved.map((p) => ({ upsert: p })));
    setTimeout(() => this.drain(), 0);
    return saved;
  }

  /** The newest restore point (for 「撤销」), or null. */
  async latestRestorePoint(): Promise<RestorePointView | null> {
    return (await this.store.latestRestorePoint()) ?? null;
  }

  /** 「撤销」 the change restore point `id` kept. The index is rebuilt on next need. */
  async undo(id: number): Promise<{ removed: number; restored: number }> {
    await this.beforeChange(null);
    try {
      return await this.store.undo(id);
    } finally {
      this.reset();
    }
  }

  /** Every stored profile, decoded, by id (restore preview). */
  async storedById(): Promise<Map<string, Profile>> {
    const out = new Map<string, Profile>();
    for (const s of await this.store.allStored()) out.set(s.id, await this.store.decode(s));
    return out;
  }

  /** Stored ids and revisions, without opening a body: to see whether the store moved since a preview. */
  async revisions(): Promise<Map<string, number>> {
    return new Map((await this.store.allStored()).map((s) => [s.id, s.revision]));
  }

  /** A restore: one all-or-nothing batch with its restore point. */
  async restore(items: readonly BatchItem[], now: Date): Promise<{ saved: number; removed: number }> {
    await this.beforeChange(null);
    try {
      const { saved, removed } = await this.store.batch(items, now, { validated: true, point: 'restore' });
      return { saved: saved.length, removed };
    } finally {
      this.reset();
    }
  }

  /** Stored profiles with these ID numbers (for the import preview's duplicate handling). */
  async byIdNumbers(idNumbers: readonly string[]): Promise<Profile[]> {
    const index = await this.ensureIndex();
    const ids = [...new Set(idNumbers.flatMap((n) => index.byIdNumber(n).map((s) => s.id)))];
    return this.store.getMany(ids);
  }

  async duplicates(): Promise<ProfileSummary[][]> {
    return (await this.ensureIndex()).duplicates();
  }

  /** Every profile, decoded, newest first (export, backup). */
  async all(): Promise<Profile[]> {
    const stored = await this.store.allStored();
    const out: Profile[] = [];
    for (const s of stored) out.push(await this.store.decode(s));
    return out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  }

  get encrypted(): boolean {
    return this.codec().encrypted;
  }
}
