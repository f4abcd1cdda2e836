/**
 * Situations a profile already states, for a new case and a printed checklist (not the content script: its
 * size is budgeted, and it never sees a profile).
 */
import type { FieldKey } from '../domain/ids';
import { examEmployerDiffers } from '../validate/checks';

/**
 * The situations a profile's own fields already state (conditions.json `field`): 退休人员 from 是否退休, 考试报名时单位
 * differing from the employer. A new case starts with them set, so its checklist asks for the 退休证 or the 解聘证明
 * instead of counting as complete without them; the clerk can still clear them.
 */
export function impliedConditions(conditions: ReadonlyArray<{ id: string; field?: FieldKey | undefined }>, data: { retired?: boolean | undefined; examEmployerName?: string | undefined; employerName?: string | undefined }): string[] {
  return conditions
    .filter((c) => (c.field === 'retired' && data.retired === true) || (c.field === 'examEmployerName' && examEmployerDiffers(data)))
    .map((c) => c.id);
}
