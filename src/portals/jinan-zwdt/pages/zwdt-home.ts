import { bodyText } from '../../dom';
import { definePage, pathIncludes } from '../../page';

/** 网厅 home: login top right, 个人办事 / 法人办事 (seed §二 1). */
export default definePage({
  id: 'zwdt-home',
  portal: 'jinan-zwdt',
  url: pathIncludes('/pages/default/index'),
  dom: (doc) => {
    const text = bodyText(doc);
    return text.includes('个人办事') && text.includes('法人办事');
  },
});
