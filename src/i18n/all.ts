/**
 * Every catalogue, both languages: for extension pages and the background (their bundles are not size-
 * budgeted). Importing this module registers them.
 */
import contentEn from '../../assets/i18n/content.en.json';
import pagesEn from '../../assets/i18n/pages.en.json';
import pagesZh from '../../assets/i18n/pages.zh-CN.json';
import { registerCatalogue } from './index';

registerCatalogue('zh', pagesZh);
registerCatalogue('en', contentEn);
registerCatalogue('en', pagesEn);

export { contentEn };
