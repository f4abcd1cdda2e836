import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/i18n/all';
import { catalogueKeys, format, isMessageKey, joinClauses, resolveLang, setLang, t } from '../../src/i18n';
import { leftText } from '../../src/ui/components/deadline-text';
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

  it('counts in English as English counts ("1 day ago", "2 days ago"); Chinese has one form — one mechanism, {n:one|other}, no `One` siblings', () => {
    const deadline = (daysLeft: number) => ({ kind: 'registration-expiry', date: '2026-12-01', daysLeft, profileId: 'p', name: '张三', employer: '' }) as const;
    setLang('en');
    try {
      expect([-1, -2, 1, 2].map((n) => leftText(deadline(n)))).toEqual(['1 day ago', '2 days ago', '1 day', '2 days']);
      expect(leftText({ ...deadline(-1), since: true })).toBe('needing correction for 1 day');
      expect(t('profiles.count', { n: 1 })).toBe('1 profile');
      expect(t('profiles.count', { n: 0 })).toBe('0 profiles');
      expect(t('queue.set', { n: 1, name: '张三' })).toBe('Work list set to 1 applicant, starting with 张三.');
      expect(t('cases.readyButMissing', { n: 1 })).toBe('but 1 material is still missing (see materials)');
      expect(t('cases.readyButMissing', { n: 3 })).toBe('but 3 materials are still missing (see materials)');
    } finally {
      setLang('zh');
    }
    expect(leftText(deadline(-1))).toBe(t('deadlines.passed', { n: 1 }));
    expect(t('profiles.count', { n: 1 })).toBe('共 1 份档案');
    // The `<key>One` siblings (tCount) are gone: a key that names another key's singular would be a second mechanism.
    for (const lang of ['zh', 'en'] as const) expect(catalogueKeys(lang).filter((k) => k.endsWith('One') && isMessageKey(k.slice(0, -3))), lang).toEqual([]);
  });

  it('a word agreeing with a count ({n:one|other}) is singular for 1 only, whoever passes the count', () => {
    expect([0, 1, 2].map((n) => format('{n} {n:day|days} ago', { n }))).toEqual(['0 days ago', '1 day ago', '2 days ago']);
    expect(format('{n:this|these} {n} {n:profile|profiles}', { n: 1 })).toBe('this 1 profile');
    expect(format('{n} {n:case|cases}', {})).toBe('{n} {n:case|cases}');
    // What the panel, the fill preview and the field hints show, with counts set by the validators and warnings.
    expect(t('panel.validationCounts', { errors: 1, warnings: 0 }, 'en')).toBe('1 error, 0 warnings');
    expect(t('panel.validationCounts', { errors: 2, warnings: 1 }, 'en')).toBe('2 errors, 1 warning');
    expect(t('panel.validationCounts', { errors: 1, warnings: 0 }, 'zh')).toBe('1 处错误，0 处提示');
    expect(t('profileWarn.contractPast', { date: '2026-12-01', days: 1 }, 'en')).toContain('(1 day ago)');
    expect(t('v.check.renewalTooLate', { left: 1, min: 30, last: '2026-11-01' }, 'en')).toMatch(/2026-11-01, has passed .* 1 day left\)/);
    // The last filing day is always past in this phase: the text says so, not only "by <date>" (review, 2026-12-02).
    expect(t('v.check.renewalTooLate', { left: 16, min: 30, last: '2026-11-19' }, 'zh')).toMatch(/已过延续注册的最晚申请日 2026-11-19.*不能申请延续/);
    expect(t('cases.portal.skipped', { n: 1 }, 'en')).toMatch(/^1 other entry .* is not listed\.$/);
  });

  it('every English text that counts with a plural noun has a singular form ({n:one|other})', () => {
    const counts = /\{(n|count|days|left|errors|warnings|total|rows|months|years)\} (?:[a-z-]+ ){0,2}?[a-z]{2,}s\b/g;
    const plainPlural = catalogueKeys('en').filter((key) => {
      const text = t(key as MessageKey, undefined, 'en');
      return [...text.matchAll(counts)].some((m) => !text.includes(`{${m[1]!}:`));
    });
    expect(plainPlural).toEqual([]);
    // "(s)" after a count is the same miss ("1 field(s) … were not recognised").
    expect(catalogueKeys('en').filter((key) => /\{\w+\}[^{}]*?\w\(s\)/.test(t(key as MessageKey, undefined, 'en')))).toEqual([]);
    expect(t('panel.missingExpected', { count: 1, names: ['手机'] }, 'en')).toMatch(/^1 field this page should have was not recognised: 手机\. It gets no hints/);
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

  it('joins a list placeholder the way each language writes lists (rows 「3、5」, "3, 5")', () => {
    const params = { utf8: [3, 5], gbk: [8] };
    expect(t('import.notice.mixedEncoding', params, 'zh')).toContain('3、5');
    expect(t('import.notice.mixedEncoding', params, 'en')).toContain('3, 5');
    expect(t('import.notice.mixedEncoding', params, 'en')).not.toMatch(/[、；]/);
  });
});

