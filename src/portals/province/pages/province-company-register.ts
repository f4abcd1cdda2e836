import { hasHeading, hasLabels } from '../../dom';
import { anyPath, definePage } from '../../page';

/** 单位账户注册 → report to the city authority → print the form (seed §一 2). */
export default definePage({
  id: 'province-company-register',
  portal: 'province',
  url: anyPath,
  dom: (doc) =>
    hasHeading(doc, /单位账户注册|单位用户注册|企业账户注册/) && hasLabels(doc, ['统一社会信用代码']),
  onlyFields: ['employerName', 'employerCreditCode'],
  expects: () => ['employerCreditCode'],
});
