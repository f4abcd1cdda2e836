import { BUSINESS_NAMES } from '../domain/ids';
import { contentEn } from '../i18n/all';
import type { PackStatus, PageRules } from '../messaging/protocol';
import { PORTALS } from '../portals/origins';
import { pageById } from '../portals/registry';
import { bundledPack } from '../rules/bundled';
import { type ActivePack, activePack, importPack, revertPack } from '../rules/store';
import { checklistView, genericChecks } from '../rules/view';
import type { ProfileService } from '../profiles/service';
import { summaryOf } from '../profiles/schema';
import type { JzsDatabase } from '../storage/db';
import type { Routes } from './router';

function refused(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function packStatus(active: ActivePack): PackStatus {
  const { pack } = active;
  return {
    version: pack.version,
    effectiveFrom: pack.effectiveFrom,
    title: pack.title,
    source: active.source,
    bundledVersion: bundledPack().version,
    fileName: active.fileName,
    importedAt: active.importedAt,
    sources: pack.sources,
  };
}

export interface HandlerDeps {
  db: () => Promise<JzsDatabase>;
  now: () => Date;
  profiles: ProfileService;
}

/** Setting key of the profile chosen for filling (an opaque id, never the ID number). */
export const ACTIVE_PROFILE_KEY = 'activeProfileId';

/**
 * The background's message handlers. Stateless across messages: what they need is read from the bundled
 * data or IndexedDB, so a service worker restarted between two messages answers the second one the same.
 */
export function createRoutes({ db, now, profiles }: HandlerDeps): Routes {
  const activeSummary = async () => {
    const rec = await (await db()).get('settings', ACTIVE_PROFILE_KEY);
    if (!rec?.value) return null;
    try {
      return summaryOf(await profiles.get(rec.value));
    } catch (err) {
      if ((err as { code?: string }).code === 'not-found') return null;
      throw err;
    }
  };
  return {
    'cs:pageRules': {
      from: ['content'],
      handle: async (req, sender) => {
        const page = pageById(req.page);
        // A content script only asks about pages of the portal it runs on.
        if (!page || sender.kind !== 'content' || page.portal !== sender.portal || page.portal !== req.portal) {
          throw refused('unknown-page', `页面 ${req.page} 不属于 ${req.portal}`);
        }
        const { pack } = await activePack(await db());
        const portal = PORTALS[page.portal];
        const rules: PageRules = {
          packVersion: pack.version,
          portal: { id: portal.id, nameZh: portal.nameZh, nameEn: portal.nameEn },
          page: { id: page.id, nameZh: page.nameZh, nameEn: page.nameEn },
          checks: genericChecks(pack),
          fields: pack.fields.map(({ key, name, nameEn, type, labels, ids, vocabulary }) => ({
            key,
            name,
            nameEn,
            type,
            labels,
            ids,
            vocabulary,
          })),
        };
        if (req.business) {
          const b = BUSINESS_NAMES[req.business];
          rules.business = { id: req.business, nameZh: b.zh, nameEn: b.en };
          rules.checklist = checklistView(pack, req.business, page.portal);
          rules.checks = rules.checklist.checks;
        }
        return rules;
      },
    },
    // The content script ships Chinese only; English texts on request (src/i18n/index.ts).
    'cs:catalogue': {
      from: ['content'],
      handle: () => contentEn,
    },
    'ui:checklist': {
      from: ['extension'],
      handle: async ({ business }) => {
        const active = await activePack(await db());
        return {
          checklist: checklistView(active.pack, business),
          offices: active.pack.offices,
          pack: packStatus(active),
        };
      },
    },
    'ui:packStatus': {
      from: ['extension'],
      handle: async () => packStatus(await activePack(await db())),
    },
    'ui:importPack': {
      from: ['extension'],
      handle: async ({ fileName, text }) => {
        try {
          return packStatus(await importPack(await db(), text, fileName, now()));
        } catch (err) {
          throw Object.assign(err instanceof Error ? err : new Error(String(err)), { code: 'bad-pack' });
        }
      },
    },
    'ui:revertPack': {
      from: ['extension'],
      handle: async () => packStatus(await revertPack(await db())),
    },
    'ui:exportPack': {
      from: ['extension'],
      handle: async () => {
        const { pack } = await activePack(await db());
        return { fileName: `jzs-rule-pack-${pack.version}.json`, text: `${JSON.stringify(pack, null, 2)}\n` };
      },
    },
    'ui:profiles.page': { from: ['extension'], handle: ({ offset, limit }) => profiles.page(offset, limit) },
    'ui:profiles.search': { from: ['extension'], handle: ({ query, limit }) => profiles.search(query, limit) },
    'ui:profiles.get': { from: ['extension'], handle: ({ id }) => profiles.get(id) },
    'ui:profiles.create': { from: ['extension'], handle: ({ body }) => profiles.create(body, now()) },
    'ui:profiles.update': { from: ['extension'], handle: ({ id, body, revision }) => profiles.update(id, body, revision, now()) },
    'ui:profiles.delete': {
      from: ['extension'],
      handle: async ({ ids }) => {
        const deleted = await profiles.remove(ids);
        const active = await (await db()).get('settings', ACTIVE_PROFILE_KEY);
        if (active && ids.includes(active.value)) await (await db()).delete('settings', ACTIVE_PROFILE_KEY);
        return { deleted };
      },
    },
    'ui:profiles.duplicates': { from: ['extension'], handle: () => profiles.duplicates() },
    'ui:profiles.byIdNumbers': { from: ['extension'], handle: ({ idNumbers }) => profiles.byIdNumbers(idNumbers) },
    'ui:profiles.commit': {
      from: ['extension'],
      handle: async ({ items }) => ({ saved: (await profiles.commit(items, now())).length }),
    },
    'ui:profiles.all': { from: ['extension'], handle: () => profiles.all() },
    'ui:active.get': { from: ['extension'], handle: activeSummary },
    'ui:active.set': {
      from: ['extension'],
      handle: async ({ id }) => {
        if (id === null) {
          await (await db()).delete('settings', ACTIVE_PROFILE_KEY);
          return null;
        }
        const summary = summaryOf(await profiles.get(id));
        await (await db()).put('settings', { key: ACTIVE_PROFILE_KEY, value: id });
        return summary;
      },
    },
    'ui:getSetting': {
      from: ['extension'],
      handle: async ({ key }) => (await (await db()).get('settings', key)) ?? null,
    },
    'ui:putSetting': {
      from: ['extension'],
      handle: async (record) => {
        await (await db()).put('settings', record);
        return record;
      },
    },
  };
}
