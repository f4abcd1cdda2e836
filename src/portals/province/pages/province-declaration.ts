import { businessFromText } from '../../../domain/business-text';
import type { BusinessId, FieldKey } from '../../../domain/ids';
import { hasHeading, selectedTabText } from '../../dom';
import { anyPath, businessFromHeadings, definePage } from '../../page';

const EXPECTED: Partial<Record<BusinessId, FieldKey[]>> = {
  initial: ['employerName', 'employerCreditCode', 'qualificationCertNo', 'qualificationIssueDate', 'contractStart', 'contractEnd'],
  renewal: ['employerName', 'contractStart', 'contractEnd'],
  change: ['certIssueDate', 'dismissalDate', 'employerName', 'employerCreditCode', 'contractStart', 'contractEnd'],
  'add-specialty': ['specialty', 'qualificationCertNo'],
};

/**
 * 注册申报: pick the business, fill it, enter the reporting company's name, 上报单位 (seed §一 1(5)).
 * The business is the selected tab, else the breadcrumb.
 */
export default definePage({
  id: 'province-declaration',
  portal: 'province',
  url: anyPath,
  dom: (doc) =>
    hasHeading(doc, /注册申报/) &&
    Array.from(
      doc.querySelectorAll<HTMLInputElement>('input[type=button], input[type=submit], button, a'),
    ).some((b) => /上报单位/.test(b.value || b.textContent || '')),
  business: (doc) =>
    businessFromText(selectedTabText(doc, '.ywTabs, .tabs, [id*=Tab], [class*=tab]')) ??
    businessFromHeadings(doc),
  // What the seed says must be entered per business (§四 and the checks); the real page's DOM is not public.
  expects: (business) => EXPECTED[business ?? 'cancel'] ?? [],
});
