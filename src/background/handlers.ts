import { BUSINESS_NAMES } from '../domain/ids';
import { FIELDS } from '../domain/fields';
import { CodedError } from '../i18n/problem';
import { contentEn, hintsEn, hintsZh } from '../i18n/all';
import type { Lang } from '../i18n';
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
import { advance, follow, queueOf, queueView, without, type WorkQueue } from '../profiles/work-queue';
import type { RestoreSessions } from './restore-sessions';
import type { SenderInfo } from './sender';

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
  fill: FillService;
  tabs: TabsApi;
  /** The clerk's work queue for 「下一位」 (storage.session: profile ids only). */
  workQueue: { get(): Promise<WorkQueue | undefined>; set(q: WorkQueue): Promise<void> };
  restores: RestoreSessions;
  lock: LockService;
  /** The language the user chose (storage.local), resolved against the browser's. */
  language: () => Promise<Lang>;
}

/** What a content script needs to speak the user's language (it bundles Chinese only). */
export function languageView(lang: Lang, withCatalogue: boolean): LanguageView {
  return lang === 'en' && withCatalogue ? { lang, catalogue: { ...contentEn, ...hintsEn } } : { lang };
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
export function createRoutes({ db, now, profiles, fill, tabs, workQueue, restores, lock, language }: HandlerDeps): Routes {
  const targetTab = async () => {
    const tabId = await tabs.targetTab();
    if (tabId === undefined) throw new CodedError('fill.errors.noPortalTab');
    return tabId;
  };
  const setActive = async (id: string) => {
    const summary = summaryOf(await profiles.get(id));
    await (await db()).put('settings', { key: ACTIVE_PROFILE_KEY, value: id });
    const q = await workQueue.get();
    if (q) await workQueue.set(follow(q, id));
    return summary;
  };
  const activeId = async () => (await (await db()).get('settings', ACTIVE_PROFILE_KEY))?.value ?? null;
  const queueNow = async () => {
    const q = await workQueue.get();
    return q ? queueView(q, await activeId()) : null;
  };
  const fillTab = async (sender: SenderInfo) => (sender.kind === 'extension' && sender.tabId !== undefined ? sender.tabId : targetTab());
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
        const [{ pack }, lang] = await Promise.all([db().then(activePack), language()]);
        const portal = PORTAL_NAMES[page.portal];
        const rules: PageRules = {
          packVersion: pack.version,
          portal: { id: page.portal, nameZh: portal.nameZh, nameEn: portal.nameEn },
          page: { id: page.id, nameZh: PAGE_NAMES[page.id]?.zh ?? page.id, nameEn: PAGE_NAMES[page.id]?.en ?? page.id },
          checks: genericChecks(pack),
          fields: fieldViews(pack.fields),
          language: languageView(lang, req.withCatalogue === true),
          // Checklist and validator texts in Chinese (the fallback language): not bundled in the content script.
          hints: hintsZh,
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
    // 「下一位」: the next applicant of the work queue becomes active; page and business stay as they are.
    'ui:fill.next': {
      from: ['extension'],
      handle: async (_req, sender) => {
        let q = await workQueue.get();
        if (!q?.ids.length) throw new CodedError('queue.none');
        for (;;) {
          const next = advance(q);
          if (!next) return { end: true as const, queue: queueView(q, await activeId()) };
          const id = next.ids[next.index] ?? '';
          const active = await setActive(id).catch((err: unknown) => {
            if ((err as { code?: string }).code === 'not-found') return undefined;
            throw err;
          });
          if (!active) {
            // Deleted since the queue was made: out of the queue, on to the one after.
            q = without(q, new Set([id]));
            await workQueue.set(q);
            continue;
          }
          await workQueue.set(next);
          const queue = queueView(next, active.id);
          try {
            return { end: false as const, active, queue, preview: await fill.plan(await fillTab(sender)) };
          } catch (err) {
            // The applicant did change; why there is no preview goes back as a catalogue key.
            return { end: false as const, active, queue, error: err instanceof CodedError ? err.code : 'fill.errors.unexpected' };
          }
        }
      },
    },
    'ui:queue.get': { from: ['extension'], handle: queueNow },
    'ui:queue.set': {
      from: ['extension'],
      handle: async ({ ids, source, start }) => {
        const q = queueOf(ids, source, Math.max(0, start ? ids.indexOf(start) : 0));
        await workQueue.set(q);
        const active = await setActive(q.ids[q.index] ?? '');
        return { queue: queueView(q, active.id), active };
      },
    },
    'ui:restore.stage': { from: ['extension'], handle: ({ session, total, profiles: chunk }) => ({ received: restores.stage(session, total, chunk) }) },
    'ui:restore.preview': { from: ['extension'], handle: ({ session }) => restores.preview(session) },
    'ui:restore.commit': { from: ['extension'], handle: ({ session, ...choice }) => restores.commit(session, choice) },
    'ui:restore.cancel': {
      from: ['extension'],
      handle: ({ session }) => {
        restores.cancel(session);
        return {};
      },
    },
    'ui:undo.latest': { from: ['extension'], handle: () => profiles.latestRestorePoint() },
    'ui:undo.apply': { from: ['extension'], handle: ({ id }) => profiles.undo(id) },
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
        const deleted = await profiles.remove(ids, now());
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
      handle: async ({ items }) => {
        const saved = await profiles.commit(items, now(), { validated: true, point: 'import' });
        // The applicants of an import are the work queue, in the sheet's order; the first becomes active.
        if (saved[0]) {
          await workQueue.set(queueOf(saved.map((p) => p.id), 'import'));
          await setActive(saved[0].id);
        }
        return { saved: saved.length };
      },
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
        return setActive(id);
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
