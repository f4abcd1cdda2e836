/**
 * The English catalogues. Importing this module registers them. The on-page panel loads it only when the
 * user chose English (issue 13.5: every catalogue of both languages was in the panel frame's heap).
 */
import contentEn from '../../assets/i18n/content.en.json';
import hintsEn from '../../assets/i18n/hints.en.json';
import pagesEn from '../../assets/i18n/pages.en.json';
import { registerCatalogue } from './index';

registerCatalogue('en', contentEn);
registerCatalogue('en', hintsEn);
registerCatalogue('en', pagesEn);

export { contentEn, hintsEn };
