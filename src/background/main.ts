import { browser } from 'wxt/browser';
import { plainCodec } from '../profiles/codec';
import { ProfileService } from '../profiles/service';
import { ProfileStore } from '../profiles/store';
import { getDb } from '../storage/db';
import { FillService } from './fill';
import { createRoutes } from './handlers';
import { browserTabs, clerkList, sessionPlans } from './tabs-api';
import { configureZod } from './zod-config';
import { dispatch } from './router';
import { classifySender } from './sender';

/**
 * Background entry. Everything is registered synchronously at the top level of the worker's start so that a
 * restarted MV3 service worker has its listeners in place before the event that woke it is delivered.
 */
export function startBackground(): void {
  configureZod();
  const codec = () => plainCodec;
  const profiles = new ProfileService(new ProfileStore(getDb, codec), codec);
  const now = () => new Date();
  const fill = new FillService({ profiles, db: getDb, codec, tabs: browserTabs, plans: sessionPlans, now });
  const routes = createRoutes({ db: getDb, now, profiles, fill, tabs: browserTabs, clerkList });
  const extensionOrigin = browser.runtime.getURL('/');
  // webextension-polyfill answers with whatever promise the listener returns.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(routes, message, classifySender(sender, browser.runtime.id, extensionOrigin)),
  );
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
