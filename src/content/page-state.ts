/**
 * What a portal frame knows about its page, as a pure reducer: detection, the background's rules, what the
 * page's tables show, what our checks found. The shell (main.ts) feeds it events and sends `reportOf` to the
 * background for the tab's panel; nothing here touches the DOM or the extension APIs.
 */
import type { PageReport, ContentPageRules, ReportedUpload } from '../messaging/protocol';
import type { Detection } from '../portals/detect';
import type { MaterialRow } from '../portals/material-table';
import { matchMaterial } from '../rules/status';
import type { ValidationSummary } from './validation';

export interface PageState {
  detection?: Detection | undefined;
  rules?: ContentPageRules | undefined;
  conditions: ReadonlySet<string>;
  /** The page's material tables, as read. */
  rows: readonly MaterialRow[];
  summary?: ValidationSummary | undefined;
  uploads: readonly ReportedUpload[];
  /** A page that can show 办件: a hash of its text as last read (the panel reads the 办件 when it changes). */
  cases?: number | undefined;
}

export type PageEvent =
  | { type: 'detected'; detection: Detection | undefined }
  | { type: 'rules'; rules: ContentPageRules }
  | { type: 'page'; rows: readonly MaterialRow[]; cases?: number | undefined }
  | { type: 'summary'; summary: ValidationSummary }
  | { type: 'upload'; upload: ReportedUpload }
  | { type: 'conditions'; conditions: readonly string[] };

export const initialState: PageState = { conditions: new Set(), rows: [], uploads: [] };

export const sameDetection = (a: Detection | undefined, b: Detection | undefined) =>
  a?.page === b?.page && a?.business === b?.business && a?.portal === b?.portal && a?.level === b?.level;

export function reduce(state: PageState, event: PageEvent): PageState {
  switch (event.type) {
    case 'detected':
      if (sameDetection(state.detection, event.detection)) return state;
      // Another page or business: what we knew of the old one no longer holds (the situations stay: the tab's).
      return { ...initialState, conditions: state.conditions, detection: event.detection };
    case 'rules':
      return event.rules.page.id === state.detection?.page ? { ...state, rules: event.rules } : state;
    case 'page':
      return { ...state, rows: event.rows, cases: event.cases };
    case 'summary':
      return { ...state, summary: event.summary };
    case 'upload':
      return { ...state, uploads: [...state.uploads.filter((u) => u.material !== event.upload.material), event.upload] };
    case 'conditions':
      return { ...state, conditions: new Set(event.conditions) };
  }
}

/** Material ids the page's tables show with a file. */
export function shownMaterials(state: PageState): string[] {
  const items = state.rules?.checklist?.items;
  if (!items) return [];
  const ids = state.rows.filter((r) => r.hasFile).map((r) => matchMaterial(r.name, items)?.id);
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** The facts the panel gets about this frame (never a profile value: there is none in a content script). */
export function reportOf(state: PageState, doc: string): PageReport {
  const d = state.detection;
  const s = state.summary;
  const report: PageReport = {
    doc,
    page: d?.page ?? null,
    business: d?.business,
    level: d?.level,
    findings: (s?.items ?? []).map(({ key, name, severity, message }) => ({ key, name, severity, message })),
    missing: (s?.missing ?? []).map((m) => m.name),
    mapped: s?.mapped ?? 0,
    shown: shownMaterials(state),
    readsTable: state.rows.length > 0,
    uploads: [...state.uploads],
  };
  if (state.cases !== undefined) report.cases = state.cases;
  if (s?.unchecked) report.unchecked = true;
  if (state.rows.length > 0) report.portalMaterials = state.rows.map((r) => r.name).slice(0, 200);
  if (state.rows.some((r) => r.paged)) report.pagedTable = true;
  if (!d) {
    delete report.business;
    delete report.level;
  }
  return report;
}
