import { browser } from 'wxt/browser';
import { ProfileService } from '../profiles/service';
import { ProfileStore } from '../profiles/store';
import { CaseService } from '../cases/service';
import { CaseStore } from '../cases/store';
import { activePack } from '../rules/store';
import { type BucketManager, DataHome } from '../storage/home';
import { FillService } from './fill';
import { changesBadge, deadlineWatch } from './deadline-watch';
import { createRoutes, languageView } from './handlers';
import { type Lang, t } from '../i18n';
import { onLanguageChange, readLanguage } from '../i18n/setting';
import { portalDocuments, broadcastToPortals, browserTabs, dropFillPlans, sessionArea, sessionPlans, sessionWorkQueue } from './tabs-api';
import { RestoreSessions } from './restore-sessions';
import { LockService } from '../security/lock';
import { configureZod } from './zod-config';
import { dispatch, type Routes } from './router';
import { classifySender } from './sender';
import { PanelHub } from './panel-hub';
import { listenForPanels, panelDeps } from './panel-wiring';
import { bundledPack } from '../rules/bundled';

declare global {
  interface Navigator {
    /** The Storage Buckets API (Chromium 122+; not in TypeScript's DOM library yet, absent in Firefox). */
    readonly storageBuckets?: BucketManager;
  }
}

/** Where the data lives: a storage bucket of its own in Chromium (named in storage.local), else the default IndexedDB. */
function openHome(): DataHome {
  const home = new DataHome(
    navigator.storageBuckets,
    {
      get: async () => {
        const { dataBucket } = await browser.storage.local.get('dataBucket');
        return typeof dataBucket === 'string' ? dataBucket : undefined;
      },
      set: (name) => browser.storage.local.set({ dataBucket: name }),
    },
    indexedDB,
  );
  void home.cleanup().catch(() => undefined);
  return home;
}

/** The language the user chose: read from storage once (every portal frame asks), then following the changes. */
function languageCache() {
  let language: Promise<Lang> | undefined;
  return {
    current: () =>
      (language ??= readLanguage().catch((err: unknown) => {
        language = undefined; // a failed read is tried again next time
        throw err;
      })),
    set: (lang: Lang) => {
      language = Promise.resolve(lang);
    },
  };
}

/** The stores and services over the one database, and the lock that seals them. */
function createServices(home: DataHome, hub: PanelHub) {
  const getDb = () => home.db();
  const now = () => new Date();
  // (onChange runs only after start-up, when the services exist.)
  const lock = new LockService(
    getDb,
    sessionArea,
    Date.now,
    async () => {
      profiles.reset();
      cases.reset();
      fill.forgetPlans();
      await dropFillPlans();
    },
    undefined,
    // Firefox (no buckets): once every record is sealed in place, nothing more can be done (README).
    () => home.rehome().then(() => undefined),
    // Chromium: seal while copying into a fresh bucket, then drop the old one — no plaintext page left behind,
    // and a crash leaves either the old bucket or the complete new one.
    (transform) => home.rehome(transform),
  );
  // A lock change the worker was stopped in the middle of goes on now if the key is still in the session.
  void lock.resumeAtStart().catch(() => undefined);
  const codec = () => lock.codec;
  // A profile about to change makes its open fill previews unconfirmable first (issue 12: never written stale).
  const profiles: ProfileService = new ProfileService(new ProfileStore(getDb, codec), codec, (ids): Promise<void> => fill.invalidate(ids));
  const cases = new CaseService(new CaseStore(getDb, codec), profiles, async () => (await activePack(await getDb())).pack);
  // The preview's warnings follow the applicant's cases and the business the tab's page shows.
  const profileRules = (id: string, tabId: number) => cases.profileRules(id, hub.business(tabId));
  const fill = new FillService({ profiles, db: getDb, codec, tabs: browserTabs, plans: sessionPlans, now, profileRules });
  return { getDb, now, lock, profiles, cases, fill };
}

