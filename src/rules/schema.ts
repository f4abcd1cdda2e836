/**
 * The rule pack: everything the extension knows about the businesses, as data with sources and effective
 * dates (policy changes by date). Files under rules/ are validated against these schemas in tests and on
 * import; objects are strict so a typo fails instead of being ignored. rules/schema/*.json is generated
 * from here (npm run rules:schema) and checked to be current by a test.
 */
import * as z from 'zod';
import { BUSINESS_IDS, FIELD_KEYS } from '../domain/ids';
import { PORTAL_IDS } from '../portals/origins';
import type { Marker } from '../portals/page';

const Kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '应为小写英文与连字符（kebab-case）');
const IsoDate = z.iso.date({ error: '应为 yyyy-MM-dd 格式的日期' });
const Zh = z.string().min(1).regex(/\p{Script=Han}/u, '应包含中文');

export const SourceRef = z.strictObject({
  /** `seed` = ../shared/seed/000_088af59c4118da0e.txt; otherwise a regulation or document name. */
  doc: z.string().min(1),
  section: z.string().min(1),
  /** Marks facts we inferred rather than read (domain.md): keep them visible. A rule whose source does not
   * state it (a comparable province, our own advice, a national rule not confirmed for Jinan) must say so:
   * RulePack refuses it otherwise (sourceProblems). */
  inferred: z.boolean().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** Where a material is handed in and in what form. */
export const Submission = z.strictObject({
  channel: z.enum(['province', 'jinan-zwdt', 'counter']),
  form: z.enum(['scan', 'original', 'copy', 'original-and-copy', 'video', 'printout']),
});
export type Submission = z.infer<typeof Submission>;

export const UploadConstraint = z.strictObject({
  /** File kinds the upload accepts. */
  accept: z.array(z.enum(['pdf', 'jpg', 'png', 'video'])).min(1),
  /** Upper bound in bytes ("不大于2M" = 2 × 1024 × 1024). */
  maxBytes: z.number().int().positive().optional(),
  /** Everything in ONE file (个人信息更改). */
  single: z.boolean().optional(),
  /** A video must carry sound (本人视频: 有声视频). */
  audio: z.boolean().optional(),
  /** The formats are our advice, not a source's requirement (the seed names none for scans): shown as such,
   * and a file of another kind is a warning, not an error. */
  advice: z.boolean().optional(),
});
export type UploadConstraint = z.infer<typeof UploadConstraint>;

const MaterialBase = {
  id: Kebab,
  name: Zh,
  nameEn: z.string().min(1),
  /** The seed's 说明, in Chinese. */
  note: Zh,
  /** The 说明 in English, sentence by sentence (optional so that older packs still import; the Chinese is shown too). */
  noteEn: z.string().min(1).optional(),
  /** Other names the portals' material tables use for it (matched when marking uploads as done). */
  aliases: z.array(z.string().min(1)).default([]),
  submit: z.array(Submission).min(1),
  requirement: z.enum(['required', 'conditional']),
  /** With `conditional`: the condition that makes it needed. */
  condition: Kebab.optional(),
  /** Conditions under which a required item is NOT needed (变更注册, 单位更名: only items 1-3 + extras). */
  notWhen: z.array(Kebab).default([]),
  upload: UploadConstraint.optional(),
  /** How many copies on paper (遗失补证 申请表 一式两份). */
  copies: z.number().int().min(2).optional(),
  /** 编者注: what a slip in the quoted source text means (the note itself stays verbatim). */
  editorialNote: Zh.optional(),
  /** The 编者注 in English (the Chinese is shown too). */
  editorialNoteEn: z.string().min(1).optional(),
  source: SourceRef,
  effectiveFrom: IsoDate,
};

export const SubItem = z.strictObject(MaterialBase);
export type SubItem = z.infer<typeof SubItem>;

export const Material = z
  .strictObject({
    ...MaterialBase,
    /** The item's number in the seed's list for this business; extras (conditional documents) have none. */
    seedItem: z.number().int().positive().optional(),
    /** A conditional extra belongs to a main item (退休证 → 诚信证明). */
    extraOf: Kebab.optional(),
    /** Listed parts of one material (注销 其它材料 a–d; the 个人信息更改 PDF). */
    subItems: z.array(SubItem).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.requirement === 'conditional' && !m.condition) {
      ctx.addIssue({ code: 'custom', path: ['condition'], message: '有条件的材料必须写明条件（condition）' });
    }
    if (m.requirement === 'required' && m.condition) {
      ctx.addIssue({ code: 'custom', path: ['condition'], message: '必需材料不应带条件；请改为 conditional' });
    }
    // A required item the seed does not list comes from another source (153号令), which it must cite.
    if (m.seedItem === undefined && m.requirement !== 'conditional' && m.source.doc === 'seed') {
      ctx.addIssue({ code: 'custom', path: ['seedItem'], message: '清单外的必需材料须注明其他依据（source.doc 不能是 seed）；清单内材料请写 seedItem' });
    }
    if (m.seedItem !== undefined && m.extraOf !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['extraOf'], message: '清单内材料（有 seedItem）不能同时是附加材料（extraOf）' });
    }
  });
