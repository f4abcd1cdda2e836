import { beforeEach, describe, expect, it } from 'vitest';
import { LockedError } from '../../src/security/codec';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { DEFAULT_ITERATIONS, checkKdfParams, randomBytes } from '../../src/security/crypto';
import { LockService, type SessionArea, WrongPassphrase } from '../../src/security/lock';
import { type JzsDatabase, openJzsDB } from '../../src/storage/db';
import { describe as said } from '../../src/i18n/problem';
import '../../src/i18n/all';

/** storage.session stand-in: survives a worker restart, not a browser restart. */
class FakeSession implements SessionArea {
  data = new Map<string, unknown>();
  async get(keys: string[]) {
    return Object.fromEntries(keys.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys: string[]) {
    for (const k of keys) this.data.delete(k);
  }
}

const ITER = 1_000; // tests may derive faster; the shipped default is checked below
let n = 0;
let db: JzsDatabase;
let session: FakeSession;
let clock: number;

function setup(afterBatch?: () => void) {
  const lock: LockService = new LockService(async () => db, session, () => clock, (): void => profiles.reset(), afterBatch);
  const store: ProfileStore = new ProfileStore(async () => db, () => lock.codec);
  const profiles: ProfileService = new ProfileService(store, () => lock.codec);
  return { lock, store, profiles };
}

const ID = '370102199001011231';
const rawContainsId = async () => JSON.stringify(await db.getAll('profiles'), (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? '[bytes]' : v)).includes(ID);

beforeEach(async () => {
  db = await openJzsDB(`lock-${++n}`);
  session = new FakeSession();
  clock = Date.UTC(2026, 10, 23, 8);
});

describe('passphrase lock', () => {
  it('ships PBKDF2 with at least 600,000 iterations', async () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { lock } = setup();
    await lock.enable('correct horse', 15); // the default iteration count
    expect((await lock.status()).iterations).toBe(DEFAULT_ITERATIONS);
  });

  it('encrypts every record at rest; locked, nothing is readable; unlocked, everything is', async () => {
    const { lock, store, profiles } = setup();
    const p = await store.create({ data: { name: '张三', idNumber: ID } }, new Date());
    expect(await rawContainsId()).toBe(true); // the control: the check can see plain text
    await lock.enable('correct horse', 15, ITER);
    expect(await rawContainsId()).toBe(false);
    expect((await db.get('profiles', p.id))?.body).toHaveProperty('sealed');
    expect((await store.get(p.id)).data.idNumber).toBe(ID);
    await lock.lock();
    await expect(store.get(p.id)).rejects.toBeInstanceOf(LockedError);
    await expect(profiles.search('zs', 10)).rejects.toBeInstanceOf(LockedError);
    await expect(store.create({ data: { name: '李四' } }, new Date())).rejects.toBeInstanceOf(LockedError);
    expect((await lock.status()).locked).toBe(true);
    await lock.unlock('correct horse');
    expect((await profiles.search('zs', 10)).items.map((i) => i.name)).toEqual(['张三']);
  });

  it('an import of many records asks storage.session once, not once per record, and still honours a lock', async () => {
    await setup().lock.enable('correct horse', 15, ITER);
    // A restarted worker: keys come back from storage.session on the first record.
    const { lock: fresh, store: freshStore } = setup();
    let gets = 0;
    const get = session.get.bind(session);
    session.get = async (keys: string[]) => {
      gets++;
      return get(keys);
    };
    const items = Array.from({ length: 300 }, (_, i) => ({ kind: 'create' as const, body: { data: { name: `人${i}` } } }));
    await freshStore.commit(items, new Date());
    expect(gets).toBeLessThanOrEqual(3); // keys + activity, once
    expect((await freshStore.allStored()).every((r) => 'sealed' in r.body)).toBe(true);
    await fresh.lock();
    await expect(freshStore.commit(items.slice(0, 1), new Date())).rejects.toBeInstanceOf(LockedError);
  });

  it('says plainly when the passphrase is wrong, and stays locked', async () => {
    const { lock, store } = setup();
    const p = await store.create({ data: { name: '张三' } }, new Date());
    await lock.enable('correct horse', 15, ITER);
    await lock.lock();
    const err = await lock.unlock('Correct horse').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WrongPassphrase);
    expect(said(err, 'zh')).toContain('口令不正确');
    await expect(store.get(p.id)).rejects.toBeInstanceOf(LockedError);
  });

