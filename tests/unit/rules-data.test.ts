import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUSINESS_IDS } from '../../src/domain/ids';
import { BUNDLED_PACK_DATA, bundledPack } from '../../src/rules/bundled';
import { ruleJsonSchemas } from '../../src/rules/json-schema';
import { BusinessRules, Condition, FieldDefinition, RulePack, Step } from '../../src/rules/schema';
import { FIELD_KEYS } from '../../src/domain/ids';
import { builtinPages } from '../../src/portals/registry';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (p: string): unknown => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
// A copy of the source document (../shared/seed/) so a clean clone tests on its own.
const SEED = readFileSync(join(ROOT, 'tests', 'fixtures', 'seed', '000_088af59c4118da0e.txt'), 'utf8');
const squash = (s: string) => s.replace(/\s+/g, '');

describe('rule files', () => {
  it('has exactly one file per business, named by its id, each valid on its own', () => {
    const files = readdirSync(join(ROOT, 'rules', 'businesses')).sort();
    expect(files).toEqual([...BUSINESS_IDS].map((id) => `${id}.json`).sort());
    for (const f of files) {
      const result = BusinessRules.safeParse(read(`rules/businesses/${f}`));
      expect(result.success, `${f}: ${result.error?.message}`).toBe(true);
      expect(result.data?.id).toBe(f.replace(/\.json$/, ''));
    }
  });

  it('every number a check needs is stated in the rule data: a file leaving one out is refused, naming it (the engine assumes none)', () => {
    const needs: Array<[string, string, string]> = [
      ['initial', 'contract-end-one-year', 'years'],
      ['renewal', 'age-limit-65', 'warnDays'],
      ['initial', 'continuing-education-after-3-years', 'years'],
      ['change', 'social-insurance-by-employer', 'months'],
      ['initial', 'education-secondary-vocational-or-higher', 'level'],
    ];
    for (const [business, id, param] of needs) {
      const data = structuredClone(read(`rules/businesses/${business}.json`)) as { checks: Array<{ id: string; params: Record<string, number> }> };
      const at = data.checks.findIndex((c) => c.id === id);
      delete data.checks[at]!.params[param];
      const result = BusinessRules.safeParse(data);
      expect(result.success, `${business}/${id} without ${param}`).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(`checks.${at}.params.${param}`);
    }
    const renewal = structuredClone(read('rules/businesses/renewal.json')) as { renewalTiming?: unknown };
    delete renewal.renewalTiming;
    expect(BusinessRules.safeParse(renewal).error?.issues.map((i) => i.path.join('.'))).toContain('renewalTiming');
  });

  it('validates the shared files', () => {
    expect(Condition.array().safeParse(read('rules/shared/conditions.json')).success).toBe(true);
    expect(Step.array().safeParse(read('rules/shared/steps.json')).success).toBe(true);
    const fields = FieldDefinition.array().parse(read('rules/shared/fields.json'));
    expect(fields.map((f) => f.key).sort()).toEqual([...FIELD_KEYS].sort());
  });

  it('assembles into one valid pack with a version, sources and every reference resolved', () => {
    const result = RulePack.safeParse(BUNDLED_PACK_DATA);
    expect(result.success, result.error?.message).toBe(true);
    const pack = bundledPack();
    expect(pack.version).toMatch(/^\d+\.\d+\.\d+$/);
    const pageIds = new Set(builtinPages().map((p) => p.id));
    for (const s of pack.steps) if (s.page) expect(pageIds, `step ${s.id}`).toContain(s.page);
  });

  it('keeps generated JSON Schemas beside the files up to date (npm run rules:schema)', () => {
    for (const [file, schema] of Object.entries(ruleJsonSchemas())) {
      expect(read(`rules/schema/${file}`), file).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});

describe('materials match the seed (§四)', () => {
  const pack = bundledPack();
  const business = (id: string) => pack.businesses.find((b) => b.id === id)!;
  const listed = (id: string) => business(id).materials.filter((m) => m.seedItem !== undefined);

  it.each([
    ['initial', ['申请表', '学历证书', '身份证', '劳动合同', '诚信证明', '本人视频']],
    ['renewal', ['申请表', '身份证', '劳动合同', '诚信证明', '本人视频']],
    ['change', ['申请表', '身份证', '注册证书', '解聘证明', '劳动合同', '诚信证明', '本人视频']],
    ['add-specialty', ['申请表', '身份证', '注册证书', '本人视频']],
    ['cancel', ['申请表', '身份证', '其它材料']],
    ['reissue', ['申请表', '身份证', '本人视频']],
  ])('%s lists the seed items in the seed table order', (id, names) => {
    const items = listed(id);
    expect(items.map((m) => m.name)).toEqual(names);
    expect(items.map((m) => m.seedItem)).toEqual(names.map((_, i) => i + 1));
  });

  it('copies every 说明 of §四 verbatim (whitespace aside)', () => {
    for (const b of pack.businesses.filter((x) => x.id !== 'info-change')) {
      for (const m of listed(b.id)) expect(squash(SEED), `${b.id}/${m.id}`).toContain(squash(m.note));
    }
  });

  it('variations: 单位更名 needs items 1-3 plus licence, qualification certificate and legal-rep video', () => {
    const change = business('change');
    const extras = change.materials.filter((m) => m.condition === 'company-renamed').map((m) => m.id);
    expect(extras).toEqual(['business-license', 'company-qualification-certificate', 'legal-representative-video']);
    const dropped = change.materials.filter((m) => m.notWhen.includes('company-renamed')).map((m) => m.seedItem ?? m.id);
    expect(dropped).toEqual(['practice-seal', 4, 5, 6, 'retirement-certificate', 7]);
  });

  it('变更: the 执业印章 goes in with the certificate (153号令 第十三条（二）), marked as the national rule the seed does not list', () => {
    const change = business('change');
    const ids = change.materials.map((m) => m.id);
    expect(ids.indexOf('practice-seal')).toBe(ids.indexOf('registration-certificate') + 1);
    expect(change.materials.find((m) => m.id === 'practice-seal')).toMatchObject({
      requirement: 'required',
      submit: [{ channel: 'counter', form: 'original' }],
      source: { doc: '建设部令第153号', inferred: true },
    });
  });

  it('注销: 其它材料 holds the statement, higher-level certificate or dismissal proof, certificate or loss report', () => {
    const other = business('cancel').materials.find((m) => m.id === 'other-materials')!;
    expect(other.subItems?.map((s) => [s.id, s.requirement, s.condition ?? null, s.notWhen])).toEqual([
      ['cancellation-statement', 'required', null, []],
      ['higher-qualification-certificate', 'conditional', 'cancel-higher-qualification', []],
      ['dismissal-certificate', 'conditional', 'cancel-dismissed', []],
      ['registration-certificate', 'required', null, ['certificate-lost']],
      ['loss-report', 'conditional', 'certificate-lost', []],
    ]);
  });

  it('遗失补证: the application form is needed in two copies', () => {
    expect(business('reissue').materials[0]).toMatchObject({ id: 'application-form', copies: 2 });
  });

  it('遗失补证 is also the way to a new certificate after a 个人信息更改 (seed §一 1（3）④): its steps say so', () => {
    expect(business('reissue').steps[0]).toBe('prov-info-change-reissue');
    expect(business('info-change').steps).toContain('prov-info-change-reissue');
    expect(pack.steps.find((s) => s.id === 'prov-info-change-reissue')?.text).toContain('遗失补办或污损更换');
  });

  it('退休人员 need the retirement certificate wherever 诚信证明 is listed', () => {
    for (const id of ['initial', 'renewal', 'change']) {
      const extra = business(id).materials.find((m) => m.id === 'retirement-certificate');
      expect(extra, id).toMatchObject({ requirement: 'conditional', condition: 'retired', extraOf: 'integrity-proof' });
    }
  });

  it('初始: a condition for 考试单位与注册单位不一致 and 学信网无法打印', () => {
    expect(business('initial').conditions).toEqual(['retired', 'exam-employer-differs', 'xuexin-unavailable', 'qualification-over-3-years', 'two-employers']);
  });

  it('个人信息更改: five parts in ONE PDF of at most 2 × 1024 × 1024 bytes', () => {
    const b = business('info-change');
    expect(b.materials).toHaveLength(5);
    expect(b.bundles).toHaveLength(1);
    expect(b.bundles[0]!.parts).toEqual(b.materials.map((m) => m.id));
    expect(b.bundles[0]!.upload).toEqual({ accept: ['pdf'], maxBytes: 2_097_152, single: true });
  });

  it('本人视频 is a video with sound everywhere', () => {
    for (const b of pack.businesses) {
      for (const m of b.materials.filter((x) => x.id === 'personal-video')) {
        expect(m.upload, b.id).toEqual({ accept: ['video'], audio: true });
      }
    }
  });

  it('gives every business its portal path with steps on both portals (info-change: provincial only)', () => {
    for (const b of pack.businesses) {
      const portals = new Set(b.steps.map((s) => pack.steps.find((x) => x.id === s)?.portal).filter(Boolean));
      if (b.id === 'info-change') expect([...portals]).toEqual(['province']);
      else expect([...portals].sort()).toEqual(['jinan-zwdt', 'province']);
    }
  });
});

describe('pack schema rejects mistakes', () => {
  const valid = () => structuredClone(BUNDLED_PACK_DATA) as { businesses: Array<Record<string, unknown>> } & Record<string, unknown>;

  it('refuses a misspelt key (strict objects)', () => {
    const data = valid();
    const m = (data.businesses[0]!.materials as Array<Record<string, unknown>>)[0]!;
    m.nmae = m.name;
    const result = RulePack.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['businesses', 0, 'materials', 0]);
  });

  it('refuses an unknown condition, a duplicate id and a step that does not exist', () => {
    const data = valid();
    const b = data.businesses[1]!;
    (b.conditions as string[]).push('no-such-condition');
    const mats = b.materials as Array<Record<string, unknown>>;
    mats[1]!.id = mats[0]!.id;
    (b.steps as string[]).push('no-such-step');
    const messages = RulePack.safeParse(data).error?.issues.map((i) => i.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        '未定义的条件：no-such-condition',
        expect.stringContaining('材料 id 重复：application-form'),
        '未定义的步骤：no-such-step',
      ]),
    );
  });
});

