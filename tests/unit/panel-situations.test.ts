import { describe, expect, it } from 'vitest';
import type { PageReport, PanelSituations } from '../../src/messaging/protocol';
import { PanelHub } from '../../src/background/panel-hub';
import { bundledPack } from '../../src/rules/bundled';
import { checklistView } from '../../src/rules/view';
import { offeredSituations } from '../../src/ui/panel/ProfileSituations';

/** What the panel offers from the active applicant's records (src/ui/panel/ProfileSituations.tsx). */
const initial = checklistView(bundledPack(), 'initial');
const cancel = checklistView(bundledPack(), 'cancel');
const of = (ids: string[], from: 'case' | 'profile'): PanelSituations => ({ profile: { id: 'p', name: '老王' }, businesses: ['initial'], conditions: { ids, from } });
const offered = (s: PanelSituations | undefined, active: string[], view = initial) => {
  const next = offeredSituations(s, view, new Set(active));
  return next && [...next].sort();
};

describe('situations offered from the active applicant', () => {
  it('a case’s situations replace the tab’s; nothing is offered when they are already set', () => {
    expect(offered(of(['retired'], 'case'), [])).toEqual(['retired']);
    expect(offered(of(['retired'], 'case'), ['retired', 'exam-employer-differs'])).toEqual(['retired']);
    expect(offered(of([], 'case'), ['two-employers'])).toEqual([]);
    expect(offered(of(['retired'], 'case'), ['retired'])).toBeUndefined();
  });

  it('what the profile’s fields imply is added to what a person set, never taking it away', () => {
    expect(offered(of(['retired'], 'profile'), ['xuexin-unavailable'])).toEqual(['retired', 'xuexin-unavailable']);
    expect(offered(of([], 'profile'), ['xuexin-unavailable'])).toBeUndefined();
    expect(offered(of(['retired'], 'profile'), ['retired'])).toBeUndefined();
  });

  it('only the checklist’s own conditions; one of a group replaces the others of it; no applicant, nothing', () => {
    expect(offered(of(['retired', 'company-renamed'], 'case'), [])).toEqual(['retired']);
    expect(offered(of(['cancel-dismissed'], 'profile'), ['cancel-higher-qualification'], cancel)).toEqual(['cancel-dismissed']);
    expect(offered({ profile: null, businesses: [] }, [])).toBeUndefined();
    expect(offered(undefined, [])).toBeUndefined();
  });
});

describe('the business a tab shows, for the fill preview’s warnings', () => {
  const report = (doc: string, page: string | null, business?: 'initial' | 'renewal'): PageReport => ({ doc, page, ...(business ? { business } : {}), findings: [], missing: [], mapped: 0, shown: [], readsTable: false, uploads: [] });
  it('the first frame naming a business, with the tab’s situations; none before a frame names one', () => {
    const hub = new PanelHub(() => undefined);
    hub.report(3, 0, 'jinan-zwdt', report('a', 'zwdt-declaration'));
    expect(hub.business(3)).toBeUndefined();
    hub.report(3, 7, 'jinan-zwdt', report('b', 'zwdt-eform', 'renewal'));
    hub.setConditions(3, ['retired']);
    expect(hub.business(3)).toEqual({ business: 'renewal', conditions: ['retired'] });
    hub.report(3, 0, 'jinan-zwdt', report('c', 'zwdt-declaration', 'initial'));
    expect(hub.business(3)).toEqual({ business: 'initial', conditions: ['retired'] });
    expect(hub.business(4)).toBeUndefined();
  });
});
