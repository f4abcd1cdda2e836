import { hasHeading, hasLabels } from '../../dom';
import { anyPath, definePage } from '../../page';

/** 个人基本资料维护: check 姓名 and 证件号码 here; they cannot change during an application (seed §一 1(2)). */
export default definePage({
  id: 'province-basic-info',
  portal: 'province',
  url: anyPath,
  dom: (doc) => hasHeading(doc, /个人基本资料|基本资料维护/) && hasLabels(doc, ['姓名', '证件号码']),
  expects: () => ['name', 'idNumber', 'gender', 'birthDate', 'mobile'],
});
