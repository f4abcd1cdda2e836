import { browser } from 'wxt/browser';
import { type ConfirmApi, livenessOf, type PlanLiveness, planKey } from '../../fill/confirm';
import { applyVia } from '../../fill/kept';

/** Is this what a frame's content script answers to `bg:document`? */
function isDocumentReply(r: unknown): r is { ok: true; data: { url: string; nonce: string; page: string | null } } {
  if (typeof r !== 'object' || r === null || !('ok' in r) || r.ok !== true || !('data' in r)) return false;
  const { data } = r;
  if (typeof data !== 'object' || data === null) return false;
  return 'url' in data && typeof data.url === 'string' && 'nonce' in data && typeof data.nonce === 'string' && 'page' in data && (typeof data.page === 'string' || data.page === null);
}

/**
 * Every fill plan's liveness as the background changes it in storage.session (trusted contexts only), from now
 * on: written (live), marked "profile changed", removed (used, or the store locked). A page showing a preview
 * starts watching BEFORE it asks for one, so no change of its plan can pass unseen.
 */
export function watchPlans(onChange: (planId: string, liveness: PlanLiveness) => void): () => void {
  const prefix = planKey('');
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session') return;
    for (const [key, change] of Object.entries(changes)) if (key.startsWith(prefix)) onChange(key.slice(prefix.length), livenessOf(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The browser side of a confirm (fill/confirm.ts), from the extension page that shows the preview. */
export const browserConfirm: ConfirmApi = {
  async applyIn(tabId, frame, req) {
    // Bound to the previewed document where the browser can (Chrome's documentIds): a navigated frame's new
    // document is not it, and the call fails ("No document with id …") instead of writing there.
    const target = frame.documentId ? { tabId, documentIds: [frame.documentId] } : { tabId, frameIds: [frame.frameId] };
    try {
      return await applyVia(async (_tab, _frame, func, args) => (await browser.scripting.executeScript({ target, world: 'MAIN', func, args }))[0]?.result, tabId, frame, req);
    } catch {
      return undefined; // that document is gone, or the frame cannot be reached
    }
  },
  async documentOf(tabId, frameId) {
    try {
      const reply: unknown = await browser.tabs.sendMessage(tabId, { jzs: 1, name: 'bg:document', data: {} }, { frameId });
      return isDocumentReply(reply) ? reply.data : undefined;
    } catch {
      return undefined; // no content script in that frame any more
    }
  },
};
