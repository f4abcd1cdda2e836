import { hasElement, hasHeading } from '../../dom';
import { anyPath, definePage } from '../../page';

/** 执业师类别维护: choose 二级注册建造师 from the drop-down (seed §一 1(3), second of that number). */
export default definePage({
  id: 'province-practitioner-category',
  portal: 'province',
  url: anyPath,
  dom: (doc) => hasHeading(doc, /执业师类别/) && hasElement(doc, 'select'),
});
