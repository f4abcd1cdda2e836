/**
 * Cases (issue 15): one business an applicant is going through, at one stage. A case is stored as
 * `{ id, profileId, createdAt, updatedAt, revision, body }` like a profile: the body (business, status, ticks,
 * dates, notes, 补正意见) is what the lock encrypts; the ids and timestamps stay readable for ordering.
 */
import * as z from 'zod';
import { CASE_STATUSES } from '../domain/case-status';
import { BUSINESS_IDS } from '../domain/ids';

const Kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const IsoDate = z.iso.date();

export const CaseCorrection = z.strictObject({
  /** 补正意见 as the portal showed it. */
  text: z.string().max(5000),
  /** 补正期限 when the portal states one. */
  deadline: IsoDate.optional(),
  recordedAt: z.iso.datetime(),
});

export const PortalRef = z.strictObject({
  serial: z.string().max(40).optional(),
  ref: z.string().max(80).optional(),
  statusText: z.string().max(40),
  statusCode: z.number().int().optional(),
  seenAt: z.iso.datetime(),
});

export const CaseBody = z.strictObject({
  business: z.enum(BUSINESS_IDS),
  status: z.enum(CASE_STATUSES),
  /** When the status last changed (the 待补正 deadline counts from it when the portal states none). */
  statusSince: z.iso.datetime(),
  /** Situations that apply (退休人员, 单位更名 …), as on the checklist. */
  conditions: z.array(Kebab).default([]),
  /** Material ids ticked as ready. */
  ready: z.array(Kebab).default([]),
  /** Day the application was submitted on the portal. */
  submittedOn: IsoDate.optional(),
  notes: z.string().max(10_000).default(''),
  correction: CaseCorrection.optional(),
  portal: PortalRef.optional(),
  /** Hidden from the table; kept until purged. */
  archived: z.boolean().default(false),
});
export type CaseBody = z.infer<typeof CaseBody>;
export type CaseInput = z.input<typeof CaseBody>;

export const CaseMeta = z.strictObject({
  id: z.uuid(),
  profileId: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  revision: z.number().int().positive(),
});

export const Case = z.strictObject({ ...CaseMeta.shape, ...CaseBody.shape });
export type Case = z.infer<typeof Case>;

