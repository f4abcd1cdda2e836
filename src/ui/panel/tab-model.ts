/**
 * The tab as the panel shows it (pure): which frame's page leads, what is given, what our checks found in
 * which frame, and what to do on this kind of page.
 */
import type { FrameReport, ReportedFinding, ReportedUpload, TabView } from '../../messaging/protocol';
import { type ChecklistView, givenMaterials, type ItemView, JOIN, KIND, matchMaterial, PARTY } from '../../rules/status';

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

/**
 * Materials a paged material table (第1页/共3页) does not list on the page shown, in any frame: whether they
 * are given is unread, so the panel must not call them missing with confidence. Empty when no table is paged.
 */
export function unlistedOnPagedTable(view: TabView, items: readonly ItemView[]): Set<string> {
  if (!view.frames.some((f) => f.pagedTable)) return new Set();
  const listed = new Set(view.frames.flatMap((f) => f.portalMaterials ?? []).map((name) => matchMaterial(name, items)?.id));
  return new Set(items.flatMap((i) => [i, ...i.subItems]).flatMap((i) => (listed.has(i.id) ? [] : [i.id])));
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
    .filter((f) => f.page && (f.findings.length > 0 || f.missing.length > 0 || f.unchecked))
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
 * Where the words of a text start and end (Intl.Segmenter's dictionary for Chinese: 「请补充身份证明」 is
 * 请/补充/身份/证明, so 身份证 is not a word of it). Without the segmenter every position is a boundary.
 */
function wordEdges(text: string): (i: number) => boolean {
  if (typeof Intl.Segmenter !== 'function') return () => true;
  const edges = new Set([text.length]);
  for (const s of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) edges.add(s.index);
  return (i) => edges.has(i);
}

/** A word that names a kind of document: Chinese compounds end in what they are (证明, 声明, 证书, 表). */
const KIND_WORD = new RegExp(`(?:${KIND.source})$`);

/**
 * Whether the words after a name, up to a clause's end or a joining word (3 at most), make another document
 * of it: 「劳动合同|解除|证明」, 「注册证书|遗失|声明」 — not 「身份证|复印|件」 nor 「申请表|中|单位」.
 */
function anotherDocumentAfter(text: string, end: number, isEdge: (i: number) => boolean): boolean {
  for (let i = end + 1, words = 0; i <= text.length && words < 3; i++) {
    if (!isEdge(i)) continue;
    const word = text.slice(end, i);
    if (/[\p{P}\p{S}]/u.test(word) || JOIN.test(word)) return false;
    if (KIND_WORD.test(word)) return true;
    [end, words] = [i, words + 1];
  }
  return false;
}

/**
 * Checklist items a text names (a 补正意见 naming 解聘证明), by name or alias, in the order the text names
 * them. A name counts only as whole words of the text (身份证 is not named by 「身份证明」), not as part of
 * another document (「劳动合同解除证明」, 「手持身份证视频」: a kind of document in the words after it) nor as
 * another party's (「法定代表人身份证」) — as a material table's row is read (matchMaterial); a name inside a
 * longer named one (证明 in 解聘证明) does not count on its own.
 */
export function materialsNamedIn(text: string, items: readonly ItemView[]): ItemView[] {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s()（）【】《》「」]/g, '');
  const body = norm(text);
  const isEdge = wordEdges(body);
  // Every place a name stands as whole words; `named` when it is not someone else's nor another document.
  const found: Array<{ item: ItemView; at: number; end: number; named: boolean }> = [];
  for (const item of items.flatMap((i) => [i, ...i.subItems])) {
    for (const name of [item.name, ...item.aliases].map(norm)) {
      for (let at = name.length >= 2 ? body.indexOf(name) : -1; at >= 0; at = body.indexOf(name, at + 1)) {
        const end = at + name.length;
        if (isEdge(at) && isEdge(end)) found.push({ item, at, end, named: !PARTY.test(body.slice(0, at)) && !anotherDocumentAfter(body, end, isEdge) });
      }
    }
  }
  // A name inside a longer one found (注册申请表 in 经办人二级建造师注册申请表, 证明 in 解聘证明) is that one's part.
  const inLonger = (h: (typeof found)[number]) => found.some((o) => o.at <= h.at && o.end >= h.end && o.end - o.at > h.end - h.at);
  const kept = found.filter((h) => h.named && !inLonger(h)).sort((a, b) => a.at - b.at);
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
