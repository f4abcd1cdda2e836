import { browser } from 'wxt/browser';
import type { FrameProtocolMap, PortalDocument, Reply } from '../messaging/protocol';
import { livenessOf, planKey, profileChangedMark } from '../fill/confirm';
import { frameState } from '../fill/frames';
import { documentMarkup } from '../cases/document-markup';
import { matchPatterns, PORTALS, portalOfUrl } from '../portals/origins';
import { isWorkQueue, type WorkQueue } from '../profiles/work-queue';
import { type PlanStore, type PlanTrace, type TabFill, type TabsApi } from './fill';

/** TabsApi on the real extension APIs (scripting + tabs; only the three portal origins are reachable). */
export const browserTabs: TabsApi = {
  async portalFrames(tabId) {
    const origins = Object.values(PORTALS).map((p) => p.origin);
    // At once, not at each frame's document_idle: a frame whose document is still on its way (the e-form iframe
    // right after the panel shows) would hold the answer, and the preview, until it has loaded — for ever if it
    // never does. Such a frame's parent counts it instead (frames.ts `frameState`).
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, injectImmediately: true, func: frameState, args: [origins] }).catch(() => []);
    // Chrome names each frame's document (documentId): the confirm is bound to it. Firefox does not. An
    // about:blank frame runs no content script: its parent says whether a document is on its way there.
    return results.flatMap(({ frameId, documentId, result: r }) =>
      r && typeof r.origin === 'string' && !r.blank && portalOfUrl(`${r.origin}/`)
        ? [{ frameId, documentId: documentId || undefined, loading: r.loading === true, shown: r.shown !== false, children: typeof r.children === 'number' ? r.children : 0 }]
        : [],
    );
  },
  async sendToFrame<N extends keyof FrameProtocolMap>(tabId: number, frameId: number, name: N, data: FrameProtocolMap[N]['req']) {
    try {
      // why: the answer of our own content script to this message, typed by FrameProtocolMap (the frame router).
      const reply = (await browser.tabs.sendMessage(tabId, { jzs: 1, name, data }, { frameId })) as Reply<FrameProtocolMap[N]['res']> | undefined;
      return reply?.ok ? reply.data : undefined;
    } catch {
      return undefined; // no content script in that frame (not a page we know)
    }
  },
  async mainWorld(tabId, frame, func, args) {
    // Bound to the previewed document where the browser can: a navigated frame's new document is not it, and
    // the call fails ("No document with id …") instead of writing there. That error means "gone", not text.
    const target = frame.documentId ? { tabId, documentIds: [frame.documentId] } : { tabId, frameIds: [frame.frameId] };
    try {
      const [result] = await browser.scripting.executeScript({ target, world: 'MAIN', func, args });
      return result?.result; // what `func` returned, structured-cloned
    } catch {
      return undefined;
    }
  },
  async tabTitle(tabId) {
    return (await browser.tabs.get(tabId)).title ?? '';
  },
  async targetTab() {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true, windowType: 'normal' });
    if (active?.id !== undefined && portalOfUrl(active.url)) return active.id;
    // The popup may sit over (or, in tests, in) a non-portal tab: take the portal tab used last.
    const tabs = (await browser.tabs.query({ windowType: 'normal' })).filter((t) => t.id !== undefined && portalOfUrl(t.url));
    tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    return tabs[0]?.id;
  },
};

/**
 * Tell every frame of every open portal tab (a tab whose top frame is a portal page). Frames without our
 * content script simply do not answer.
 */
export async function broadcastToPortals<N extends keyof FrameProtocolMap>(name: N, data: FrameProtocolMap[N]['req']): Promise<void> {
  const tabs = await browser.tabs.query({ url: matchPatterns(import.meta.env.BROWSER) }).catch(() => []);
  await Promise.all(
    tabs
      .flatMap((t) => (t.id !== undefined && portalOfUrl(t.url) ? [t.id] : []))
      .map((id) => browser.tabs.sendMessage(id, { jzs: 1, name, data }).catch(() => undefined)),
  );
}

