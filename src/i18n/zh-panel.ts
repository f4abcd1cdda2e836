/**
 * The Chinese catalogues of the on-page panel frame: the hints (checklist, upload and validator messages) and the
 * panel's part of the pages catalogue (`?panel`: see panel-texts.ts). Importing this module registers them.
 */
import hintsZh from '../../assets/i18n/hints.zh-CN.json';
import pagesZh from '../../assets/i18n/pages.zh-CN.json?panel';
import { registerCatalogue } from './index';

registerCatalogue('zh', pagesZh);
registerCatalogue('zh', hintsZh);
