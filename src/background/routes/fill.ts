/**
 * Fill routes. A fill starts and is confirmed only from an extension page (popup, workbench, the panel's
 * extension-origin frame) or the keyboard command — never from a content script, which a page could provoke
 * (issue 12.2). The panel frame fills the tab it is in; the popup the portal tab it stands for.
 */
import { CodedError } from '../../i18n/problem';
import type { NextApplicant } from '../../messaging/protocol';
import { NotFound } from '../../profiles/errors';
import { advance, queueOf, queueView, without } from '../../profiles/work-queue';
import type { Routes } from '../router';
import type { SenderInfo } from '../sender';
import type { RouteContext } from './context';

/**
 * 「下一位」: the next applicant of the work queue becomes active, and the page is previewed for them; page and
 * business stay as they are. Applicants deleted since the queue was made are dropped from it on the way.
 */
async function nextApplicant(ctx: RouteContext, sender: SenderInfo): Promise<NextApplicant> {
  const { workQueue, active, fill } = ctx;
  let q = await workQueue.get();
  if (!q?.ids.length) throw new CodedError('queue.none');
  for (;;) {
    const next = advance(q);
    if (!next) return { end: true, queue: queueView(q, await active.id()) };
    const id = next.ids[next.index] ?? '';
    const summary = await active.set(id).catch((err: unknown) => {
      if (err instanceof NotFound) return undefined;
      throw err;
    });
    if (!summary) {
      q = without(q, new Set([id]));
      await workQueue.set(q);
      continue;
    }
    await workQueue.set(next);
    const queue = queueView(next, summary.id);
    try {
      return { end: false, active: summary, queue, preview: await fill.plan(await ctx.fillTab(sender)) };
    } catch (err) {
      // The applicant did change; why there is no preview goes back as a catalogue key.
      return { end: false, active: summary, queue, error: err instanceof CodedError ? err.code : 'fill.errors.unexpected' };
    }
  }
}

export const fillRoutes = (ctx: RouteContext) =>
  ({
    'ui:fill.plan': { from: ['extension'], handle: async (_req, sender) => ctx.fill.plan(await ctx.fillTab(sender)) },
    // The confirm itself runs in the extension page that showed the preview (fill/confirm.ts); it reports here,
    // after the user has the results, for the history.
    'ui:fill.applied': {
      from: ['extension'],
      handle: async ({ planId, report }) => ({ logged: await ctx.fill.record(planId, report) }),
    },
    // Where the page cannot script the tab itself (Firefox's framed panel): the same confirm, run here.
    'ui:fill.confirm': { from: ['extension'], handle: ({ planId, overwrite }) => ctx.fill.confirm(planId, new Set(overwrite)) },
    'ui:fill.held': { from: ['extension'], handle: async ({ planId }) => ({ held: ctx.fill.holds(planId) }) },
    'ui:fill.next': { from: ['extension'], handle: (_req, sender) => nextApplicant(ctx, sender) },
    'ui:fill.log': { from: ['extension'], handle: ({ profileId }) => ctx.fill.logOf(profileId) },
    'ui:queue.get': {
      from: ['extension'],
      handle: async () => {
        const q = await ctx.workQueue.get();
        return q ? queueView(q, await ctx.active.id()) : null;
      },
    },
    // A new work queue; `start` (default the first) becomes the active applicant.
    'ui:queue.set': {
      from: ['extension'],
      handle: async ({ ids, source, start }) => {
        const q = queueOf(ids, source, Math.max(0, start ? ids.indexOf(start) : 0));
        await ctx.workQueue.set(q);
        const active = await ctx.active.set(q.ids[q.index] ?? '');
        return { queue: queueView(q, active.id), active };
      },
    },
  }) satisfies Partial<Routes>;
