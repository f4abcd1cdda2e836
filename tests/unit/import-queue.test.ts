import { describe, expect, it, vi } from 'vitest';
import '../../src/i18n/all';
import { dispatch } from '../../src/background/router';
import type { SenderInfo } from '../../src/background/sender';
import type { MessageName, Req, Res } from '../../src/messaging/protocol';
import { autoMap } from '../../src/profiles/io/mapping';
import { type DuplicatePolicy, planImport } from '../../src/profiles/io/plan';
import { findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { validateTable } from '../../src/profiles/io/rows';
import type { Profile } from '../../src/profiles/schema';
import type { WorkQueue } from '../../src/profiles/work-queue';
import { openJzsDB } from '../../src/storage/db';
import { commitPlan } from '../../src/ui/options/import-flow';
import { checkCharacter } from '../../src/validate/id-number';
import { testRoutes } from '../helpers/routes';

/**
 * The work queue an import forms (「下一位」): the sheet's applicants in the sheet's order — also those already
 * stored that the clerk chose to leave untouched (「跳过本行」), who are still on the sheet to be filled.
 */
const background = vi.hoisted(() => ({ call: async (_name: string, _data: unknown): Promise<unknown> => undefined }));
vi.mock('../../src/messaging/client', () => ({
  send: (name: string, data: unknown) => background.call(name, data),
}));

function start() {
  const name = `import-queue-${crypto.randomUUID()}`;
  const db = () => openJzsDB(name);
  let stored: WorkQueue | undefined;
  const { routes } = testRoutes({ db, workQueue: { get: async () => structuredClone(stored), set: async (q) => void (stored = structuredClone(q)) } });
  const page: SenderInfo = { kind: 'extension', url: 'chrome-extension://x/options.html' };
  const call = async <N extends MessageName>(route: N, data: Req<N>): Promise<Res<N>> => {
    const reply = await dispatch(routes, { jzs: 1, name: route, data }, page);
    if (!reply.ok) throw new Error(`${route}: ${reply.error.code}`);
    return reply.data as Res<N>; // the reply of route N (the router answers with the handler's value)
  };
  background.call = (name, data) => call(name as MessageName, data as never);
  return call;
}

const NOW = new Date('2026-11-23T04:00:00Z');
function idFor(seq: number): string {
  const first17 = `37010219850302${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
const SHEET = ['王伟', '李娜', '张敏', '刘强', '陈静'];

async function importSheet(call: ReturnType<typeof start>, policy: DuplicatePolicy) {
  const csv = ['姓名,身份证号,手机', ...SHEET.map((name, i) => `${name},${idFor(i + 1)},1380531000${i}`)].join('\n');
  const read = readImportFile(new TextEncoder().encode(csv), '名单.csv');
  const table = tableAt(read, findHeaderRow(read.grid));
  const rows = await validateTable(table, { mapping: autoMap(table.headers), now: NOW, today: '2026-11-23' });
  const stored = await call('ui:profiles.byIdNumbers', { idNumbers: rows.map((r) => r.data.idNumber ?? '') });
  const plan = planImport(rows, new Map(stored.map((p: Profile) => [(p.data.idNumber ?? '').toUpperCase(), p])), policy);
  await commitPlan(plan, () => undefined);
  return plan;
}

async function walk(call: ReturnType<typeof start>): Promise<string[]> {
  const names = [(await call('ui:active.get', {}))?.name ?? ''];
  for (;;) {
    const r = await call('ui:fill.next', {});
    if (r.end) return names;
    names.push(r.active.name);
  }
}

describe('the work queue of an import', () => {
  for (const policy of ['skip', 'update'] as const) {
    it(`policy ${policy}: every applicant of the sheet, stored ones included, in the sheet's order`, async () => {
      const call = start();
      // 李娜 and 陈静 are already stored, edited by hand since.
      await call('ui:profiles.commit', { items: [1, 4].map((i) => ({ kind: 'create' as const, body: { data: { name: SHEET[i] ?? '', idNumber: idFor(i + 1), mobile: '13900000000' } } })) });
      const plan = await importSheet(call, policy);
      expect(plan.skipped).toBe(policy === 'skip' ? 2 : 0);
      expect(await call('ui:queue.get', {})).toMatchObject({ position: 1, total: 5, source: 'import' });
      expect(await walk(call)).toEqual(SHEET);
      // Skipping left the stored ones as they were.
      const lina = await call('ui:profiles.byIdNumbers', { idNumbers: [idFor(2)] });
      expect(lina[0]?.data.mobile).toBe(policy === 'skip' ? '13900000000' : '13805310001');
    });
  }

  it('every applicant already stored and skipped: nothing is written, and they still form the queue', async () => {
    const call = start();
    await call('ui:profiles.commit', { items: SHEET.map((name, i) => ({ kind: 'create' as const, body: { data: { name, idNumber: idFor(i + 1) } } })) });
    await call('ui:queue.set', { ids: [(await call('ui:profiles.byIdNumbers', { idNumbers: [idFor(5)] }))[0]?.id ?? ''], source: 'selection' });
    const plan = await importSheet(call, 'skip');
    expect(plan.items).toEqual([]);
    expect(await call('ui:queue.get', {})).toMatchObject({ total: 5, source: 'import' });
    expect(await walk(call)).toEqual(SHEET);
  });
});
