import type { FieldKey } from '../domain/ids';
import { CodedError } from '../i18n/problem';
import { type PageApplyAnswer, type PageApplyRequest, type PageProbe, type PageProbeRequest, type PageWrite, pageScript } from '../fill/page-script';
import { itemsToWrite, planFill, previewItem, sameValue } from '../fill/planner';
import { CHOICE_KINDS, type CollectedField, type FillReport, type FillResult, type FrameCollection, type PlannedItem } from '../fill/types';
import { MIN_FILL_SIZE } from '../fill/visibility';
import type { FillLogEntry, FillPreview, FrameProtocolMap } from '../messaging/protocol';
import type { BodyCodec } from '../security/codec';
import type { ProfileData } from '../profiles/schema';
import type { ProfileService } from '../profiles/service';
import { pageById } from '../portals/registry';
import { todayInShanghai } from '../domain/calendar';
import { profileWarnings } from '../validate/profile-warnings';
import { fillLogAad } from '../storage/aad';
import type { JzsDatabase } from '../storage/db';

/** A frame as the browser names it: `documentId` (Chrome ≥ 106) names one document, never the next one. */
export interface FrameRef {
  frameId: number;
  documentId?: string | undefined;
}

/** The browser APIs a fill needs, behind an interface so the orchestration is testable without a browser. */
export interface TabsApi {
  /** Frames of a tab that are on a portal origin (others are never touched). */
  portalFrames(tabId: number): Promise<FrameRef[]>;
  sendToFrame<N extends keyof FrameProtocolMap>(tabId: number, frameId: number, name: N, data: FrameProtocolMap[N]['req']): Promise<FrameProtocolMap[N]['res'] | undefined>;
  /**
   * Run `func` in the frame's MAIN world, bound to the frame's document when the browser can (`documentIds`):
   * undefined when that document is gone (the frame navigated) or the frame cannot be reached.
   */
  mainWorld<A extends unknown[], R>(tabId: number, frame: FrameRef, func: (...args: A) => R, args: A): Promise<R | undefined>;
  tabTitle(tabId: number): Promise<string>;
  /** The portal tab a popup means: the active tab of the last-focused normal window, else the last used portal tab. */
  targetTab(): Promise<number | undefined>;
}

/** Who was last filled into a tab (the tab's fill log): for 「全部替换为此申请人」 and the preview's 「页面上现在是…」. */
export interface TabFill {
  profileId: string;
  at: string;
}

/** Plans waiting for confirmation: in storage.session (memory only, trusted contexts only). */
export interface PlanStore {
  get(planId: string): Promise<StoredPlan | undefined>;
  set(planId: string, plan: StoredPlan): Promise<void>;
  remove(planId: string): Promise<void>;
  lastFill(tabId: number): Promise<TabFill | undefined>;
  setLastFill(tabId: number, fill: TabFill): Promise<void>;
}

/** A frame's document as the user saw it in the preview (issue 12.3). */
export interface PlannedFrame extends FrameRef {
  url: string;
  nonce: string;
  page: string | null;
}

export interface StoredPlan {
  tabId: number;
  profileId: string;
  revision: number;
  portal: string;
  frames: Record<number, PlannedFrame>;
  items: PlannedItem[];
  createdAt: number;
}

const PLAN_TTL_MS = 10 * 60 * 1000;
const ACTIVE_PROFILE_KEY = 'activeProfileId';
/** The one page script, at the preview and at confirm (the kit overload is for in-process use only). */
const probeInPage: (req: PageProbeRequest) => PageProbe[] = pageScript;
const applyInPage: (req: PageApplyRequest) => PageApplyAnswer = pageScript;

/** Did the page keep what we wrote? Choices by option value, the rest by meaning (dates, ID numbers, phones). */
function readsBack(item: PlannedItem, read: { value: string; text: string }): boolean {
  if (CHOICE_KINDS.has(item.kind)) {
    const set = (s: string) => s.split(',').filter(Boolean).sort().join(',');
    return set(read.value) === set(item.value);
  }
  return item.value === '' ? read.text.trim() === '' : sameValue(item, read.text, item.value);
}

function resultOf(item: PlannedItem, r: PageApplyAnswer['results'][number] | undefined): FillResult {
  const base = { id: item.id, key: item.key, label: item.label };
  if (!r?.written) return { ...base, outcome: 'refused', reason: r?.reason ?? 'navigated' };
  const read = r.read ?? { value: '', text: '' };
  return { ...base, proposed: item.proposed ?? '', readBack: read.text, outcome: readsBack(item, read) ? 'ok' : 'mismatch' };
}

export class FillService {
  constructor(
    private readonly deps: {
      profiles: ProfileService;
      db: () => Promise<JzsDatabase>;
      codec: () => BodyCodec;
      tabs: TabsApi;
      plans: PlanStore;
      now: () => Date;
      newId?: () => string;
    },
  ) {}

  private async activeProfileId(): Promise<string> {
    const rec = await (await this.deps.db()).get('settings', ACTIVE_PROFILE_KEY);
    if (!rec?.value) throw new CodedError('fill.errors.noActiveProfile');
    return rec.value;
  }

