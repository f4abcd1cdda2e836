import { describe, expect, it } from 'vitest';
import '../../src/i18n/all';
import { dispatch } from '../../src/background/router';
import type { SenderInfo } from '../../src/background/sender';
import type { MessageName, Res } from '../../src/messaging/protocol';
import type { WorkQueue } from '../../src/profiles/work-queue';
import { openJzsDB } from '../../src/storage/db';
import { testRoutes } from '../helpers/routes';

/** The background's routes over a fresh database, with the work queue in memory (storage.session stand-in). */
function background() {
  const name = `queue-routes-${crypto.randomUUID()}`;
  const db = () => openJzsDB(name);
  let stored: WorkQueue | undefined;
  const { routes } = testRoutes({
    db,
    // structuredClone: what storage.session gives back is a copy, never the object handed to it.
    workQueue: { get: async () => structuredClone(stored), set: async (q) => void (stored = structuredClone(q)) },
  });
  const popup: SenderInfo = { kind: 'extension', url: 'chrome-extension://x/popup.html' };
  const call = async <N extends MessageName>(name: N, data: unknown): Promise<Res<N>> => {
    const reply = await dispatch(routes, { jzs: 1, name, data }, popup);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message ?? reply.error.code), { code: reply.error.code });
    return reply.data as Res<N>; // the reply of route N (the router answers with the handler's value)
  };
  return { call };
}

const rows = ['王伟', '李娜', '张敏', '刘强'].map((name) => ({ kind: 'create' as const, body: { data: { name } } }));

describe('the work queue through the background', () => {
  it('an import is the queue in sheet order; 下一位 walks it, then says it is at the end', async () => {
    const { call } = background();
    await call('ui:profiles.commit', { items: rows });
    expect(await call('ui:queue.get', {})).toMatchObject({ position: 1, total: 4, source: 'import', current: true });
    expect((await call('ui:active.get', {}))?.name).toBe('王伟');
    const walked: string[] = [];
    for (;;) {
      const r = await call('ui:fill.next', {});
      if (r.end) {
        expect(r.queue).toMatchObject({ position: 4, total: 4, atEnd: true });
        break;
      }
      // No portal tab here: the applicant still changes, and why there is no preview is a catalogue key.
      expect(r.error).toBe('fill.errors.noPortalTab');
      walked.push(`${r.queue.position}:${r.active.name}`);
    }
    expect(walked).toEqual(['2:李娜', '3:张敏', '4:刘强']);
    expect((await call('ui:active.get', {}))?.name).toBe('刘强');
  });

  it('picking someone outside keeps the queue and its place; a pick inside moves the place; deleted ones are skipped', async () => {
    const { call } = background();
    const other = await call('ui:profiles.create', { body: { data: { name: '赵六' } } });
    await call('ui:profiles.commit', { items: rows });
    const idOf = async (name: string) => (await call('ui:profiles.search', { query: name, limit: 1 })).items[0]?.id ?? '';
    await call('ui:active.set', { id: other.id });
    expect(await call('ui:queue.get', {})).toMatchObject({ position: 1, total: 4, current: false });
    await call('ui:active.set', { id: await idOf('李娜') });
    expect(await call('ui:queue.get', {})).toMatchObject({ position: 2, current: true });
    await call('ui:profiles.delete', { ids: [await idOf('张敏')] });
    const next = await call('ui:fill.next', {});
    expect(next.end ? '' : next.active.name).toBe('刘强');
    expect(next.queue).toMatchObject({ position: 3, total: 3 });
  });

  it('a selection becomes the queue from its first; no queue at all is said', async () => {
    const { call } = background();
    await expect(call('ui:fill.next', {})).rejects.toMatchObject({ code: 'queue.none' });
    const a = await call('ui:profiles.create', { body: { data: { name: '甲' } } });
    const b = await call('ui:profiles.create', { body: { data: { name: '乙' } } });
    const made = await call('ui:queue.set', { ids: [b.id, a.id, b.id], source: 'selection' });
    expect(made.active.name).toBe('乙');
    expect(made.queue).toMatchObject({ position: 1, total: 2, source: 'selection' });
  });
});
