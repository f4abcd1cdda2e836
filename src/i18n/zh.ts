/**
 * The Chinese catalogues of extension pages (content.zh-CN is bundled in ./index for the content script).
 * Importing this module registers them. Chinese is every page's fallback language, so it is always loaded.
 */
import hintsZh from '../../assets/i18n/hints.zh-CN.json';
import pagesZh from '../../assets/i18n/pages.zh-CN.json';
import { registerCatalogue } from './index';

registerCatalogue('zh', pagesZh);
registerCatalogue('zh', hintsZh);

export { hintsZh };
