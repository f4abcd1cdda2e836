import { browser } from 'wxt/browser';
import { LANGUAGE_SETTING_KEY, type Lang, resolveLang, setLang } from './index';

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

/** For extension pages: use the chosen language now, and follow changes. */
export async function loadLanguage(onChange?: (lang: Lang) => void): Promise<Lang> {
  const lang = await readLanguage();
  setLang(lang);
  if (onChange) {
    onLanguageChange((next) => {
      setLang(next);
      onChange(next);
    });
  }
  return lang;
}
