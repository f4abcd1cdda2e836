/**
 * Stable ids from ../shared/docs/contract.md. Rule data, profiles, exports and external acceptance tests use
 * them: add, never rename.
 */

export const BUSINESS_IDS = [
  'initial',
  'renewal',
  'change',
  'add-specialty',
  'cancel',
  'reissue',
  'info-change',
] as const;
export type BusinessId = (typeof BUSINESS_IDS)[number];

export const BUSINESS_NAMES: Readonly<Record<BusinessId, { zh: string; en: string }>> = {
  initial: { zh: '初始注册', en: 'Initial registration' },
  renewal: { zh: '延续注册', en: 'Renewal' },
  change: { zh: '变更注册', en: 'Change of employer' },
  'add-specialty': { zh: '增项注册', en: 'Additional specialty' },
  cancel: { zh: '注销注册', en: 'Cancellation' },
  reissue: { zh: '遗失补证或印章', en: 'Replacement of certificate or seal' },
  'info-change': { zh: '个人信息更改', en: 'Personal information change' },
};

export function isBusinessId(value: unknown): value is BusinessId {
  return typeof value === 'string' && BUSINESS_IDS.some((id) => id === value);
}

export const FIELD_KEYS = [
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'ethnicity',
  'mobile',
  'phone',
  'email',
  'address',
  'postcode',
  'education',
  'school',
  'major',
  'graduationDate',
  'qualificationCertNo',
  'qualificationIssueDate',
  'specialty',
  'registrationNo',
  'certIssueDate',
  'registrationExpiry',
  'employerName',
  'employerCreditCode',
  'examEmployerName',
  'contractStart',
  'contractEnd',
  'dismissalDate',
  'retired',
  'submissionDate',
  'socialInsuranceEmployer',
  'socialInsuranceMonths',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export function isFieldKey(value: unknown): value is FieldKey {
  return typeof value === 'string' && FIELD_KEYS.some((key) => key === value);
}

/** The stored value of an open-ended labour contract's end (`contractEnd`, contract.md); shown as 无固定期限. */
export const OPEN_ENDED = 'open-ended';
/** The fields that may hold it (contract.md). */
export const OPEN_ENDED_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['contractEnd']);

// Names, types and the rest of each field's facts: the field table, src/domain/fields.ts.

/** Profile and case ids are random UUIDs (contract.md: opaque, never the ID number): the shape a link's id must have. */
export function isOpaqueId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
