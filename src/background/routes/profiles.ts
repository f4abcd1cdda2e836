/** The stored applicants: paging, search, edits, deletion, and the one chosen for filling. */
import type { Routes } from '../router';
import type { RouteContext } from './context';

export const profileRoutes = ({ profiles, cases, now, db, active }: RouteContext) =>
  ({
    'ui:profiles.page': { from: ['extension'], handle: ({ offset, limit }) => profiles.page(offset, limit) },
    'ui:profiles.search': { from: ['extension'], handle: ({ query, limit }) => profiles.search(query, limit) },
    'ui:profiles.get': { from: ['extension'], handle: ({ id }) => profiles.get(id) },
    // A body with 0.1.0's 「办理中的业务」 (an older page or script): the businesses become the applicant's cases.
    'ui:profiles.create': {
      from: ['extension'],
      handle: async ({ body }) => {
        const saved = await profiles.create({ ...body, businesses: [] }, now());
        if (body.businesses?.length) await cases.absorbProgress([{ profileId: saved.id, progress: body.businesses, at: now().toISOString() }], now());
        return saved;
      },
    },
    'ui:profiles.update': {
      from: ['extension'],
      handle: async ({ id, body, revision }) => {
        const saved = await profiles.update(id, { ...body, businesses: [] }, revision, now());
        if (body.businesses?.length) await cases.absorbProgress([{ profileId: id, progress: body.businesses, at: now().toISOString() }], now());
        return saved;
      },
    },
    'ui:profiles.delete': {
      from: ['extension'],
      handle: async ({ ids }) => {
        const deleted = await profiles.remove(ids, now());
        const current = await active.id();
        if (current !== null && ids.includes(current)) await active.clear();
        return { deleted };
      },
    },
    'ui:profiles.duplicates': { from: ['extension'], handle: () => profiles.duplicates() },
    'ui:profiles.byIdNumbers': { from: ['extension'], handle: ({ idNumbers }) => profiles.byIdNumbers(idNumbers) },
    'ui:profiles.all': { from: ['extension'], handle: () => profiles.all() },
    'ui:profiles.rules': { from: ['extension'], handle: ({ profileId }) => cases.profileRules(profileId) },
    'ui:active.get': { from: ['extension'], handle: () => active.summary() },
    // The active applicant's businesses in progress and situations (the panel offers them; a click sets them).
    'ui:active.situations': {
      from: ['extension'],
      handle: async ({ business }) => {
        const summary = await active.summary();
        if (!summary) return { profile: null, businesses: [] };
        return { profile: { id: summary.id, name: summary.name }, ...(await cases.situationsOf(summary.id, business, now())) };
      },
    },
    'ui:active.set': {
      from: ['extension'],
      handle: async ({ id }) => {
        if (id !== null) return active.set(id);
        await active.clear();
        return null;
      },
    },
    // Small settings of the extension's own pages (the popup's last look-up business; no applicant data).
    'ui:getSetting': { from: ['extension'], handle: async ({ key }) => (await (await db()).get('settings', key)) ?? null },
    'ui:putSetting': {
      from: ['extension'],
      handle: async (record) => {
        await (await db()).put('settings', record);
        return record;
      },
    },
  }) satisfies Partial<Routes>;
