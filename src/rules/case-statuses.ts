/**
 * The portal's 办件 statuses mapped to our case statuses, as rule data (rules/shared/case-statuses.json):
 * a new status text on the 网厅 is a data change, not a code change. Validated like the other rule files.
 */
import * as z from 'zod';
import { CASE_STATUSES } from '../domain/case-status';
import caseStatusesJson from '../../rules/shared/case-statuses.json';
import { SourceRef } from './schema';

export const PortalStatusGroup = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** The group's name in domain.md (待提交, 审核中 …). */
  name: z.string().min(1),
  codes: z.array(z.number().int().nonnegative()),
  /** Texts the portal shows for this group (compared after NFKC and without spaces). */
  texts: z.array(z.string().min(1)).min(1),
  /** The case status a page showing this group offers to set; null: none (the application is not sent yet). */
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  source: SourceRef,
});

export type PortalStatusGroup = z.infer<typeof PortalStatusGroup>;

export const CaseStatusRules = z
  .strictObject({
    $schema: z.string().optional(),
    portal: z.string().min(1),
    note: z.string().min(1),
    /** Header and label texts the portal's pages use (compared after NFKC, spaces and colons removed). */
    labels: z.strictObject({
      status: z.array(z.string().min(1)).min(1),
      serial: z.array(z.string().min(1)),
      title: z.array(z.string().min(1)),
      appliedAt: z.array(z.string().min(1)),
      correction: z.array(z.string().min(1)),
      correctionDeadline: z.array(z.string().min(1)),
    }),
    groups: z.array(PortalStatusGroup).min(1),
  })
  .superRefine((rules, ctx) => {
    const seen = new Map<string, string>();
    rules.groups.forEach((g, gi) => {
      for (const key of [...g.codes.map((c) => `code ${c}`), ...g.texts.map((t) => `text ${t.normalize('NFKC').replace(/\s+/g, '')}`)]) {
        const other = seen.get(key);
        if (other) ctx.addIssue({ code: 'custom', path: ['groups', gi], message: `${key} 同时出现在 ${other} 与 ${g.id} 中` });
        seen.set(key, g.id);
      }
    });
  });
export type CaseStatusRules = z.infer<typeof CaseStatusRules>;

let parsed: CaseStatusRules | undefined;
/** The bundled mapping, validated once. */
export function bundledCaseStatusRules(): CaseStatusRules {
  parsed ??= CaseStatusRules.parse(caseStatusesJson);
  return parsed;
}