export type Material = z.infer<typeof Material>;

export const Step = z.strictObject({
  id: Kebab,
  portal: z.enum(PORTAL_IDS).optional(),
  /** The page where this step happens, when we recognise it. */
  page: Kebab.optional(),
  text: Zh,
  textEn: z.string().min(1),
  source: SourceRef,
});
export type Step = z.infer<typeof Step>;

/** Kinds of cross-field check the engine knows (src/validate/checks.ts); params are per kind. */
export const CHECK_KINDS = [
  'contract-end-min-years',
  'contract-start-after-dismissal',
  'dismissal-after-cert-issue',
  'id-matches-birth-gender',
  'max-age',
  'renewal-window',
  'qualification-continuing-education',
  'start-not-after-end',
  'not-in-future',
  'social-insurance-employer',
  'refusal-condition',
  // The minimum 学历 (params.level: src/domain/education.ts, 1 = 中等专科). Read where a profile is checked (the
  // editor, the fill preview, the import); a portal page's own list offers no 学历 below it.
  'education-minimum',
] as const;

/**
 * The numbers each kind needs, which the rule data must state: a pack leaving one out is refused, never completed
 * from a number in code (the engine, src/validate/checks.ts, assumes none). `social-insurance-employer`'s months
 * may be 0 (the guide states none for 延续/变更).
 */
const KIND_PARAMS: Partial<Record<(typeof CHECK_KINDS)[number], readonly string[]>> = {
  'contract-end-min-years': ['years'],
  'max-age': ['years', 'warnDays'],
  'qualification-continuing-education': ['years'],
  'social-insurance-employer': ['months'],
  'education-minimum': ['level'],
};

export const Check = z
  .strictObject({
    id: Kebab,
    kind: z.enum(CHECK_KINDS),
    severity: z.enum(['error', 'warning']),
    /** Numbers the kind needs (years, days), e.g. { "years": 1 }. */
    params: z.record(z.string(), z.number()).default({}),
    /** Field pairs or lists the kind works on, e.g. ["contractStart", "contractEnd"]. */
    fields: z.array(z.enum(FIELD_KEYS)).default([]),
    /** Runs only while one of these conditions is set (empty: always). */
    when: z.array(Kebab).default([]),
    /** Does not run while one of these is set (变更 + 单位更名: no contract or 解聘 checks). */
    notWhen: z.array(Kebab).default([]),
    /** A short Chinese statement of the rule, shown in the checklist. */
    text: Zh,
    /** The same rule in English, for the English checklist (optional so that older packs still import). */
    textEn: z.string().min(1).optional(),
    source: SourceRef,
    effectiveFrom: IsoDate,
  })
  .superRefine((c, ctx) => {
    for (const p of KIND_PARAMS[c.kind] ?? []) {
      if (c.params[p] === undefined) ctx.addIssue({ code: 'custom', path: ['params', p], message: `检查类型 ${c.kind} 须在 params 中给出 ${p}` });
    }
  });
export type Check = z.infer<typeof Check>;

export const Condition = z.strictObject({
  id: Kebab,
  name: Zh,
  nameEn: z.string().min(1),
  /** A profile field that decides it, where one does (retired = 是). */
  field: z.enum(FIELD_KEYS).optional(),
  /** Exactly one condition of a group applies (radio buttons): 注销 reasons. Materials conditional on a group
   * member stay `missing` until one is chosen (contract.md). */
  oneOf: Kebab.optional(),
  /** The situation is a 不予注册 case: when the user confirms it, the checklist says so. */
  refusal: z.boolean().optional(),
  source: SourceRef,
});
export type Condition = z.infer<typeof Condition>;

