import { bodyText } from '../../dom';
import { businessFromSelectors, definePage } from '../../page';

/**
 * 事项详情 of 二级建造师注册资格认定: the user picks the business (情形) in a drop-down, the page then lists
 * 受理条件, 申报材料, 注意事项, and 申报 leads on (seed §二 1 ③). personal and legal-person variants exist.
 */
export default definePage({
  id: 'zwdt-event-detail',
  portal: 'jinan-zwdt',
  url: (url) => /\/pages\/eventdetail\/(personal|legalperson)?eventdetail/i.test(url.pathname),
  dom: (doc) => {
    const text = bodyText(doc);
    return text.includes('受理条件') && /申报|办理/.test(text);
  },
  business: (doc) => businessFromSelectors(doc),
});
