import type { FieldKey } from '../domain/ids';
import { DATE_FIELDS } from '../domain/fields';
import { CodedError } from '../i18n/problem';
import { type PageProbe, type PageProbeRequest, pageScript } from '../fill/page-script';
import { type ConfirmApi, confirmFill } from '../fill/confirm';
import { applyVia } from '../fill/kept';
import { planFill, previewItem } from '../fill/planner';
import { type CollectedField, FRAME_RETRY_MS, FRAME_WAIT_MS, type FillReport, type FillTicket, type FrameCollection, type FrameRef, type PlannedFrame, type PlannedItem, type PortalFrame } from '../fill/types';
import { framesToCome, isRead } from '../fill/frames';
import { MIN_FILL_SIZE } from '../fill/visibility';
import type { FillLogEntry, FillPreview, FrameProtocolMap } from '../messaging/protocol';
import type { BodyCodec } from '../security/codec';
import type { ProfileData } from '../profiles/schema';
import type { ProfileService } from '../profiles/service';
import { pageById } from '../portals/registry';
import { todayInShanghai } from '../domain/calendar';
import { profileWarnings } from '../validate/profile-warnings';
import { bundledPack } from '../rules/bundled';
import { profileRulesOf, type ProfileRules } from '../rules/profile-rules';
import { fillLogAad } from '../storage/aad';
import type { JzsDatabase } from '../storage/db';

export type { FrameRef, PlannedFrame } from '../fill/types';

