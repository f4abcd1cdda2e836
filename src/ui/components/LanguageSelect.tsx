import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LANGUAGE_SETTING_KEY, type LanguageSetting, t } from '../../i18n';

const isLanguageSetting = (v: unknown): v is LanguageSetting => v === 'en' || v === 'auto' || v === 'zh-CN';

/** 界面语言: Chinese (default), English, or the browser's language. Applies to every view at once. */
export function LanguageSelect() {
  const [value, setValue] = useState<LanguageSetting>('zh-CN');
  useEffect(() => {
    browser.storage.local.get(LANGUAGE_SETTING_KEY).then(
      (r) => {
        const v = r[LANGUAGE_SETTING_KEY];
        if (isLanguageSetting(v)) setValue(v);
      },
      () => undefined,
    );
  }, []);
  return (
    <label class="lang">
      {t('settings.language')}{' '}
      <select
        data-jzs-language=""
        value={value}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (!isLanguageSetting(v)) return;
          setValue(v);
          void browser.storage.local.set({ [LANGUAGE_SETTING_KEY]: v });
        }}
      >
        {/* The language's own name, 中文, whatever the UI language: data, marked as Chinese. */}
        <option value="zh-CN" lang="zh-CN">
          {t('settings.langZh')}
        </option>
        <option value="en">{t('settings.langEn')}</option>
        <option value="auto">{t('settings.langAuto')}</option>
      </select>
    </label>
  );
}
