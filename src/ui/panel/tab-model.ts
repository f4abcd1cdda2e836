/**
 * The tab as the panel shows it (pure): which frame's page leads, what is given, what our checks found in
 * which frame, and what to do on this kind of page.
 */
import type { FrameReport, ReportedFinding, ReportedUpload, TabView } from '../../messaging/protocol';
import { type ChecklistView, givenMaterials, type ItemView, matchMaterial } from '../../rules/status';

/**
 * The frame whose page the panel is about: the first (top first) that names a business; else the first that
 * has something of its own (fields, a material table, a 办件) — the provincial menu page's content frame —
 * else the top page.
 */
export function primaryFrame(view: TabView | undefined): FrameReport | undefined {
  const frames = (view?.frames.filter((f) => f.page) ?? []).sort((a, b) => a.frameId - b.frameId);
  const substantial = (f: FrameReport) => f.mapped > 0 || f.readsTable || f.cases !== undefined;
  return frames.find((f) => f.business) ?? frames.find(substantial) ?? frames[0];
}

/** Materials given on the tab's pages (a file shown AND no blocking upload error of ours), all frames. */
export function givenOnTab(view: TabView): Set<string> {
  return givenMaterials(
    view.frames.flatMap((f) => f.shown),
    view.frames.flatMap((f) => f.uploads),
  );
}

/** Our upload checks' findings per material (errors and warnings), all frames, for the checklist items. */
export function uploadNotes(view: TabView): Map<string, ReportedUpload[]> {
  const out = new Map<string, ReportedUpload[]>();
  for (const u of view.frames.flatMap((f) => f.uploads)) {
    if (u.severity === 'ok') continue;
    out.set(u.material, [...(out.get(u.material) ?? []), u]);
  }
  return out;
}

export interface FrameFindings {
  frame: FrameReport;
  findings: ReportedFinding[];
  missing: string[];
}

/** Validation per frame, frames with something to say only; errors first. */
export function findingsByFrame(view: TabView): FrameFindings[] {
  return view.frames
    .filter((f) => f.page && (f.findings.length > 0 || f.missing.length > 0))
    .map((frame) => ({
      frame,
      findings: [...frame.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
      missing: frame.missing,
    }));
}

/** Frames whose page can show 办件 (their definition's `cases`: the frame reports a hash of its text). */
export const caseFrames = (view: TabView | undefined): FrameReport[] => view?.frames.filter((f) => f.page && f.cases !== undefined) ?? [];

/** Is there anything to fill on the tab (a mapped field in any frame)? */
export const fillable = (view: TabView) => view.frames.some((f) => f.page && f.mapped > 0);

/**
 * Checklist items a text names (a 补正意见 naming 解聘证明), by name or alias, in the order the text names
 * them; a name inside a longer named one (证明 in 解聘证明) does not count on its own.
 */
export function materialsNamedIn(text: string, items: readonly ItemView[]): ItemView[] {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s()（）【】《》「」]/g, '');
  const body = norm(text);
  const hits: Array<{ item: ItemView; at: number; end: number }> = [];
  for (const item of items.flatMap((i) => [i, ...i.subItems])) {
    for (const name of [item.name, ...item.aliases].map(norm)) {
      const at = name.length >= 2 ? body.indexOf(name) : -1;
      if (at >= 0) hits.push({ item, at, end: at + name.length });
    }
  }
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.at <= h.at && o.end >= h.end && o.end - o.at > h.end - h.at));
  kept.sort((a, b) => a.at - b.at);
  return [...new Set(kept.map((h) => h.item))];
}

/** The checklist with the named materials first (待补正: what the reviewer asked for leads). */
export function withFirst(view: ChecklistView, first: readonly ItemView[]): ChecklistView {
  if (first.length === 0) return view;
  const top: ItemView[] = [];
  for (const named of first) {
    const item = view.items.find((i) => i.id === named.id || i.subItems.some((s) => s.id === named.id));
    if (item && !top.includes(item)) top.push(item);
  }
  return { ...view, items: [...top, ...view.items.filter((i) => !top.includes(i))] };
}

export interface ListDifference {
  /** On the portal's list, not matched to any of ours. */
  portalOnly: string[];
  /** Ours (needed under the ticked situations), not on the portal's list. */
  oursOnly: ItemView[];
}

/** 申报须知: the portal's own material list against our checklist. */
export function compareLists(portal: readonly string[], view: ChecklistView, needed: (item: ItemView) => boolean): ListDifference {
  const matched = new Set<string>();
  const portalOnly: string[] = [];
  for (const name of portal) {
    const item = matchMaterial(name, view.items);
    if (item) matched.add(item.id);
    else portalOnly.push(name);
  }
  const covered = (i: ItemView) => matched.has(i.id) || i.subItems.some((s) => matched.has(s.id));
  return { portalOnly, oursOnly: view.items.filter((i) => needed(i) && !covered(i)) };
}
