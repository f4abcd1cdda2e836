import { beforeEach, describe, expect, it } from 'vitest';
import { RestoreSessions } from '../../src/background/restore-sessions';
import { LockedError, plainCodec } from '../../src/security/codec';
import { StoreChanged } from '../../src/profiles/errors';
import { diffRestore, restoreItems } from '../../src/profiles/restore';
import { MAX_RESTORE_POINTS } from '../../src/profiles/restore-points';
import type { Profile } from '../../src/profiles/schema';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { LockService } from '../../src/security/lock';
import { type JzsDatabase, openJzsDB } from '../../src/storage/db';
import { createFromFixture, loadDbFixture } from '../helpers/db-fixture';
import { FakeSession } from '../helpers/fake-storage';


let n = 0;
let db: JzsDatabase;
let store: ProfileStore;
let service: ProfileService;
const T = (m: number) => new Date(Date.UTC(2026, 10, 23, 8, m));
const byId = async () => new Map((await service.all()).map((p) => [p.id, p]));
const names = async () => (await service.all()).map((p) => p.data.name).sort();

beforeEach(async () => {
  db = await openJzsDB(`restore-points-${++n}`);
  store = new ProfileStore(async () => db, () => plainCodec);
  service = new ProfileService(store, () => plainCodec);
});

