import { describe, expect, it } from 'vitest';
import { catalogueKeys, t } from '../../src/i18n';
import { FIELD_NAMES } from '../../src/domain/fields';
import { readDraft } from '../../src/ui/components/ProfileEditor';
import { todayInShanghai } from '../../src/domain/calendar';
import { profileWarnings } from '../../src/validate/profile-warnings';
import { bundledPack } from '../../src/rules/bundled';
import { profileRulesOf, type InPlay } from '../../src/rules/profile-rules';
import type { RulePack } from '../../src/rules/schema';
import { educationLevel } from '../../src/domain/education';
import { choiceOf } from '../../src/domain/vocabularies';
import { rng as seeded, pick } from '../helpers/rng';

// 2026-11-23 00:30 in Jinan is still 2026-11-22 in UTC and most of the world: "today" must be Jinan's.
const NOW = new Date('2026-11-22T16:30:00Z');
const TODAY = todayInShanghai(NOW);
const ID = '370102198503021234'.slice(0, 17);
const check = (first17: string) => {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * W[i]!, 0) % 11]!;
};
const id = check(ID); // born 1985-03-02, male (3rd-last digit 3 is odd)
/** The bundled pack's rules for every business (no case known), or for the businesses in play. */
const rulesOf = (inPlay: InPlay[] = [], pack: RulePack = bundledPack()) => profileRulesOf(pack, inPlay);
const warn = (data: Record<string, string>, rules = rulesOf()) => profileWarnings(data, NOW, TODAY, rules).map((w) => [w.field, t(w.code, w.params)]);

/** The bundled pack with one check's params changed, as an imported newer pack would state them. */
function packWith(checkId: string, params: Record<string, number>): RulePack {
  const pack = structuredClone(bundledPack());
  for (const b of pack.businesses) for (const c of b.checks) if (c.id === checkId) c.params = params;
  return pack;
}