describe('buttons named in messages', () => {
  it('the fill\'s messages send the user back to a button the panel and the popup both show by that name', () => {
    // The popup's fill button is the panel's (one text); before, the popup's was 「填写当前页面」 and the
    // messages named either, so a panel user was told to click a button the panel does not have.
    expect(isMessageKey('fillPopup.fill')).toBe(false);
    for (const lang of ['zh', 'en'] as const) {
      const buttons = (['fill.button', 'fill.confirm', 'fill.replaceAll', 'fill.cancel'] as const).map((k) => t(k, undefined, lang));
      const quote = lang === 'zh' ? /「([^」{}]+)」/g : /[“"]([^”"{}]+)[”"]/g;
      const named = catalogueKeys(lang)
        .filter((k) => k.startsWith('fill.') || k.startsWith('errors.fill.'))
        .flatMap((k) => [...t(k as MessageKey, undefined, lang).matchAll(quote)].map((m) => `${k}: ${m[1]!}`));
      expect(named.length, lang).toBeGreaterThanOrEqual(4);
      expect(named.filter((n) => !buttons.includes(n.slice(n.indexOf(': ') + 2))), lang).toEqual([]);
    }
  });
});

describe('clauses', () => {
  it('joins short clauses with 「；」/"; " and whole sentences as sentences (the import report, field hints): never 「。；」', () => {
    expect(joinClauses(['联系电话', '手机'], 'zh')).toBe('联系电话；手机');
    expect(joinClauses(['a', 'b'], 'en')).toBe('a; b');
    const zh = [t('import.cellMessage', { row: 10, column: '姓名', message: '缺少姓名。' }, 'zh'), '第 10 行「身份证号码」：缺少身份证号。'];
    expect(joinClauses(zh, 'zh')).not.toMatch(/[。.][；;]/);
    expect(joinClauses(['The name is missing.', 'The ID number is missing.'], 'en')).toBe('The name is missing. The ID number is missing.');
    expect(joinClauses(['缺少姓名。', '缺少身份证号。'], 'zh')).toBe('缺少姓名。缺少身份证号。');
  });
});

describe('message codes', () => {
  const SRC = join(import.meta.dirname, '../../src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
  const sources = files(SRC).map((f) => ({ f: relative(SRC, f), text: readFileSync(f, 'utf8') }));
  const zh = new Set(catalogueKeys('zh'));

  /** Literal keys handed to the translation or the error model: t('…'), a coded error, a problem's code. */
  const USES = [
    /\bt\(\s*'([\w.-]+)'/g,
    /\b(?:new \w*Error|super)\(\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g,
    /\bcode: '([a-z][\w-]*(?:\.[\w-]+)+)'/g,
    /\{ code: '([a-z][\w-]*(?:\.[\w-]+)+)' \}/g,
  ];

  it('every code used in src exists in both catalogues', () => {
    const used = new Map<string, string>();
    for (const { f, text } of sources) for (const re of USES) for (const m of text.matchAll(re)) used.set(m[1]!, f);
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter(([k]) => !zh.has(k)).map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });

  it('every finding a validator can report has its text (v.<code>)', () => {
    const codes = new Set<string>();
    for (const { text } of sources) for (const m of text.matchAll(/\b(?:err|warn|out\([^)]*?)\(\s*'([\w.]+)'/g)) codes.add(m[1]!);
    for (const { text } of sources) for (const m of text.matchAll(/\bout\(c, [\w.[\]!]+, '([\w.]+)'/g)) codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((c) => !zh.has(`v.${c}`))).toEqual([]);
  });

  it('the error model codes are all translated, with the same placeholders in both languages', () => {
    const errors = catalogueKeys('zh').filter((k) => k.startsWith('errors.'));
    expect(errors.length).toBeGreaterThan(40);
    for (const key of errors) {
      expect(t(key as MessageKey, undefined, 'en'), key).not.toMatch(/[\u4e00-\u9fff]/u);
      expect(placeholders('en', key), key).toEqual(placeholders('zh', key));
    }
  });
});
