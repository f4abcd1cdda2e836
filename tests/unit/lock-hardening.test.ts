import { IDBFactory } from 'fake-indexeddb';
import { unwrap, wrap } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { LockedError } from '../../src/security/codec';
import { ProfileStore } from '../../src/profiles/store';
import { FREE_ATTEMPTS, LockService, TooManyAttempts, WrongPassphrase, backoffSeconds } from '../../src/security/lock';
import { DataHome } from '../../src/storage/home';
import { FakeSession, FakeBuckets } from '../helpers/fake-storage';



const ITER = 1_000;
const ID = '370102199001011231';
let session: FakeSession;
let clock: number;
let buckets: FakeBuckets;
let pointerValue: string | undefined;

function setup(opts: { crashOnCopy?: boolean } = {}) {
  const home = new DataHome(buckets, { get: async () => pointerValue, set: async (v) => void (pointerValue = v) }, new IDBFactory());
  const db = () => home.db();
  const lock: LockService = new LockService(
    db,
    session,
    () => clock,
    () => undefined,
    undefined,
    async () => undefined,
    (transform) =>
      home.rehome(async (store, record) => {
        // The browser dies while the sealed copy is being written (after some records were sealed).
        if (opts.crashOnCopy && store === 'profiles') throw new Error('browser closed');
        return transform(store, record);
      }),
  );
  const store = new ProfileStore(db, () => lock.codec);
  return { home, lock, store };
}

/** Every byte of every bucket, as text: what a disk search would find. */
async function everyBucketContainsId(): Promise<boolean> {
  for (const name of await buckets.keys()) {
    const home = new DataHome(buckets, { get: async () => name, set: async () => undefined }, new IDBFactory());
    const db = await home.db();
    const text = JSON.stringify(await db.getAll('profiles'), (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? '[bytes]' : v));
    db.close();
    if (text.includes(ID)) return true;
  }
  return false;
}

beforeEach(() => {
  session = new FakeSession();
  clock = Date.UTC(2026, 10, 23, 8);
  buckets = new FakeBuckets();
  pointerValue = undefined;
});