/** Several materials handed in as ONE file (个人信息更改: one PDF ≤ 2 MB). */
export const Bundle = z.strictObject({
  id: Kebab,
  name: Zh,
  nameEn: z.string().min(1),
  note: Zh,
  noteEn: z.string().min(1).optional(),
  parts: z.array(Kebab).min(2),
  upload: UploadConstraint,
  source: SourceRef,
  effectiveFrom: IsoDate,
});
export type Bundle = z.infer<typeof Bundle>;

/**
 * When a 延续注册 can be filed, stated once (rules/businesses/renewal.json) and read by the page check and the
 * workbench's deadlines (src/rules/renewal.ts).
 */
export const RenewalTiming = z.strictObject({
  /** 届满30日前: filing later than this many days before expiry is too late (153号令 第十二条). */
  lastDaysBefore: z.number().int().positive(),
  source: SourceRef,
  /** Earlier than this many days before expiry: a warning that the system may not be open yet. */
  earlyWarnDaysBefore: z.number().int().positive(),
  earlySource: SourceRef,
  /** After expiry there is no 延续: the route is 重新注册 (handled as an initial registration). */
  afterExpiry: z.enum(['initial']),
  afterExpirySource: SourceRef,
});
export type RenewalTiming = z.infer<typeof RenewalTiming>;

export const BusinessRules = z.strictObject({
  /** Editors' hint to rules/schema/business.schema.json; ignored. */
  $schema: z.string().optional(),
  id: z.enum(BUSINESS_IDS),
  name: Zh,
  nameEn: z.string().min(1),
  /** Seed heading list, as written (for the record and the counts). */
  summary: Zh,
  /** The seed heading list in English (optional so that older packs still import; the Chinese is shown too). */
  summaryEn: z.string().min(1).optional(),
  source: SourceRef,
  effectiveFrom: IsoDate,
  conditions: z.array(Kebab).default([]),
  materials: z.array(Material).min(1),
  /** Step ids (rules/shared/steps.json), in order. */
  steps: z.array(Kebab).min(1),
  checks: z.array(Check).default([]),
  bundles: z.array(Bundle).default([]),
  renewalTiming: RenewalTiming.optional(),
}).superRefine((b, ctx) => {
  // The renewal window's days are the business's renewalTiming (src/rules/view.ts): no timing, no window to check.
  if (!b.renewalTiming && b.checks.some((c) => c.kind === 'renewal-window')) {
    ctx.addIssue({ code: 'custom', path: ['renewalTiming'], message: '有 renewal-window 检查的业务须给出 renewalTiming' });
  }
});
export type BusinessRules = z.infer<typeof BusinessRules>;

/**
 * What the portals call a field: portal data. Names, type and vocabulary are the field table's
 * (src/domain/fields.ts); packs written before it carried them too, and those keys are accepted and ignored.
 */
export const FieldDefinition = z
  .strictObject({
    key: z.enum(FIELD_KEYS),
    /**
     * Label texts the portals use for it (normalised: no stars, colons or spaces). The one lexicon: spreadsheet
     * import maps column headers with it too.
     */
    labels: z.array(z.string().min(1)).min(1),
    /** Known element ids / names on the portals (domain.md), matched exactly and case-insensitively. */
    ids: z.array(z.string().min(1)).default([]),
    source: SourceRef,
    name: z.string().optional(),
    nameEn: z.string().optional(),
    type: z.string().optional(),
    vocabulary: z.string().optional(),
  })
  .transform(({ key, labels, ids, source }) => ({ key, labels, ids, source }));
export type FieldDefinition = z.infer<typeof FieldDefinition>;

export const Office = z.strictObject({
  role: z.string().min(1),
  roleEn: z.string().min(1),
  name: Zh,
  address: z.string().optional(),
  phone: z.string().optional(),
  url: z.string().optional(),
});

/** A regular-expression source, checked to compile (a broken pattern in a pack must not reach a page). */
const Pattern = z.string().min(1).refine((s) => {
  try {
    new RegExp(s, 'i');
    return true;
  } catch {
    return false;
  }
}, '不是有效的正则表达式');

