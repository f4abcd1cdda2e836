/**
 * UI text, in assets/i18n/{zh-CN,en}.json. (assets/locales/ holds only the manifest's name and description,
 * which @wxt-dev/i18n turns into `_locales/` for browser.i18n.) At run time we look strings up ourselves because the
 * product speaks Chinese FIRST: browser.i18n follows the browser's UI language, so an English (or en-US only,
 * like Debian's) browser would show Chinese applicants English errors. Here Chinese is the default and English
 * a choice in the settings (or "follow the browser").
 *
 * Placeholders: `{name}` with an object of values.
 */
import en from '../../assets/i18n/en.json';
import zh from '../../assets/i18n/zh-CN.json';

export type Lang = 'zh' | 'en';
export type LanguageSetting = 'zh-CN' | 'en' | 'auto';
export const LANGUAGE_SETTING_KEY = 'uiLanguage';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof zh>;
export type Params = Record<string, string | number>;

const CATALOGUES: Record<Lang, unknown> = { zh, en };
let current: Lang = 'zh';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** Resolve a stored setting to a language; `uiLanguage` is the browser's, used only for 'auto'. */
export function resolveLang(setting: unknown, uiLanguage: string | undefined): Lang {
  if (setting === 'en') return 'en';
  if (setting === 'auto') return uiLanguage && !uiLanguage.toLowerCase().startsWith('zh') ? 'en' : 'zh';
  return 'zh';
}

function lookup(catalogue: unknown, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The text of a key in the current language (falls back to Chinese, then to the key itself). */
export function t(key: MessageKey, params?: Params, lang: Lang = current): string {
  const template = lookup(CATALOGUES[lang], key) ?? lookup(CATALOGUES.zh, key) ?? key;
  return format(template, params);
}

/** For tests: every key of a catalogue, dotted. */
export function catalogueKeys(lang: Lang): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (typeof v === 'string') out.push(prefix + k);
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(CATALOGUES[lang], '');
  return out.sort();
}