describe('lock hardening (issue 12 item 5)', () => {
  it('a clock set back counts as idle time: the lock is not postponed', async () => {
    const { lock, store } = setup();
    const p = await store.create({ data: { name: '张三', idNumber: ID } }, new Date());
    await lock.enable('correct horse', 15, ITER);
    clock -= 60 * 60_000; // someone sets the clock back an hour
    await lock.touch(); // activity now must not write an earlier "last activity" and keep it open
    expect(await lock.checkIdle()).toBe(false); // already locked by touch
    expect((await lock.status()).locked).toBe(true);
    await expect(store.get(p.id)).rejects.toBeInstanceOf(LockedError);
  });

  it('a clock set back between checks locks at the next check', async () => {
    const { lock } = setup();
    await lock.enable('correct horse', 15, ITER);
    clock -= 5 * 60_000;
    expect(await lock.checkIdle()).toBe(true);
  });

  it('wrong passphrases in a row make the next attempt wait, and the wait survives a restart', async () => {
    const { lock } = setup();
    await lock.enable('correct horse', 15, ITER);
    await lock.lock();
    for (let i = 0; i < FREE_ATTEMPTS; i++) await expect(lock.unlock(`wrong ${i}`)).rejects.toBeInstanceOf(WrongPassphrase);
    // Now even the right passphrase is refused until the back-off has run out — without deriving anything.
    const err = await lock.unlock('correct horse').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooManyAttempts);
    expect((err as TooManyAttempts).seconds).toBe(backoffSeconds(FREE_ATTEMPTS));
    // A restarted worker (fresh service, same database) keeps counting.
    const restarted = setup().lock;
    expect((await restarted.status()).retryAt).toBe(clock + backoffSeconds(FREE_ATTEMPTS) * 1000);
    await expect(restarted.unlock('correct horse')).rejects.toBeInstanceOf(TooManyAttempts);
    clock += backoffSeconds(FREE_ATTEMPTS) * 1000;
    await expect(restarted.unlock('wrong again')).rejects.toBeInstanceOf(WrongPassphrase);
    clock += 1000; // the wait doubled: 1 s is not enough now
    await expect(restarted.unlock('correct horse')).rejects.toBeInstanceOf(TooManyAttempts);
    clock += backoffSeconds(FREE_ATTEMPTS + 1) * 1000;
    await restarted.unlock('correct horse');
    expect((await restarted.status()).retryAt).toBeUndefined(); // a success resets the count
  });

  it('the back-off grows 2^n and is capped', () => {
    expect(backoffSeconds(0)).toBe(0);
    expect(backoffSeconds(FREE_ATTEMPTS - 1)).toBe(0);
    expect(backoffSeconds(FREE_ATTEMPTS)).toBe(1);
    expect(backoffSeconds(FREE_ATTEMPTS + 3)).toBe(8);
    expect(backoffSeconds(FREE_ATTEMPTS + 40)).toBe(300);
  });

  it('turning the lock on writes a sealed copy, then drops the plaintext bucket: nothing plain is left', async () => {
    const { lock, store } = setup();
    for (let i = 0; i < 30; i++) await store.create({ data: { name: `申请人${i}`, idNumber: ID } }, new Date());
    expect(await everyBucketContainsId()).toBe(true); // the control
    await lock.enable('correct horse', 15, ITER);
    expect(await buckets.keys()).toEqual(['jzs-data-2']);
    expect(await everyBucketContainsId()).toBe(false);
    const status = await lock.status();
    expect(status).toMatchObject({ enabled: true, locked: false, migrating: undefined, interrupted: false });
    expect((await store.page(0, 100)).length).toBe(30);
  });

  it('a crash while turning the lock on leaves the old bucket whole (no mix) and says so until finished', async () => {
    const first = setup({ crashOnCopy: true });
    for (let i = 0; i < 30; i++) await first.store.create({ data: { name: `申请人${i}`, idNumber: ID } }, new Date());
    await expect(first.lock.enable('correct horse', 15, ITER)).rejects.toThrow('browser closed');
    // The browser restarts: the session (key) is gone; the pointer still names the old, complete bucket.
    session = new FakeSession();
    const after = setup();
    await after.home.cleanup();
    expect(await buckets.keys()).toEqual(['jzs-data-1']);
    const status = await after.lock.status();
    expect(status).toMatchObject({ enabled: true, locked: true, migrating: 'enable', interrupted: true });
    await after.lock.unlock('correct horse');
    expect(await everyBucketContainsId()).toBe(false);
    expect((await after.lock.status()).interrupted).toBe(false);
    expect((await after.store.page(0, 100)).length).toBe(30);
  });

  it('a record of a sealed store without its body stops the move: it is never copied as it is into the sealed home', async () => {
    const { home, lock, store } = setup();
    for (let i = 0; i < 3; i++) await store.create({ data: { name: `申请人${i}`, idNumber: ID } }, new Date());
    // A damaged record (its body field gone, the ID number elsewhere in it), written through the untyped view.
    const broken = { id: 'broken', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', revision: 1, idNumber: ID };
    await wrap(unwrap(await home.db())).put('profiles', broken);
    await expect(lock.enable('correct horse', 15, ITER)).rejects.toThrow('no stored body');
    // No sealed home was switched to; the old one keeps every record, the damaged one included.
    expect(await buckets.keys()).toEqual(['jzs-data-1']);
    const db = await home.db();
    expect(await db.count('profiles')).toBe(4);
    expect(await wrap(unwrap(db)).get('profiles', 'broken')).toEqual(broken);
  });

  it('a worker stopped in the middle of a change finishes at its next start, not only at the next unlock', async () => {
    const first = setup({ crashOnCopy: true });
    for (let i = 0; i < 5; i++) await first.store.create({ data: { name: `申请人${i}`, idNumber: ID } }, new Date());
    await expect(first.lock.enable('correct horse', 15, ITER)).rejects.toThrow('browser closed');
    // Same browser session (storage.session keeps the key); only the worker restarts.
    const restarted = setup();
    await restarted.lock.resumeAtStart();
    expect((await restarted.lock.status()).migrating).toBeUndefined();
    expect(await everyBucketContainsId()).toBe(false);
  });
});
