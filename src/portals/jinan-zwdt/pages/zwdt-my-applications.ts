import { hasHeading } from '../../dom';
import { definePage, pathIncludes } from '../../page';

/** 我的申请: the list of applications with their status (seed §二 1 ③ 查看我的申请). */
export default definePage({
  id: 'zwdt-my-applications',
  portal: 'jinan-zwdt',
  url: pathIncludes('/pages/myspace/submit'),
  dom: (doc) => hasHeading(doc, /我的申请|我的办件/),
});
