import { browser } from 'wxt/browser';
import * as z from 'zod';
import { createRoutes } from './handlers';
import { dispatch } from './router';
import { classifySender } from './sender';

/**
 * Background entry. Everything is registered synchronously at the top level of the worker's start so that a
 * restarted MV3 service worker has its listeners in place before the event that woke it is delivered.
 */
export function startBackground(): void {
  // The MV3 CSP forbids eval: tell zod not to probe for it (testing.md).
  z.config({ jitless: true });
  const routes = createRoutes();
  const extensionOrigin = browser.runtime.getURL('/');
  // webextension-polyfill answers with whatever promise the listener returns.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(routes, message, classifySender(sender, browser.runtime.id, extensionOrigin)),
  );
}
