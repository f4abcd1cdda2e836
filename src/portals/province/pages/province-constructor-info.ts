import { bodyText, hasHeading } from '../../dom';
import { anyPath, definePage } from '../../page';

/** 二级注册建造师: 执业师信息 and 工程业绩 (seed §一 1(4)). */
export default definePage({
  id: 'province-constructor-info',
  portal: 'province',
  url: anyPath,
  dom: (doc) => {
    if (!hasHeading(doc, /二级注册建造师/) || hasHeading(doc, /注册申报/)) return false;
    const text = bodyText(doc);
    return text.includes('执业师信息') && text.includes('工程业绩');
  },
});