/** DOM markers of a page definition: the type is src/portals/page.ts `Marker` (evaluated by src/portals/markers.ts). */
export type PageMarker = Marker;
export const PageMarker: z.ZodType<PageMarker> = z.lazy(() =>
  z.union([
    z.strictObject({ heading: Pattern }),
    z.strictObject({ text: Pattern }),
    z.strictObject({ labels: z.array(z.string().min(1)).min(1) }),
    z.strictObject({ element: z.string().min(1) }),
    z.strictObject({ button: Pattern }),
    z.strictObject({ form: z.number().int().min(1) }),
    z.strictObject({ all: z.array(PageMarker).min(1) }),
    z.strictObject({ any: z.array(PageMarker).min(1) }),
    z.strictObject({ not: PageMarker }),
  ]),
);

const FieldList = z.array(z.enum(FIELD_KEYS));

/** One portal page (rules/pages/<id>.json, the file name being the id). */
export const PageDefinition = z.strictObject({
  $schema: z.string().optional(),
  id: Kebab,
  portal: z.enum(PORTAL_IDS),
  name: Zh,
  nameEn: z.string().min(1),
  /** Path pattern of the page family; absent where paths are not public (provincial pages). */
  path: Pattern.optional(),
  markers: PageMarker,
  business: z.enum([...BUSINESS_IDS, 'none']).optional(),
  expects: z.partialRecord(z.enum([...BUSINESS_IDS, '*']), FieldList).optional(),
  onlyFields: FieldList.optional(),
  ids: z.partialRecord(z.enum(FIELD_KEYS), z.array(z.string().min(1))).optional(),
  /** The page can show 办件 (status, 补正意见): the panel reads them there (src/cases/portal-status.ts). */
  cases: z.boolean().optional(),
});
export type PageDefinition = z.infer<typeof PageDefinition>;

export const PackMeta = z.strictObject({
  format: z.literal('jzs-rule-pack'),
  /** Semantic version; a newer pack has a higher version. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, '版本号应为 主.次.修订（如 1.2.0）'),
  effectiveFrom: IsoDate,
  /** The day someone last compared the rules with their sources (shown on the checklist). */
  lastVerified: IsoDate,
  title: Zh,
  sources: z.array(
    z.strictObject({
      id: z.string().min(1),
      title: z.string().min(1),
      note: z.string().optional(),
      /** `official`: the seed, a law, a regulation or a standard, which states what it is cited for;
       * `comparable`: another province's system or agency practice; `ours`: this tool's own advice. Rules citing
       * anything but `official` are inferences and must say `inferred: true`. */
      kind: z.enum(['official', 'comparable', 'ours']),
    }),
  ),
});

export const RulePack = z
  .strictObject({
    ...PackMeta.shape,
    conditions: z.array(Condition),
    steps: z.array(Step),
    fields: z.array(FieldDefinition),
    offices: z.array(Office),
    businesses: z.array(BusinessRules),
    /** Page definitions; older packs have none and keep the built-in ones. */
    pages: z.array(PageDefinition).default([]),
  })
  .superRefine((pack, ctx) => {
    const conditionIds = new Set(pack.conditions.map((c) => c.id));
    const stepIds = new Set(pack.steps.map((s) => s.id));
    const dup = (ids: string[], path: (string | number)[], what: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `${what} id 重复：${id}` });
        seen.add(id);
      });
    };
    dup(pack.conditions.map((c) => c.id), ['conditions'], '条件');
    dup(pack.steps.map((s) => s.id), ['steps'], '步骤');
    dup(pack.fields.map((f) => f.key), ['fields'], '字段');
    dup(pack.businesses.map((b) => b.id), ['businesses'], '业务');
    dup(pack.pages.map((p) => p.id), ['pages'], '页面');
    pack.pages.forEach((p, pi) => {
      if (p.id.endsWith('-unrecognised')) ctx.addIssue({ code: 'custom', path: ['pages', pi, 'id'], message: `页面 id 不能以 -unrecognised 结尾：${p.id}` });
    });
    for (const p of sourceProblems(pack)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    pack.businesses.forEach((b, bi) => {
      const materialIds = b.materials.flatMap((m) => [m.id, ...(m.subItems ?? []).map((s) => s.id)]);
      dup(materialIds, ['businesses', bi, 'materials'], '材料');
      dup(b.checks.map((c) => c.id), ['businesses', bi, 'checks'], '校验规则');
      b.checks.forEach((c, ci) => {
        for (const k of [...c.when, ...c.notWhen]) {
          if (!b.conditions.includes(k)) ctx.addIssue({ code: 'custom', path: ['businesses', bi, 'checks', ci], message: `校验规则 ${c.id} 使用的条件 ${k} 未列在本业务的 conditions 中` });
        }
      });
      const own = new Set(b.materials.map((m) => m.id));
      b.conditions.forEach((c, ci) => {
        if (!conditionIds.has(c)) ctx.addIssue({ code: 'custom', path: ['businesses', bi, 'conditions', ci], message: `未定义的条件：${c}` });
      });
      const used = new Set(b.conditions);
      b.steps.forEach((s, si) => {
        if (!stepIds.has(s)) ctx.addIssue({ code: 'custom', path: ['businesses', bi, 'steps', si], message: `未定义的步骤：${s}` });
      });
      b.materials.forEach((m, mi) => {
        const all = [m, ...(m.subItems ?? [])];
        for (const item of all) {
          for (const c of [item.condition, ...item.notWhen]) {
            if (c && !used.has(c)) {
              ctx.addIssue({ code: 'custom', path: ['businesses', bi, 'materials', mi], message: `材料 ${item.id} 使用的条件 ${c} 未列在本业务的 conditions 中` });
            }
          }
        }
        if (m.extraOf !== undefined && !own.has(m.extraOf)) {
          ctx.addIssue({ code: 'custom', path: ['businesses', bi, 'materials', mi, 'extraOf'], message: `extraOf 指向不存在的材料：${m.extraOf}` });
        }
      });
      b.bundles.forEach((bundle, bi2) => {
        bundle.parts.forEach((p, pi) => {
          if (!own.has(p)) ctx.addIssue({ code: 'custom', path: ['businesses', bi, 'bundles', bi2, 'parts', pi], message: `打包材料引用了不存在的材料：${p}` });
        });
      });
    });
  });
