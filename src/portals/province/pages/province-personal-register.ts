import { hasElement, hasHeading, hasLabels } from '../../dom';
import { anyPath, definePage } from '../../page';

/** 执业师个人账户注册: personal information plus password (seed §一 1(1)). */
export default definePage({
  id: 'province-personal-register',
  portal: 'province',
  url: anyPath,
  dom: (doc) =>
    hasHeading(doc, /个人账户注册|个人用户注册/) &&
    hasLabels(doc, ['证件号码']) &&
    hasElement(doc, 'input[type=password]'),
  expects: () => ['name', 'idNumber', 'mobile'],
});
