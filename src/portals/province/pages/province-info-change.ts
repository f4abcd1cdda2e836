import { hasElement, hasHeading } from '../../dom';
import { anyPath, definePage } from '../../page';

/** 个人信息更改: one PDF of at most 2 MB, pre-reviewed by the provincial centre (seed §一 1(3)). */
export default definePage({
  id: 'province-info-change',
  portal: 'province',
  url: anyPath,
  dom: (doc) => hasHeading(doc, /个人信息更改/) && hasElement(doc, 'input[type=file]'),
  business: () => 'info-change',
});
