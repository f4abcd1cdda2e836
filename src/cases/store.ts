import { caseAad } from '../storage/aad';
import type { JzsDatabase, StoredCase } from '../storage/db';
import { CodedError } from '../i18n/problem';
import type { BodyCodec } from '../security/codec';
import { writeOrFull as write } from '../profiles/errors';
import { type Case, CaseBody, type CaseInput } from './schema';

/** The case is gone (deleted meanwhile). */
export class CaseNotFound extends CodedError {
  constructor() {
    super('cases.errors.notFound');
  }
}

/** A case changed since the clerk read it (another tab, a page update): nothing was written. */
export class CaseConflict extends CodedError {
  constructor() {
    super('cases.errors.conflict');
  }
}

function bodyOf(c: Case): CaseBody {
  const { id: _i, profileId: _p, createdAt: _c, updatedAt: _u, revision: _r, ...body } = c;
  return body;
}

/**
 * Cases in IndexedDB, through the same codec as profile bodies (plain, or sealed by the lock): no plaintext
 * case is written while the lock is on. Bodies are sealed before a transaction opens; every write is one
 * transaction, checked against the revisions it was based on.
 */
export class CaseStore {
  constructor(
    private readonly db: () => Promise<JzsDatabase>,
    private readonly codec: () => BodyCodec,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async decode(s: StoredCase): Promise<Case> {
    const body = CaseBody.parse(await this.codec().open(s.body, caseAad(s.id)));
    return { id: s.id, profileId: s.profileId, createdAt: s.createdAt, updatedAt: s.updatedAt, revision: s.revision, ...body };
  }

  async all(): Promise<Case[]> {
    const stored = await (await this.db()).getAll('cases');
    return Promise.all(stored.map((s) => this.decode(s)));
  }

  async create(profileId: string, input: CaseInput, now: Date): Promise<Case> {
    const body = CaseBody.parse(input);
    const at = now.toISOString();
    const id = this.newId();
    const record: StoredCase = { id, profileId, createdAt: at, updatedAt: at, revision: 1, body: await this.codec().seal(body, caseAad(id)) };
    const db = await this.db();
    await write(async () => db.add('cases', record));
    return { id, profileId, createdAt: at, updatedAt: at, revision: 1, ...body };
  }

  /**
   * Write new bodies for cases read at the given revisions, all or nothing: one moved on meanwhile → nothing
   * is written (CaseConflict).
   */
  async replace(items: ReadonlyArray<{ current: Case; body: CaseBody }>, now: Date): Promise<Case[]> {
    const at = now.toISOString();
    const sealed = await Promise.all(items.map(async (i) => ({ ...i, sealed: await this.codec().seal(CaseBody.parse(i.body), caseAad(i.current.id)) })));
    const db = await this.db();
    return write(async () => {
      const tx = db.transaction('cases', 'readwrite');
      try {
        const out: Case[] = [];
        for (const i of sealed) {
          const stored = await tx.store.get(i.current.id);
          if (!stored) throw new CaseNotFound();
          if (stored.revision !== i.current.revision) throw new CaseConflict();
          const revision = stored.revision + 1;
          void tx.store.put({ ...stored, updatedAt: at, revision, body: i.sealed });
          out.push({ ...i.current, ...i.body, updatedAt: at, revision });
        }
        await tx.done;
        return out;
      } catch (err) {
        try {
          tx.abort();
        } catch {
          // already finished
        }
        await tx.done.catch(() => undefined);
        throw err;
      }
    });
  }

  async remove(ids: readonly string[]): Promise<void> {
    const db = await this.db();
    await write(async () => {
      const tx = db.transaction('cases', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    });
  }

  /** Cases from a backup, as they were (same ids and dates); a stored case with that id is replaced. */
  async restore(cases: readonly Case[]): Promise<Case[]> {
    const sealed = await Promise.all(cases.map(async (c) => ({ c, body: await this.codec().seal(bodyOf(c), caseAad(c.id)) })));
    const db = await this.db();
    return write(async () => {
      const tx = db.transaction('cases', 'readwrite');
      for (const { c, body } of sealed) {
        void tx.store.put({ id: c.id, profileId: c.profileId, createdAt: c.createdAt, updatedAt: c.updatedAt, revision: c.revision, body });
      }
      await tx.done;
      return [...cases];
    });
  }

  /** New cases for many profiles in one transaction (a restored 0.1.0 backup's 「办理中的业务」). */
  async createMany(items: ReadonlyArray<{ profileId: string; body: CaseInput }>, now: Date): Promise<Case[]> {
    const at = now.toISOString();
    const prepared = await Promise.all(
      items.map(async (i) => {
        const id = this.newId();
        const body = CaseBody.parse(i.body);
        return { id, profileId: i.profileId, body, sealed: await this.codec().seal(body, caseAad(id)) };
      }),
    );
    if (!prepared.length) return [];
    const db = await this.db();
    return write(async () => {
      const tx = db.transaction('cases', 'readwrite');
      for (const p of prepared) void tx.store.add({ id: p.id, profileId: p.profileId, createdAt: at, updatedAt: at, revision: 1, body: p.sealed });
      await tx.done;
      return prepared.map((p) => ({ id: p.id, profileId: p.profileId, createdAt: at, updatedAt: at, revision: 1, ...p.body }));
    });
  }
}
