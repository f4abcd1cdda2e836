import type { Page } from 'playwright-core';
import { sendFrom } from '../e2e/harness';

/** The applicant bench T8 and its tools fill the 40 controls from (the values below are what they become). */
export const MINI_40_APPLICANT = {
  name: '张三', idNumber: '370102199001011231', gender: '男', birthDate: '1990-01-01', ethnicity: '汉族', mobile: '13805310000', phone: '0531-61378805',
  email: 'zs@example.cn', address: '济南市历下区经十路14306号', postcode: '250014', education: '大学本科', school: '山东建筑大学', major: '土木工程',
  graduationDate: '2012-07-01', qualificationCertNo: '37151606000123456X', qualificationIssueDate: '2016-11-30', specialty: '建筑工程',
  registrationNo: '鲁2372010202404839', certIssueDate: '2023-12-20', registrationExpiry: '2026-12-19', employerName: '济南建工集团有限公司',
  employerCreditCode: '913701001630469631', examEmployerName: '济南建工集团有限公司', contractStart: '2026-01-01', contractEnd: '2028-12-31',
  dismissalDate: '2025-12-31', retired: false,
};

/** Store that applicant and make it the active profile, from an extension page. */
export async function activateMini40Applicant(bench: Page): Promise<void> {
  const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: MINI_40_APPLICANT } });
  await sendFrom(bench, 'ui:active.set', { id: p.id });
}

/** What bench T8's floor writes into the 40 MiniUI controls of its page (bench.ts; tests/bench/fill-trace.ts traces the same). */
export const MINI_40_VALUES: Record<string, string> = {
  applyername: '张三', certnum: '370102199001011231', contactperson: '张三', contactcertnum: '370102199001011231', contactmobile: '13805310000',
  contactphone: '0531-61378805', contactpostcode: '250014', contactemail: 'zs@example.cn', address: '济南市历下区经十路14306号',
  B_XM: '张三', B_XB: '1', B_CSRQ: '1990-01-01', B_MZ: '01', B_SFZH: '370102199001011231', B_SJHM: '13805310000', B_LXDH: '0531-61378805',
  B_YX: 'zs@example.cn', B_DZ: '济南市历下区经十路14306号', B_YB: '250014', B_XL: '21', B_BYYX: '山东建筑大学', B_SXZY: '土木工程', B_BYSJ: '2012-07-01',
  B_ZGZS: '37151606000123456X', B_ZGRQ: '2016-11-30', B_ZY: 'JZ', B_ZCBH: '鲁2372010202404839', B_ZSRQ: '2023-12-20', B_YXQ: '2026-12-19',
  B_PYDW: '济南建工集团有限公司', B_XYDM: '913701001630469631', B_KSDW: '济南建工集团有限公司', B_HTKS: '2026-01-01', B_HTJZ: '2028-12-31',
  B_JPRQ: '2025-12-31', B_TX: '0', C_SQR: '张三', C_ZJHM: '370102199001011231', C_SJ: '13805310000', C_DW: '济南建工集团有限公司',
};
