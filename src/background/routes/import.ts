/**
 * Writing many profiles at once: a spreadsheet import (staged in chunks, then one all-or-nothing commit) and
 * a backup restore (staged, previewed, committed), each with a restore point that 撤销 can go back to.
 */
import type { ImportItem } from '../../profiles/store';
import { queueOf } from '../../profiles/work-queue';
import type { Routes } from '../router';
import type { RouteContext } from './context';

interface Progress {
  index: number;
  progress: unknown;
  at?: string | undefined;
}

/**
 * Profiles written with 0.1.0's 「办理中的业务」 (a restored old backup, an old editor): the businesses go to
 * the cases store; the profile keeps none, so the cases are the one place a business's progress lives.
 */
function withoutProgress(items: readonly ImportItem[]): { items: ImportItem[]; progress: Progress[] } {
  const progress: Progress[] = [];
  const out = items.map((item, index): ImportItem => {
    if (item.kind === 'restore') {
      if (!item.profile.businesses.length) return item;
      progress.push({ index, progress: item.profile.businesses, at: item.profile.updatedAt });
      return { ...item, profile: { ...item.profile, businesses: [] } };
    }
    const list = item.body.businesses ?? [];
    if (!list.length) return item;
    progress.push({ index, progress: list });
    return { ...item, body: { ...item.body, businesses: [] } };
  });
  return { items: out, progress };
}

/** One all-or-nothing write of an import's items, with a restore point; the applicants become the work queue. */
async function commitImport({ profiles, cases, now, workQueue, active }: RouteContext, items: readonly ImportItem[]): Promise<{ saved: number; ids: string[] }> {
  // 0.1.0-style 「办理中的业务」 in imported records become cases (the workbench's case table).
  const stripped = withoutProgress(items);
  const saved = await profiles.commit(stripped.items, now(), { validated: true, point: 'import' });
  await cases.absorbProgress(
    stripped.progress.flatMap((p) => {
      const profile = saved[p.index];
      return profile ? [{ profileId: profile.id, progress: p.progress, at: p.at ?? now().toISOString() }] : [];
    }),
    now(),
  );
  // The applicants of an import are the work queue, in the sheet's order; the first becomes active.
  if (saved[0]) {
    await workQueue.set(queueOf(saved.map((p) => p.id), 'import'));
    await active.set(saved[0].id);
  }
  return { saved: saved.length, ids: saved.map((p) => p.id) };
}

export const importRoutes = (ctx: RouteContext) =>
  ({
    // The router has parsed every item with the profile schemas already.
    'ui:profiles.commit': { from: ['extension'], handle: ({ items }) => commitImport(ctx, items) },
    'ui:import.stage': { from: ['extension'], handle: ({ session, total, items }) => ({ received: ctx.imports.stage(session, total, items) }) },
    'ui:import.commit': { from: ['extension'], handle: ({ session }) => commitImport(ctx, ctx.imports.take(session)) },
    'ui:import.cancel': {
      from: ['extension'],
      handle: ({ session }) => {
        ctx.imports.cancel(session);
        return {};
      },
    },
  }) satisfies Partial<Routes>;

export const restoreRoutes = (ctx: RouteContext) =>
  ({
    'ui:restore.stage': { from: ['extension'], handle: ({ session, total, profiles: chunk }) => ({ received: ctx.restores.stage(session, total, chunk) }) },
    'ui:restore.preview': { from: ['extension'], handle: ({ session }) => ctx.restores.preview(session) },
    'ui:restore.commit': {
      from: ['extension'],
      handle: async ({ session, ...choice }) => {
        const done = await ctx.restores.commit(session, choice);
        await ctx.absorbProgress();
        return done;
      },
    },
    'ui:restore.cancel': {
      from: ['extension'],
      handle: ({ session }) => {
        ctx.restores.cancel(session);
        return {};
      },
    },
    'ui:restore.held': { from: ['extension'], handle: async ({ session }) => ({ held: ctx.restores.holds(session) }) },
    'ui:undo.latest': { from: ['extension'], handle: () => ctx.profiles.latestRestorePoint() },
    'ui:undo.apply': { from: ['extension'], handle: ({ id }) => ctx.profiles.undo(id) },
  }) satisfies Partial<Routes>;