describe('profile warnings where the clerk edits (issue 17 item 7)', () => {
  it('today is the calendar date in Asia/Shanghai', () => {
    expect(TODAY).toBe('2026-11-23');
  });

  it('birth date and gender derivable from the ID number and left empty', () => {
    expect(warn({ name: '张三', idNumber: id })).toEqual([
      ['birthDate', '未填，身份证号显示为 1985-03-02。'],
      ['gender', '未填，身份证号显示为「男」。'],
    ]);
    expect(warn({ name: '张三', idNumber: id, birthDate: '1985-03-02', gender: '男' })).toEqual([]);
    expect(warn({ name: '张三', idNumber: id, birthDate: '1985-03-03', gender: '女' }).map(([f]) => f)).toEqual(['birthDate', 'gender']);
  });

  it('an ID check digit that does not match', () => {
    const bad = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(warn({ idNumber: bad })[0]![0]).toBe('idNumber');
    expect(warn({ idNumber: bad })[0]![1]).toContain('校验位错误');
  });

  it('a labour contract already ended, or ending less than a year from today (or the submission day)', () => {
    const base = { idNumber: id, birthDate: '1985-03-02', gender: '男' };
    expect(warn({ ...base, contractEnd: '2026-11-22' })).toEqual([['contractEnd', '劳动合同已于 2026-11-22 到期（1 天前）：办理注册需要有效的劳动合同，请续签后更新。']]);
    expect(warn({ ...base, contractEnd: '2027-11-22' })).toEqual([['contractEnd', '劳动合同 2027-11-22 到期，距今仅 364 天：提交申请时合同须还有满 1 年（截止日期不早于 2027-11-23）。']]);
    expect(warn({ ...base, contractEnd: '2027-11-23' })).toEqual([]);
    expect(warn({ ...base, contractEnd: '2027-11-23', submissionDate: '2026-12-01' })[0]![0]).toBe('contractEnd');
    expect(warn({ ...base, contractEnd: 'open-ended' })).toEqual([]);
  });

  it('implausible dates: in the future, before 1950, graduation before the age of 14', () => {
    const base = { idNumber: id, birthDate: '1985-03-02', gender: '男' };
    expect(warn({ ...base, graduationDate: '2026-12' })).toEqual([['graduationDate', '日期 2026-12 晚于今天（2026-11-23），该项不应是将来的日期，请核对。']]);
    expect(warn({ ...base, qualificationIssueDate: '1949-12-31' })[0]![0]).toBe('qualificationIssueDate');
    expect(warn({ ...base, graduationDate: '1998-06' })).toEqual([['graduationDate', '1998-06 早于申请人 14 周岁（出生于 1985-03-02），请核对。']]);
    expect(warn({ ...base, graduationDate: '2007-07' })).toEqual([]);
  });

  it('the editor shows them beside the fields, accepts a year-month for 毕业时间, and does not block saving', () => {
    const draft = Object.fromEntries(['name', 'idNumber', 'graduationDate', 'contractEnd'].map((k) => [k, ''])) as Parameters<typeof readDraft>[0];
    const r = readDraft({ ...draft, name: '张三', idNumber: id, graduationDate: '2019-07', contractEnd: '2027-01-01' }, NOW, rulesOf());
    expect(r.errors).toEqual({});
    expect(r.data.graduationDate).toBe('2019-07');
    expect(Object.keys(r.warnings).sort()).toEqual(['birthDate', 'contractEnd', 'gender']);
  });

  it('the contract term is the rule pack\'s: a pack asking two years warns where one year passed, and the bundled pack does not', () => {
    const base = { idNumber: id, birthDate: '1985-03-02', gender: '男' };
    const twoYears = packWith('contract-end-one-year', { years: 2 });
    expect(warn({ ...base, contractEnd: '2028-06-01' })).toEqual([]);
    expect(warn({ ...base, contractEnd: '2028-06-01' }, rulesOf([], twoYears))).toEqual([
      ['contractEnd', '劳动合同 2028-06-01 到期，距今仅 556 天：提交申请时合同须还有满 2 年（截止日期不早于 2028-11-23）。'],
    ]);
    expect(warn({ ...base, contractEnd: '2028-11-23' }, rulesOf([], twoYears))).toEqual([]);
    // One business in play asking two years, another one: the longer term bites.
    const mixed = structuredClone(bundledPack());
    for (const c of mixed.businesses.find((b) => b.id === 'renewal')?.checks ?? []) if (c.kind === 'contract-end-min-years') c.params = { years: 2 };
    expect(warn({ ...base, contractEnd: '2028-06-01' }, rulesOf([{ business: 'initial', conditions: [] }], mixed))).toEqual([]);
    expect(warn({ ...base, contractEnd: '2028-06-01' }, rulesOf([{ business: 'initial', conditions: [] }, { business: 'renewal', conditions: [] }], mixed))[0]?.[1]).toContain('满 2 年');
  });

  it('no contract warning where the businesses in play ask for no contract (注销; 变更 for a renamed employer)', () => {
    const base = { idNumber: id, birthDate: '1985-03-02', gender: '男', contractEnd: '2027-01-01' };
    expect(warn(base, rulesOf([{ business: 'renewal', conditions: [] }])).map(([f]) => f)).toEqual(['contractEnd']);
    expect(warn(base, rulesOf([{ business: 'cancel', conditions: [] }]))).toEqual([]);
    expect(warn(base, rulesOf([{ business: 'change', conditions: ['company-renamed'] }]))).toEqual([]);
    expect(warn(base, rulesOf([{ business: 'change', conditions: [] }])).map(([f]) => f)).toEqual(['contractEnd']);
    // No pack rules known yet (the editor before the background answered): no number assumed.
    expect(warn(base, { checks: [] })).toEqual([]);
  });

  it('学历 below 中等专科 is warned with the rule and its source; 职高/技校 ask; a 学历 we cannot place says nothing', () => {
    const base = { idNumber: id, birthDate: '1985-03-02', gender: '男' };
    expect(warn({ ...base, education: '高中' })).toEqual([
      [
        'education',
        '「高中」低于初始注册的要求：学历须为中等专科以上，且为本专业（工程、工程经济类）；低于中等专科（如高中）的不能申请，职业高中、技工学校是否视同中专请向受理窗口确认。（依据：二级建造师证书办理须知（济南市住房和城乡建设局） §四 初始注册 第2项“中等专科以上本专业(工程、工程经济类)毕业证书”）',
      ],
    ]);
    expect(warn({ ...base, education: '技工学校' })[0]?.[1]).toMatch(/^「技工学校」是否符合初始注册的要求，请向受理窗口确认/);
    // 中等职业教育 covers 职高 and 技校 too: a question, not 中专 (it was an alias of 中等专科, stored and filled as such).
    expect(warn({ ...base, education: '中等职业教育' })[0]?.[1]).toMatch(/^「中等职业教育」是否符合初始注册的要求/);
    expect(choiceOf('education', '中等职业教育')).toBeUndefined();
    for (const ok of ['中专', '中等专科', '大专', '本科', '硕士', '博士研究生', '某某学历']) expect(warn({ ...base, education: ok }), ok).toEqual([]);
    // Only 初始注册 states it: an applicant whose open case is a 延续 is not told about it.
    expect(warn({ ...base, education: '高中' }, rulesOf([{ business: 'renewal', conditions: [] }]))).toEqual([]);
    // The level is the pack's: one asking 大学专科 warns a 中专.
    expect(warn({ ...base, education: '中专' }, rulesOf([], packWith('education-secondary-vocational-or-higher', { level: 2 })))[0]?.[0]).toBe('education');
    expect(t('profileWarn.educationBelow', { value: '高中', business: { zh: '初始注册', en: 'Initial registration' }, rule: { zh: '…', en: 'x' } }, 'en')).toBe('“高中” is below what Initial registration asks: x');
  });

  it('学历 levels on spellings we did not list (seeded): full-width, spaces and suffixes never raise a level, unknown words stay unknown', () => {
    const rng = seeded(20261202);
    const below = ['高中', '初中', '小学', '普通高中', '高级中学', '初级中学'];
    const at = ['中专', '中等专科', '大专', '专科', '本科', '大学本科', '硕士', '博士'];
    const unknown = ['研修班', '自考', '函授', '党校', '高中肄业', '初中在读', '本科（在读）'];
    const dress = (s: string) => pick(rng, [s, ` ${s} `, s.replace(/(.)/, '$1 '), `${s}\u3000`, s.normalize('NFKC')]);
    for (let i = 0; i < 200; i++) {
      const b = dress(pick(rng, below));
      expect(educationLevel(b), b).toEqual({ level: 0 });
      const a = dress(pick(rng, at));
      const l = educationLevel(a);
      expect(typeof l === 'object' && l.level >= 1, a).toBe(true);
      const u = dress(pick(rng, unknown));
      expect(educationLevel(u), u).toBeUndefined();
    }
  });

  it('a warning never names its own field again: wherever it shows, the field is named before it (「学历」：…, the editor beside the field)', () => {
    const rng = seeded(20261203);
    const young = check('37010220000101123'); // born 2000-01-01
    const dates = ['1949-12-31', '2026-12-01', '2031-01-01', '2010-06', '1990-07'];
    const shown = new Map<string, string[]>();
    for (let i = 0; i < 300; i++) {
      const data: Record<string, string> = { idNumber: pick(rng, [id, young, id.slice(0, 17) + (id[17] === '1' ? '2' : '1')]) };
      if (rng() < 0.5) data.birthDate = pick(rng, ['1985-03-02', '1985-03-03', '2000-01-01']);
      if (rng() < 0.5) data.gender = pick(rng, ['男', '女']);
      data.education = pick(rng, ['高中', '初中', '技工学校', '职高', '中专', '本科']);
      for (const key of ['graduationDate', 'qualificationIssueDate', 'certIssueDate', 'contractStart'] as const) if (rng() < 0.5) data[key] = pick(rng, dates);
      data.contractEnd = pick(rng, ['2026-01-01', '2027-01-01', '2030-01-01']);
      const rules = rulesOf(pick(rng, [[], [{ business: 'initial' as const, conditions: [] }]]));
      // The ID number's findings are the page validators' (v.*), worded to stand beside a page's own label.
      for (const w of profileWarnings(data, NOW, TODAY, rules).filter((x) => x.code.startsWith('profileWarn.'))) {
        // The rule the warning cites is the pack's own sentence (学历须为…): it may name the field.
        const params = { ...w.params, ...(w.params?.rule ? { rule: '' } : {}) };
        for (const lang of ['zh', 'en'] as const) {
          const text = t(w.code, params, lang);
          const name = FIELD_NAMES[w.field][lang];
          expect(lang === 'zh' ? text.includes(name) : new RegExp(`\\b${name}\\b`, 'i').test(text), `${w.code} ${lang}: ${text}`).toBe(false);
          shown.set(w.code, [...(shown.get(w.code) ?? []), text]);
        }
      }
    }
    // Every warning of the catalogue was met (the corpus reaches them all).
    const profileWarnKeys = catalogueKeys('zh').filter((k) => k.startsWith('profileWarn.'));
    expect(profileWarnKeys.filter((k) => !shown.has(k))).toEqual([]);
  });
});