describe('check texts as an applicant reads them (printed checklist 注意事项)', () => {
  const pack = bundledPack();
  const conditionName = (id: string) => pack.conditions.find((c) => c.id === id)?.name ?? id;
  // The printed checklist lists every check that applies under the ticked situations; a check that runs only in
  // one situation must say so, or an applicant outside it reads a rule that is not theirs (初始: 解聘日期 for
  // everyone, though the seed asks it only when the exam employer differs).
  const situations = (c: (typeof pack.businesses)[number]['checks'][number]): string[] => [
    ...c.when,
    ...(c.params.onlyWhenExamEmployerDiffers ? ['exam-employer-differs'] : []),
  ];

  it('a check that holds only in a situation names that situation in its text', () => {
    const checked = pack.businesses.flatMap((b) => b.checks.filter((c) => situations(c).length > 0).map((c) => [b.id, c] as const));
    expect(checked.length).toBeGreaterThanOrEqual(4);
    for (const [business, c] of checked) {
      for (const s of situations(c)) {
        expect(c.text, `${business}/${c.id}`).toContain(conditionName(s));
        expect(c.textEn, `${business}/${c.id}`).toContain(pack.conditions.find((x) => x.id === s)?.nameEn);
      }
    }
  });

  it('every check reads in English too, without Chinese the English page would have to mark (numbers kept)', () => {
    const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;
    for (const b of pack.businesses) {
      for (const c of b.checks) {
        expect(c.textEn, `${b.id}/${c.id}`).toBeTruthy();
        expect(c.textEn, `${b.id}/${c.id}`).not.toMatch(cjk);
        // The numbers of the rule (30 / 90 days, 65, 3 years or months, 60 hours) are the same in both texts.
        const numbers = (t: string) => [...new Set(t.match(/\d+/g) ?? [])].filter((n) => !['1', '2010', '192'].includes(n)).sort();
        expect(numbers(c.textEn ?? ''), `${b.id}/${c.id}`).toEqual(numbers(c.text));
      }
    }
  });
});

