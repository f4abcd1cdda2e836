/**
 * Case statuses (contract.md «Cases»): the stage a clerk's case is at. Ids are stable (DOM hooks, rule data,
 * backups); names are the workbench's column texts.
 */
export const CASE_STATUSES = ['preparing', 'ready', 'submitted', 'in-review', 'needs-correction', 'done', 'returned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_NAMES: Readonly<Record<CaseStatus, { zh: string; en: string }>> = {
  preparing: { zh: '准备材料', en: 'Preparing' },
  ready: { zh: '材料齐全', en: 'Materials ready' },
  submitted: { zh: '已提交', en: 'Submitted' },
  'in-review': { zh: '审核中', en: 'In review' },
  'needs-correction': { zh: '待补正', en: 'Needs correction' },
  done: { zh: '已办结', en: 'Done' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** Finished: nothing more happens on the case (archive and purge consider only these). */
export const FINISHED_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['done', 'returned']);

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}
