/**
 * The background's routes for unit tests: every dependency an in-memory stand-in (no tab, no frame, no stored
 * plan, the queue and panel prefs forgotten), each of which a test may replace. The database is required: tests
 * use their own (a fresh name each, or a fake-indexeddb instance they inspect).
 */
import { FillService, type TabsApi } from '../../src/background/fill';
import { createRoutes, type HandlerDeps } from '../../src/background/handlers';
import { DEFAULT_PREFS, PanelHub } from '../../src/background/panel-hub';
import { RestoreSessions } from '../../src/background/restore-sessions';
import type { Routes } from '../../src/background/router';
import { CaseService } from '../../src/cases/service';
import { CaseStore } from '../../src/cases/store';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { bundledPack } from '../../src/rules/bundled';
import { plainCodec, type BodyCodec } from '../../src/security/codec';
import { LockService } from '../../src/security/lock';
import type { JzsDatabase } from '../../src/storage/db';

export const TEST_NOW = () => new Date('2026-11-23T08:00:00Z');

/** A tab API with no portal tab: nothing to send to, nothing to run. */
export const noTabs = (): TabsApi => ({
  portalFrames: async () => [],
  sendToFrame: async () => undefined,
  mainWorld: async () => undefined,
  tabTitle: async () => '',
  targetTab: async () => undefined,
});

export const noPlans = () => ({ trace: async () => undefined, set: async () => undefined, remove: async () => undefined, lastFill: async () => undefined, setLastFill: async () => undefined, markProfileChanged: async () => undefined });

interface TestDeps extends Partial<HandlerDeps> {
  db: () => Promise<JzsDatabase>;
  /** The body codec the stores use (default plain). */
  codec?: () => BodyCodec;
}

/** The routes over `db`, plus the services they were built from (for set-up and inspection). */
export function testRoutes({ db, codec = () => plainCodec, ...over }: TestDeps): { routes: Routes; deps: HandlerDeps } {
  const now = over.now ?? TEST_NOW;
  const profiles = over.profiles ?? new ProfileService(new ProfileStore(db, codec), codec);
  const tabs = over.tabs ?? noTabs();
  const deps: HandlerDeps = {
    db,
    now,
    profiles,
    tabs,
    cases: new CaseService(new CaseStore(db, codec), profiles, async () => bundledPack()),
    fill: new FillService({ profiles, db, codec, tabs, plans: noPlans(), now }),
    workQueue: { get: async () => undefined, set: async () => undefined },
    restores: new RestoreSessions(profiles, now),
    lock: new LockService(db, { get: async () => ({}), set: async () => undefined, remove: async () => undefined }, Date.now, () => undefined),
    language: async () => 'zh',
    panels: { hub: new PanelHub(() => undefined), prefs: { get: async () => DEFAULT_PREFS, set: async () => undefined }, tellTab: async () => undefined },
    ...over,
  };
  return { routes: createRoutes(deps), deps };
}