/** The per-tab panel hub, naming pages from their definitions. */
function createPanelHub(): PanelHub {
  // Page names from the definitions (rules/pages); a page no definition claims is named as such.
  const pageName = (page: string) => {
    const def = bundledPack().pages.find((p) => p.id === page);
    if (def) return { zh: def.name, en: def.nameEn };
    return page.endsWith('-unrecognised') ? { zh: t('recognition.unrecognisedPage', {}, 'zh'), en: t('recognition.unrecognisedPage', {}, 'en') } : undefined;
  };
  return new PanelHub(pageName);
}

/** The name of a message as sent, if it has one (for the badge; the router validates the message itself). */
const nameOf = (message: unknown) => (typeof message === 'object' && message !== null && 'name' in message && typeof message.name === 'string' ? message.name : undefined);

/** Every message goes through the router; extension pages keep the store unlocked; changes recount the badge. */
function listenForMessages(routes: Routes, lock: LockService, badge: () => unknown, language: () => Promise<Lang>): void {
  const extensionOrigin = browser.runtime.getURL('/');
  // webextension-polyfill answers with whatever promise the listener returns.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) => {
    const from = classifySender(sender, browser.runtime.id, extensionOrigin);
    // What the user does in the extension's pages keeps the store unlocked.
    if (from?.kind === 'extension') void lock.touch();
    const reply = dispatch(routes, message, from, language);
    // Cases, profiles and the lock change what the badge counts: recount after the answer.
    const name = nameOf(message);
    if (name && changesBadge(name)) void reply.then(() => badge());
    return reply;
  });
}

/** The idle auto-lock (alarms wake a sleeping worker) and the keyboard command. */
function listenForAlarmsAndCommands(lock: LockService, badge: () => unknown): void {
  void browser.alarms.create('jzs-idle-lock', { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    // Locked for idleness: the badge says 已锁定 now, not at the next hourly count.
    if (alarm.name === 'jzs-idle-lock') void lock.checkIdle().then((locked) => locked && badge());
  });
  // The keyboard command is a user action too: it opens the popup, which previews the fill (the preview and
  // its confirm live only in extension pages; a page's script can neither read nor click them).
  browser.commands.onCommand.addListener((command) => {
    if (command !== 'fill-page') return;
    void browser.storage.session.set({ fillCommandAt: Date.now() }).then(() => browser.action.openPopup?.()).catch(() => undefined);
  });
}

/**
 * Background entry. Everything is registered synchronously at the top level of the worker's start so that a
 * restarted MV3 service worker has its listeners in place before the event that woke it is delivered.
 */
export function startBackground(): void {
  configureZod();
  // The unlocked key is kept only for trusted contexts (the default, made explicit).
  void browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  const hub = createPanelHub();
  const { getDb, now, lock, profiles, cases, fill } = createServices(openHome(), hub);
  const language = languageCache();
  const watch = deadlineWatch({ cases, lock, db: getDb, now, language: language.current });
  const panels = panelDeps(hub);
  const routes = createRoutes({
    db: getDb,
    cases,
    portalDocuments,
    watch,
    now,
    profiles,
    fill,
    tabs: browserTabs,
    workQueue: sessionWorkQueue,
    restores: new RestoreSessions(profiles, now),
    lock,
    language: language.current,
    panels,
  });
  listenForPanels(panels);
  // The toolbar title follows the language chosen in the extension, not only the browser's (manifest _locales).
  const titleIn = (lang: Lang) => void browser.action.setTitle({ title: t('popup.title', undefined, lang) }).catch(() => undefined);
  void language.current().then(titleIn, () => undefined);
  // A language switch in the popup or workbench reaches the overlays already open.
  onLanguageChange((lang) => {
    titleIn(lang);
    language.set(lang);
    void broadcastToPortals('bg:language', languageView(lang, true));
  });
  listenForMessages(routes, lock, () => watch.badge(), language.current);
  watch.start();
  listenForAlarmsAndCommands(lock, () => watch.badge());
}
