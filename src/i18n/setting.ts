import { browser } from 'wxt/browser';
import { LANGUAGE_SETTING_KEY, type Lang, resolveLang, setLang } from './index';

/**
 * The language choice lives in storage.local: it is not applicant data, and content scripts need it too.
 * Calls `onChange` when the user switches language in another view.
 */
export async function loadLanguage(onChange?: (lang: Lang) => void): Promise<Lang> {
  const ui = browser.i18n?.getUILanguage?.();
  const stored = await browser.storage.local.get(LANGUAGE_SETTING_KEY);
  const lang = resolveLang(stored[LANGUAGE_SETTING_KEY], ui);
  setLang(lang);
  if (onChange) {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(LANGUAGE_SETTING_KEY in changes)) return;
      const next = resolveLang(changes[LANGUAGE_SETTING_KEY]?.newValue, ui);
      setLang(next);
      onChange(next);
    });
  }
  return lang;
}
