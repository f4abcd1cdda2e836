import { beforeEach, describe, expect, it, vi } from 'vitest';
import { plainCodec } from '../../src/profiles/codec';
import { NotFound, RevisionConflict, StorageFull } from '../../src/profiles/errors';
import { pinyinKeys, ProfileIndex } from '../../src/profiles/search';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { DB_VERSION, type JzsDatabase, openJzsDB } from '../../src/storage/db';
import { createFromFixture, fixtureExists, loadDbFixture } from '../helpers/db-fixture';

let n = 0;
let db: JzsDatabase;
let store: ProfileStore;
let service: ProfileService;
const T = (m: number) => new Date(Date.UTC(2026, 10, 23, 8, m));

beforeEach(async () => {
  db = await openJzsDB(`profiles-${++n}`);
  store = new ProfileStore(async () => db, () => plainCodec);
  service = new ProfileService(store, () => plainCodec);
});

describe('profile store', () => {
  it('creates, reads and pages newest first without reading the whole store', async () => {
    for (let i = 0; i < 5; i++) await store.create({ data: { name: `申请人${i}`, idNumber: `37010219900101${1000 + i}` } }, T(i));
    expect(await store.count()).toBe(5);
    const page = await store.page(1, 2);
    expect(page.map((p) => p.data.name)).toEqual(['申请人3', '申请人2']);
    const spy = vi.spyOn(store, 'allStored');
    await service.page(0, 50);
    expect(spy).not.toHaveBeenCalled();
  });

  it('detects a stale edit instead of overwriting a newer one', async () => {
    const p = await store.create({ data: { name: '张三' } }, T(0));
    const a = await store.update(p.id, { data: { name: '张三', mobile: '13805310000' } }, 1, T(1));
    expect(a.revision).toBe(2);
    const err = await store.update(p.id, { data: { name: '张叁' } }, 1, T(2)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RevisionConflict);
    expect((err as RevisionConflict).current.data.mobile).toBe('13805310000');
    expect((err as Error).message).toContain('已在别处被修改');
    expect((await store.get(p.id)).data).toEqual({ name: '张三', mobile: '13805310000' });
  });

  it('commits a batch all-or-nothing', async () => {
    const p = await store.create({ data: { name: '张三' } }, T(0));
    await store.update(p.id, { data: { name: '张三' } }, 1, T(1));
    const err = await store
      .commit(
        [
          { kind: 'create', body: { data: { name: '李四' } } },
          { kind: 'update', id: p.id, body: { data: { name: '张三', email: 'x@y.cn' } }, expectedRevision: 1 },
        ],
        T(2),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RevisionConflict);
    expect(await store.count()).toBe(1);
    expect((await store.get(p.id)).data.email).toBeUndefined();
    const saved = await store.commit([{ kind: 'create', body: { data: { name: '李四' } } }], T(3));
    expect(saved).toHaveLength(1);
    expect(await store.count()).toBe(2);
  });

  it('reports a full disk in Chinese and leaves the data as it was', async () => {
    await store.create({ data: { name: '张三' } }, T(0));
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const real = db.add.bind(db);
    vi.spyOn(db, 'add').mockRejectedValueOnce(quota);
    const err = await store.create({ data: { name: '李四' } }, T(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFull);
    expect((err as Error).message).toContain('存储空间不足');
    expect(await store.count()).toBe(1);
    void real;
  });

  it('keeps its stored count right through every kind of write without recounting', async () => {
    const truth = () => db.count('profiles');
    expect(await store.count()).toBe(0);
    const counter = vi.spyOn(db, 'count');
    const a = await store.create({ data: { name: '张三' } }, T(0));
    const backup = { ...a, id: crypto.randomUUID(), data: { name: '李四' } };
    await store.commit(
      [
        { kind: 'create', body: { data: { name: '王五' } } },
        { kind: 'restore', profile: backup },
        { kind: 'restore', profile: { ...a, revision: 5 } },
        { kind: 'update', id: a.id, body: { data: { name: '张三', mobile: '13805310000' } }, expectedRevision: 5 },
      ],
      T(1),
    );
    await store.commit([{ kind: 'update', id: a.id, body: { data: { name: '错' } }, expectedRevision: 1 }], T(2)).catch(() => undefined);
    expect(await store.remove([backup.id, crypto.randomUUID()], T(3))).toBe(1);
    expect(await store.count()).toBe(2);
    expect(counter).not.toHaveBeenCalled();
    counter.mockRestore();
    expect(await truth()).toBe(2);
  });

  it('removes and says when a profile is gone', async () => {
    const p = await store.create({ data: { name: '张三' } }, T(0));
    expect(await store.remove([p.id], T(1))).toBe(1);
    await expect(store.get(p.id)).rejects.toBeInstanceOf(NotFound);
  });
});

describe('search index', () => {
  it('reads surnames as surnames', () => {
    expect(pinyinKeys('张三')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(pinyinKeys('单雄信').full).toBe('shanxiongxin');
    expect(pinyinKeys('曾国藩').initials).toBe('zgf');
  });

  it('finds by name, any part of the ID number, pinyin or initials, and employer', async () => {
    await store.create({ data: { name: '张三', idNumber: '370102199001011231', employerName: '济南建工集团' } }, T(0));
    await store.create({ data: { name: '张山峰', idNumber: '37010219850315201X', employerName: '山东路桥' } }, T(1));
    await store.create({ data: { name: '李四', idNumber: '370102198503152013' } }, T(2));
    const q = async (s: string) => (await service.search(s, 10)).items.map((i) => i.name);
    expect(await q('zs')).toEqual(['张三', '张山峰']);
    expect(await q('zhangsan')).toEqual(['张三']);
    expect(await q('张')).toEqual(['张山峰', '张三']);
    expect(await q('0315')).toEqual(['李四', '张山峰']);
    expect(await q('201x')).toEqual(['张山峰']);
    expect(await q('路桥')).toEqual(['张山峰']);
    expect(await q('王')).toEqual([]);
  });

  it('stays current after writes without a rebuild, and lists duplicates by ID number', async () => {
    await service.ensureIndex();
    const spy = vi.spyOn(store, 'allStored');
    const a = await service.create({ data: { name: '王五', idNumber: '370102199001011231' } }, T(0));
    await service.create({ data: { name: '王伍', idNumber: '370102199001011231' } }, T(1));
    expect((await service.search('ww', 10)).total).toBe(2);
    expect((await service.duplicates()).map((g) => g.map((s) => s.name).sort())).toEqual([['王五', '王伍']]);
    expect((await service.byIdNumbers(['370102199001011231'])).map((p) => p.data.name).sort()).toEqual(['王五', '王伍']);
    // A corrected ID number moves the profile to its new number.
    const b = await service.update(a.id, { data: { name: '王五', idNumber: '37010219900101123x' } }, 1, T(2));
    expect((await service.byIdNumbers(['370102199001011231'])).map((p) => p.data.name)).toEqual(['王伍']);
    expect((await service.byIdNumbers(['37010219900101123X'])).map((p) => p.id)).toEqual([b.id]);
    await service.remove([a.id], T(3));
    expect((await service.search('ww', 10)).total).toBe(1);
    expect(await service.byIdNumbers(['37010219900101123X'])).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
  });

  it('keeps the index right when writes overlap an index build or follow an import at once', async () => {
    await service.create({ data: { name: '赵一' } }, T(0));
    // A profile saved while the index is being built (after the build read the store) is found afterwards.
    const read = store.allStored.bind(store);
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    vi.spyOn(store, 'allStored').mockImplementationOnce(async () => {
      const rows = await read();
      await gate;
      return rows;
    });
    const building = service.search('zy', 10);
    await new Promise((r) => setTimeout(r, 5));
    const late = await service.create({ data: { name: '钱二' } }, T(1));
    release();
    expect((await building).total).toBe(1);
    expect((await service.search('qe', 10)).items.map((i) => i.id)).toEqual([late.id]);
    // An import answered before its profiles were indexed: a search or a delete right after still agrees.
    const saved = await service.commit([{ kind: 'create', body: { data: { name: '孙三' } } }, { kind: 'create', body: { data: { name: '孙三' } } }], T(2));
    await service.remove([saved[0]!.id], T(3));
    expect((await service.search('孙三', 10)).items.map((i) => i.id)).toEqual([saved[1]!.id]);
    await new Promise((r) => setTimeout(r, 5));
    expect((await service.search('孙三', 10)).items.map((i) => i.id)).toEqual([saved[1]!.id]);
  });

  it('ranks an exact match first', () => {
    const index = new ProfileIndex();
    const mk = (id: string, name: string, updatedAt: string) => ({ id, name, updatedAt, createdAt: updatedAt, revision: 1, data: { name }, businesses: [], notes: '' });
    index.upsert(mk('a', '张三丰', '2026-01-02T00:00:00.000Z'));
    index.upsert(mk('b', '张三', '2026-01-01T00:00:00.000Z'));
    expect(index.search('张三').items.map((i) => i.id)).toEqual(['b', 'a']);
  });
});

/**
 * Versions whose fixture comes with another branch's upgrade block: 4 is the cases store (helper `workbench`);
 * until it lands, version 4 does not exist and version 5's block runs straight after 3's.
 */
const FIXTURELESS = new Set([4]);
const OLD_VERSIONS = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1).filter((v) => !FIXTURELESS.has(v) || fixtureExists(`v${v}.json`));

describe('database upgrades', () => {
  for (const version of OLD_VERSIONS) {
    it(`opens a version-${version} database from its stored fixture and keeps every record`, async () => {
      const name = `upgrade-v${version}-${++n}`;
      const fixture = loadDbFixture(`v${version}.json`);
      await createFromFixture(name, fixture);
      const upgraded = await openJzsDB(name);
      expect(upgraded.version).toBe(DB_VERSION);
      expect([...upgraded.objectStoreNames]).toEqual(expect.arrayContaining(['fillLogs', 'meta', 'profiles', 'restorePoints', 'rulePacks', 'settings']));
      expect(await upgraded.count('restorePoints')).toBe(0);
      for (const [store, def] of Object.entries(fixture.stores)) {
        expect(await upgraded.getAll(store as never), store).toEqual(expect.arrayContaining(def.records as object[]));
        expect(await upgraded.count(store as never), store).toBe(def.records.length);
      }
      upgraded.close();
    });
  }

  it('reads profiles stored by version 2 (plain bodies) with today\'s code', async () => {
    const name = `upgrade-read-${++n}`;
    await createFromFixture(name, loadDbFixture('v2.json'));
    const upgraded = await openJzsDB(name);
    const p = await new ProfileStore(async () => upgraded, () => plainCodec).get('5d1c1f0e-7a57-4c3b-9a57-1a2b3c4d5e6f');
    expect(p).toMatchObject({ revision: 3, data: { name: '张三', idNumber: '370102199001011231' } });
    upgraded.close();
  });

  it('has a stored fixture for every earlier version', () => {
    for (const v of OLD_VERSIONS) expect(() => loadDbFixture(`v${v}.json`), `tests/fixtures/db/v${v}.json`).not.toThrow();
    expect(OLD_VERSIONS).toEqual(expect.arrayContaining([1, 2, 3]));
  });

  it('closes its connection when another context needs to upgrade (blocking), so upgrades never hang', async () => {
    const name = `blocking-${++n}`;
    let closed = false;
    const old = await openJzsDB(name, () => {
      closed = true;
    });
    const next = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, DB_VERSION + 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(closed).toBe(true);
    expect(next.version).toBe(DB_VERSION + 1);
    next.close();
    void old;
  });
});