describe('restore points and 撤销', () => {
  it('a version-3 database (no restore points yet) upgrades and keeps them from then on', async () => {
    const name = `restore-upgrade-${++n}`;
    await createFromFixture(name, loadDbFixture('v3.json'));
    const upgraded = await openJzsDB(name);
    const onV3 = new ProfileService(new ProfileStore(async () => upgraded, () => plainCodec), () => plainCodec);
    const before = await onV3.all();
    expect(before.map((p) => p.data.name).sort()).toEqual(['张三', '李四']);
    await onV3.remove(before.map((p) => p.id), T(0));
    await onV3.undo((await onV3.latestRestorePoint())!.id);
    expect((await onV3.all()).map(({ revision: _r, ...p }) => p)).toEqual(before.map(({ revision: _r, ...p }) => p));
    upgraded.close();
  });


  it('undoes an import: created profiles go, updated ones come back as they were, once', async () => {
    const zhang = await service.create({ data: { name: '张三', mobile: '13800000000' } }, T(0));
    await service.commit(
      [
        { kind: 'create', body: { data: { name: '李四' } } },
        { kind: 'update', id: zhang.id, body: { data: { name: '张三', mobile: '13900000000' } }, expectedRevision: 1 },
      ],
      T(1),
    );
    const point = await service.latestRestorePoint();
    expect(point).toMatchObject({ kind: 'import', created: 1, replaced: 1 });
    expect(await service.undo(point!.id)).toEqual({ removed: 1, restored: 1 });
    expect(await names()).toEqual(['张三']);
    const back = await service.get(zhang.id);
    expect(back.data.mobile).toBe('13800000000');
    // The revision moved on (an editor open on the imported version is refused), the dates are the old ones.
    expect(back.revision).toBeGreaterThan(2);
    expect(back.updatedAt).toBe(zhang.updatedAt);
    expect(await store.count()).toBe(1);
    expect(await service.latestRestorePoint()).toBeNull();
    await expect(service.undo(point!.id)).rejects.toMatchObject({ code: 'undo.gone' });
  });

  it('undoes a bulk delete with the same ids, data and dates', async () => {
    const a = await service.create({ data: { name: '甲', idNumber: '370102199001011231' }, notes: '备注' }, T(0));
    const b = await service.create({ data: { name: '乙' } }, T(1));
    const before = await byId();
    expect(await service.remove([a.id, b.id], T(2))).toBe(2);
    expect(await store.count()).toBe(0);
    const point = await service.latestRestorePoint();
    expect(point).toMatchObject({ kind: 'delete', created: 0, replaced: 2 });
    await service.undo(point!.id);
    const after = await byId();
    for (const [id, p] of before) expect({ ...after.get(id), revision: 0 }).toEqual({ ...p, revision: 0 });
    expect(await store.count()).toBe(2);
    // Search sees them again (the index was dropped and rebuilt).
    expect((await service.search('甲', 5)).items.map((i) => i.id)).toEqual([a.id]);
  });

  it('a large restore (read in one request) overwrites, adds and is undone like a small one', async () => {
    const kept = await service.commit(Array.from({ length: 100 }, (_, i) => ({ kind: 'create' as const, body: { data: { name: `旧${i}` } } })), T(0));
    const backup: Profile[] = [
      ...kept.map((p) => ({ ...p, data: { name: `新${p.data.name ?? ''}` } })),
      ...Array.from({ length: 600 }, (_, i) => mk(crypto.randomUUID(), `加${i}`, T(1).toISOString())),
    ];
    await service.restore(backup.map((profile) => ({ kind: 'restore' as const, profile })), T(2));
    expect(await store.count()).toBe(700);
    expect((await service.get(kept[7]!.id)).data.name).toBe('新旧7');
    expect(await service.latestRestorePoint()).toMatchObject({ kind: 'restore', created: 600, replaced: 100 });
    await service.undo((await service.latestRestorePoint())!.id);
    expect(await store.count()).toBe(100);
    expect((await service.get(kept[7]!.id)).data.name).toBe('旧7');
  });

  it('only the newest point can be undone, and only the newest few are kept', async () => {
    for (let i = 0; i < MAX_RESTORE_POINTS + 3; i++) await service.commit([{ kind: 'create', body: { data: { name: `人${i}` } } }], T(i));
    expect(await db.count('restorePoints')).toBe(MAX_RESTORE_POINTS);
    const latest = await service.latestRestorePoint();
    await expect(service.undo(latest!.id - 1)).rejects.toMatchObject({ code: 'undo.gone' });
    await service.undo(latest!.id);
    // Undo again: the one before it, step by step.
    await service.undo((await service.latestRestorePoint())!.id);
    expect(await store.count()).toBe(MAX_RESTORE_POINTS + 1);
  });

  it('a failed batch keeps no restore point and writes nothing', async () => {
    const p = await service.create({ data: { name: '张三' } }, T(0));
    await service.update(p.id, { data: { name: '张三', email: 'a@b.cn' } }, 1, T(1));
    const err = await service
      .commit([{ kind: 'create', body: { data: { name: '李四' } } }, { kind: 'update', id: p.id, body: { data: { name: '张三' } }, expectedRevision: 1 }], T(2))
      .catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('errors.profiles.revisionConflict');
    expect(await db.count('restorePoints')).toBe(0);
    expect(await names()).toEqual(['张三']);
  });

  it('with the lock on a restore point holds no plaintext, opens only unlocked, and follows the lock off', async () => {
    const session = new FakeSession();
    const lock: LockService = new LockService(async () => db, session, () => Date.UTC(2026, 10, 23, 8), (): void => profiles.reset());
    const locked = new ProfileStore(async () => db, () => lock.codec);
    const profiles = new ProfileService(locked, () => lock.codec);
    const ID = '370102199001011231';
    const raw = async () => JSON.stringify(await db.getAll('restorePoints'), (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? '[bytes]' : v));
    // A point written before the lock was turned on is sealed by the lock's migration.
    const first = await profiles.create({ data: { name: '张三', idNumber: ID } }, T(0));
    await profiles.remove([first.id], T(1));
    expect(await raw()).toContain(ID); // the control: the check sees plain text
    await lock.enable('correct horse', 15, 1_000);
    expect(await raw()).not.toContain(ID);
    // A point written while the lock is on is sealed from the start.
    await profiles.undo((await profiles.latestRestorePoint())!.id);
    await profiles.commit([{ kind: 'update', id: first.id, body: { data: { name: '张三', idNumber: ID, mobile: '13800000000' } }, expectedRevision: (await profiles.get(first.id)).revision }], T(2));
    expect(await raw()).not.toContain(ID);
    expect(await raw()).not.toContain('张三');
    const point = (await profiles.latestRestorePoint())!;
    await lock.lock();
    await expect(profiles.undo(point.id)).rejects.toBeInstanceOf(LockedError);
    await lock.unlock('correct horse');
    await profiles.undo(point.id);
    expect((await profiles.get(first.id)).data.mobile).toBeUndefined();
    // Lock off: points are opened with the plain codec again.
    await profiles.remove([first.id], T(3));
    await lock.disable('correct horse');
    const plainService = new ProfileService(new ProfileStore(async () => db, () => plainCodec), () => plainCodec);
    await plainService.undo((await plainService.latestRestorePoint())!.id);
    expect((await plainService.get(first.id)).data.idNumber).toBe(ID);
  });
});

const mk = (id: string, name: string, updatedAt: string, extra: Partial<Profile> = {}): Profile => ({
  id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
  revision: 1,
  data: { name },
  businesses: [],
  notes: '',
  ...extra,
});

