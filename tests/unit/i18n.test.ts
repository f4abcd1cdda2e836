import { describe, expect, it } from 'vitest';
import '../../src/i18n/all';
import { catalogueKeys, format, resolveLang, t } from '../../src/i18n';
import type { MessageKey } from '../../src/i18n';

function placeholders(lang: 'zh' | 'en', key: string): string[] {
  const template = t(key as MessageKey, undefined, lang);
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('UI text', () => {
  it('has an English text for every Chinese one, with the same placeholders', () => {
    expect(catalogueKeys('en')).toEqual(catalogueKeys('zh'));
    for (const key of catalogueKeys('zh')) expect(placeholders('en', key), key).toEqual(placeholders('zh', key));
  });

  it('speaks Chinese unless the user chose English or an English browser with "auto"', () => {
    expect(resolveLang(undefined, 'en-US')).toBe('zh');
    expect(resolveLang('zh-CN', 'en-US')).toBe('zh');
    expect(resolveLang('en', 'zh-CN')).toBe('en');
    expect(resolveLang('auto', 'en-US')).toBe('en');
    expect(resolveLang('auto', 'zh-CN')).toBe('zh');
    expect(resolveLang('auto', undefined)).toBe('zh');
  });

  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(t('overlay.error', { message: '超时' })).toBe('助手暂时无法连接后台：超时');
    expect(t('overlay.error', { message: 'timeout' }, 'en')).toBe(
      'The assistant cannot reach its background: timeout',
    );
    expect(format('{a}-{b}', { a: 1 })).toBe('1-{b}');
  });
});
