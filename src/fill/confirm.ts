/**
 * The confirm of a fill (issue 16.2, with issue 12's checks), run by the extension page that shows the preview
 * — the popup or the panel's extension-origin frame — on the user's click: no hop through the service worker
 * and no storage read before the write. In order:
 *   1. the preview is still live: not past its lifetime, and its plan still stands in storage.session. The page
 *      knows that without asking at the click: it watches the plan's key (`storage.session.onChanged`,
 *      ui/components/fill-frames.ts), and the background replaces the plan by a "profile changed" mark BEFORE it
 *      writes that profile (background/fill.ts `invalidate`), removes it when the store locks, and after a fill;
 *   2. every frame is still the previewed document (Chrome: the script is bound to its `documentId`; Firefox:
 *      the frame's content script is asked for its per-document nonce, URL and page);
 *   3. per frame ONE page script (fill/page-script.ts) checks each field as the person sees it now, writes,
 *      and reads back.
 * The browser side comes in as a `ConfirmApi` (ui/components/fill-frames.ts; a fake in the unit tests).
 */
import { CodedError } from '../i18n/problem';
import { type PageApplyAnswer, type PageApplyRequest, type PageWriteResult, pageScript } from './page-script';
import { itemsToWrite, sameValue } from './planner';
import { AFTER_CHOICE_MS, CHOICE_KINDS, SETTLED_MS, type FillItem, type FillReport, type FillResult, type FillTicket, type PlannedFrame, type PlannedItem, REFUSED_REASONS } from './types';
import { MIN_FILL_SIZE } from './visibility';

/** The page script's text rules, to compare what the page shows with what was written. */
const kit = pageScript({ op: 'kit' });

/** User-timing marks of a confirm in the page showing the preview: the click, the results in (bench T8). */
export const FILL_MARKS = { confirm: 'jzs-fill-confirm', results: 'jzs-fill-results' } as const;

/** Whether a plan can still be confirmed, as the background keeps it (storage.session). */
export type PlanLiveness = 'live' | 'profile-changed' | 'gone';

/** A plan's key in storage.session. */
export const planKey = (planId: string) => `fill:${planId}`;
/** What stands under a plan's key once its profile changed (the plan's values dropped; its trace kept for the log). */
export const PROFILE_CHANGED = 'profile-changed';
export const profileChangedMark = <T>(trace: T) => ({ stale: PROFILE_CHANGED, trace });

/** The catalogue key saying why a preview can no longer be confirmed (undefined while it can). */
export function deadReason(liveness: PlanLiveness): 'fill.errors.profileChanged' | 'fill.errors.expired' | undefined {
  return liveness === 'live' ? undefined : liveness === 'profile-changed' ? 'fill.errors.profileChanged' : 'fill.errors.expired';
}

/** The liveness of what storage.session holds under a plan's key. */
export function livenessOf(stored: unknown): PlanLiveness {
  if (typeof stored !== 'object' || stored === null) return 'gone';
  return 'stale' in stored && stored.stale === PROFILE_CHANGED ? 'profile-changed' : 'items' in stored ? 'live' : 'gone';
}