/** The browser APIs a fill needs, behind an interface so the orchestration is testable without a browser. */
export interface TabsApi {
  /** Frames of a tab that are on a portal origin (others are never touched), and what of them is still loading. */
  portalFrames(tabId: number): Promise<PortalFrame[]>;
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

/**
 * Plans waiting for confirmation: in storage.session (memory only, trusted contexts only), where the extension
 * page confirming one checks that it is still live (fill/confirm.ts). Only a plan's value-free trace is stored:
 * every extension page's `storage.onChanged` listener receives what is written there (the panel frames of other
 * tabs included), and the values the confirm writes travel in the preview's ticket to the one page showing it.
 */
export interface PlanStore {
  /** The trace of a plan, live or marked "profile changed". */
  trace(planId: string): Promise<PlanTrace | undefined>;
  set(planId: string, plan: PlanTrace): Promise<void>;
  remove(planId: string): Promise<void>;
  /**
   * Replace the plans of these profiles (every plan: null) by a "profile changed" mark, values dropped: their
   * previews no longer show what a fill would write.
   */
  markProfileChanged(profileIds: readonly string[] | null): Promise<void>;
  lastFill(tabId: number): Promise<TabFill | undefined>;
  setLastFill(tabId: number, fill: TabFill): Promise<void>;
}

/**
 * What a plan's history needs, and no value of the profile: it stays under a plan whose profile changed, since
 * a confirm of it may already be under way (its fill is logged all the same).
 */
export interface PlanTrace {
  tabId: number;
  profileId: string;
  portal: string;
  pages: string[];
  items: Array<Pick<PlannedItem, 'id' | 'key' | 'frameId'>>;
}

export function traceOf(plan: StoredPlan): PlanTrace {
  return {
    tabId: plan.tabId,
    profileId: plan.profileId,
    portal: plan.portal,
    pages: [...new Set(Object.values(plan.frames).flatMap((f) => (f.page ? [f.page] : [])))],
    items: plan.items.map(({ id, key, frameId }) => ({ id, key, frameId })),
  };
}

export interface StoredPlan {
  tabId: number;
  profileId: string;
  portal: string;
  frames: Record<number, PlannedFrame>;
  items: PlannedItem[];
  createdAt: number;
}

const PLAN_TTL_MS = 10 * 60 * 1000;
const ACTIVE_PROFILE_KEY = 'activeProfileId';
/** The one page script: its probe at the preview (the confirm runs its `apply` from the extension page). */
const probeInPage: (req: PageProbeRequest) => PageProbe[] = pageScript;
/** What a confirm may write: fills, and the conflicts and clears the user may tick. */
const WRITABLE: ReadonlySet<string> = new Set(['fill', 'conflict', 'clear']);

/** The writes and documents the page showing the preview needs to confirm it itself. */
function ticketOf(planId: string, plan: StoredPlan): FillTicket {
  return {
    planId,
    tabId: plan.tabId,
    expiresAt: plan.createdAt + PLAN_TTL_MS,
    frames: Object.values(plan.frames),
    writes: plan.items.filter((i) => WRITABLE.has(i.action)).map(({ id, handle, value, after, texts }) => ({ id, handle, value, ...(after ? { after } : {}), ...(texts ? { texts } : {}) })),
  };
}

/** The confirm's browser side on this worker's tabs API (see `FillService.confirm`). */
function confirmApiOf(tabs: TabsApi): ConfirmApi {
  return {
    applyIn: (tabId, frame, req) => applyVia((t, f, func, args) => tabs.mainWorld(t, f, func, args), tabId, frame, req),
    documentOf: (tabId, frameId) => tabs.sendToFrame(tabId, frameId, 'bg:document', {}),
  };
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
      /**
       * The rule pack's profile checks for an applicant filled into a tab (CaseService.profileRules with the tab's
       * business); without it, the bundled pack's for every business.
       */
      profileRules?: (profileId: string, tabId: number) => Promise<ProfileRules>;
      /** How long a fill waits for frames still loading or unread (types.ts FRAME_WAIT_MS; tests shorten it). */
      frameWaitMs?: number;
    },
  ) {}

  private async activeProfileId(): Promise<string> {
    const rec = await (await this.deps.db()).get('settings', ACTIVE_PROFILE_KEY);
    if (!rec?.value) throw new CodedError('fill.errors.noActiveProfile');
    return rec.value;
  }

  /**
   * Every portal frame's answer: asked again while a frame may still bring fields (a sub-frame still loading, or
   * not read yet by its content script: frames.ts `framesToCome`), FRAME_WAIT_MS at most. `unread`: how many
   * frames had not come by then (the preview says so); frames without our content script are otherwise left out.
   */
  private async answers(tabId: number): Promise<{ answered: Array<{ ref: PortalFrame; answer: FrameCollection }>; unread: number }> {
    const { tabs } = this.deps;
    const until = performance.now() + (this.deps.frameWaitMs ?? FRAME_WAIT_MS);
    const known = new Map<string, FrameCollection | undefined>();
    const key = (ref: FrameRef) => `${ref.frameId}:${ref.documentId ?? ''}`;
    for (let round = 0; ; round++) {
      const refs = await tabs.portalFrames(tabId);
      if (!refs.length && !round) throw new CodedError('fill.errors.noPortalTab');
      await Promise.all(refs.filter((ref) => !isRead(known.get(key(ref)))).map(async (ref) => known.set(key(ref), await tabs.sendToFrame(tabId, ref.frameId, 'bg:collect', {}))));
      const now = refs.map((ref) => ({ ref, answer: known.get(key(ref)) }));
      const unread = framesToCome(now);
      if (!unread || performance.now() + FRAME_RETRY_MS > until) {
        return { answered: now.flatMap(({ ref, answer }) => (answer ? [{ ref, answer }] : [])), unread };
      }
      await new Promise((wait) => setTimeout(wait, FRAME_RETRY_MS));
    }
  }

  /** Every portal frame's fields and document identity; `unread`: frames that had not come within the wait. */
  private async collect(tabId: number, pageKey: string): Promise<{ fields: CollectedField[]; frames: Record<number, PlannedFrame>; unread: number }> {
    const { tabs } = this.deps;
    const { answered, unread } = await this.answers(tabId);
    const fields: CollectedField[] = [];
    const frames: Record<number, PlannedFrame> = {};
    await Promise.all(
      answered.map(async ({ ref: { frameId, documentId }, answer }) => {
        const ref: FrameRef = { frameId, documentId };
        frames[ref.frameId] = { ...ref, url: answer.url, nonce: answer.nonce, page: answer.page, pageKey };
        if (!answer.fields.length) return;
        // The page script takes each field's fingerprint and visibility, and reads MiniUI lists from the page's
        // own objects (main world), in one call per frame.
        const locators = answer.fields.map((f) => (DATE_FIELDS.has(f.key) ? { ...f.locator, date: true } : f.locator));
        const probes = (await tabs.mainWorld(tabId, ref, probeInPage, [{ op: 'probe', fields: locators, minSize: MIN_FILL_SIZE, keep: pageKey }])) ?? [];
        answer.fields.forEach(({ locator: _locator, ...f }, i) => {
          const probe = probes[i];
          // A field the page script could not find again is as good as not shown.
          if (!probe?.handle) return;
          fields.push({ ...f, frameId: ref.frameId, handle: probe.handle, hidden: probe.hidden, options: f.options ?? probe.options, limits: probe.limits, picker: probe.picker, widget: probe.widget, format: probe.format, multi: probe.multi });
        });
      }),
    );
    return { fields, frames, unread };
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
    // A profile change or a lock while the frames are read (tens of ms) finds no plan to mark or drop yet:
    // the plan made from what was read before it must not be stored as live (see `kept`).
    const generation = this.generation;
    const profile = await this.deps.profiles.get(await this.activeProfileId());
    // A random name per plan, so that no page can know it in advance (page-script.ts `keep`).
    const { fields, frames, unread } = await this.collect(tabId, `jzs${crypto.randomUUID().replaceAll('-', '')}`);
    const previous = await this.previousIn(tabId, profile.id);
    const items = planFill(fields, profile.data, previous?.data).filter((i) => i.reason !== 'no-value' || i.previous);
    // Nothing to fill while a frame never came: say that, not 「本页没有可填写的字段」.
    if (!items.length) throw new CodedError(unread ? 'fill.errors.framesUnread' : 'fill.errors.noFields');
    const planId = this.deps.newId?.() ?? crypto.randomUUID();
    const firstPage = Object.values(frames).find((f) => f.page)?.page;
    const portal = (firstPage && pageById(firstPage)?.portal) || '';
    const stored: StoredPlan = { tabId, profileId: profile.id, portal, frames, items, createdAt: this.deps.now().getTime() };
    for (const [id, p] of this.recent) if (stored.createdAt - p.createdAt > PLAN_TTL_MS) this.recent.delete(id);
    this.recent.set(planId, stored);
    await this.deps.plans.set(planId, traceOf(stored));
    await this.kept(planId, generation);
    const onPage = previous && items.some((i) => i.previous) ? { id: previous.id, name: previous.name } : undefined;
    const now = this.deps.now();
    // The warnings only advise: cases that cannot be read now leave the bundled rules of every business.
    const rules = (await this.deps.profileRules?.(profile.id, tabId).catch(() => undefined)) ?? profileRulesOf(bundledPack(), []);
    const warnings = profileWarnings(profile.data, now, todayInShanghai(now), rules);
    return {
      planId,
      profile: { id: profile.id, name: profile.data.name ?? '' },
      tabTitle: await this.deps.tabs.tabTitle(tabId),
      items: items.map(previewItem),
      ticket: ticketOf(planId, stored),
      ...(warnings.length ? { warnings } : {}),
      ...(onPage ? { onPage } : {}),
      ...(unread ? { unreadFrames: true } : {}),
    };
  }

  /**
   * After the extension page confirmed a preview (fill/confirm.ts: one script per frame, from that page): the
   * plan is used up, the frames written to validate again, and the history kept — the profile's fill log and
   * the tab's last applicant (for 「全部替换为此申请人」). Anyone reading it (the log, the next preview) waits for
   * writes still under way. A plan already used or dropped keeps nothing. Answers whether the fill is in the
   * profile's log (the page that confirmed it says so when it is not).
   */
  async record(planId: string, report: FillReport): Promise<boolean> {
    const mine = this.recent.get(planId);
    const plan = mine ? traceOf(mine) : await this.deps.plans.trace(planId);
    this.recent.delete(planId);
    if (!plan) return false;
    const known = new Map(plan.items.map((i) => [i.id, i]));
    // Only results of this plan's items count (the report comes from an extension page, checked by schema).
    const results = report.results.filter((r) => known.get(r.id)?.key === r.key);
    const written = [...new Set(results.filter((r) => r.outcome !== 'refused').flatMap((r) => known.get(r.id)?.frameId ?? []))];
    // The page validates again (MiniUI writes fire no DOM event).
    for (const frameId of written) void this.deps.tabs.sendToFrame(plan.tabId, frameId, 'bg:filled', {});
    const tabFill = written.length ? this.deps.plans.setLastFill(plan.tabId, { profileId: plan.profileId, at: this.deps.now().toISOString() }) : undefined;
    const logged = Promise.all([this.deps.plans.remove(planId), tabFill, this.log(plan, { results, navigated: report.navigated })])
      .then(() => true)
      .catch((err: unknown) => {
        console.warn('fill log not saved', err);
        return false;
      });
    this.logging.add(logged);
    void logged.finally(() => this.logging.delete(logged));
    return logged;
  }

  /** Does this worker still hold the plan for a confirm (not used, dropped, or past its lifetime)? */
  holds(planId: string): boolean {
    const p = this.recent.get(planId);
    return !!p && this.deps.now().getTime() - p.createdAt <= PLAN_TTL_MS;
  }

  /**
   * The confirm for an extension page that cannot reach the tab itself. Firefox gives an extension page framed
   * in a web page (our panel) only the content-script APIs — no `scripting`, no `tabs` — so the panel's click
   * comes here: the same confirm (fill/confirm.ts: documents checked, one page script per frame, read back) on
   * the plan this worker made and still holds, then recorded. A plan it no longer holds (used, dropped by a
   * profile change or a lock, or a restarted worker) is refused: preview again.
   */
  async confirm(planId: string, overwrite: ReadonlySet<string>): Promise<{ report: FillReport; logged: boolean }> {
    const stored = this.recent.get(planId);
    if (!stored) throw new CodedError('fill.errors.expired');
    const preview = { ticket: ticketOf(planId, stored), items: stored.items.map(previewItem), liveness: 'live' as const };
    const report = await confirmFill(confirmApiOf(this.deps.tabs), preview, overwrite, this.deps.now().getTime());
    return { report, logged: await this.record(planId, report) };
  }

  /**
   * These profiles (every profile: null) are about to change: their open previews no longer show what a fill
   * would write. Called BEFORE the write, so a confirm that still finds its plan live was made before the change.
   */
  async invalidate(profileIds: readonly string[] | null): Promise<void> {
    this.generation++;
    const ids = profileIds ? new Set(profileIds) : undefined;
    for (const [planId, p] of this.recent) if (!ids || ids.has(p.profileId)) this.recent.delete(planId);
    await this.deps.plans.markProfileChanged(profileIds);
  }

  private readonly logging = new Set<Promise<boolean>>();
  /** Plans made by this worker, waiting for confirm (storage.session keeps them across a worker restart). */
  private readonly recent = new Map<string, StoredPlan>();

  private async log(plan: PlanTrace, report: FillReport): Promise<void> {
    const { results } = report;
    const entry: FillLogEntry = {
      at: this.deps.now().toISOString(),
      portal: plan.portal,
      pages: plan.pages,
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
    this.generation++;
    this.recent.clear();
  }

  /**
   * Counts profile changes and locks. A plan stored while one happened is taken back and refused: its values
   * may be those of before the change, or the store may now be locked (issue 12: nothing stale is confirmable).
   */
  private generation = 0;

  private async kept(planId: string, generation: number): Promise<void> {
    if (this.generation === generation) return;
    this.recent.delete(planId);
    await this.deps.plans.remove(planId);
    throw new CodedError('fill.errors.changedWhilePlanning');
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
