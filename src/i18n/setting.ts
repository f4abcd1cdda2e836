import { browser } from 'wxt/browser';
import { LANGUAGE_SETTING_KEY, type Lang, langTag, resolveLang, setLang } from './index';

/**
 * The language choice lives in storage.local: it is not applicant data. Extension pages and the background
 * read it here; content scripts never touch storage: the background hands them the language with the page
 * rules and pushes a change to every portal frame (`bg:language`).
 */
export async function readLanguage(): Promise<Lang> {
  const stored = await browser.storage.local.get(LANGUAGE_SETTING_KEY);
  return resolveLang(stored[LANGUAGE_SETTING_KEY], browser.i18n?.getUILanguage?.());
}

/** Calls `onChange` when the user switches language in another view. */
export function onLanguageChange(onChange: (lang: Lang) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(LANGUAGE_SETTING_KEY in changes)) return;
    onChange(resolveLang(changes[LANGUAGE_SETTING_KEY]?.newValue, browser.i18n?.getUILanguage?.()));
  });
}

/**
 * For extension pages: use the chosen language now (the page's `<html lang>` too), and follow changes.
 * Data shown in Chinese whatever the language (names, rule texts) carries `lang="zh-CN"` where it is shown.
 */
export async function loadLanguage(onChange?: (lang: Lang) => void): Promise<Lang> {
  const lang = await readLanguage();
  setLang(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = langTag(lang);
  if (onChange) {
    onLanguageChange((next) => {
      setLang(next);
      onChange(next);
    });
  }
  return lang;
}
