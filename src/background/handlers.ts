import { CodedError } from '../i18n/problem';
import { BUSINESS_NAMES } from '../domain/ids';
import { FIELDS } from '../domain/fields';
import { contentEn, hintsEn, hintsZh } from '../i18n/all';
import { type Lang, t } from '../i18n';
import { NotFound } from '../profiles/errors';
import { bundledCaseStatusRules } from '../rules/case-statuses';
import type { FieldDefinitionView, FrameProtocolMap, LanguageView, PackStatus, PageRules, PageRulesRequest, PanelPrefs } from '../messaging/protocol';
import type { FieldDefinition } from '../rules/schema';
import type { PortalId } from '../portals/origins';
import type { PanelHub } from './panel-hub';
import { PORTAL_NAMES } from '../portals/portal-names';
import { unrecognisedId } from '../portals/detect';
import { withPageHints } from '../portals/fields';
import { redactReport } from '../portals/page-report';
import { LockedError } from '../security/codec';
import { expectedFields } from '../portals/page';
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
import { ImportSessions } from './import-sessions';
import type { ImportItem } from '../profiles/store';
import type { SenderInfo } from './sender';
import type { CaseService } from '../cases/service';
import { portalOutcome } from '../cases/offer';
import type { DeadlineWatch } from './deadline-watch';
import { todayInShanghai } from '../validate/dates';
import { CASES_FROM_SEALED_KEY } from '../storage/db';

/**
 * Profiles written with 0.1.0's 「办理中的业务」 (a restored old backup, an old editor): the businesses go to
 * the cases store; the profile keeps none, so the cases are the one place a business's progress lives.
 */
function withoutProgress(items: readonly ImportItem[]): { items: ImportItem[]; progress: Array<{ index: number; progress: unknown; at?: string | undefined }> } {
  const progress: Array<{ index: number; progress: unknown; at?: string | undefined }> = [];
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
  cases: CaseService;
  /** The documents of a portal tab's frames (办件 pages are read in the extension page, not the background). */
  portalDocuments?: ((tabId: number) => Promise<Array<{ url: string; html: string }>>) | undefined;
  /** The badge and the daily reminder (absent in tests that do not need them). */
  watch?: Pick<DeadlineWatch, 'setReminder' | 'reminderOn'> | undefined;
  now: () => Date;
  profiles: ProfileService;
  fill: FillService;
  tabs: TabsApi;
  /** The clerk's work queue for 「下一位」 (storage.session: profile ids only). */
  workQueue: { get(): Promise<WorkQueue | undefined>; set(q: WorkQueue): Promise<void> };
  restores: RestoreSessions;
  /** Staged import commits (default: a fresh set per router). */
  imports?: ImportSessions;
  lock: LockService;
  /** The language the user chose (storage.local), resolved against the browser's. */
  language: () => Promise<Lang>;
  /** The on-page panel: the per-tab hub, its remembered layout per portal, messages to a tab's frames. */
  panels: PanelDeps;
}

