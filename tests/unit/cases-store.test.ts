import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/background/router';
import type { SenderInfo } from '../../src/background/sender';
import { CaseService, monthsBefore } from '../../src/cases/service';
import { CaseConflict, CaseStore } from '../../src/cases/store';
import { matches, queryRows, sortRows, SortedRows, type CaseFilter, type CaseRow } from '../../src/cases/table';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { bundledPack } from '../../src/rules/bundled';
import { LockService } from '../../src/security/lock';
import { CASES_FROM_SEALED_KEY, type JzsDatabase, openJzsDB } from '../../src/storage/db';
import { createFromFixture, loadDbFixture } from '../helpers/db-fixture';
import { FakeSession } from '../helpers/fake-storage';
import { testRoutes } from '../helpers/routes';


let n = 0;
let db: JzsDatabase;
const NOW = new Date('2026-12-01T02:00:00Z');
const page: SenderInfo = { kind: 'extension', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html' };

function setup() {
  const lock: LockService = new LockService(async () => db, new FakeSession(), () => NOW.getTime(), () => {
    profiles.reset();
    cases.reset();
  });
  const codec = () => lock.codec;
  const profiles: ProfileService = new ProfileService(new ProfileStore(async () => db, codec), codec);
  const cases: CaseService = new CaseService(new CaseStore(async () => db, codec), profiles, async () => bundledPack());
  const { routes } = testRoutes({ db: async () => db, codec, profiles, cases, lock, now: () => NOW });
  const send = async <T,>(name: string, data: unknown): Promise<T> => {
    const reply = await dispatch(routes, { jzs: 1, name, data }, page);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.data as T;
  };
  return { lock, profiles, cases, send };
}

const raw = async (store: 'cases' | 'profiles') => JSON.stringify(await db.getAll(store), (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? '[bytes]' : v));

describe('v4 upgrade: 「办理中的业务」 become cases', () => {
  it('moves every business of a 0.1.0 (v3) store into a case with its status, ticks, conditions and date', async () => {
    const name = `cases-v3-${++n}`;
    await createFromFixture(name, loadDbFixture('v3-businesses.json'));
    db = await openJzsDB(name);
    const { cases, profiles } = setup();
    const all = (await cases.all()).sort((a, b) => a.business.localeCompare(b.business));
    expect(all.map((c) => [c.profileId.slice(0, 8), c.business, c.status, c.ready, c.conditions, c.statusSince])).toEqual([
      ['5d1c1f0e', 'add-specialty', 'preparing', [], [], '2026-11-01T09:00:00.000Z'],
      ['5d1c1f0e', 'change', 'submitted', ['application-form', 'id-card'], ['exam-employer-differs'], '2026-11-02T07:00:00.000Z'],
      ['0b8e2c44', 'renewal', 'done', ['application-form'], [], '2026-11-03T08:00:00.000Z'],
    ]);
    for (const p of await profiles.all()) expect(p.businesses).toEqual([]);
    // The profiles themselves are unchanged otherwise (same revision, notes, data).
    expect((await profiles.get('5d1c1f0e-7a57-4c3b-9a57-1a2b3c4d5e6f')).notes).toBe('老客户');
    expect((await profiles.get('5d1c1f0e-7a57-4c3b-9a57-1a2b3c4d5e6f')).revision).toBe(3);
    db.close();
  });

  it('flags profiles the lock had sealed, and moves their businesses at the next unlock', async () => {
    // A v4 store with the lock on and a sealed profile still holding 0.1.0 businesses (as the upgrade leaves it).
    db = await openJzsDB(`cases-sealed-${++n}`);
    const { lock, profiles, send } = setup();
    await lock.enable('correct horse', 15, 1000);
    const p = await profiles.create({ data: { name: '赵六' }, businesses: [{ business: 'cancel', status: 'submitted', conditions: [], ready: [], updatedAt: '2026-10-01T00:00:00.000Z' }] }, NOW);
    await db.put('settings', { key: CASES_FROM_SEALED_KEY, value: 'pending' });
    await lock.lock();
    await send('ui:lock.unlock', { passphrase: 'correct horse' });
    const moved = await send<Array<{ business: string; status: string }>>('ui:cases.ofProfile', { profileId: p.id });
    expect(moved.map((c) => [c.business, c.status])).toEqual([['cancel', 'submitted']]);
    expect((await profiles.get(p.id)).businesses).toEqual([]);
    expect(await db.get('settings', CASES_FROM_SEALED_KEY)).toBeUndefined();
  });

  it('sets the flag when the v3 store holds sealed bodies, and leaves them as they are', async () => {
    const name = `cases-v3-sealed-${++n}`;
    const fixture = loadDbFixture('v3-businesses.json');
    const sealed = { id: '9f1e2d3c-4b5a-4968-8776-655443322110', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), revision: 1, body: { sealed: { iv: [1, 2, 3], data: [4, 5], kv: 1 } } };
    fixture.stores.profiles!.records.push(sealed);
    await createFromFixture(name, fixture);
    db = await openJzsDB(name);
    expect(await db.get('settings', CASES_FROM_SEALED_KEY)).toEqual({ key: CASES_FROM_SEALED_KEY, value: 'pending' });
    expect(await db.get('profiles', sealed.id)).toEqual(sealed);
    db.close();
  });
});

