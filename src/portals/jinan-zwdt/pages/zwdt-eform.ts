import type { BusinessId, FieldKey } from '../../../domain/ids';
import { hasHeading, labelSet } from '../../dom';
import { businessFromHeadings, definePage } from '../../page';

const EXPECTED: Partial<Record<BusinessId, FieldKey[]>> = {
  initial: ['name', 'idNumber', 'gender', 'birthDate', 'employerName', 'employerCreditCode', 'qualificationCertNo', 'qualificationIssueDate', 'contractStart', 'contractEnd'],
  change: ['name', 'idNumber', 'certIssueDate', 'dismissalDate', 'employerName', 'contractStart', 'contractEnd'],
};

/**
 * The electronic application form Epoint renders inside `#epointsformIframe` on declarationinfo (domain.md:
 * iframes are everywhere). Its title names the business (二级建造师初始注册申请表).
 */
export default definePage({
  id: 'zwdt-eform',
  portal: 'jinan-zwdt',
  url: (url) => /\/epointsform\//i.test(url.pathname),
  dom: (doc) => hasHeading(doc, /申请表|电子表单/) && labelSet(doc).size >= 3,
  business: businessFromHeadings,
  expects: (business) => EXPECTED[business ?? 'initial'] ?? ['name', 'idNumber'],
});
