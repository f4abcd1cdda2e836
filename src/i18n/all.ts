/**
 * Every catalogue, both languages: for extension pages and the background (their bundles are not size-
 * budgeted). Importing this module registers them.
 */
import contentEn from '../../assets/i18n/content.en.json';
import hintsEn from '../../assets/i18n/hints.en.json';
import hintsZh from '../../assets/i18n/hints.zh-CN.json';
import pagesEn from '../../assets/i18n/pages.en.json';
import pagesZh from '../../assets/i18n/pages.zh-CN.json';
import { registerCatalogue } from './index';

registerCatalogue('zh', pagesZh);
registerCatalogue('zh', hintsZh);
registerCatalogue('en', contentEn);
registerCatalogue('en', hintsEn);
registerCatalogue('en', pagesEn);

export { contentEn, hintsEn, hintsZh };
