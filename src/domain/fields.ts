/**
 * The field table (issue 16 item 1): every profile field's facts in one place — names in both languages (the
 * Chinese one is the contract's and the export column header), the value type, the vocabulary of a choice,
 * the editor group and the validator that applies. Import, the editor, export, page hints and the fill read
 * it; how values are parsed, shown and compared is derived from it in src/validate/field.ts. What the portals
 * call a field (labels, element ids) is portal data and lives in the rule pack (rules/shared/fields.json),
 * whose `labels` are also the spreadsheet import's header aliases; headers only rosters use are `importAliases` here.
 */
import { FIELD_KEYS, type FieldKey, OPEN_ENDED_FIELDS } from './ids';
import type { VocabularyId } from './vocabularies';
import { recordOf } from './records';

export type FieldType =
  | 'text'
  | 'date'
  | 'month'
  | 'id-number'
  | 'mobile'
  | 'phone'
  | 'email'
  | 'postcode'
  | 'credit-code'
  | 'choice'
  | 'boolean'
  | 'integer';

/** Which validator checks a value (src/validate/field.ts runs it). */
export type ValidatorId = FieldType | 'name' | 'registration-no' | 'qualification-cert-no' | 'employer-credit-code';

export const EDITOR_GROUPS = ['basic', 'contact', 'education', 'qualification', 'employment'] as const;
export type EditorGroup = (typeof EDITOR_GROUPS)[number];

export interface FieldDef {
  key: FieldKey;
  name: { zh: string; en: string };
  type: FieldType;
  vocabulary?: VocabularyId;
  group: EditorGroup;
  validate: ValidatorId;
  /**
   * A value its validator refuses is not kept: the editor will not save it and an import rejects the row. Other
   * fields keep a doubtful value as written, with a warning (contract.md: the clerk's text is not "corrected").
   */
  strict?: true;
  /** May hold OPEN_ENDED instead of a date (无固定期限 labour contract): the fields of ids.ts OPEN_ENDED_FIELDS. */
  openEnded?: true;
  /** `integer` fields: the allowed range. */
  range?: { min: number; max: number };
  /**
   * Column headers only rosters use (no portal labels a field so, and the portal pages must not read them): the
   * spreadsheet import reads them besides the rule pack's labels (src/profiles/io/mapping.ts). An alias two fields
   * share (专业: the registered specialty or the major) maps a column only when its values tell which.
   */
  importAliases?: readonly string[];
}

type Extra = Partial<Pick<FieldDef, 'vocabulary' | 'validate' | 'strict' | 'range' | 'importAliases'>>;
const f = (zh: string, en: string, type: FieldType, group: EditorGroup, extra: Extra = {}) =>
  ({ name: { zh, en }, type, group, validate: type, ...extra }) as const;
// Dates and ID numbers must be right to be useful (every date rule reads them); the name identifies the row.
const STRICT = { strict: true } as const;

const TABLE: { [K in FieldKey]: Omit<FieldDef, 'key' | 'openEnded'> } = {
  name: f('姓名', 'Name', 'text', 'basic', { validate: 'name', ...STRICT }),
  idNumber: f('身份证号', 'ID number', 'id-number', 'basic', STRICT),
  gender: f('性别', 'Gender', 'choice', 'basic', { vocabulary: 'gender' }),
  birthDate: f('出生日期', 'Date of birth', 'date', 'basic', STRICT),
  ethnicity: f('民族', 'Ethnicity', 'choice', 'basic', { vocabulary: 'ethnicity' }),
  mobile: f('手机', 'Mobile', 'mobile', 'contact'),
  phone: f('联系电话', 'Telephone', 'phone', 'contact'),
  email: f('电子邮箱', 'Email', 'email', 'contact'),
  address: f('通讯地址', 'Postal address', 'text', 'contact'),
  postcode: f('邮政编码', 'Postcode', 'postcode', 'contact'),
  education: f('学历', 'Education', 'choice', 'education', { vocabulary: 'education' }),
  school: f('毕业院校', 'School', 'text', 'education'),
  major: f('所学专业', 'Major', 'text', 'education', { importAliases: ['专业'] }),
  graduationDate: f('毕业时间', 'Graduation date', 'month', 'education', STRICT),
  qualificationCertNo: f('资格证书编号/管理号', 'Qualification certificate no.', 'text', 'qualification', { validate: 'qualification-cert-no' }),
  qualificationIssueDate: f('资格证书签发日期', 'Qualification issue date', 'date', 'qualification', STRICT),
  specialty: f('专业类别', 'Specialty', 'choice', 'qualification', { vocabulary: 'specialty', importAliases: ['专业'] }),
  registrationNo: f('注册编号', 'Registration no.', 'text', 'qualification', { validate: 'registration-no' }),
  certIssueDate: f('注册证书签发日期', 'Registration certificate issue date', 'date', 'qualification', STRICT),
  registrationExpiry: f('注册有效期至', 'Registration valid until', 'date', 'qualification', STRICT),
  employerName: f('聘用单位', 'Employer', 'text', 'employment'),
  employerCreditCode: f('统一社会信用代码', 'Employer credit code', 'credit-code', 'employment', { validate: 'employer-credit-code' }),
  examEmployerName: f('考试报名时单位', 'Employer at exam registration', 'text', 'employment'),
  contractStart: f('劳动合同开始日期', 'Labour contract start', 'date', 'employment', STRICT),
  contractEnd: f('劳动合同截止日期', 'Labour contract end', 'date', 'employment', STRICT),
  dismissalDate: f('解聘日期', 'Dismissal date', 'date', 'employment', STRICT),
  retired: f('是否退休', 'Retired', 'boolean', 'basic', { vocabulary: 'yes-no' }),
  submissionDate: f('申请提交日期', 'Submission date', 'date', 'employment', STRICT),
  socialInsuranceEmployer: f('社保缴纳单位', 'Social insurance paid by', 'text', 'employment'),
  // Whole months; 600 (50 years) bounds a working life.
  socialInsuranceMonths: f('社保连续缴纳月数', 'Months of continuous social insurance', 'integer', 'employment', { ...STRICT, range: { min: 0, max: 600 } }),
};

export const FIELDS: Readonly<Record<FieldKey, FieldDef>> = recordOf(FIELD_KEYS, (key) => ({
  key,
  ...TABLE[key],
  ...(OPEN_ENDED_FIELDS.has(key) ? { openEnded: true as const } : {}),
}));

/** Chinese names are the contract's; they are also the export column headers. */
export const FIELD_NAMES: Readonly<Record<FieldKey, { zh: string; en: string }>> = recordOf(FIELD_KEYS, (key) => FIELDS[key].name);

/** Fields holding calendar values: yyyy-MM-dd dates, and month-level ones (yyyy-MM or yyyy-MM-dd). */
export const DATE_FIELDS: ReadonlySet<FieldKey> = new Set(FIELD_KEYS.filter((k) => FIELDS[k].type === 'date' || FIELDS[k].type === 'month'));

/** The editor's groups, each with its fields in FIELD_KEYS order. */
export const FIELDS_BY_GROUP: ReadonlyArray<[EditorGroup, FieldKey[]]> = EDITOR_GROUPS.map((g) => [g, FIELD_KEYS.filter((k) => FIELDS[k].group === g)]);

/** Month-level fields (毕业时间): they may hold `yyyy-MM` (contract.md). */
export const MONTH_FIELDS: ReadonlySet<FieldKey> = new Set(FIELD_KEYS.filter((k) => FIELDS[k].type === 'month'));
