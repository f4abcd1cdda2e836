import { browser } from 'wxt/browser';
import { ProfileService } from '../profiles/service';
import { ProfileStore } from '../profiles/store';
import { type BucketManager, DataHome } from '../storage/home';
import { FillService } from './fill';
import { createRoutes, languageView } from './handlers';
import { type Lang, t } from '../i18n';
import { onLanguageChange, readLanguage } from '../i18n/setting';
import { broadcastToPortals, browserTabs, dropFillPlans, sessionArea, sessionPlans, sessionWorkQueue } from './tabs-api';
import { RestoreSessions } from './restore-sessions';
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
  const profiles = new ProfileService(new ProfileStore(getDb, codec), codec);
  const now = () => new Date();
  const fill = new FillService({ profiles, db: getDb, codec, tabs: browserTabs, plans: sessionPlans, now });
  // Every portal frame asks for the language with its rules: read storage once, then follow the changes.
  let language: Promise<Lang> | undefined;
  const currentLanguage = () =>
    (language ??= readLanguage().catch((err: unknown) => {
      language = undefined; // a failed read is tried again next time
      throw err;
    }));
  const routes = createRoutes({
    db: getDb,
    now,
    profiles,
    fill,
    tabs: browserTabs,
    workQueue: sessionWorkQueue,
    restores: new RestoreSessions(profiles, now),
    lock,
    language: currentLanguage,
  });
  // The toolbar title follows the language chosen in the extension, not only the browser's (manifest _locales).
  const titleIn = (lang: Lang) => void browser.action.setTitle({ title: t('popup.title', undefined, lang) }).catch(() => undefined);
  void currentLanguage().then(titleIn, () => undefined);
  // A language switch in the popup or workbench reaches the overlays already open.
  onLanguageChange((lang) => {
    titleIn(lang);
    language = Promise.resolve(lang);
    void broadcastToPortals('bg:language', languageView(lang, true));
  });
  const extensionOrigin = browser.runtime.getURL('/');
  // webextension-polyfill answers with whatever promise the listener returns.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) => {
    const from = classifySender(sender, browser.runtime.id, extensionOrigin);
    // What the user does in the extension's pages keeps the store unlocked.
    if (from?.kind === 'extension') void lock.touch();
    return dispatch(routes, message, from, currentLanguage);
  });
  // Idle auto-lock even when nothing asks (the worker may sleep; alarms wake it).
  void browser.alarms.create('jzs-idle-lock', { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'jzs-idle-lock') void lock.checkIdle();
  });
  // The keyboard command is a user action too: it opens the popup, which previews the fill (the preview and
  // its confirm live only in extension pages; a page's script can neither read nor click them).
  browser.commands.onCommand.addListener((command) => {
    if (command !== 'fill-page') return;
    void browser.storage.session.set({ fillCommandAt: Date.now() }).then(() => browser.action.openPopup?.()).catch(() => undefined);
  });
}
