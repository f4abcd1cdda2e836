/**
 * Applicant profiles (issue 4) on the field keys of contract.md. A profile is stored as
 * `{ id, createdAt, updatedAt, revision, body }` where the body (field values, businesses, notes) is what
 * the lock (issue 7) encrypts; id and timestamps stay readable for ordering and paging.
 */
import * as z from 'zod';
import { BUSINESS_IDS, DATE_FIELDS, FIELD_KEYS, type FieldKey } from '../domain/ids';
import { OPEN_ENDED, OPEN_ENDED_FIELDS } from '../validate/dates';

const Kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 yyyy-MM-dd');
/** A date, or `open-ended` where the field allows it (无固定期限劳动合同, contract.md). */
const dateShape = (k: FieldKey) => (OPEN_ENDED_FIELDS.has(k) ? IsoDate.or(z.literal(OPEN_ENDED)) : IsoDate);

const fieldShape = Object.fromEntries(
  FIELD_KEYS.map((k) => [k, k === 'retired' ? z.boolean().optional() : DATE_FIELDS.has(k) ? dateShape(k).optional() : z.string().max(200).optional()]),
) as Record<FieldKey, z.ZodOptional<z.ZodString> | z.ZodOptional<z.ZodBoolean>>;

/** Field values: strings (dates yyyy-MM-dd), `retired` a boolean. Absent = unknown. */
export type ProfileData = Partial<Record<Exclude<FieldKey, 'retired'>, string>> & { retired?: boolean };
// The shape is built from FIELD_KEYS; its static type is spelled out above.
export const ProfileData = z.strictObject(fieldShape) as unknown as z.ZodType<ProfileData, ProfileData>;

export const BusinessProgress = z.strictObject({
  business: z.enum(BUSINESS_IDS),
  status: z.enum(['preparing', 'submitted', 'done']),
  /** Situations that apply to this applicant (退休人员, 单位更名 …). */
  conditions: z.array(Kebab).default([]),
  /** Material ids the clerk has ticked as ready (the printable checklist shows them). */
  ready: z.array(Kebab).default([]),
  updatedAt: z.iso.datetime(),
});
export type BusinessProgress = z.infer<typeof BusinessProgress>;

export const ProfileBody = z.strictObject({
  data: ProfileData,
  businesses: z.array(BusinessProgress).default([]),
  notes: z.string().max(10_000).default(''),
});
export type ProfileBody = z.infer<typeof ProfileBody>;

export const ProfileMeta = z.strictObject({
  /** Opaque random UUID: never the ID number, so ID numbers never appear in attributes or URLs. */
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** +1 on every save: a save made from an older revision is refused instead of overwriting. */
  revision: z.number().int().positive(),
});

export const Profile = z.strictObject({ ...ProfileMeta.shape, ...ProfileBody.shape });
export type Profile = z.infer<typeof Profile>;

/** What a user edits: the body. */
export type ProfileInput = z.input<typeof ProfileBody>;

/** A one-line view for lists and search results. */
export interface ProfileSummary {
  id: string;
  name: string;
  idNumber: string;
  employer: string;
  mobile: string;
  updatedAt: string;
  revision: number;
}

export function summaryOf(p: Profile): ProfileSummary {
  return {
    id: p.id,
    name: p.data.name ?? '',
    idNumber: p.data.idNumber ?? '',
    employer: p.data.employerName ?? '',
    mobile: p.data.mobile ?? '',
    updatedAt: p.updatedAt,
    revision: p.revision,
  };
}