  it('locks after the idle time, and after a browser restart (storage.session is gone)', async () => {
    const { lock, store } = setup();
    const p = await store.create({ data: { name: '张三' } }, new Date());
    await lock.enable('correct horse', 15, ITER);
    clock += 14 * 60_000;
    expect((await store.get(p.id)).data.name).toBe('张三');
    await lock.touch();
    clock += 14 * 60_000;
    expect(await lock.checkIdle()).toBe(false);
    clock += 2 * 60_000;
    expect(await lock.checkIdle()).toBe(true);
    await expect(store.get(p.id)).rejects.toBeInstanceOf(LockedError);
    await lock.unlock('correct horse');
    // A restarted worker keeps the key (same session); a restarted browser does not.
    expect((await setup().store.get(p.id)).data.name).toBe('张三');
    session = new FakeSession();
    await expect(setup().store.get(p.id)).rejects.toBeInstanceOf(LockedError);
  });

  it('changes the passphrase in batches and resumes after an interruption without losing data', async () => {
    const { lock, store } = setup();
    for (let i = 0; i < 450; i++) await store.create({ data: { name: `申请人${i}`, idNumber: ID } }, new Date());
    await lock.enable('old passphrase', 15, ITER);
    let batches = 0;
    const interrupted = setup(() => {
      if (++batches === 1) throw new Error('browser closed');
    });
    await interrupted.lock.unlock('old passphrase');
    await expect(interrupted.lock.changePassphrase('old passphrase', 'new passphrase')).rejects.toThrow('browser closed');
    const kinds = (await db.getAll('profiles')).map((r) => ('sealed' in r.body ? r.body.sealed.kv : 0));
    expect(new Set(kinds)).toEqual(new Set([1, 2])); // half-way: some records under each key
    // The browser restarts: session gone. The NEW passphrase opens everything and finishes the job.
    session = new FakeSession();
    const after = setup();
    expect((await after.lock.status()).migrating).toBe('rekey');
    await expect(after.lock.unlock('old passphrase')).rejects.toBeInstanceOf(WrongPassphrase);
    await after.lock.unlock('new passphrase');
    expect((await after.lock.status()).migrating).toBeUndefined();
    const all = await db.getAll('profiles');
    expect(all).toHaveLength(450);
    expect(all.every((r) => 'sealed' in r.body && r.body.sealed.kv === 2)).toBe(true);
    expect((await after.profiles.all()).every((p) => p.data.idNumber === ID)).toBe(true);
  });

  it('resumes an interrupted enable, and turning the lock off decrypts everything', async () => {
    const { store } = setup();
    for (let i = 0; i < 250; i++) await store.create({ data: { name: `申请人${i}`, idNumber: ID } }, new Date());
    let batches = 0;
    const first = setup(() => {
      if (++batches === 1) throw new Error('browser closed');
    });
    await expect(first.lock.enable('correct horse', 15, ITER)).rejects.toThrow('browser closed');
    session = new FakeSession();
    const second = setup();
    await second.lock.unlock('correct horse');
    expect((await db.getAll('profiles')).every((r) => 'sealed' in r.body)).toBe(true);
    await second.lock.disable('correct horse');
    expect((await second.lock.status()).enabled).toBe(false);
    expect((await db.getAll('profiles')).every((r) => 'plain' in r.body)).toBe(true);
    expect((await second.profiles.all())).toHaveLength(250);
  });

  it('does not overwrite an edit made while records are being re-encrypted', async () => {
    const { store } = setup();
    const p = await store.create({ data: { name: '张三' } }, new Date());
    for (let i = 0; i < 250; i++) await store.create({ data: { name: `申请人${i}` } }, new Date());
    const s = setup();
    const enabling = s.lock.enable('correct horse', 15, ITER);
    await s.store.update(p.id, { data: { name: '张三', mobile: '13805310000' } }, 1, new Date());
    await enabling;
    expect((await s.store.get(p.id)).data.mobile).toBe('13805310000');
  });

  it('bounds KDF parameters read from a file before deriving anything', () => {
    expect(checkKdfParams(600_000, randomBytes(16))).toBeUndefined();
    expect(said(checkKdfParams(1e12, randomBytes(16)), 'zh')).toContain('迭代次数');
    expect(said(checkKdfParams(10, randomBytes(16)), 'zh')).toContain('迭代次数');
    expect(said(checkKdfParams(600_000, randomBytes(4)), 'zh')).toContain('盐值');
    expect(said(checkKdfParams('600000', randomBytes(16)), 'zh')).toContain('迭代次数');
  });
});