export interface PanelDeps {
  hub: PanelHub;
  prefs: { get(portal: PortalId): Promise<PanelPrefs>; set(portal: PortalId, prefs: PanelPrefs): Promise<void> };
  tellTab<N extends keyof FrameProtocolMap>(tabId: number, name: N, data: FrameProtocolMap[N]['req'], frameId?: number): Promise<void>;
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
export function createRoutes({ db, cases, portalDocuments, watch, now, profiles, fill, tabs, workQueue, restores, imports = new ImportSessions(), lock, language, panels }: HandlerDeps): Routes {
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
      if (err instanceof NotFound) return null;
      throw err;
    }
  };
  /** Profiles still holding 0.1.0's 「办理中的业务」 (a restored old backup): their businesses become cases. */
  const absorbProgress = async () => {
    for (const p of await profiles.all()) {
      if (!p.businesses.length) continue;
      await cases.absorbProgress([{ profileId: p.id, progress: p.businesses, at: p.updatedAt }], now());
      const { id: _i, createdAt: _c, updatedAt: _u, revision, ...body } = p;
      await profiles.update(p.id, { ...body, businesses: [] }, revision, now());
    }
  };
  /** Profiles that were sealed at the v4 upgrade: moved once they can be read (at the next unlock). */
  const absorbSealed = async () => {
    if (!(await (await db()).get('settings', CASES_FROM_SEALED_KEY))) return;
    await absorbProgress();
    await (await db()).delete('settings', CASES_FROM_SEALED_KEY);
  };
  const pageRules = async (req: PageRulesRequest): Promise<PageRules> => {
    const [{ pack, source }, lang] = await Promise.all([db().then(activePack), language()]);
    // Pages of the asking portal only: one the pack defines, or the portal's unrecognised page (a form no
    // definition claims).
    const defined = pack.pages.find((p) => p.id === req.page);
    if (req.page !== unrecognisedId(req.portal) && defined?.portal !== req.portal) throw new CodedError('errors.request.unknownPage', { page: req.page, portal: req.portal });
    const portal = PORTAL_NAMES[req.portal];
    const rules: PageRules = {
      packVersion: pack.version,
      portal: { id: req.portal, nameZh: portal.nameZh, nameEn: portal.nameEn },
      page: defined
        ? { id: defined.id, nameZh: defined.name, nameEn: defined.nameEn }
        : { id: req.page, nameZh: t('recognition.unrecognisedPage', {}, 'zh'), nameEn: t('recognition.unrecognisedPage', {}, 'en') },
      checks: genericChecks(pack),
      fields: withPageHints(fieldViews(pack.fields), defined),
      expected: [...expectedFields(defined, req.business)],
      onlyFields: defined?.onlyFields,
      // An imported pack's page definitions reach the content script here (it bundles the built-in ones).
      ...(source === 'imported' && pack.pages.length ? { pages: pack.pages.map(({ $schema: _s, ...p }) => p) } : {}),
      language: languageView(lang, req.withCatalogue === true),
      // Validator messages in Chinese (the fallback language), not bundled in the size-budgeted content script.
      hints: hintsZh,
      caseLabels: bundledCaseStatusRules().labels,
    };
    if (req.business) {
      const b = BUSINESS_NAMES[req.business];
      rules.business = { id: req.business, nameZh: b.zh, nameEn: b.en };
      rules.checklist = checklistView(pack, req.business, req.portal);
      rules.checks = rules.checklist.checks;
    }
    return rules;
  };
  /** One all-or-nothing write of an import's items, with a restore point; the applicants become the work queue. */
  const commitImport = async (items: readonly ImportItem[]): Promise<{ saved: number }> => {
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
      await setActive(saved[0].id);
    }
    return { saved: saved.length };
  };

  return {
    'cs:pageRules': {
      from: ['content'],
      handle: async (req, sender) => {
        // A content script only asks about pages of the portal it runs on.
        if (sender.kind !== 'content' || sender.portal !== req.portal) throw new CodedError('errors.request.unknownPage', { page: req.page, portal: req.portal });
        return pageRules(req);
      },
    },
    'cs:report': {
      from: ['content'],
      handle: async ({ report }, sender) => {
        if (sender.kind !== 'content') throw new CodedError('errors.request.forbidden');
        const { conditions } = panels.hub.report(sender.tabId, sender.frameId, sender.portal, report);
        return { conditions, prefs: await panels.prefs.get(sender.portal) };
      },
    },
    // The pill the top frame's content script draws (only a person's click sends this): open/side remembered
    // for the portal. The frame that asked has already applied it; no other frame has a panel.
    'cs:panel.prefs': {
      from: ['content'],
      handle: async (prefs, sender) => {
        if (sender.kind !== 'content' || sender.frameId !== 0) throw new CodedError('errors.request.forbidden');
        await panels.prefs.set(sender.portal, prefs);
        return prefs;
      },
    },
    // The panel frame: only for the portal tab it is framed into (sender.panel, checked in sender.ts).
    'ui:panel.rules': {
      from: ['extension'],
      handle: async (req, sender) => {
        if (sender.kind !== 'extension' || sender.panel?.portal !== req.portal) throw new CodedError('errors.request.forbidden');
        return pageRules(req);
      },
    },
    'ui:panel.conditions': {
      from: ['extension'],
      handle: async ({ conditions }, sender) => {
        const panel = sender.kind === 'extension' ? sender.panel : undefined;
        if (!panel) throw new CodedError('errors.request.forbidden');
        panels.hub.setConditions(panel.tabId, conditions);
        await panels.tellTab(panel.tabId, 'bg:conditions', { conditions });
        return {};
      },
    },
    'ui:panel.prefs': {
      from: ['extension'],
      handle: async (prefs, sender) => {
        const panel = sender.kind === 'extension' ? sender.panel : undefined;
        if (!panel) throw new CodedError('errors.request.forbidden');
        await panels.prefs.set(panel.portal, prefs);
        await panels.tellTab(panel.tabId, 'bg:panel', prefs, 0);
        return prefs;
      },
    },
    // The structure report of one frame of the panel's tab: built by that frame's content script, then the
    // stored applicants' names redacted here, where they are (a heading or 办件 title often carries one).
    'ui:panel.pageReport': {
      from: ['extension'],
      handle: async ({ frameId }, sender) => {
        const panel = sender.kind === 'extension' ? sender.panel : undefined;
        if (!panel) throw new CodedError('errors.request.forbidden');
        const answer = await tabs.sendToFrame(panel.tabId, frameId, 'bg:pageReport', {});
        if (!answer) throw new CodedError('errors.noReply');
        const names = await profiles.names().catch((err: unknown) => {
          if (err instanceof LockedError) return undefined;
          throw err;
        });
        return { report: redactReport(answer.report, names ?? []), namesRedacted: names !== undefined };
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
            if (err instanceof NotFound) return undefined;
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
    'ui:restore.commit': {
      from: ['extension'],
      handle: async ({ session, ...choice }) => {
        const done = await restores.commit(session, choice);
        await absorbProgress();
        return done;
      },
    },
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
      handle: async ({ fileName, text, confirmPages }) => packStatus(await importPack(await db(), text, fileName, now(), confirmPages === true)),
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
        const active = await (await db()).get('settings', ACTIVE_PROFILE_KEY);
        if (active && ids.includes(active.value)) await (await db()).delete('settings', ACTIVE_PROFILE_KEY);
        return { deleted };
      },
    },
    'ui:profiles.duplicates': { from: ['extension'], handle: () => profiles.duplicates() },
    'ui:profiles.byIdNumbers': { from: ['extension'], handle: ({ idNumbers }) => profiles.byIdNumbers(idNumbers) },
    // The router has parsed every item with the profile schemas already.
    'ui:profiles.commit': { from: ['extension'], handle: ({ items }) => commitImport(items) },
    'ui:import.stage': { from: ['extension'], handle: ({ session, total, items }) => ({ received: imports.stage(session, total, items) }) },
    'ui:import.commit': { from: ['extension'], handle: ({ session }) => commitImport(imports.take(session)) },
    'ui:import.cancel': {
      from: ['extension'],
      handle: ({ session }) => {
        imports.cancel(session);
        return {};
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
        await absorbSealed();
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
    'ui:cases.query': { from: ['extension'], handle: (q) => cases.query(q) },
    'ui:cases.ids': { from: ['extension'], handle: (f) => cases.idsMatching(f) },
    'ui:cases.get': { from: ['extension'], handle: ({ ids }) => cases.get(ids) },
    'ui:cases.ofProfile': { from: ['extension'], handle: ({ profileId }) => cases.ofProfile(profileId) },
    'ui:cases.create': { from: ['extension'], handle: ({ profileId, business }) => cases.create(profileId, business, now()) },
    'ui:cases.update': { from: ['extension'], handle: async ({ items, patch }) => ({ updated: (await cases.update(items, patch, now())).length }) },
    'ui:cases.delete': { from: ['extension'], handle: async ({ ids }) => ({ deleted: await cases.remove(ids) }) },
    'ui:cases.all': { from: ['extension'], handle: () => cases.all() },
    'ui:cases.restore': { from: ['extension'], handle: async ({ cases: list }) => ({ restored: await cases.restore(list) }) },
    // The clerk opened the popup on a 我的申请 / 办件详情 page: its documents, read on that user action only.
    'ui:cases.tabPages': {
      from: ['extension'],
      handle: async () => ({ labels: bundledCaseStatusRules().labels, pages: portalDocuments ? await portalDocuments(await targetTab()) : [] }),
    },
    'ui:cases.portalOffer': {
      from: ['extension'],
      handle: async ({ cases: rows }) => {
        const active = await activeSummary();
        if (!active) return { profile: null, outcomes: [] };
        const mine = await cases.ofProfile(active.id);
        return { profile: { id: active.id, name: active.name }, outcomes: rows.map((r) => portalOutcome(r, mine, bundledCaseStatusRules())) };
      },
    },
    'ui:cases.applyPortal': { from: ['extension'], handle: ({ caseId, revision, row }) => cases.fromPortal(caseId, revision, row, bundledCaseStatusRules(), now()) },
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
    'ui:cases.cleanup': { from: ['extension'], handle: async ({ months, mode }) => ({ matched: (await cases.cleanup(months, mode, now())).matched }) },
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