  /** Every portal frame's fields and document identity (frames without our content script are left out). */
  private async collect(tabId: number): Promise<{ fields: CollectedField[]; frames: Record<number, PlannedFrame> }> {
    const { tabs } = this.deps;
    const refs = await tabs.portalFrames(tabId);
    if (!refs.length) throw new CodedError('fill.errors.noPortalTab');
    const fields: CollectedField[] = [];
    const frames: Record<number, PlannedFrame> = {};
    await Promise.all(
      refs.map(async (ref) => {
        const answer: FrameCollection | undefined = await tabs.sendToFrame(tabId, ref.frameId, 'bg:collect', {});
        if (!answer) return;
        frames[ref.frameId] = { ...ref, url: answer.url, nonce: answer.nonce, page: answer.page };
        if (!answer.fields.length) return;
        // The page script takes each field's fingerprint and visibility, and reads MiniUI lists from the page's
        // own objects (main world), in one call per frame.
        const probes = (await tabs.mainWorld(tabId, ref, probeInPage, [{ op: 'probe', fields: answer.fields.map((f) => f.locator), minSize: MIN_FILL_SIZE }])) ?? [];
        answer.fields.forEach(({ locator: _locator, ...f }, i) => {
          const probe = probes[i];
          // A field the page script could not find again is as good as not shown.
          if (!probe?.handle) return;
          fields.push({ ...f, frameId: ref.frameId, handle: probe.handle, hidden: probe.hidden, options: f.options ?? probe.options });
        });
      }),
    );
    return { fields, frames };
  }

  /** The applicant whose values this tab holds from its last fill, when it is someone else. */
  private async previousIn(tabId: number, profileId: string): Promise<{ id: string; name: string; data: ProfileData } | undefined> {
    await Promise.all(this.logging);
    const last = await this.deps.plans.lastFill(tabId);
    if (!last || last.profileId === profileId) return undefined;
    const prev = await this.deps.profiles.get(last.profileId).catch(() => undefined);
    return prev ? { id: prev.id, name: prev.data.name ?? '', data: prev.data } : undefined;
  }

  /** Look at every portal frame of the tab and say what a fill would do. Writes nothing. */
  async plan(tabId: number): Promise<FillPreview> {
    const profile = await this.deps.profiles.get(await this.activeProfileId());
    const { fields, frames } = await this.collect(tabId);
    const previous = await this.previousIn(tabId, profile.id);
    const items = planFill(fields, profile.data, previous?.data).filter((i) => i.reason !== 'no-value' || i.previous);
    if (!items.length) throw new CodedError('fill.errors.noFields');
    const planId = this.deps.newId?.() ?? crypto.randomUUID();
    const firstPage = Object.values(frames).find((f) => f.page)?.page;
    const portal = (firstPage && pageById(firstPage)?.portal) || '';
    const stored: StoredPlan = { tabId, profileId: profile.id, revision: profile.revision, portal, frames, items, createdAt: this.deps.now().getTime() };
    for (const [id, p] of this.recent) if (stored.createdAt - p.createdAt > PLAN_TTL_MS) this.recent.delete(id);
    this.recent.set(planId, stored);
    await this.deps.plans.set(planId, stored);
    const onPage = previous && items.some((i) => i.previous) ? { id: previous.id, name: previous.name } : undefined;
    const now = this.deps.now();
    const warnings = profileWarnings(profile.data, now, todayInShanghai(now));
    return {
      planId,
      profile: { id: profile.id, name: profile.data.name ?? '' },
      tabTitle: await this.deps.tabs.tabTitle(tabId),
      items: items.map(previewItem),
      ...(warnings.length ? { warnings } : {}),
      ...(onPage ? { onPage } : {}),
    };
  }

  /**
   * Where `documentIds` cannot bind the script to the previewed document (Firefox), ask the frame's content
   * script for its per-document nonce, URL and page first: a navigated frame has a new content script.
   */
  private async sameDocument(tabId: number, frame: PlannedFrame): Promise<boolean> {
    if (frame.documentId) return true;
    const now = await this.deps.tabs.sendToFrame(tabId, frame.frameId, 'bg:document', {});
    return !!now && now.nonce === frame.nonce && now.url === frame.url && now.page === frame.page;
  }

  /** One frame's writes: one script in the page that checks each field, writes and reads back. */
  private async applyFrame(tabId: number, frame: PlannedFrame | undefined, items: PlannedItem[]): Promise<{ results: FillResult[]; navigated: boolean }> {
    const writes: PageWrite[] = items.map((i) => ({ item: i.id, handle: i.handle, kind: i.kind, value: i.value }));
    const same = frame ? await this.sameDocument(tabId, frame) : false;
    const answer = frame && same ? await this.deps.tabs.mainWorld(tabId, frame, applyInPage, [{ op: 'apply', url: frame.url, writes, minSize: MIN_FILL_SIZE }]) : undefined;
    if (!answer || answer.navigated) return { results: items.map((i) => resultOf(i, undefined)), navigated: true };
    const byItem = new Map(answer.results.map((r) => [r.item, r]));
    return { results: items.map((i) => resultOf(i, byItem.get(i.id))), navigated: false };
  }