function isTabFill(x: unknown): x is TabFill {
  return typeof x === 'object' && x !== null && 'profileId' in x && typeof x.profileId === 'string' && 'at' in x && typeof x.at === 'string';
}

/** A plan's trace as `set` or `markProfileChanged` below wrote it (storage.session: written by this store alone). */
function isPlanTrace(v: unknown): v is PlanTrace {
  if (typeof v !== 'object' || v === null) return false;
  return 'items' in v && Array.isArray(v.items) && 'profileId' in v && typeof v.profileId === 'string' && 'tabId' in v && typeof v.tabId === 'number' && 'pages' in v && Array.isArray(v.pages);
}

export const sessionPlans: PlanStore = {
  async trace(planId) {
    const key = planKey(planId);
    const stored: unknown = (await browser.storage.session.get(key))[key];
    if (livenessOf(stored) === 'live') return isPlanTrace(stored) ? stored : undefined;
    return livenessOf(stored) === 'profile-changed' && typeof stored === 'object' && stored !== null && 'trace' in stored && isPlanTrace(stored.trace) ? stored.trace : undefined;
  },
  async set(planId, plan) {
    await browser.storage.session.set({ [planKey(planId)]: plan });
  },
  async remove(planId) {
    await browser.storage.session.remove(planKey(planId));
  },
  async markProfileChanged(profileIds) {
    const ids = profileIds ? new Set(profileIds) : undefined;
    const all = await browser.storage.session.get(null);
    const marks = Object.entries(all).flatMap(([k, v]) => (k.startsWith(planKey('')) && livenessOf(v) === 'live' && isPlanTrace(v) && (!ids || ids.has(v.profileId)) ? [[k, profileChangedMark(v)]] : []));
    if (marks.length) await browser.storage.session.set(Object.fromEntries(marks));
  },
  async lastFill(tabId) {
    const key = `tabFill:${tabId}`;
    const fill: unknown = (await browser.storage.session.get(key))[key];
    return isTabFill(fill) ? fill : undefined;
  },
  async setLastFill(tabId, fill) {
    await browser.storage.session.set({ [`tabFill:${tabId}`]: fill });
  },
};

/** The clerk's work queue for 「下一位」 (opaque ids only), in storage.session: gone when the browser closes. */
export const sessionWorkQueue = {
  async get(): Promise<WorkQueue | undefined> {
    const { workQueue } = await browser.storage.session.get('workQueue');
    return isWorkQueue(workQueue) ? workQueue : undefined;
  },
  async set(q: WorkQueue): Promise<void> {
    await browser.storage.session.set({ workQueue: q });
  },
};

/** storage.session as the lock's key store (trusted contexts only: content scripts cannot read it). */
export const sessionArea = {
  get: (keys: string[]) => browser.storage.session.get(keys),
  set: (items: Record<string, unknown>) => browser.storage.session.set(items),
  remove: (keys: string[]) => browser.storage.session.remove(keys),
};

/** Forget fill previews and the tabs' last applicants: on every lock change (a preview made before the lock is not confirmable after it). */
export async function dropFillPlans(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith('fill:') || k.startsWith('tabFill:'));
  if (keys.length) await browser.storage.session.remove(keys);
}

/** The most of one frame's markup the popup reads for 办件 (a 我的申请 page of hundreds of rows is far less). */
const MAX_DOCUMENT = 4 * 1024 * 1024;

/**
 * Portal frames' URL and markup (each control's current value in it: document-markup.ts), for the 办件 extractor
 * running in an extension page: every frame when the popup opens over the tab, the frames whose page can show
 * 办件 for the tab's panel (`frameIds`).
 */
export async function portalDocuments(tabId: number, frameIds?: readonly number[]): Promise<PortalDocument[]> {
  const target = frameIds ? { tabId, frameIds: [...frameIds] } : { tabId, allFrames: true };
  const results = await browser.scripting.executeScript({ target, func: documentMarkup }).catch(() => []);
  return results.flatMap(({ frameId, result: r }) =>
    typeof r?.url === 'string' && typeof r.html === 'string' && portalOfUrl(r.url) !== undefined ? [{ frameId, url: r.url, html: r.html.slice(0, MAX_DOCUMENT) }] : [],
  );
}
