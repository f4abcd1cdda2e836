/**
 * What every background route module shares: the dependencies `createRoutes` is given, and the few helpers
 * several domains need (the active profile, the tab a fill targets, 0.1.0's 「办理中的业务」 moved to cases).
 * Stateless across messages: everything is read from IndexedDB or storage.session, so a service worker
 * restarted between two messages answers the second one the same.
 */
import { CodedError } from '../../i18n/problem';
import type { Lang } from '../../i18n';
import type { FrameProtocolMap, PanelPrefs, PortalDocument } from '../../messaging/protocol';
import type { PortalId } from '../../portals/origins';
import type { Part } from '../../content/checker';
import type { CaseService } from '../../cases/service';
import { NotFound } from '../../profiles/errors';
import { summaryOf, type ProfileSummary } from '../../profiles/schema';
import type { ProfileService } from '../../profiles/service';
import { follow, type WorkQueue } from '../../profiles/work-queue';
import type { LockService } from '../../security/lock';
import type { JzsDatabase } from '../../storage/db';
import type { DeadlineWatch } from '../deadline-watch';
import type { FillService, TabsApi } from '../fill';
import type { ImportSessions } from '../import-sessions';
import type { PanelHub } from '../panel-hub';
import type { RestoreSessions } from '../restore-sessions';
import type { SenderInfo } from '../sender';

export interface HandlerDeps {
  db: () => Promise<JzsDatabase>;
  cases: CaseService;
  /** The documents of a portal tab's frames (办件 pages are read in the extension page, not the background). */
  portalDocuments?: ((tabId: number, frameIds?: readonly number[]) => Promise<PortalDocument[]>) | undefined;
  /** The badge and the daily reminder (absent in tests that do not need them). */
  watch?: Pick<DeadlineWatch, 'setReminder' | 'reminderOn'> | undefined;
  now: () => Date;
  profiles: ProfileService;
  fill: FillService;
  tabs: TabsApi;
  /** The clerk's work queue for 「下一位」 (storage.session: profile ids only). */
  workQueue: { get(): Promise<WorkQueue | undefined>; set(q: WorkQueue): Promise<void> };
  restores: RestoreSessions;
  /** Staged import commits (default: a fresh set per router). */
  imports?: ImportSessions;
  lock: LockService;
  /** The language the user chose (storage.local), resolved against the browser's. */
  language: () => Promise<Lang>;
  /** The on-page panel: the per-tab hub, its remembered layout per portal, messages to a tab's frames. */
  panels: PanelDeps;
}

export interface PanelDeps {
  hub: PanelHub;
  prefs: { get(portal: PortalId): Promise<PanelPrefs>; set(portal: PortalId, prefs: PanelPrefs): Promise<void> };
  tellTab<N extends keyof FrameProtocolMap>(tabId: number, name: N, data: FrameProtocolMap[N]['req'], frameId?: number): Promise<void>;
  /**
   * A part's file (the validators, the structure report: src/content/checker.ts) run in one portal frame's
   * content-script world; resolves once it has run there (or failed: a frame gone). Absent in tests that do not need it.
   */
  injectPart?(tabId: number, frameId: number, part: Part): Promise<void>;
}

/** Setting key of the profile chosen for filling (an opaque id, never the ID number). */
export const ACTIVE_PROFILE_KEY = 'activeProfileId';

/** The profile chosen for filling, and the work queue that follows it. */
export interface ActiveProfile {
  /** Make a profile active (NotFound when it is gone); the work queue moves to it when it holds it. */
  set(id: string): Promise<ProfileSummary>;
  clear(): Promise<void>;
  id(): Promise<string | null>;
  /** The active profile's summary, or null when none is chosen or it was deleted. */
  summary(): Promise<ProfileSummary | null>;
}

export interface RouteContext extends HandlerDeps {
  imports: ImportSessions;
  active: ActiveProfile;
  /** The portal tab the popup stands for (refused with a message when there is none). */
  targetTab(): Promise<number>;
  /** The tab a fill acts on: the panel frame's own tab, else the popup's portal tab. */
  fillTab(sender: SenderInfo): Promise<number>;
  /** Profiles still holding 0.1.0's 「办理中的业务」 (a restored old backup): their businesses become cases. */
  absorbProgress(): Promise<void>;
}

function activeProfile({ db, profiles, workQueue }: HandlerDeps): ActiveProfile {
  const id = async () => (await (await db()).get('settings', ACTIVE_PROFILE_KEY))?.value ?? null;
  return {
    id,
    async set(profileId) {
      const summary = summaryOf(await profiles.get(profileId));
      await (await db()).put('settings', { key: ACTIVE_PROFILE_KEY, value: profileId });
      const q = await workQueue.get();
      if (q) await workQueue.set(follow(q, profileId));
      return summary;
    },
    async clear() {
      await (await db()).delete('settings', ACTIVE_PROFILE_KEY);
    },
    async summary() {
      const current = await id();
      if (!current) return null;
      try {
        return summaryOf(await profiles.get(current));
      } catch (err) {
        if (err instanceof NotFound) return null;
        throw err;
      }
    },
  };
}

export function routeContext(deps: HandlerDeps, imports: ImportSessions): RouteContext {
  const { tabs, profiles, cases, now } = deps;
  const targetTab = async () => {
    const tabId = await tabs.targetTab();
    if (tabId === undefined) throw new CodedError('fill.errors.noPortalTab');
    return tabId;
  };
  return {
    ...deps,
    imports,
    active: activeProfile(deps),
    targetTab,
    fillTab: async (sender) => (sender.kind === 'extension' && sender.tabId !== undefined ? sender.tabId : targetTab()),
    async absorbProgress() {
      for (const p of await profiles.all()) {
        if (!p.businesses.length) continue;
        await cases.absorbProgress([{ profileId: p.id, progress: p.businesses, at: p.updatedAt }], now());
        const { id: _i, createdAt: _c, updatedAt: _u, revision, ...body } = p;
        await profiles.update(p.id, { ...body, businesses: [] }, revision, now());
      }
    },
  };
}
