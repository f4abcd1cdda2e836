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
/** Code-unit order: ISO dates, ids and business ids sort right by it, ~20× faster than localeCompare. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const COMPARE: Record<CaseSortKey, (a: CaseRow, b: CaseRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  employer: (a, b) => collator.compare(a.employer, b.employer),
  business: (a, b) => byCode(a.business, b.business),
  status: (a, b) => statusRank(a.status) - statusRank(b.status),
  materials: (a, b) => ratio(a.materials) - ratio(b.materials),
  // Not submitted yet sorts after every date.
  submittedOn: (a, b) => byCode(a.submittedOn ?? '9999', b.submittedOn ?? '9999'),
  updatedAt: (a, b) => byCode(a.updatedAt, b.updatedAt),
};

export function matches(row: CaseRow, f: CaseFilter): boolean {
  if (!f.includeArchived && row.archived) return false;
  if (f.statuses?.length && !f.statuses.includes(row.status)) return false;
  if (f.businesses?.length && !f.businesses.includes(row.business)) return false;
  if (f.employer !== undefined && row.employer !== f.employer) return false;
  if (f.text && !row.name.includes(f.text.trim())) return false;
  return true;
}

/** All rows in a sort order (ties: newest update first, then id, so pages never overlap). */
export function sortRows(rows: readonly CaseRow[], sort: CaseSortKey, dir: 'asc' | 'desc'): CaseRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = COMPARE[sort];
  return [...rows].sort((a, b) => sign * cmp(a, b) || byCode(b.updatedAt, a.updatedAt) || byCode(a.id, b.id));
}

/** Every employer among the cases (for the filter), sorted. */
export function employersOf(rows: readonly CaseRow[]): string[] {
  return [...new Set(rows.map((r) => r.employer))].sort(collator.compare);
}

/**
 * One page of the rows a filter keeps, from rows already in the query's order: one pass, no sort.
 * (`SortedRows` avoids even the pass for the filters the table offers.)
 */
export function pageOf(sorted: readonly CaseRow[], q: CaseQuery, employers: string[]): CasePage {
  const rows: CaseRow[] = [];
  let total = 0;
  for (const r of sorted) {
    if (!matches(r, q)) continue;
    if (total >= q.offset && rows.length < q.limit) rows.push(r);
    total++;
  }
  return { total, rows, employers };
}

/** A list of rows that holds every row some filter keeps, and whether it holds only those. */
interface Candidates {
  rows: readonly CaseRow[];
  exact: boolean;
}

/**
 * The rows in one sort order, with the sublists (in the same order) the table's filters pick from — archived
 * or not, and one status, business or employer — each made by one pass the first time it is asked for. A
 * filter on one of these then costs the page it returns, not a pass over 10,000 cases; combined filters and
 * the name filter pass over the shortest sublist only. Kept by the background until a case or name changes.
 */
export class SortedRows {
  private readonly lists = new Map<string, readonly CaseRow[]>();

  constructor(readonly sorted: readonly CaseRow[]) {}

  private list(key: string, keep: (r: CaseRow) => boolean): readonly CaseRow[] {
    let rows = this.lists.get(key);
    if (!rows) {
      rows = this.sorted.filter(keep);
      this.lists.set(key, rows);
    }
    return rows;
  }

  /** The shortest sublist holding every row `f` keeps (a filter on several statuses or businesses: not split). */
  candidates(f: CaseFilter): Candidates {
    const archived = f.includeArchived ?? false;
    const shown = (r: CaseRow) => archived || !r.archived;
    const base = archived ? this.sorted : this.list('live', shown);
    const picks: Array<readonly CaseRow[]> = [];
    let conditions = f.text?.trim() ? 1 : 0;
    const [status] = f.statuses ?? [];
    if (f.statuses?.length) conditions++;
    if (status && f.statuses?.length === 1) picks.push(this.list(`${archived}:s:${status}`, (r) => shown(r) && r.status === status));
    const [business] = f.businesses ?? [];
    if (f.businesses?.length) conditions++;
    if (business && f.businesses?.length === 1) picks.push(this.list(`${archived}:b:${business}`, (r) => shown(r) && r.business === business));
    const employer = f.employer;
    if (employer !== undefined) {
      conditions++;
      picks.push(this.list(`${archived}:e:${employer}`, (r) => shown(r) && r.employer === employer));
    }
    const shortest = picks.reduce((a, b) => (b.length < a.length ? b : a), base);
    // Exact when the list was made by the filter's only condition (or there is none).
    return { rows: shortest, exact: conditions === 0 || (conditions === 1 && picks.length === 1) };
  }

  page(q: CaseQuery, employers: string[]): CasePage {
    const { rows, exact } = this.candidates(q);
    if (exact) return { total: rows.length, rows: rows.slice(q.offset, q.offset + q.limit), employers };
    return pageOf(rows, q, employers);
  }
}

/** Filter, sort and cut one page. */
export function queryRows(rows: readonly CaseRow[], q: CaseQuery): CasePage {
  return new SortedRows(sortRows(rows, q.sort, q.dir)).page(q, employersOf(rows));
}
