/**
 * The portal's 办件 status (text and, when the page carries it, code) → our case status, by the rule data
 * (rules/shared/case-statuses.json). Zod-free: the panel's frame uses it too. A text and a code that name
 * different groups, or a text no group knows, map to nothing: a wrong status is worse than none.
 */
import type { CaseStatus } from '../domain/case-status';
import type { CaseStatusRules } from '../rules/case-statuses';
import { norm } from './portal-status';

export type PortalStatusMapping =
  | { kind: 'mapped'; group: string; groupName: string; caseStatus: CaseStatus | null }
  | { kind: 'unknown'; text: string; code?: number | undefined }
  | { kind: 'conflict'; text: string; code: number; byText: string; byCode: string };

/** A note in brackets after the status word: 待补正（剩余5个工作日）, 审核中(预审), 已办结【准予许可】. */
const NOTE = /[(（【[][^)）】\]]*[)）】\]]/g;

export function mapPortalStatus(rules: Pick<CaseStatusRules, 'groups'>, statusText: string, statusCode?: number): PortalStatusMapping {
  // The whole text first, then without its notes; never a word inside another (已补正 is not 补正).
  const groupOf = (text: string) => rules.groups.find((g) => g.texts.some((t) => norm(t) === norm(text)));
  const byText = groupOf(statusText) ?? groupOf(statusText.replace(NOTE, ''));
  const byCode = statusCode === undefined ? undefined : rules.groups.find((g) => g.codes.includes(statusCode));
  if (byText && byCode && statusCode !== undefined && byText !== byCode) return { kind: 'conflict', text: statusText, code: statusCode, byText: byText.id, byCode: byCode.id };
  const group = byText ?? byCode;
  if (!group) return { kind: 'unknown', text: statusText, code: statusCode };
  return { kind: 'mapped', group: group.id, groupName: group.name, caseStatus: group.caseStatus };
}