describe('what a restore would change', () => {
  it('sorts profiles into added, changed (newer), unchanged and missing, and writes only what was chosen', () => {
    const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const backup = [
      mk(uuid(1), '新', '2026-02-01T00:00:00.000Z'),
      mk(uuid(2), '同', '2026-02-01T00:00:00.000Z'),
      mk(uuid(3), '改', '2026-02-01T00:00:00.000Z'),
      mk(uuid(4), '后改', '2026-02-01T00:00:00.000Z'),
    ];
    const stored = new Map([
      [uuid(2), mk(uuid(2), '同', '2026-02-01T00:00:00.000Z')],
      [uuid(3), mk(uuid(3), '改了', '2026-01-15T00:00:00.000Z')],
      [uuid(4), mk(uuid(4), '后改了', '2026-03-01T00:00:00.000Z', { revision: 4 })],
      [uuid(5), mk(uuid(5), '备份后新建', '2026-03-02T00:00:00.000Z')],
    ]);
    const diff = diffRestore(backup, stored, () => true);
    expect(diff).toEqual({ total: 4, added: [uuid(1)], changed: [uuid(3), uuid(4)], newer: [uuid(4)], unchanged: 1, missing: [uuid(5)], invalid: [], twins: [] });
    const ids = (items: ReturnType<typeof restoreItems>) => items.map((i) => (i.kind === 'restore' ? `r${i.profile.data.name}` : i.kind === 'remove' ? `x${i.id.slice(-1)}` : '?'));
    expect(ids(restoreItems(backup, diff, { overwriteNewer: false, removeMissing: false, restoreInvalid: false }))).toEqual(['r新', 'r改']);
    expect(ids(restoreItems(backup, diff, { overwriteNewer: true, removeMissing: true, restoreInvalid: false }))).toEqual(['r新', 'r改', 'r后改', 'x5']);
  });

  it('refuses a commit when the store moved after the preview, and writes nothing', async () => {
    const a = await service.create({ data: { name: '张三' } }, T(0));
    const backup = [{ ...(await service.get(a.id)), data: { name: '张三（备份）' } }, mk(crypto.randomUUID(), '李四', T(1).toISOString())];
    const restores = new RestoreSessions(service, () => T(5));
    const session = crypto.randomUUID();
    restores.stage(session, 2, backup.slice(0, 1));
    expect(restores.stage(session, 2, backup.slice(1))).toBe(2);
    const preview = await restores.preview(session);
    expect(restores.holds(session)).toBe(true); // the review keeps asking this while the clerk reads
    expect(preview).toMatchObject({ total: 2, added: { n: 1, names: ['李四'] }, changed: { n: 1, names: ['张三'] }, newer: { n: 0 }, missing: { n: 0 } });
    await service.update(a.id, { data: { name: '张三', mobile: '13800000000' } }, 1, T(2));
    await expect(restores.commit(session, { overwriteNewer: false, removeMissing: false, restoreInvalid: false })).rejects.toBeInstanceOf(StoreChanged);
    expect(await names()).toEqual(['张三']);
    // Previewed again, it commits: one batch, one restore point.
    await restores.preview(session);
    expect(await restores.commit(session, { overwriteNewer: true, removeMissing: false, restoreInvalid: false })).toEqual({ added: 1, changed: 1, removed: 0 });
    expect(await names()).toEqual(['张三（备份）', '李四']);
    expect(await service.latestRestorePoint()).toMatchObject({ kind: 'restore', created: 1, replaced: 1 });
    expect(restores.holds(session)).toBe(false); // committed: nothing more to keep
  });

  it('holds back a backup profile whose ID number fails the check (edited by hand or damaged) unless the clerk asks for it', async () => {
    const valid = '370102199001011231';
    const a = await service.create({ data: { name: '张三', idNumber: valid } }, T(0));
    const stored = await service.get(a.id);
    // The backup's copy of 张三 has its check digit changed; 李四 is new with a mistyped birth date; 王五 has none.
    const backup = [
      { ...stored, data: { name: '张三', idNumber: '370102199001011232' } },
      mk(crypto.randomUUID(), '李四', T(1).toISOString(), { data: { name: '李四', idNumber: '370102199013011231' } }),
      mk(crypto.randomUUID(), '王五', T(1).toISOString()),
    ];
    const restores = new RestoreSessions(service, () => T(5));
    const session = crypto.randomUUID();
    restores.stage(session, 3, backup);
    expect(await restores.preview(session)).toMatchObject({ added: { n: 2 }, changed: { n: 1 }, invalid: { n: 2, names: ['张三', '李四'] } });
    expect(await restores.commit(session, { overwriteNewer: true, removeMissing: false, restoreInvalid: false })).toEqual({ added: 1, changed: 0, removed: 0 });
    expect((await service.get(a.id)).data.idNumber).toBe(valid);
    expect(await names()).toEqual(['张三', '王五']);
    // Asked for, they are restored.
    const again = crypto.randomUUID();
    restores.stage(again, 3, backup);
    await restores.preview(again);
    expect(await restores.commit(again, { overwriteNewer: true, removeMissing: false, restoreInvalid: true })).toEqual({ added: 1, changed: 1, removed: 0 });
    expect((await service.get(a.id)).data.idNumber).toBe('370102199001011232');
  });

  it('refuses a backup with two records of one id', async () => {
    const restores = new RestoreSessions(service, () => T(5));
    const session = crypto.randomUUID();
    const p = mk(crypto.randomUUID(), '甲', T(1).toISOString());
    restores.stage(session, 2, [p, { ...p, data: { name: '乙' } }]);
    await expect(restores.preview(session)).rejects.toMatchObject({ code: 'restore.duplicate' });
  });
});
