/** The clerk's cases (办件): the table, batch changes, the portal's own 办件 status, and deadlines. */
import { portalOutcome } from '../../cases/offer';
import { bundledCaseStatusRules } from '../../rules/case-statuses';
import { todayInShanghai } from '../../domain/calendar';
import type { Routes } from '../router';
import type { RouteContext } from './context';

export const caseRoutes = ({ cases, now, active, portalDocuments, targetTab, watch }: RouteContext) =>
  ({
    'ui:cases.query': { from: ['extension'], handle: (q) => cases.query(q) },
    'ui:cases.ids': { from: ['extension'], handle: (f) => cases.idsMatching(f) },
    'ui:cases.get': { from: ['extension'], handle: ({ ids }) => cases.get(ids) },
    'ui:cases.ofProfile': { from: ['extension'], handle: ({ profileId }) => cases.ofProfile(profileId) },
    'ui:cases.create': { from: ['extension'], handle: ({ profileId, business }) => cases.create(profileId, business, now()) },
    'ui:cases.update': { from: ['extension'], handle: async ({ items, patch }) => ({ updated: (await cases.update(items, patch, now())).length }) },
    'ui:cases.delete': { from: ['extension'], handle: async ({ ids }) => ({ deleted: await cases.remove(ids) }) },
    'ui:cases.all': { from: ['extension'], handle: () => cases.all() },
    'ui:cases.restore': { from: ['extension'], handle: async ({ cases: list }) => ({ restored: await cases.restore(list) }) },
    // The clerk opened the popup, or the panel is on a page that can show 办件 (我的申请, 办件详情): the frames'
    // documents and the rules to read them. The panel frame gets those of the tab it is framed into, never
    // another tab's (sender.panel, checked in sender.ts).
    'ui:cases.tabPages': {
      from: ['extension'],
      handle: async ({ frameIds }, sender) => {
        const tab = sender.kind === 'extension' && sender.panel ? sender.panel.tabId : await targetTab();
        const { labels, groups } = bundledCaseStatusRules();
        return { labels, groups, pages: portalDocuments ? await portalDocuments(tab, frameIds) : [] };
      },
    },
    'ui:cases.portalOffer': {
      from: ['extension'],
      handle: async ({ cases: rows }) => {
        const profile = await active.summary();
        if (!profile) return { profile: null, outcomes: [] };
        const mine = await cases.ofProfile(profile.id);
        return { profile: { id: profile.id, name: profile.name }, outcomes: rows.map((r) => portalOutcome(r, mine, bundledCaseStatusRules())) };
      },
    },
    'ui:cases.applyPortal': { from: ['extension'], handle: ({ caseId, revision, row }) => cases.fromPortal(caseId, revision, row, bundledCaseStatusRules(), now()) },
    'ui:cases.cleanup': { from: ['extension'], handle: async ({ months, mode }) => ({ matched: (await cases.cleanup(months, mode, now())).matched }) },
    'ui:deadlines': {
      from: ['extension'],
      handle: ({ planDate, horizonDays, employer }) => cases.deadlines({ planDate: planDate ?? todayInShanghai(now()), horizonDays, pastDays: 365, employer }, now()),
    },
    'ui:deadlines.reminder': {
      from: ['extension'],
      handle: async ({ on }) => {
        if (on !== undefined) await watch?.setReminder(on);
        return { on: (await watch?.reminderOn()) ?? false };
      },
    },
  }) satisfies Partial<Routes>;