describe('cases and the lock', () => {
  beforeEach(async () => {
    db = await openJzsDB(`cases-lock-${++n}`);
  });

  it('writes no plaintext case while the lock is on, and seals existing ones when it is turned on', async () => {
    const { lock, profiles, send } = setup();
    const p = await profiles.create({ data: { name: '张三' } }, NOW);
    const before = await send<{ id: string; revision: number }>('ui:cases.create', { profileId: p.id, business: 'renewal' });
    await send('ui:cases.update', { items: [{ id: before.id, revision: before.revision }], patch: { notes: 'SECRET-NOTE-1' } });
    expect(await raw('cases')).toContain('SECRET-NOTE-1'); // the control: the check can see plaintext
    await lock.enable('correct horse', 15, 1000);
    expect(await raw('cases')).not.toContain('SECRET-NOTE-1');
    expect(await raw('cases')).not.toContain('renewal');
    const second = await send<{ id: string; revision: number }>('ui:cases.create', { profileId: p.id, business: 'change' });
    const [current] = await send<Array<{ revision: number }>>('ui:cases.get', { ids: [second.id] });
    await send('ui:cases.update', { items: [{ id: second.id, revision: current!.revision }], patch: { notes: 'SECRET-NOTE-2' } });
    expect(await raw('cases')).not.toMatch(/SECRET-NOTE|"change"|"preparing"/);
    await lock.lock();
    await expect(send('ui:cases.query', { sort: 'name', dir: 'asc', offset: 0, limit: 50 })).rejects.toMatchObject({ code: expect.stringMatching(/lock/) });
    await send('ui:lock.unlock', { passphrase: 'correct horse' });
    const { rows } = await send<{ rows: Array<{ notes: string }> }>('ui:cases.query', { sort: 'updatedAt', dir: 'desc', offset: 0, limit: 50 });
    expect(rows.map((r) => r.notes).sort()).toEqual(['SECRET-NOTE-1', 'SECRET-NOTE-2']);
  });
});

