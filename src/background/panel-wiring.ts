import { browser } from 'wxt/browser';
import { PANEL_PORT } from '../messaging/protocol';
import { PanelPrefsSchema } from '../messaging/schemas';
import type { PanelDeps } from './routes/context';
import { DEFAULT_PREFS, type PanelHub } from './panel-hub';
import { panelPrefsKey } from '../messaging/panel-prefs';
import { PART_FILES } from '../content/checker';
import { classifySender } from './sender';

const StoredPrefs = PanelPrefsSchema.partial();
const prefsKey = panelPrefsKey;

/** The hub on the real extension APIs: panel layout per portal in storage.local (no applicant data). */
export function panelDeps(hub: PanelHub): PanelDeps {
  return {
    hub,
    prefs: {
      async get(portal) {
        // Repaired on load: a value that is not what we write (an older build, a hand edit) counts as unset.
        const stored = StoredPrefs.safeParse((await browser.storage.local.get(prefsKey(portal)))[prefsKey(portal)]);
        return { ...DEFAULT_PREFS, ...(stored.success ? stored.data : {}) };
      },
      async set(portal, prefs) {
        await browser.storage.local.set({ [prefsKey(portal)]: prefs });
      },
    },
    async tellTab(tabId, name, data, frameId) {
      const message = { jzs: 1, name, data };
      // Frames without our content script simply do not answer.
      await (frameId === undefined ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, { frameId })).catch(
        () => undefined,
      );
    },
    async injectPart(tabId, frameId, part) {
      // A frame gone meanwhile (navigated, closed) just goes without: its next page asks again.
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PART_FILES[part]] }).catch(() => undefined);
    },
  };
}

/**
 * The panel frame connects a port: the hub pushes the tab's state through it. Only the panel page framed into
 * a portal tab may connect (the same sender check as messages); a new panel asks the frames to report again
 * when this background instance may not have their reports (it restarted since).
 */
export function listenForPanels(panels: PanelDeps): void {
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT || !port.sender) return;
    const from = classifySender(port.sender, browser.runtime.id, extensionOrigin);
    const panel = from?.kind === 'extension' ? from.panel : undefined;
    if (!panel) {
      port.disconnect();
      return;
    }
    const stop = panels.hub.connect(panel.tabId, port);
    port.onDisconnect.addListener(stop);
    // Frames whose last report this instance answered stay quiet (the panel got their state on connecting).
    void panels.tellTab(panel.tabId, 'bg:report', { worker: panels.hub.instance });
  });
  browser.tabs.onRemoved.addListener((tabId) => panels.hub.forget(tabId));
}
