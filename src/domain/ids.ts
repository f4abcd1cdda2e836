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
  return typeof value === 'string' && (BUSINESS_IDS as readonly string[]).includes(value);
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
  return typeof value === 'string' && (FIELD_KEYS as readonly string[]).includes(value);
}

/** Chinese names are the contract's; they are also the export column headers. */
export const FIELD_NAMES: Readonly<Record<FieldKey, { zh: string; en: string }>> = {
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  gender: { zh: '性别', en: 'Gender' },
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  mobile: { zh: '手机', en: 'Mobile' },
  phone: { zh: '联系电话', en: 'Telephone' },
  email: { zh: '电子邮箱', en: 'Email' },
  address: { zh: '通讯地址', en: 'Postal address' },
  postcode: { zh: '邮政编码', en: 'Postcode' },
  education: { zh: '学历', en: 'Education' },
  school: { zh: '毕业院校', en: 'School' },
  major: { zh: '所学专业', en: 'Major' },
  graduationDate: { zh: '毕业时间', en: 'Graduation date' },
  qualificationCertNo: { zh: '资格证书编号/管理号', en: 'Qualification certificate no.' },
  qualificationIssueDate: { zh: '资格证书签发日期', en: 'Qualification issue date' },
  specialty: { zh: '专业类别', en: 'Specialty' },
  registrationNo: { zh: '注册编号', en: 'Registration no.' },
  certIssueDate: { zh: '注册证书签发日期', en: 'Registration certificate issue date' },
  registrationExpiry: { zh: '注册有效期至', en: 'Registration valid until' },
  employerName: { zh: '聘用单位', en: 'Employer' },
  employerCreditCode: { zh: '统一社会信用代码', en: 'Employer credit code' },
  examEmployerName: { zh: '考试报名时单位', en: 'Employer at exam registration' },
  contractStart: { zh: '劳动合同开始日期', en: 'Labour contract start' },
  contractEnd: { zh: '劳动合同截止日期', en: 'Labour contract end' },
  dismissalDate: { zh: '解聘日期', en: 'Dismissal date' },
  retired: { zh: '是否退休', en: 'Retired' },
  submissionDate: { zh: '申请提交日期', en: 'Submission date' },
  socialInsuranceEmployer: { zh: '社保缴纳单位', en: 'Social insurance paid by' },
  socialInsuranceMonths: { zh: '社保连续缴纳月数', en: 'Months of social insurance paid' },
};

/** Field keys whose values are stored as yyyy-MM-dd strings. */
export const DATE_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'birthDate',
  'graduationDate',
  'qualificationIssueDate',
  'certIssueDate',
  'registrationExpiry',
  'contractStart',
  'contractEnd',
  'dismissalDate',
  'submissionDate',
]);