describe('case service', () => {
  beforeEach(async () => {
    db = await openJzsDB(`cases-svc-${++n}`);
  });

  it('the editor\'s rule checks (ui:profiles.rules) are those of the applicant\'s open cases, under their situations, else every business\'s', async () => {
    const { profiles, send } = setup();
    const p = await profiles.create({ data: { name: '周八' } }, NOW);
    type Rules = { checks: Array<{ business: string; kind: string; params: Record<string, number> }> };
    const rules = async (profileId?: string) => (await send<Rules>('ui:profiles.rules', profileId ? { profileId } : {})).checks.map((c) => `${c.business}:${c.kind}`).sort();
    const everyBusiness = ['change:contract-end-min-years', 'initial:contract-end-min-years', 'initial:education-minimum', 'renewal:contract-end-min-years'];
    expect(await rules()).toEqual(everyBusiness);
    expect(await rules(p.id)).toEqual(everyBusiness);
    const c = await send<{ id: string; revision: number }>('ui:cases.create', { profileId: p.id, business: 'cancel' });
    expect(await rules(p.id)).toEqual([]);
    await send('ui:cases.update', { items: [{ id: c.id, revision: c.revision }], patch: { business: 'change', conditions: ['company-renamed'] } });
    expect(await rules(p.id)).toEqual([]);
    const [renamed] = await send<Array<{ id: string; revision: number }>>('ui:cases.get', { ids: [c.id] });
    await send('ui:cases.update', { items: [{ id: c.id, revision: renamed!.revision }], patch: { conditions: [] } });
    expect(await rules(p.id)).toEqual(['change:contract-end-min-years']);
    const [open] = await send<Array<{ id: string; revision: number }>>('ui:cases.get', { ids: [c.id] });
    await send('ui:cases.update', { items: [{ id: c.id, revision: open!.revision }], patch: { status: 'done' } });
    expect(await rules(p.id)).toEqual(everyBusiness);
  });

  it('a fill preview adds the business the tab shows to the applicant’s open cases (the case’s situations win for its own business)', async () => {
    const { profiles, cases, send } = setup();
    const p = await profiles.create({ data: { name: '孙九' } }, NOW);
    const kinds = async (page?: { business: 'initial' | 'change'; conditions: string[] }) => (await cases.profileRules(p.id, page)).checks.map((c) => `${c.business}:${c.kind}`).sort();
    await send('ui:cases.create', { profileId: p.id, business: 'renewal' });
    expect(await kinds()).toEqual(['renewal:contract-end-min-years']);
    expect(await kinds({ business: 'initial', conditions: [] })).toEqual(['initial:contract-end-min-years', 'initial:education-minimum', 'renewal:contract-end-min-years']);
    // The tab's situations apply to the page's business: 变更 for a renamed employer asks no contract.
    expect(await kinds({ business: 'change', conditions: ['company-renamed'] })).toEqual(['renewal:contract-end-min-years']);
    const c = await send<{ id: string; revision: number }>('ui:cases.create', { profileId: p.id, business: 'change' });
    await send('ui:cases.update', { items: [{ id: c.id, revision: c.revision }], patch: { conditions: [] } });
    expect(await kinds({ business: 'change', conditions: ['company-renamed'] })).toEqual(['change:contract-end-min-years', 'renewal:contract-end-min-years']);
  });

  it("a new case starts with the situations the profile states, so 材料 n/m counts the 退休证 and 解聘证明 they call for", async () => {
    const { profiles, send } = setup();
    const retired = await profiles.create({ data: { name: '老王', retired: true, employerName: '济南建工集团有限公司', examEmployerName: '山东路桥集团有限公司' } }, NOW);
    const same = await profiles.create({ data: { name: '小李', retired: false, employerName: '济南建工集团有限责任公司', examEmployerName: '济南建工集团（有限公司）' } }, NOW);
    const conditionsOf = async (profileId: string, business: string) => (await send<{ conditions: string[] }>('ui:cases.create', { profileId, business })).conditions;
    expect(await conditionsOf(retired.id, 'initial')).toEqual(['retired', 'exam-employer-differs']);
    expect(await conditionsOf(retired.id, 'renewal')).toEqual(['retired']); // 延续 lists no exam-employer situation
    expect(await conditionsOf(retired.id, 'add-specialty')).toEqual([]);
    // The same employer written two ways (有限责任公司 / 有限公司, full-width brackets) is not another employer.
    expect(await conditionsOf(same.id, 'initial')).toEqual([]);
    const rows = await send<{ rows: Array<{ profileId: string; business: string; materials: { needed: number } }> }>('ui:cases.query', { sort: 'name', dir: 'asc', offset: 0, limit: 10 });
    const needed = (id: string) => rows.rows.find((r) => r.profileId === id && r.business === 'initial')?.materials.needed;
    expect(needed(retired.id)).toBe((needed(same.id) ?? 0) + 2); // + 退休证, + 解聘证明
  });

  it('a new 初始 case of a qualification issued more than 3 years before today starts 逾期, asking for the 继续教育证明 (153号令 第十一条)', async () => {
    const { profiles, send } = setup();
    // NOW is 2026-12-01 in Jinan: issued 2023-11-30 is 3 years and a day ago (late); 2023-12-01 is exactly 3 years (not yet).
    const late = await profiles.create({ data: { name: '老赵', qualificationIssueDate: '2023-11-30' } }, NOW);
    const inTime = await profiles.create({ data: { name: '小钱', qualificationIssueDate: '2023-12-01' } }, NOW);
    const made = async (profileId: string, business: string) => send<{ conditions: string[] }>('ui:cases.create', { profileId, business });
    expect((await made(late.id, 'initial')).conditions).toEqual(['qualification-over-3-years']);
    expect((await made(inTime.id, 'initial')).conditions).toEqual([]);
    expect((await made(late.id, 'renewal')).conditions).toEqual([]); // only 初始 has the situation
    const rows = await send<{ rows: Array<{ profileId: string; business: string; materials: { needed: number } }> }>('ui:cases.query', { sort: 'name', dir: 'asc', offset: 0, limit: 10 });
    const needed = (id: string) => rows.rows.find((r) => r.profileId === id && r.business === 'initial')?.materials.needed;
    expect(needed(late.id)).toBe((needed(inTime.id) ?? 0) + 1);
  });

  it('a batch status change is all or nothing: one case changed meanwhile → none written', async () => {
    const { profiles, send } = setup();
    const p = await profiles.create({ data: { name: '张三' } }, NOW);
    const made = [];
    for (const b of ['initial', 'renewal', 'change'] as const) made.push(await send<{ id: string; revision: number }>('ui:cases.create', { profileId: p.id, business: b }));
    await send('ui:cases.update', { items: [{ id: made[1]!.id, revision: made[1]!.revision }], patch: { notes: 'edited elsewhere' } });
    await expect(send('ui:cases.update', { items: made.map((c) => ({ id: c.id, revision: c.revision })), patch: { status: 'submitted' } })).rejects.toMatchObject({
      code: new CaseConflict().code,
    });
    const now = await send<Array<{ status: string }>>('ui:cases.get', { ids: made.map((c) => c.id) });
    expect(now.map((c) => c.status)).toEqual(['preparing', 'preparing', 'preparing']);
    const fresh = await send<Array<{ id: string; revision: number }>>('ui:cases.get', { ids: made.map((c) => c.id) });
    await send('ui:cases.update', { items: fresh.map((c) => ({ id: c.id, revision: c.revision })), patch: { status: 'submitted' } });
    const after = await send<Array<{ status: string; submittedOn?: string }>>('ui:cases.get', { ids: made.map((c) => c.id) });
    expect(after.map((c) => [c.status, c.submittedOn])).toEqual(Array(3).fill(['submitted', '2026-12-01']));
  });

  it('counts materials ready n/m from the rules under the case conditions', async () => {
    const { profiles, send } = setup();
    const p = await profiles.create({ data: { name: '张三', employerName: '甲公司' } }, NOW);
    const c = await send<{ id: string; revision: number }>('ui:cases.create', { profileId: p.id, business: 'renewal' });
    await send('ui:cases.update', { items: [{ id: c.id, revision: c.revision }], patch: { ready: ['application-form', 'id-card'] } });
    const { rows } = await send<{ rows: CaseRow[] }>('ui:cases.query', { sort: 'name', dir: 'asc', offset: 0, limit: 10 });
    const needed = bundledPack().businesses.find((b) => b.id === 'renewal')!.materials.filter((m) => m.requirement === 'required').length;
    expect(rows[0]).toMatchObject({ name: '张三', employer: '甲公司', materials: { done: 2, needed } });
  });

  it('the table kept between queries follows every change: a renamed applicant, a status, a deletion', async () => {
    const { profiles, send } = setup();
    const a = await profiles.create({ data: { name: '张三', employerName: '甲公司' } }, NOW);
    const b = await profiles.create({ data: { name: '李四', employerName: '乙公司' } }, NOW);
    const ca = await send<{ id: string; revision: number }>('ui:cases.create', { profileId: a.id, business: 'renewal' });
    const cb = await send<{ id: string; revision: number }>('ui:cases.create', { profileId: b.id, business: 'change' });
    const q = { sort: 'name', dir: 'asc', offset: 0, limit: 10 };
    const names = async (extra = {}) => (await send<{ rows: CaseRow[]; employers: string[] }>('ui:cases.query', { ...q, ...extra }));
    expect((await names()).rows.map((r) => r.name)).toEqual(['李四', '张三']);
    // Renamed in the profiles (another surface): the next query shows the new name, in its new place.
    await profiles.update(a.id, { data: { name: '艾青', employerName: '丙公司' } }, a.revision, NOW);
    const renamed = await names();
    expect(renamed.rows.map((r) => r.name)).toEqual(['艾青', '李四']);
    expect(renamed.employers).toEqual(expect.arrayContaining(['丙公司', '乙公司']));
    expect(renamed.employers).not.toContain('甲公司');
    await send('ui:cases.update', { items: [{ id: cb.id, revision: cb.revision }], patch: { status: 'needs-correction' } });
    expect((await names({ statuses: ['needs-correction'] })).rows.map((r) => r.id)).toEqual([cb.id]);
    await send('ui:cases.delete', { ids: [ca.id] });
    expect((await names()).rows.map((r) => r.id)).toEqual([cb.id]);
  });

  it('archives or purges only finished cases older than N months', async () => {
    const { profiles, cases, send } = setup();
    const p = await profiles.create({ data: { name: '张三' } }, NOW);
    const mk = async (status: 'done' | 'returned' | 'in-review', updatedAt: string) => {
      const [c] = await cases.store.createMany([{ profileId: p.id, body: { business: 'renewal', status, statusSince: updatedAt } }], new Date(updatedAt));
      return c!;
    };
    const oldDone = await mk('done', '2026-01-15T00:00:00.000Z');
    const oldReturned = await mk('returned', '2026-05-31T23:00:00.000Z');
    await mk('in-review', '2025-01-01T00:00:00.000Z'); // not finished: kept whatever its age
    await mk('done', '2026-06-02T00:00:00.000Z'); // finished, but recent
    cases.reset();
    expect(monthsBefore(NOW, 6)).toBe('2026-06-01T02:00:00.000Z');
    // 07:00 on 31 March in Jinan is still 30 March in UTC: one month back is Jinan's 28 February (month end).
    expect(monthsBefore(new Date('2026-03-30T23:00:00.000Z'), 1)).toBe('2026-02-27T23:00:00.000Z');
    expect(monthsBefore(new Date('2024-03-30T23:00:00.000Z'), 1)).toBe('2024-02-28T23:00:00.000Z'); // leap year: 29 Feb
    expect(monthsBefore(new Date('2026-12-31T16:30:00.000Z'), 6)).toBe('2026-06-30T16:30:00.000Z'); // 1 Jan 00:30 → 1 Jul
    expect(await send('ui:cases.cleanup', { months: 6, mode: 'count' })).toEqual({ matched: 2 });
    expect(await send('ui:cases.cleanup', { months: 6, mode: 'archive' })).toEqual({ matched: 2 });
    const visible = await send<{ total: number }>('ui:cases.query', { sort: 'name', dir: 'asc', offset: 0, limit: 10 });
    expect(visible.total).toBe(2);
    expect(await send('ui:cases.cleanup', { months: 6, mode: 'purge' })).toEqual({ matched: 2 });
    expect((await cases.all()).map((c) => c.id)).not.toEqual(expect.arrayContaining([oldDone.id, oldReturned.id]));
    expect((await cases.all()).length).toBe(2);
  });

  it('restoring a 0.1.0 backup turns its profiles\' 「办理中的业务」 into cases', async () => {
    const { send } = setup();
    const profile = {
      id: '5d1c1f0e-7a57-4c3b-9a57-1a2b3c4d5e6f',
      createdAt: '2026-11-01T08:00:00.000Z',
      updatedAt: '2026-11-02T08:00:00.000Z',
      revision: 3,
      data: { name: '张三' },
      businesses: [{ business: 'initial', status: 'submitted', conditions: ['retired'], ready: ['id-card'], updatedAt: '2026-11-02T07:00:00.000Z' }],
      notes: '',
    };
    await send('ui:profiles.commit', { items: [{ kind: 'restore', profile }] });
    const got = await send<Array<{ business: string; status: string; ready: string[]; conditions: string[] }>>('ui:cases.ofProfile', { profileId: profile.id });
    expect(got).toMatchObject([{ business: 'initial', status: 'submitted', ready: ['id-card'], conditions: ['retired'] }]);
    expect((await send<{ businesses: unknown[] }>('ui:profiles.get', { id: profile.id })).businesses).toEqual([]);
  });
});

