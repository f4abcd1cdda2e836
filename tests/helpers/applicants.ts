import { plusYears, todayInShanghai } from '../../src/domain/calendar';

/**
 * 张三, the applicant the browser tests fill pages with: every field the replicas ask for, valid together (the
 * ID number's birth date and gender, a labour contract that satisfies the one-year rule from today).
 */
export const ZHANG = {
  name: '张三',
  idNumber: '370102199001011231',
  gender: '男',
  birthDate: '1990-01-01',
  ethnicity: '汉族',
  mobile: '13805310000',
  phone: '0531-61378805',
  email: 'zhangsan@example.cn',
  address: '济南市历下区经十路14306号',
  postcode: '250014',
  education: '大学本科',
  school: '山东建筑大学',
  major: '土木工程',
  graduationDate: '2012-07-01',
  employerName: '济南建工集团有限公司',
  employerCreditCode: '913701001630469631',
  examEmployerName: '济南建工集团有限公司',
  qualificationCertNo: '37151606000123456X',
  qualificationIssueDate: '2016-11-30',
  specialty: '建筑工程',
  contractStart: '2026-01-01',
  contractEnd: plusYears(todayInShanghai(new Date()), 2),
};
