import type { FieldKey } from '../domain/ids';
import { FillError } from '../fill/errors';
import { miniCollect, miniWrite, type MiniControlInfo, type MiniWrite, type MiniWriteResult } from '../fill/main-world';
import { itemsToWrite, planFill, sameValue } from '../fill/planner';
import { type CollectedField, type FillItem, type FillResult, type FillWrite, MINI_KINDS } from '../fill/types';
import { synonyms } from '../fill/vocab';
import type { FillLogEntry, FillPreview, FrameProtocolMap } from '../messaging/protocol';
import type { BodyCodec } from '../profiles/codec';
import type { ProfileService } from '../profiles/service';
import { pageById } from '../portals/registry';
import type { JzsDatabase } from '../storage/db';
import type { TabFills } from './tab-fills';

/** The browser APIs a fill needs, behind an interface so the orchestration is testable without a browser. */
export interface TabsApi {
  /** Frames of a tab that are on a portal origin (others are never touched). */
  portalFrames(tabId: number): Promise<number[]>;
  sendToFrame<N extends keyof FrameProtocolMap>(tabId: number, frameId: number, name: N, data: FrameProtocolMap[N]['req']): Promise<FrameProtocolMap[N]['res'] | undefined>;
  mainWorld<A extends unknown[], R>(tabId: number, frameId: number, func: (...args: A) => R, args: A): Promise<R | undefined>;
  tabTitle(tabId: number): Promise<string>;
  /** The portal tab a popup means: the active tab of the last-focused normal window, else the last used portal tab. */
  targetTab(): Promise<number | undefined>;
}

/** Plans waiting for confirmation: in storage.session (memory only), so a restarted worker still has them. */
export interface PlanStore {
  get(planId: string): Promise<StoredPlan | undefined>;
  set(planId: string, plan: StoredPlan): Promise<void>;
  remove(planId: string): Promise<void>;
}

export interface StoredPlan {
  tabId: number;
  profileId: string;
  revision: number;
  portal: string;
  pages: Record<number, string | null>;
  items: FillItem[];
  createdAt: number;
}

const PLAN_TTL_MS = 10 * 60 * 1000;
/** How long to wait before reading a field a second time when it did not read back the value written. */
const READ_BACK_RETRY_MS = 80;
const ACTIVE_PROFILE_KEY = 'activeProfileId';

