import { FIELD_KEYS, FIELD_NAMES, type FieldKey } from '../../domain/ids';

/** A column is a field key, or the profile's notes. */
export type ColumnKey = FieldKey | 'notes';

/**
 * Column headers clerks use, per field key. Exports write the contract's Chinese names (FIELD_NAMES);
 * imports accept those, these variants, and the English field keys themselves.
 */
const VARIANTS: Partial<Record<FieldKey, string[]>> = {
  name: ['名字', '申请人', '申请人姓名', '人员姓名'],
  idNumber: ['身份证号码', '身份证', '证件号码', '证件号', '公民身份号码', '身份证件号码'],
  gender: ['男女'],
  birthDate: ['出生年月', '出生年月日', '生日'],
  mobile: ['手机号', '手机号码', '联系手机', '移动电话'],
  phone: ['电话', '固定电话', '办公电话', '座机'],
  email: ['邮箱', '电子邮件', 'Email', 'E-mail'],
  address: ['联系地址', '地址', '通信地址', '家庭住址'],
  postcode: ['邮编'],
  education: ['最高学历'],
  school: ['毕业学校'],
  major: ['专业', '毕业专业'],
  graduationDate: ['毕业日期'],
  qualificationCertNo: ['资格证书编号', '资格证书管理号', '资格证号', '管理号', '资格证书号'],
  qualificationIssueDate: ['资格证签发日期', '资格证书取得时间', '资格取得时间', '资格证书取得日期'],
  specialty: ['注册专业', '专业类别（注册）'],
  registrationNo: ['注册证书编号', '注册证号'],
  certIssueDate: ['证书签发日期', '注册证书发证日期'],
  registrationExpiry: ['有效期至', '注册有效期', '有效期'],
  employerName: ['工作单位', '单位', '单位名称', '所在单位', '企业名称', '注册单位', '聘用企业'],
  employerCreditCode: ['信用代码', '单位信用代码', '单位统一社会信用代码'],
  examEmployerName: ['考试报名单位', '报考单位', '考试时单位'],
  contractStart: ['合同开始日期', '合同起始日期', '劳动合同起始日期', '劳动合同开始时间'],
  contractEnd: ['合同截止日期', '合同到期日期', '合同终止日期', '劳动合同终止日期', '劳动合同到期日期', '劳动合同结束日期'],
  dismissalDate: ['解聘时间', '解除劳动合同日期'],
  retired: ['退休', '是否退休人员'],
  submissionDate: ['提交日期', '申请日期'],
  socialInsuranceEmployer: ['社保单位', '参保单位', '社保缴费单位'],
  socialInsuranceMonths: ['社保月数', '社保缴纳月数', '连续缴费月数'],
};

/** 「身份证号（必填）」, 「*姓名」, 「Name 」 → comparable text. */
export function normHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

const LOOKUP = new Map<string, ColumnKey>();
for (const key of FIELD_KEYS) {
  for (const alias of [key, FIELD_NAMES[key].zh, ...(VARIANTS[key] ?? [])]) LOOKUP.set(normHeader(alias), key);
}
for (const alias of ['notes', '备注', '说明', '附注']) LOOKUP.set(normHeader(alias), 'notes');
// The contract's combined header for the certificate number.
LOOKUP.set(normHeader('资格证书编号/管理号'), 'qualificationCertNo');

/** Map each header to a field key; unknown headers stay unmapped (null), and a key is used once. */
export function autoMap(headers: readonly string[]): Array<ColumnKey | null> {
  const used = new Set<ColumnKey>();
  return headers.map((h) => {
    const key = LOOKUP.get(normHeader(h)) ?? LOOKUP.get(normHeader(h.replace(/\/.*$/, '')));
    if (!key || used.has(key)) return null;
    used.add(key);
    return key;
  });
}
