import { bodyText, hasElement } from '../../dom';
import { definePage } from '../../page';

/** The shell after login: left zTree menu, content in an iframe (seed §一; layout inferred from the URL name). */
export default definePage({
  id: 'province-orgindex',
  portal: 'province',
  url: (url) => /\/organizationalztree\/orgindex\/?$/i.test(url.pathname),
  dom: (doc) => {
    if (!hasElement(doc, 'iframe')) return false;
    const text = bodyText(doc);
    return text.includes('个人基本资料维护') || text.includes('注册申报');
  },
});
