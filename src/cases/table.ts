/**
 * The cases table's rows and its filtering, sorting and paging: pure, so the background answers a page of
 * 10,000 cases without the UI ever holding them all, and tests check the order without a browser.
 */
import { CASE_STATUSES, type CaseStatus } from '../domain/case-status';
import type { BusinessId } from '../domain/ids';

export interface CaseRow {
  id: string;
  profileId: string;
  revision: number;
  name: string;
  employer: string;
  business: BusinessId;
  status: CaseStatus;
  /** Materials ready / needed, from the rules under the case's conditions. */
  materials: { done: number; needed: number };
  submittedOn?: string | undefined;
  updatedAt: string;
  notes: string;
  archived: boolean;
  correction?: string | undefined;
}

export const CASE_SORT_KEYS = ['name', 'employer', 'business', 'status', 'materials', 'submittedOn', 'updatedAt'] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];

export interface CaseFilter {
  statuses?: CaseStatus[] | undefined;
  businesses?: BusinessId[] | undefined;
  /** Exact employer name ('' = cases whose applicant has none). */
  employer?: string | undefined;
  /** Part of the applicant's name. */
  text?: string | undefined;
  includeArchived?: boolean | undefined;
}

export interface CaseQuery extends CaseFilter {
  sort: CaseSortKey;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface CasePage {
  total: number;
  rows: CaseRow[];
  /** Every employer among the cases (for the filter), sorted. */
  employers: string[];
}

const collator = new Intl.Collator('zh-CN');
const statusRank = (s: CaseStatus) => CASE_STATUSES.indexOf(s);
const ratio = (m: CaseRow['materials']) => (m.needed ? m.done / m.needed : 1);

const COMPARE: Record<CaseSortKey, (a: CaseRow, b: CaseRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  employer: (a, b) => collator.compare(a.employer, b.employer),
  business: (a, b) => a.business.localeCompare(b.business),
  status: (a, b) => statusRank(a.status) - statusRank(b.status),
  materials: (a, b) => ratio(a.materials) - ratio(b.materials),
  // Not submitted yet sorts after every date.
  submittedOn: (a, b) => (a.submittedOn ?? '9999').localeCompare(b.submittedOn ?? '9999'),
  updatedAt: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
};

export function matches(row: CaseRow, f: CaseFilter): boolean {
  if (!f.includeArchived && row.archived) return false;
  if (f.statuses?.length && !f.statuses.includes(row.status)) return false;
  if (f.businesses?.length && !f.businesses.includes(row.business)) return false;
  if (f.employer !== undefined && row.employer !== f.employer) return false;
  if (f.text && !row.name.includes(f.text.trim())) return false;
  return true;
}

/** Filter, sort (ties: newest update first, then id, so pages never overlap) and cut one page. */
export function queryRows(rows: readonly CaseRow[], q: CaseQuery): CasePage {
  const hit = rows.filter((r) => matches(r, q));
  const sign = q.dir === 'asc' ? 1 : -1;
  const cmp = COMPARE[q.sort];
  hit.sort((a, b) => sign * cmp(a, b) || b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  const employers = [...new Set(rows.map((r) => r.employer))].sort(collator.compare);
  return { total: hit.length, rows: hit.slice(q.offset, q.offset + q.limit), employers };
}
