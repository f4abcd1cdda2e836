/**
 * Every catalogue, both languages: for extension pages and the background (their bundles are not size-
 * budgeted). Importing this module registers them; the on-page panel loads English only when chosen.
 */
export { hintsZh } from './zh';
export { contentEn, hintsEn } from './en';
