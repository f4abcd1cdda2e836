import { browser } from 'wxt/browser';
import { ProfileService } from '../profiles/service';
import { ProfileStore } from '../profiles/store';
import { CaseService } from '../cases/service';
import { CaseStore } from '../cases/store';
import { activePack } from '../rules/store';
import { type BucketManager, DataHome } from '../storage/home';
import { FillService } from './fill';
import { createRoutes, languageView } from './handlers';
import type { Lang } from '../i18n';
import { onLanguageChange, readLanguage } from '../i18n/setting';
import { broadcastToPortals, browserTabs, clerkList, dropFillPlans, sessionArea, sessionPlans } from './tabs-api';
import { LockService } from '../security/lock';
import { configureZod } from './zod-config';
import { dispatch } from './router';
import { classifySender } from './sender';

/**
 * Background entry. Everything is registered synchronously at the top level of the worker's start so that a
 * restarted MV3 service worker has its listeners in place before the event that woke it is delivered.
 */
export function startBackground(): void {
  configureZod();
  // The unlocked key is kept only for trusted contexts (the default, made explicit).
  void browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  const home = new DataHome(
    (navigator as { storageBuckets?: BucketManager }).storageBuckets,
    {
      get: async () => (await browser.storage.local.get('dataBucket')).dataBucket as string | undefined,
      set: (name) => browser.storage.local.set({ dataBucket: name }),
    },
    indexedDB,
  );
  void home.cleanup().catch(() => undefined);
  const getDb = () => home.db();
  // (onChange runs only after start-up, when `profiles` exists.)
  const lock = new LockService(
    getDb,
    sessionArea,
    Date.now,
    async () => {
      profiles.reset();
      cases.reset();
      await dropFillPlans();
    },
    undefined,
    // Once every record is sealed, move the data to a fresh bucket so no plaintext stays on disk.
    () => home.rehome().then(() => undefined),
  );
  const codec = () => lock.codec;
  const profiles = new ProfileService(new ProfileStore(getDb, codec), codec);
  const now = () => new Date();
  const cases = new CaseService(new CaseStore(getDb, codec), profiles, async () => (await activePack(await getDb())).pack);
  const fill = new FillService({ profiles, db: getDb, codec, tabs: browserTabs, plans: sessionPlans, now });
  // Every portal frame asks for the language with its rules: read storage once, then follow the changes.
  let language: Promise<Lang> | undefined;
  const currentLanguage = () =>
    (language ??= readLanguage().catch((err: unknown) => {
      language = undefined; // a failed read is tried again next time
      throw err;
    }));
  const routes = createRoutes({ db: getDb, cases, now, profiles, fill, tabs: browserTabs, clerkList, lock, language: currentLanguage });
  // A language switch in the popup or workbench reaches the overlays already open.
  onLanguageChange((lang) => {
    language = Promise.resolve(lang);
    void broadcastToPortals('bg:language', languageView(lang, true));
  });
  const extensionOrigin = browser.runtime.getURL('/');
  // webextension-polyfill answers with whatever promise the listener returns.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) => {
    const from = classifySender(sender, browser.runtime.id, extensionOrigin);
    // What the user does in the extension's pages, or a fill they start, keeps the store unlocked.
    const name = (message as { name?: unknown } | null)?.name;
    if (from?.kind === 'extension' || (typeof name === 'string' && name.startsWith('cs:fill.'))) void lock.touch();
    return dispatch(routes, message, from);
  });
  // Idle auto-lock even when nothing asks (the worker may sleep; alarms wake it).
  void browser.alarms.create('jzs-idle-lock', { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'jzs-idle-lock') void lock.checkIdle();
  });
  // The keyboard command is a user action too: plan for the portal tab, preview in its top frame.
  browser.commands.onCommand.addListener((command) => {
    if (command !== 'fill-page') return;
    void (async () => {
      const tabId = await browserTabs.targetTab();
      if (tabId === undefined) return;
      const preview = await fill.plan(tabId).catch(() => undefined);
      if (preview) await browserTabs.sendToFrame(tabId, 0, 'bg:fillPreview', { preview });
    })();
  });
}