  /**
   * Write what the user confirmed (fills, plus conflicts and clears they ticked), each frame in ONE script
   * bound to the previewed document; every field is checked against what the user saw just before its write.
   * The result says what was and was not written, and is logged either way.
   */
  async apply(planId: string, overwrite: readonly string[], requesterTab?: () => Promise<number | undefined>): Promise<FillReport> {
    // The plan from memory when this worker made it, else from storage.session (the worker was restarted).
    const plan = this.recent.get(planId) ?? (await this.deps.plans.get(planId));
    this.recent.delete(planId);
    if (!plan || this.deps.now().getTime() - plan.createdAt > PLAN_TTL_MS) throw new CodedError('fill.errors.expired');
    // A plan is used once. Its removal from storage.session, the requester's tab and the profile's revision
    // (checked once, for the whole fill; the stored record's revision, no decryption) are asked for together:
    // each is a round trip of its own, and the writes wait only for the checks.
    const removed = this.deps.plans.remove(planId);
    const [tab, revision] = await Promise.all([requesterTab?.(), this.revisionOf(plan.profileId), removed]);
    if (tab !== undefined && tab !== plan.tabId) throw new CodedError('fill.errors.otherTab');
    if (revision !== plan.revision) throw new CodedError('fill.errors.profileChanged');
    const byFrame = new Map<number, PlannedItem[]>();
    for (const i of itemsToWrite(plan.items, new Set(overwrite))) byFrame.set(i.frameId, [...(byFrame.get(i.frameId) ?? []), i]);
    const frames = await Promise.all([...byFrame].map(([frameId, items]) => this.applyFrame(plan.tabId, plan.frames[frameId], items)));
    const report: FillReport = { results: frames.flatMap((f) => f.results), navigated: frames.some((f) => f.navigated) };
    const written = [...byFrame.keys()].filter((_, i) => frames[i]?.results.some((r) => r.outcome !== 'refused'));
    // The page validates again (MiniUI writes fire no DOM event); the user is not kept waiting for it.
    for (const frameId of written) void this.deps.tabs.sendToFrame(plan.tabId, frameId, 'bg:filled', {});
    // The history (the profile's fill log, the tab's last applicant) is written after the answer; anyone reading
    // it (the log, the next preview) waits for writes still under way.
    const tabFill = written.length ? this.deps.plans.setLastFill(plan.tabId, { profileId: plan.profileId, at: this.deps.now().toISOString() }) : undefined;
    const logged = Promise.all([tabFill, this.log(plan, report)])
      .then(() => undefined)
      .catch((err: unknown) => console.warn('fill log not saved', err));
    this.logging.add(logged);
    void logged.finally(() => this.logging.delete(logged));
    return report;
  }

  /** The stored profile's revision (undefined when it was deleted since the preview). */
  private async revisionOf(profileId: string): Promise<number | undefined> {
    return (await (await this.deps.db()).get('profiles', profileId))?.revision;
  }

  private readonly logging = new Set<Promise<void>>();
  /** Plans made by this worker, waiting for confirm (storage.session keeps them across a worker restart). */
  private readonly recent = new Map<string, StoredPlan>();

  private async log(plan: StoredPlan, report: FillReport): Promise<void> {
    const { results } = report;
    const entry: FillLogEntry = {
      at: this.deps.now().toISOString(),
      portal: plan.portal,
      pages: [...new Set(Object.values(plan.frames).flatMap((f) => (f.page ? [f.page] : [])))],
      fields: [...new Set(results.filter((r) => r.outcome === 'ok' || r.outcome === 'mismatch').map((r): FieldKey => r.key))],
      ok: results.filter((r) => r.outcome === 'ok').length,
      mismatched: results.filter((r) => r.outcome === 'mismatch').length,
      failed: results.filter((r) => r.outcome === 'refused' || r.outcome === 'failed').length,
      refused: results.filter((r) => r.outcome === 'refused').map((r) => ({ key: r.key, reason: r.reason ?? 'error' })),
      navigated: report.navigated,
    };
    const sealed = await this.deps.codec().seal(entry, fillLogAad(plan.profileId));
    await (await this.deps.db()).add('fillLogs', { profileId: plan.profileId, at: entry.at, entry: sealed });
  }

  /** Forget the previews waiting for confirm (they hold profile values): on every lock change. */
  forgetPlans(): void {
    this.recent.clear();
  }

  async logOf(profileId: string): Promise<FillLogEntry[]> {
    await Promise.all(this.logging);
    const rows = await (await this.deps.db()).getAllFromIndex('fillLogs', 'profileId', profileId);
    const out: FillLogEntry[] = [];
    // The codec opens what it sealed above: a FillLogEntry (sealed records are authenticated).
    for (const r of rows) out.push((await this.deps.codec().open(r.entry, fillLogAad(r.profileId))) as FillLogEntry);
    return out.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, 50);
  }
}