function noteText(note: string | undefined): string | undefined {
  if (note === 'no-option') return '页面的选项中没有这一项';
  if (note === 'no-control' || note === 'gone') return '页面上的这个字段已不存在（页面可能已刷新）';
  return note;
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
      /** Told which profile filled which tab (the queue's 「全部替换为此申请人」 needs it). */
      tabFills?: TabFills;
    },
  ) {}

  private async activeProfileId(): Promise<string> {
    const rec = await (await this.deps.db()).get('settings', ACTIVE_PROFILE_KEY);
    if (!rec?.value) throw new FillError('no-active-profile', '请先在弹出窗口中选择要填写的申请人。');
    return rec.value;
  }

  /** Look at every portal frame of the tab and say what a fill would do. Writes nothing. */
  async plan(tabId: number): Promise<FillPreview> {
    const { tabs } = this.deps;
    const profile = await this.deps.profiles.get(await this.activeProfileId());
    const frames = await tabs.portalFrames(tabId);
    if (!frames.length) throw new FillError('no-portal-tab', '当前标签页不是政务平台页面，无法填写。');
    const collected: CollectedField[] = [];
    const pages: Record<number, string | null> = {};
    for (const frameId of frames) {
      const answer = await tabs.sendToFrame(tabId, frameId, 'bg:collect', {});
      if (!answer) continue;
      pages[frameId] = answer.page;
      const miniIds = answer.fields.filter((f) => f.miniId && (f.kind === 'mini-combo' || f.kind === 'mini-list')).map((f) => f.miniId!);
      const infos: Record<string, MiniControlInfo | null> = miniIds.length ? ((await tabs.mainWorld(tabId, frameId, miniCollect, [miniIds])) ?? {}) : {};
      for (const f of answer.fields) collected.push({ ...f, frameId, options: f.options ?? (f.miniId ? infos[f.miniId]?.options : undefined) });
    }
    const items = planFill(collected, profile.data).filter((i) => i.reason !== 'no-value');
    if (!items.length) throw new FillError('no-fields', '本页没有可以用档案填写的字段。');
    const planId = this.deps.newId?.() ?? crypto.randomUUID();
    const firstPage = Object.values(pages).find((p): p is string => !!p);
    const portal = (firstPage && pageById(firstPage)?.portal) || '';
    await this.deps.plans.set(planId, { tabId, profileId: profile.id, revision: profile.revision, portal, pages, items, createdAt: this.deps.now().getTime() });
    return { planId, profile: { id: profile.id, name: profile.data.name ?? '' }, tabTitle: await tabs.tabTitle(tabId), items };
  }

  /**
   * Write what the user confirmed: fills, plus conflicts they ticked. Native controls are written by the
   * frame (with the events of a real edit), MiniUI ones in the page's main world through its own API. Then
   * every written field is read back after the page had its say, and differences are reported.
   */
  async apply(planId: string, overwrite: readonly string[], requesterTab?: number): Promise<FillResult[]> {
    const plan = await this.deps.plans.get(planId);
    await this.deps.plans.remove(planId);
    if (!plan || this.deps.now().getTime() - plan.createdAt > PLAN_TTL_MS) throw new FillError('expired', '这次填写的预览已过期，请重新点击“填写当前页面”。');
    if (requesterTab !== undefined && requesterTab !== plan.tabId) throw new FillError('expired', '预览不属于这个标签页。');
    const profile = await this.deps.profiles.get(plan.profileId);
    if (profile.revision !== plan.revision) throw new FillError('profile-changed', '预览之后档案已被修改，请重新预览后再填写。');
    const chosen = itemsToWrite(plan.items, new Set(overwrite));
    const { tabs } = this.deps;
    const results: FillResult[] = [];
    const byFrame = new Map<number, FillItem[]>();
    for (const i of chosen) byFrame.set(i.frameId, [...(byFrame.get(i.frameId) ?? []), i]);
    for (const [frameId, items] of byFrame) {
      const writes: FillWrite[] = items.map((i) => ({ fid: i.fid, key: i.key, kind: i.kind, miniId: i.miniId, value: i.proposed }));
      const nativeWrites = writes.filter((w) => !MINI_KINDS.has(w.kind));
      const native = nativeWrites.length ? await tabs.sendToFrame(plan.tabId, frameId, 'bg:write', { writes: nativeWrites }) : undefined;
      const miniWrites: MiniWrite[] = writes
        .filter((w) => MINI_KINDS.has(w.kind) && w.miniId)
        .map((w) => ({ id: w.miniId!, kind: w.kind, value: w.value, alternatives: synonyms(w.value) }));
      const mini: MiniWriteResult[] = miniWrites.length ? ((await tabs.mainWorld(plan.tabId, frameId, miniWrite, [miniWrites])) ?? []) : [];
      const failureOf = (i: FillItem) =>
        MINI_KINDS.has(i.kind) ? mini.find((m) => m.id === i.miniId && !m.ok) : native?.results.find((r) => r.fid === i.fid && !r.ok);
      const values = (await tabs.sendToFrame(plan.tabId, frameId, 'bg:readBack', { fids: items.map((i) => i.fid) }))?.values ?? {};
      // Some MiniUI versions redraw a control a moment after setValue: what does not read back yet is read
      // once more after a short pause (the common case waits for nothing).
      const late = items.filter((i) => !failureOf(i) && !sameValue(i, values[i.fid] ?? '', i.proposed)).map((i) => i.fid);
      if (late.length) {
        await new Promise((r) => setTimeout(r, READ_BACK_RETRY_MS));
        Object.assign(values, (await tabs.sendToFrame(plan.tabId, frameId, 'bg:readBack', { fids: late }))?.values ?? {});
      }
      for (const i of items) {
        const failure = failureOf(i);
        const readBack = values[i.fid] ?? '';
        const outcome = failure ? 'failed' : sameValue(i, readBack, i.proposed) ? 'ok' : 'mismatch';
        results.push({ id: i.id, key: i.key, label: i.label, proposed: i.proposed, readBack, outcome, note: noteText(failure?.note) });
      }
    }
    await this.deps.tabFills?.record(plan.tabId, { profileId: plan.profileId, at: this.deps.now().toISOString() });
    // The user is waiting for the results, not for the history: the log is written after the answer, and
    // anyone reading the log waits for writes still under way.
    const logged = this.log(plan, results).catch((err: unknown) => console.warn('填写记录未能保存', err));
    this.logging.add(logged);
    void logged.finally(() => this.logging.delete(logged));
    return results;
  }

  private readonly logging = new Set<Promise<void>>();

  private async log(plan: StoredPlan, results: readonly FillResult[]): Promise<void> {
    const entry: FillLogEntry = {
      at: this.deps.now().toISOString(),
      portal: plan.portal,
      pages: [...new Set(Object.values(plan.pages).filter((p): p is string => !!p))],
      fields: [...new Set(results.filter((r) => r.outcome !== 'failed').map((r) => r.key as FieldKey))],
      ok: results.filter((r) => r.outcome === 'ok').length,
      mismatched: results.filter((r) => r.outcome === 'mismatch').length,
      failed: results.filter((r) => r.outcome === 'failed').length,
    };
    const sealed = await this.deps.codec().seal(entry, `filllog:${plan.profileId}`);
    await (await this.deps.db()).add('fillLogs', { profileId: plan.profileId, at: entry.at, entry: sealed });
  }

  async logOf(profileId: string): Promise<FillLogEntry[]> {
    await Promise.all(this.logging);
    const rows = await (await this.deps.db()).getAllFromIndex('fillLogs', 'profileId', profileId);
    const out: FillLogEntry[] = [];
    for (const r of rows) out.push((await this.deps.codec().open(r.entry, `filllog:${r.profileId}`)) as FillLogEntry);
    return out.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, 50);
  }
}
