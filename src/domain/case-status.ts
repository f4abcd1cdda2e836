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