/** What a confirm needs of the browser. */
export interface ConfirmApi {
  /** The page script's `apply` in the frame's MAIN world, bound to its document: undefined when that is gone. */
  applyIn(tabId: number, frame: PlannedFrame, req: PageApplyRequest): Promise<PageApplyAnswer | undefined>;
  /** The frame's document as its content script knows it (undefined when it has none any more). */
  documentOf(tabId: number, frameId: number): Promise<{ url: string; nonce: string; page: string | null } | undefined>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const REASONS: ReadonlySet<unknown> = new Set(REFUSED_REASONS);

/**
 * Is this what the page script's `apply` answers? Checked where the answer comes from the function the probe
 * kept in the page (a page could have called or shadowed nothing of it — it is read-only — but its shape is
 * checked all the same before a result is believed).
 */
export function isApplyAnswer(v: unknown): v is PageApplyAnswer {
  if (!isRecord(v) || typeof v.navigated !== 'boolean' || !Array.isArray(v.results)) return false;
  return v.results.every(
    (r: unknown) =>
      isRecord(r) && typeof r.item === 'string' && typeof r.written === 'boolean' && (r.reason === undefined || REASONS.has(r.reason)) &&
      (r.read === undefined || (isRecord(r.read) && typeof r.read.value === 'string' && typeof r.read.text === 'string')),
  );
}

/** The items the user confirmed (fills, plus the conflicts and clears ticked), with where and what to write. */
export function confirmedItems(items: readonly FillItem[], ticket: FillTicket, overwrite: ReadonlySet<string>): PlannedItem[] {
  const writes = new Map(ticket.writes.map((w) => [w.id, w]));
  return itemsToWrite(items, overwrite).flatMap((i) => {
    const w = writes.get(i.id);
    return w ? [{ ...i, handle: w.handle, value: w.value, ...(w.texts ? { texts: w.texts } : {}) }] : [];
  });
}

/** Does the page show the choice we wrote (its own option text, or another spelling of the same choice)? */
const showsChoice = (item: PlannedItem, shown: string): boolean =>
  shown.trim() !== '' && (!item.proposed || kit.norm(shown) === kit.norm(item.proposed) || sameValue(item, shown, item.proposed));

/** Did the page keep what we wrote? Choices by option value, the rest by meaning (dates, ID numbers, phones). */
function readsBack(item: PlannedItem, read: { value: string; text: string }): boolean {
  if (CHOICE_KINDS.has(item.kind)) {
    const set = (s: string) => s.split(',').filter(Boolean).sort().join(',');
    // MiniUI keeps a value its list no longer offers, and shows nothing for it; a select shown through a
    // stand-in of the page's (Layui) may hold the value while the stand-in shows another: the value alone is
    // not enough, what a person sees must be the choice too.
    return set(read.value) === set(item.value) && (item.value === '' || showsChoice(item, read.text));
  }
  return item.value === '' ? read.text.trim() === '' : sameValue(item, read.text, item.value);
}

function resultOf(item: PlannedItem, r: PageWriteResult | undefined): FillResult {
  const base = { id: item.id, key: item.key, label: item.label };
  if (!r?.written) return { ...base, outcome: 'refused', reason: r?.reason ?? 'navigated' };
  // Written but not read back (the page's getter threw): not confirmed, so never 'ok'. A list's option chosen
  // in the page (loaded after the preview) is checked by the value chosen there and what the page shows.
  const read = r.read;
  const wrote = r.value === undefined ? item : { ...item, value: r.value };
  return { ...base, proposed: item.proposed ?? '', readBack: read?.text ?? '', outcome: read && readsBack(wrote, read) ? 'ok' : 'mismatch' };
}

/**
 * Is the frame still showing the previewed document? Where `documentIds` binds the script to it (Chrome) the
 * browser answers at the write itself; elsewhere (Firefox) the frame's content script is asked first: a
 * navigated frame has a new content script, with a new nonce.
 */
async function sameDocument(api: ConfirmApi, tabId: number, frame: PlannedFrame): Promise<boolean> {
  const now = await api.documentOf(tabId, frame.frameId);
  return !!now && now.nonce === frame.nonce && now.url === frame.url && now.page === frame.page;
}

/**
 * One frame's writes: one script in the page that checks each field, writes and reads back. Where the browser
 * binds it to the document, the script is sent in the same task as the click (no await before it).
 */
async function applyFrame(api: ConfirmApi, tabId: number, frame: PlannedFrame | undefined, items: PlannedItem[], waitMs: number, quietMs: number): Promise<{ results: FillResult[]; navigated: boolean }> {
  const writes = items.map((i) => ({ item: i.id, handle: i.handle, value: i.value, ...(i.after ? { after: i.after } : {}), ...(i.texts ? { texts: i.texts } : {}) }));
  const same = !frame ? false : frame.documentId ? true : await sameDocument(api, tabId, frame);
  const answer = frame && same ? await api.applyIn(tabId, frame, { op: 'apply', url: frame.url, writes, minSize: MIN_FILL_SIZE, waitMs, quietMs }) : undefined;
  if (!answer || answer.navigated) return { results: items.map((i) => resultOf(i, undefined)), navigated: true };
  const byItem = new Map(answer.results.map((r) => [r.item, r]));
  return { results: items.map((i) => resultOf(i, byItem.get(i.id))), navigated: false };
}

/**
 * Write what the user confirmed, every frame at once, each in one script bound to the previewed document. A
 * preview that is no longer live is refused before anything is written; the report says what was and was not
 * written (a frame that navigated gets nothing). `waitMs`: how long writes after an earlier choice may wait;
 * `quietMs`: how long the page must stay settled for the wait to end sooner (types.ts `SETTLED_MS`).
 */
export async function confirmFill(
  api: ConfirmApi,
  preview: { ticket: FillTicket; items: readonly FillItem[]; liveness: PlanLiveness },
  overwrite: ReadonlySet<string>,
  now: number,
  waitMs = AFTER_CHOICE_MS,
  quietMs = SETTLED_MS,
): Promise<FillReport> {
  const { ticket, items, liveness } = preview;
  if (now > ticket.expiresAt) throw new CodedError('fill.errors.expired');
  const dead = deadReason(liveness);
  if (dead) throw new CodedError(dead);
  const byFrame = new Map<number, PlannedItem[]>();
  for (const i of confirmedItems(items, ticket, overwrite)) byFrame.set(i.frameId, [...(byFrame.get(i.frameId) ?? []), i]);
  const frames = new Map(ticket.frames.map((f) => [f.frameId, f]));
  const done = await Promise.all([...byFrame].map(([frameId, list]) => applyFrame(api, ticket.tabId, frames.get(frameId), list, waitMs, quietMs)));
  return { results: done.flatMap((f) => f.results), navigated: done.some((f) => f.navigated) };
}
