/**
 * Case statuses (contract.md «Cases»): the stage a clerk's case is at. Ids are stable (DOM hooks, rule data,
 * backups); their names are catalogue texts (`cases.status.<id>` in assets/i18n/pages.*.json).
 */
export const CASE_STATUSES = ['preparing', 'ready', 'submitted', 'in-review', 'needs-correction', 'done', 'returned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Finished: nothing more happens on the case (archive and purge consider only these). */
export const FINISHED_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['done', 'returned']);

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && CASE_STATUSES.some((status) => status === value);
}

/**
 * An applicant's current case of a business: the most recently updated one that is neither finished nor
 * archived. A finished case's readiness ticks are an earlier round's (a 延续 three years ago, its contract and
 * video long stale): they never count for the materials of a new round.
 */
export function currentCaseOf<C extends { business: string; status: CaseStatus; archived: boolean; updatedAt: string }>(cases: readonly C[], business: string): C | undefined {
  let best: C | undefined;
  for (const c of cases) {
    if (c.business !== business || c.archived || FINISHED_STATUSES.has(c.status)) continue;
    if (!best || c.updatedAt > best.updatedAt) best = c;
  }
  return best;
}