describe('the English notes say what the Chinese 说明 say', () => {
  type Pair = [string, string, string | undefined];
  type Walked = { id: string; note: string; noteEn?: string | undefined; editorialNote?: string | undefined; editorialNoteEn?: string | undefined; subItems?: unknown };
  // Every Chinese text of a business a reader sees on the printable checklist: 说明, 编者注 and the seed's list.
  const notes = () => {
    const pack = bundledPack();
    const walk = (ms: readonly Walked[], b: string): Pair[] =>
      ms.flatMap((m): Pair[] => [
        [`${b}/${m.id}`, m.note, m.noteEn],
        ...(m.editorialNote ? [[`${b}/${m.id} 编者注`, m.editorialNote, m.editorialNoteEn] satisfies Pair] : []),
        ...walk(Array.isArray(m.subItems) ? m.subItems : [], b),
      ]);
    return pack.businesses.flatMap((b): Pair[] => [
      [`${b.id} summary`, b.summary, b.summaryEn],
      ...walk(b.materials, b.id),
      ...b.bundles.map((x): Pair => [`${b.id}/${x.id}`, x.note, x.noteEn]),
    ]);
  };

  it('every material and bundle has one, with every URL, number and quoted portal term of the Chinese', () => {
    const facts = (t: string) => [...(t.match(/https?:\/\/\S+?(?=[）)，。\s系]|$)/g) ?? []), ...(t.replace(/https?:\/\/\S+/g, '').match(/\d+/g) ?? [])];
    const all = notes();
    expect(all.length).toBeGreaterThan(50);
    for (const [where, zh, en] of all) {
      expect(en, where).toBeTruthy();
      for (const f of facts(zh)) expect(en, `${where}: ${f}`).toContain(f);
      for (const [, term] of zh.matchAll(/[“《]([^”》]+)[”》]/g)) expect(en, `${where}: ${term}`).toContain(term);
    }
  });

  it('speaks English: Chinese only inside a quoted term or a name given with it', () => {
    const cjk = /[\u3400-\u4dbf\u4e00-\u9fff]/u;
    for (const [where, , en] of notes()) {
      const bare = (en ?? '').replace(/[“《(（][^”》)）]*[”》)）]/g, '').replace(/建市〔\d+〕\d+号/g, '');
      expect(bare, where).not.toMatch(cjk);
    }
  });
});

describe('the English steps say what the Chinese ones say', () => {
  // An English reader must not lose a number, an address or a telephone the Chinese step gives (the approval
  // step's results address was in the Chinese text only).
  it('every URL and number of a step is in its English text too', () => {
    const pack = bundledPack();
    const facts = (t: string) => [...(t.match(/https?:\/\/\S+?(?=[）)，。\s]|$)/g) ?? []), ...(t.replace(/https?:\/\/\S+/g, '').match(/\d+/g) ?? [])];
    for (const step of pack.steps) {
      for (const f of facts(step.text)) expect(step.textEn, `${step.id}: ${f}`).toContain(f);
    }
  });

  // The portal's own words a step quotes (a button “上报单位”, a form 《…申请表》) are what the reader must find on
  // the page, whatever the interface language: the English step quotes them too.
  it('every portal term a step quotes is quoted in its English text too', () => {
    for (const step of bundledPack().steps) {
      for (const [, term] of step.text.matchAll(/[“《]([^”》]+)[”》]/g)) expect(step.textEn, `${step.id}: ${term}`).toContain(term);
    }
  });
});