describe('queryRows', () => {
  const rows: CaseRow[] = Array.from({ length: 30 }, (_, i) => ({
    id: `id-${String(i).padStart(2, '0')}`,
    profileId: `p-${i}`,
    revision: 1,
    name: ['张三', '李四', '王五'][i % 3]!,
    employer: ['甲公司', '乙公司'][i % 2]!,
    business: (['initial', 'renewal', 'change'] as const)[i % 3]!,
    status: (['preparing', 'needs-correction', 'done', 'in-review', 'returned'] as const)[i % 5]!,
    materials: { done: i % 4, needed: 4 },
    submittedOn: i % 2 ? `2026-10-${String((i % 28) + 1).padStart(2, '0')}` : undefined,
    updatedAt: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
    notes: '',
    archived: i === 29,
  }));

  it('filters by status, business and employer, hides archived, and pages without overlap', () => {
    const q = { sort: 'status' as const, dir: 'asc' as const, offset: 0, limit: 4, statuses: ['needs-correction' as const], employer: '甲公司' };
    const all = queryRows(rows, { ...q, limit: 100 });
    expect(all.rows.every((r) => r.status === 'needs-correction' && r.employer === '甲公司')).toBe(true);
    expect(all.total).toBe(rows.filter((r) => r.status === 'needs-correction' && r.employer === '甲公司' && !r.archived).length);
    const p1 = queryRows(rows, q).rows.map((r) => r.id);
    const p2 = queryRows(rows, { ...q, offset: 4 }).rows.map((r) => r.id);
    expect(new Set([...p1, ...p2]).size).toBe(p1.length + p2.length);
    expect(queryRows(rows, { ...q, statuses: undefined, employer: undefined, limit: 100 }).total).toBe(29);
    expect(queryRows(rows, { ...q, statuses: undefined, employer: undefined, limit: 100, includeArchived: true }).total).toBe(30);
    expect(queryRows(rows, { ...q, statuses: undefined, employer: undefined, businesses: ['renewal'], limit: 100 }).rows.every((r) => r.business === 'renewal')).toBe(true);
    expect(all.employers).toEqual(['甲公司', '乙公司']);
  });

  it('a page from the kept sublists equals one pass over the sorted rows, for every kind of filter (fixed seed)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const pick = <T,>(xs: readonly T[]): T => xs[rnd(xs.length)] as T; // why: rnd is below xs.length
    const statuses = ['preparing', 'needs-correction', 'done', 'in-review', 'returned'] as const;
    const businesses = ['initial', 'renewal', 'change'] as const;
    const many: CaseRow[] = Array.from({ length: 400 }, (_, i) => ({ ...pick(rows), id: `m-${i}`, name: pick(['张三', '李四', '张五', '']), employer: pick(['甲公司', '乙公司', '']), status: pick(statuses), business: pick(businesses), archived: rnd(6) === 0 }));
    const sorted = sortRows(many, 'name', 'desc');
    const kept = new SortedRows(sorted);
    for (let k = 0; k < 300; k++) {
      const f: CaseFilter = {
        statuses: rnd(3) ? undefined : rnd(2) ? [pick(statuses)] : [pick(statuses), pick(statuses)],
        businesses: rnd(3) ? undefined : rnd(2) ? [pick(businesses)] : [],
        employer: rnd(3) ? undefined : pick(['甲公司', '乙公司', '', '丙公司']),
        text: rnd(4) ? undefined : pick(['张', ' 李四 ', '  ']),
        includeArchived: rnd(3) ? undefined : true,
      };
      const q = { ...f, sort: 'name' as const, dir: 'desc' as const, offset: pick([0, 0, 5, 50, 390]), limit: pick([1, 10, 50]) };
      const want = sorted.filter((r) => matches(r, f));
      const got = kept.page(q, []);
      expect(got.total).toBe(want.length);
      expect(got.rows.map((r) => r.id)).toEqual(want.slice(q.offset, q.offset + q.limit).map((r) => r.id));
    }
  });

  it('sorts by status in workflow order, by materials ready, and by submission date with unsent last', () => {
    const byStatus = queryRows(rows, { sort: 'status', dir: 'asc', offset: 0, limit: 100 }).rows.map((r) => r.status);
    expect(byStatus.indexOf('done')).toBeGreaterThan(byStatus.lastIndexOf('needs-correction'));
    expect(byStatus.indexOf('preparing')).toBe(0);
    const bySubmitted = queryRows(rows, { sort: 'submittedOn', dir: 'asc', offset: 0, limit: 100 }).rows;
    expect(bySubmitted.at(-1)!.submittedOn).toBeUndefined();
    const dates = bySubmitted.map((r) => r.submittedOn).filter(Boolean);
    expect(dates).toEqual([...dates].sort());
  });
});
