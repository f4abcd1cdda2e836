/**
 * Applicant profiles (issue 4) on the field keys of contract.md. A profile is stored as
 * `{ id, createdAt, updatedAt, revision, body }` where the body (field values, businesses, notes) is what
 * the lock (issue 7) encrypts; id and timestamps stay readable for ordering and paging.
 */
import * as z from 'zod';
import { BUSINESS_IDS, FIELD_KEYS, type FieldKey, OPEN_ENDED } from '../domain/ids';
import { type FieldDef, FIELDS } from '../domain/fields';
import { recordOf } from '../domain/records';

const Kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The fields stored as text: all but `retired`, the one boolean field (stored as true/false). Another boolean
 * field in the table would need its place in ProfileData beside `retired`: textShape refuses it at load.
 */
export type TextFieldKey = Exclude<FieldKey, 'retired'>;
const TEXT_FIELD_KEYS = FIELD_KEYS.filter((k): k is TextFieldKey => k !== 'retired');

/** How a text field's value is stored, by its type in the field table. */
function textShape(def: FieldDef): z.ZodType<string, string | number> {
  switch (def.type) {
    case 'boolean':
      throw new Error(`field ${def.key} is boolean: ProfileData stores only retired as a boolean`);
    case 'date':
      return def.openEnded ? z.union([IsoDate, z.literal(OPEN_ENDED)]) : IsoDate;
    case 'month':
      return z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);
    case 'integer':
      // Whole numbers are kept as digit strings like every other value; a backup may hold a number.
      return z.union([z.string().regex(/^\d{1,6}$/), z.number().int().min(0).max(999_999).transform(String)]);
    default:
      return z.string().max(200);
  }
}

/**
 * Field values: strings — dates yyyy-MM-dd, month-level fields yyyy-MM (or a full date), `contractEnd` also
 * `open-ended`, whole numbers as digits — and `retired` a boolean. Absent = unknown. Adding an optional key
 * needs no IndexedDB upgrade: bodies are stored whole, and every body stored before stays valid.
 */
export const ProfileData = z.strictObject({ ...recordOf(TEXT_FIELD_KEYS, (k) => textShape(FIELDS[k]).optional()), retired: z.boolean().optional() });
export type ProfileData = z.output<typeof ProfileData>;
/** As written before parsing: a backup may hold a whole number as a number. */
export type ProfileDataInput = z.input<typeof ProfileData>;

/** Write one field: `retired` takes a boolean, every other field a string (a value of the other kind is a bug). */
export function setField(data: ProfileDataInput, key: FieldKey, value: string | boolean): void {
  if (key === 'retired' && typeof value === 'boolean') data.retired = value;
  else if (key !== 'retired' && typeof value === 'string') data[key] = value;
  else throw new TypeError(`field ${key} cannot hold a ${typeof value}`);
}

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
