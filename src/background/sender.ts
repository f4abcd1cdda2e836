import { portalOfOrigin, portalOfUrl, type PortalId } from '../portals/origins';

/** Who sent a message, as far as the browser vouches for it. */
export type SenderInfo =
  | {
      kind: 'extension';
      url: string;
      /** The tab an extension page is framed into (the on-page panel), when it is in one. */
      tabId?: number | undefined;
      /** Set for the panel frame in a portal tab (the tab's top page on an exact portal origin). */
      panel?: { tabId: number; portal: PortalId } | undefined;
    }
  | { kind: 'content'; portal: PortalId; tabId: number; frameId: number; url: string };

export interface MinimalSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Classify a sender. Extension pages (popup, options, checklist) are recognised by their own origin; content
 * scripts by a tab plus a frame URL on one of the three portal origins (exact origin, port included — the
 * Firefox build matches hosts on any port, so this is where the port is enforced). Anything else: undefined.
 */
export function classifySender(
  sender: MinimalSender,
  extensionId: string,
  extensionOrigin: string,
): SenderInfo | undefined {
  if (sender.id !== extensionId || !sender.url) return undefined;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return undefined;
  }
  // A frame whose document came after its initial empty one (an e-form iframe loading late) is reported by
  // Chrome with the URL about:blank and its real origin: our content script runs in no about:blank document, so
  // the origin Chrome vouches for is the frame's (seen in Chromium 156, tests/e2e/fill-frames.test.ts).
  const blank = url.href === 'about:blank';
  if (!blank && url.origin === new URL(extensionOrigin).origin) {
    // An extension page FRAMED inside a portal tab (the on-page panel) acts on that tab; a top-level extension
    // page (the workbench, a popup opened as a tab) acts on the portal tab it stands for. Firefox matches
    // web-accessible resources by host only: the tab's exact origin is checked here, port included.
    const tabId = sender.tab?.id;
    const tabPortal = portalOfUrl(sender.tab?.url);
    const framed = (sender.frameId ?? 0) > 0 && tabId !== undefined && tabId >= 0 && tabPortal !== undefined;
    if (!framed) return { kind: 'extension', url: sender.url };
    return url.pathname === '/panel.html'
      ? { kind: 'extension', url: sender.url, tabId, panel: { tabId, portal: tabPortal } }
      : { kind: 'extension', url: sender.url, tabId };
  }
  const portal = blank ? portalOfOrigin(sender.origin ?? '') : portalOfUrl(url);
  // Chrome also reports the frame's origin; when present it must agree (an opaque origin never matches).
  if (sender.origin !== undefined && portalOfOrigin(sender.origin) !== portal) return undefined;
  const tabId = sender.tab?.id;
  if (!portal || tabId === undefined || tabId < 0) return undefined;
  return { kind: 'content', portal, tabId, frameId: sender.frameId ?? 0, url: sender.url };
}
