import { BUSINESS_NAMES } from '../domain/ids';
import { FIELDS } from '../domain/fields';
import { contentEn } from '../i18n/all';
import type { Lang } from '../i18n';
import { CodedError } from '../i18n/problem';
import { NotFound } from '../profiles/errors';
import type { FieldDefinitionView, LanguageView, PackStatus, PageRules } from '../messaging/protocol';
import type { FieldDefinition } from '../rules/schema';
import { PAGE_NAMES } from '../portals/page-names';
import { PORTAL_NAMES } from '../portals/portal-names';
import { pageById } from '../portals/registry';
import { bundledPack } from '../rules/bundled';
import { type ActivePack, activePack, importPack, revertPack } from '../rules/store';
import { checklistView, genericChecks } from '../rules/view';
import type { ProfileService } from '../profiles/service';
import type { FillService, TabsApi } from './fill';
import type { LockService } from '../security/lock';
import { summaryOf } from '../profiles/schema';
import type { JzsDatabase } from '../storage/db';
import type { Routes } from './router';
import type { SenderInfo } from './sender';
import { FillError } from '../fill/errors';

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
  fill: FillService;
  tabs: TabsApi;
  clerkList: { get(): Promise<string[]>; set(ids: string[]): Promise<void> };
  lock: LockService;
  /** The language the user chose (storage.local), resolved against the browser's. */
  language: () => Promise<Lang>;
}

/** What a content script needs to speak the user's language (it bundles Chinese only). */
export function languageView(lang: Lang, withCatalogue: boolean): LanguageView {
  return lang === 'en' && withCatalogue ? { lang, catalogue: contentEn } : { lang };
}

/** What a page needs of each field: portal data (labels, ids) from the pack, the rest from the field table. */
export function fieldViews(defs: ReadonlyArray<Pick<FieldDefinition, 'key' | 'labels' | 'ids'>>): FieldDefinitionView[] {
  return defs.map(({ key, labels, ids }) => {
    const { name, type, vocabulary, validate, openEnded, range } = FIELDS[key];
    return { key, name: name.zh, nameEn: name.en, type, validate, openEnded, range, labels: [name.zh, ...labels], ids, vocabulary };
  });
}

/** Setting key of the profile chosen for filling (an opaque id, never the ID number). */
export const ACTIVE_PROFILE_KEY = 'activeProfileId';

/**
 * The background's message handlers. Stateless across messages: what they need is read from the bundled
 * data or IndexedDB, so a service worker restarted between two messages answers the second one the same.
 */
export function createRoutes({ db, now, profiles, fill, tabs, clerkList, lock, language }: HandlerDeps): Routes {
  const targetTab = async () => {
    const tabId = await tabs.targetTab();
    if (tabId === undefined) throw new FillError('fill.errors.noPortalTab');
    return tabId;
  };
  const fillTab = async (sender: SenderInfo) => (sender.kind === 'extension' && sender.tabId !== undefined ? sender.tabId : targetTab());
  const activeSummary = async () => {
    const rec = await (await db()).get('settings', ACTIVE_PROFILE_KEY);
    if (!rec?.value) return null;
    try {
      return summaryOf(await profiles.get(rec.value));
    } catch (err) {
      if (err instanceof NotFound) return null;
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
          throw new CodedError('errors.request.unknownPage', { page: req.page, portal: req.portal });
        }
        const [{ pack }, lang] = await Promise.all([db().then(activePack), language()]);
        const portal = PORTAL_NAMES[page.portal];
        const rules: PageRules = {
          packVersion: pack.version,
          portal: { id: page.portal, nameZh: portal.nameZh, nameEn: portal.nameEn },
          page: { id: page.id, nameZh: PAGE_NAMES[page.id]?.zh ?? page.id, nameEn: PAGE_NAMES[page.id]?.en ?? page.id },
          checks: genericChecks(pack),
          fields: fieldViews(pack.fields),
          language: languageView(lang, req.withCatalogue === true),
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
    // A fill starts and is confirmed only from an extension page (popup, workbench, the panel's extension-
    // origin frame) or the keyboard command — never from a content script, which a page could provoke
    // (issue 12.2). The panel frame fills the tab it is in; the popup the portal tab it stands for.
    'ui:fill.plan': { from: ['extension'], handle: async (_req, sender) => fill.plan(await fillTab(sender)) },
    'ui:fill.apply': {
      from: ['extension'],
      handle: async ({ planId, overwrite }, sender) => fill.apply(planId, overwrite, await fillTab(sender)),
    },
    'ui:fill.setList': {
      from: ['extension'],
      handle: async ({ ids }) => {
        await clerkList.set(ids);
        return { size: ids.length };
      },
    },
    // 「下一位」: the next applicant of the clerk's list becomes active; page and business stay as they are.
    'ui:fill.next': {
      from: ['extension'],
      handle: async () => {
        const list = await clerkList.get();
        const current = (await (await db()).get('settings', ACTIVE_PROFILE_KEY))?.value;
        if (!list.length) throw new CodedError('errors.fill.noList');
        const nextId = list[(list.indexOf(current ?? '') + 1) % list.length]!;
        await (await db()).put('settings', { key: ACTIVE_PROFILE_KEY, value: nextId });
        const active = summaryOf(await profiles.get(nextId));
        try {
          return { active, preview: await fill.plan(await targetTab()) };
        } catch (err) {
          // The applicant did change; why there is no preview goes back as a catalogue key.
          return { active, error: err instanceof FillError ? err.code : 'fill.errors.unexpected' };
        }
      },
    },
    'ui:fill.log': { from: ['extension'], handle: ({ profileId }) => fill.logOf(profileId) },
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
        return packStatus(await importPack(await db(), text, fileName, now()));
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
      // The router has parsed every item with the profile schemas already.
      handle: async ({ items }) => ({ saved: (await profiles.commit(items, now(), { validated: true })).length }),
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
    'ui:lock.status': { from: ['extension'], handle: () => lock.status() },
    'ui:lock.enable': {
      from: ['extension'],
      handle: async ({ passphrase, idleMinutes }) => {
        await lock.enable(passphrase, idleMinutes);
        return lock.status();
      },
    },
    'ui:lock.unlock': {
      from: ['extension'],
      handle: async ({ passphrase }) => {
        await lock.unlock(passphrase);
        // With the lock on, search runs on an index built in memory now, at unlock.
        await profiles.ensureIndex();
        return lock.status();
      },
    },
    'ui:lock.lock': {
      from: ['extension'],
      handle: async () => {
        await lock.lock();
        return lock.status();
      },
    },
    'ui:lock.change': {
      from: ['extension'],
      handle: async ({ oldPassphrase, newPassphrase }) => {
        await lock.changePassphrase(oldPassphrase, newPassphrase);
        return lock.status();
      },
    },
    'ui:lock.disable': {
      from: ['extension'],
      handle: async ({ passphrase }) => {
        await lock.disable(passphrase);
        return lock.status();
      },
    },
    'ui:lock.idle': {
      from: ['extension'],
      handle: async ({ minutes }) => {
        await lock.setIdleMinutes(minutes);
        return lock.status();
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
