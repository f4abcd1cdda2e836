/**
 * Situations a profile already states, for a new case and a printed checklist (not the content script: its
 * size is budgeted, and it never sees a profile).
 */
import { plusYears } from '../domain/calendar';
import type { FieldKey } from '../domain/ids';
import { examEmployerDiffers } from '../validate/checks';

export interface ImpliedData {
  retired?: boolean | undefined;
  examEmployerName?: string | undefined;
  employerName?: string | undefined;
  qualificationIssueDate?: string | undefined;
  submissionDate?: string | undefined;
}

interface SheetRules {
  conditions: ReadonlyArray<{ id: string; field?: FieldKey | undefined }>;
  checks: ReadonlyArray<{ kind: string; params: Readonly<Record<string, number>> }>;
}

/**
 * 逾期申请初始注册 (153号令 第十一条): the submission day (the profile's planned one, else Jinan's today) is past
 * the qualification's issue date + the years the business's continuing-education check states — the same
 * comparison as that check (src/validate/checks.ts), so the checklist asks for the proof exactly when the page
 * warns. No such check in the business (or no date): not implied.
 */
function lateInitial(rules: SheetRules, data: ImpliedData, today: string): boolean {
  const years = rules.checks.find((c) => c.kind === 'qualification-continuing-education')?.params.years;
  const issued = data.qualificationIssueDate;
  if (years === undefined || !issued || !/^\d{4}-\d{2}-\d{2}$/.test(issued)) return false;
  return (data.submissionDate || today) > plusYears(issued, years);
}

/**
 * The situations a profile's own fields already state (conditions.json `field`): 退休人员 from 是否退休, 考试报名时单位
 * differing from the employer, a qualification issued longer ago than the initial registration's term. A new case
 * starts with them set, so its checklist asks for the 退休证, the 解聘证明 or the 继续教育证明 instead of counting
 * as complete without them; the clerk can still clear them. `today` is the Asia/Shanghai date.
 */
export function impliedConditions(rules: SheetRules, data: ImpliedData, today: string): string[] {
  return rules.conditions
    .filter(
      (c) =>
        (c.field === 'retired' && data.retired === true) ||
        (c.field === 'examEmployerName' && examEmployerDiffers(data)) ||
        (c.field === 'qualificationIssueDate' && lateInitial(rules, data, today)),
    )
    .map((c) => c.id);
}
