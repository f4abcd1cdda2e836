import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DataHome } from '../../src/storage/home';
import { FakeBuckets } from '../helpers/fake-storage';


function pointer(initial?: string) {
  let value = initial;
  return { get: async () => value, set: async (v: string) => void (value = v) };
}

describe('data home (storage buckets)', () => {
  it('moves every store to a new bucket and deletes the old one with its files', async () => {
    const buckets = new FakeBuckets();
    const ptr = pointer();
    const home = new DataHome(buckets, ptr, new IDBFactory());
    const db = await home.db();
    await db.put('settings', { key: 'a', value: 'b' });
    await db.put('profiles', { id: 'p1', createdAt: 'x', updatedAt: 'y', revision: 1, body: { sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(4), kv: 1 } } });
    expect(await ptr.get()).toBe('jzs-data-1');
    expect(await home.rehome()).toBe(true);
    expect(await ptr.get()).toBe('jzs-data-2');
    expect(await buckets.keys()).toEqual(['jzs-data-2']);
    const moved = await home.db();
    expect(await moved.get('settings', 'a')).toEqual({ key: 'a', value: 'b' });
    expect(await moved.count('profiles')).toBe(1);
  });

  it('after a crash, the bucket the pointer names is kept and the other deleted at start', async () => {
    const buckets = new FakeBuckets();
    await buckets.open('jzs-data-1');
    await buckets.open('jzs-data-2'); // half-copied when the browser stopped; the pointer never moved
    const home = new DataHome(buckets, pointer('jzs-data-1'), new IDBFactory());
    await home.cleanup();
    expect(await buckets.keys()).toEqual(['jzs-data-1']);
  });

  it('without bucket support, uses the origin IndexedDB and says it cannot purge', async () => {
    const home = new DataHome(undefined, pointer(), new IDBFactory());
    await (await home.db()).put('settings', { key: 'a', value: 'b' });
    expect(home.purgesOnRehome).toBe(false);
    expect(await home.rehome()).toBe(false);
  });
});
