/**
 * UI text lookup. Texts live in assets/i18n: `content.<lang>.json` (what a portal page shows before its rules
 * arrive: the overlay frame, errors), `hints.<lang>.json` (what shows once the page rules are in: checklist,
 * upload and validator messages `v.*` — the content script gets them with its page rules, so they stay out of
 * its size-budgeted bundle) and `pages.<lang>.json` (popup, workbench, printable page; the on-page panel frame loads
 * only its part of it, panel-texts.ts). assets/locales/ holds only
 * the manifest's name and description, which @wxt-dev/i18n turns into `_locales/` for browser.i18n.
 *
 * We look strings up ourselves because the product speaks Chinese FIRST: browser.i18n follows the browser's
 * UI language, so an English (or en-US-only, like Debian's) browser would show Chinese applicants English
 * errors. Chinese is the default; English a choice in the settings (or "follow the browser"). The content
 * script bundles only the Chinese texts (its size is budgeted); it asks the background for the English ones
 * when the user chose English. Placeholders: `{name}` with an object of values.
 */
import contentZh from '../../assets/i18n/content.zh-CN.json';
import type hintsZh from '../../assets/i18n/hints.zh-CN.json';
import type pagesZh from '../../assets/i18n/pages.zh-CN.json';
import { isRecord } from '../domain/records';

export type Lang = 'zh' | 'en';
export type LanguageSetting = 'zh-CN' | 'en' | 'auto';
export const LANGUAGE_SETTING_KEY = 'uiLanguage';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type AllTexts = typeof contentZh & typeof hintsZh & typeof pagesZh;
export type MessageKey = Leaves<AllTexts>;
/**
 * A placeholder's value: plain text or a number, a text given in both languages (data such as a field's or a
 * business's name, `{ zh, en }`), another message (`{ code, params }`) translated in the same language, or a
 * list, joined as the language joins lists (`list.enumSep`).
 * All plain data, so an error's parameters cross the message boundary unchanged and the receiver translates.
 */
export type ParamValue = string | number | LocalText | { code: MessageKey; params?: Params } | ReadonlyArray<string | number>;
export interface LocalText {
  zh: string;
  en: string;
}
export type Params = { [name: string]: ParamValue };
export type Catalogue = Record<string, unknown>;

interface TextState {
  catalogues: Record<Lang, Catalogue[]>;
  current: Lang;
}

declare global {
  // This world's language and catalogues (see `state`).
  var __jzsI18n: TextState | undefined;
}

/**
 * One language and one set of catalogues per JS world, not per copy of this module: the code the background
 * injects into a portal frame's content-script world (src/content/checker.ts) bundles its own copy, and must
 * speak as the content script that registered the catalogues and chose the language.
 */
const fresh: TextState = { catalogues: { zh: [contentZh], en: [] }, current: 'zh' };
const state = (globalThis.__jzsI18n ??= fresh);
const catalogues = state.catalogues;

export function registerCatalogue(lang: Lang, catalogue: Catalogue): void {
  if (!catalogues[lang].includes(catalogue)) catalogues[lang].push(catalogue);
}

export function hasCatalogue(lang: Lang): boolean {
  return catalogues[lang].length > 0;
}

export function setLang(lang: Lang): void {
  state.current = lang;
}

export function getLang(): Lang {
  return state.current;
}

/** Resolve a stored setting to a language; `uiLanguage` is the browser's, used only for 'auto'. */
export function resolveLang(setting: unknown, uiLanguage: string | undefined): Lang {
  if (setting === 'en') return 'en';
  if (setting === 'auto') return uiLanguage && !uiLanguage.toLowerCase().startsWith('zh') ? 'en' : 'zh';
  return 'zh';
}

function lookupIn(catalogue: unknown, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function lookup(lang: Lang, key: string): string | undefined {
  for (const c of catalogues[lang]) {
    const found = lookupIn(c, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

const isList = (v: ParamValue): v is ReadonlyArray<string | number> => Array.isArray(v);

function paramText(value: ParamValue, lang: Lang): string {
  if (typeof value !== 'object') return String(value);
  // A list (rows 3, 5, 8) is joined the way the language writes lists: 「3、5、8」.
  if (isList(value)) return joinList(value, lang);
  if ('code' in value) return t(value.code, value.params, lang);
  return value[lang];
}

/**
 * Fills `{name}` with its value. `{name:one|other}` is a word that agrees with the count `name`: `one` when it is
 * 1, else `other` ("{days} {days:day|days} ago"), so a text whose counts come from deep code (a validator's
 * finding, a profile warning) reads right in English without the caller knowing which parameter counts.
 */
export function format(template: string, params?: Params, lang: Lang = state.current): string {
  if (!params) return template;
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return whole;
    return other === undefined ? paramText(value, lang) : value === 1 ? (one ?? '') : other;
  });
}

/** The text of a key in the current language (falls back to Chinese, then to the key itself). */
export function t(key: MessageKey, params?: Params, lang: Lang = state.current): string {
  return format(lookup(lang, key) ?? lookup('zh', key) ?? key, params, lang);
}

/** Whether a catalogue loaded here (either language) has this key: codes from elsewhere may not be known. */
export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && (lookup('zh', key) ?? lookup('en', key)) !== undefined;
}

/** For tests: every key of a language's catalogues, dotted. */
export function catalogueKeys(lang: Lang): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (!isRecord(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string') out.push(prefix + k);
      else walk(v, `${prefix}${k}.`);
    }
  };
  for (const c of catalogues[lang]) walk(c, '');
  return out.sort();
}

/** Joins a list the way the current language writes it: 「a、b」 in Chinese, "a, b" in English. */
export function joinList(items: readonly (string | number)[], lang: Lang = state.current): string {
  return items.join(t('list.enumSep', {}, lang));
}

/**
 * Joins whole clauses (several messages about one row): 「…；…」 in Chinese, "…; …" in English. A clause that is
 * already a sentence (ends in 。 or .) is followed by the next one as sentences are — never 「。；」 or ".; ".
 */
export function joinClauses(items: readonly string[], lang: Lang = state.current): string {
  const sep = t('list.listSep', {}, lang);
  let out = '';
  items.forEach((item, i) => {
    if (i > 0) out += /[。．.!?！？]$/u.test(out) ? (lang === 'en' ? ' ' : '') : sep;
    out += item;
  });
  return out;
}

/**
 * A run of Han, CJK punctuation and full-width forms: the Chinese inside a text shown in English, which the
 * extension pages (ui/components/Zh.tsx) and our marks on portal pages (content/marked-text.ts) tag `lang="zh-CN"`.
 */
export const CJK_RUN = /([\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+)/u;

/** The BCP 47 tag of a UI language, for `lang` attributes (screen readers, fonts, hyphenation). */
export const langTag = (lang: Lang = state.current): string => (lang === 'en' ? 'en' : 'zh-CN');