export type RulePack = z.infer<typeof RulePack>;

type Sourced = { source: SourceRef };
type PackForSources = Pick<z.infer<typeof PackMeta>, 'sources'> & {
  conditions: Sourced[];
  steps: Sourced[];
  businesses: Array<{
    materials: Array<Sourced & { subItems?: Sourced[] | undefined }>;
    checks: Sourced[];
    bundles: Sourced[];
    renewalTiming?: { source: SourceRef; earlySource: SourceRef; afterExpirySource: SourceRef } | undefined;
  }>;
};

/**
 * Nothing invented without a flag: every rule cites a source the pack lists, and a rule citing a source that
 * does not itself state it (kind `comparable` or `ours`) is marked `inferred: true`.
 */
export function sourceProblems(pack: PackForSources): Array<{ path: (string | number)[]; message: string }> {
  const kinds = new Map(pack.sources.map((s) => [s.id, s.kind]));
  const problems: Array<{ path: (string | number)[]; message: string }> = [];
  const visit = (ref: SourceRef, path: (string | number)[]) => {
    const kind = kinds.get(ref.doc);
    if (!kind) problems.push({ path: [...path, 'doc'], message: `依据「${ref.doc}」未列在规则包的 sources 中` });
    else if (kind !== 'official' && ref.inferred !== true) {
      problems.push({ path: [...path, 'inferred'], message: `依据「${ref.doc}」不是官方文件，此规则须标明 inferred: true` });
    }
  };
  pack.conditions.forEach((c, i) => visit(c.source, ['conditions', i, 'source']));
  pack.steps.forEach((s, i) => visit(s.source, ['steps', i, 'source']));
  pack.businesses.forEach((b, bi) => {
    b.materials.forEach((m, mi) => {
      visit(m.source, ['businesses', bi, 'materials', mi, 'source']);
      (m.subItems ?? []).forEach((s, si) => visit(s.source, ['businesses', bi, 'materials', mi, 'subItems', si, 'source']));
    });
    b.checks.forEach((c, ci) => visit(c.source, ['businesses', bi, 'checks', ci, 'source']));
    b.bundles.forEach((x, xi) => visit(x.source, ['businesses', bi, 'bundles', xi, 'source']));
    const rt = b.renewalTiming;
    if (rt) {
      visit(rt.source, ['businesses', bi, 'renewalTiming', 'source']);
      visit(rt.earlySource, ['businesses', bi, 'renewalTiming', 'earlySource']);
      visit(rt.afterExpirySource, ['businesses', bi, 'renewalTiming', 'afterExpirySource']);
    }
  });
  return problems;
}
