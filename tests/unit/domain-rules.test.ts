/**
 * Issue 14: rules that match the law and the guide. Vectors come from independent implementations written
 * here (ICU's Asia/Shanghai zone, Julian day numbers, the standards' own tables) — never from the code under
 * test — and the clock is set to instants where Jinan's date differs from UTC's and New York's. The suite runs
 * in three zones (npm run test:unit).
 */
import { h, render } from 'preact';
import { setLang, t } from '../../src/i18n';
import '../../src/i18n/all';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/domain/fields';
import { fieldViews } from '../../src/background/handlers';
import { type BusinessId, OPEN_ENDED } from '../../src/domain/ids';
import { toCsv } from '../../src/profiles/io/export';
import { autoMap } from '../../src/profiles/io/mapping';
import { validateRow } from '../../src/profiles/io/rows';
import { PageValidator } from '../../src/content/validation';
import { readsPage } from '../helpers/checker';
import { mapFields } from '../helpers/map-fields';
import { ProfileBody } from '../../src/profiles/schema';
import { BUNDLED_PACK_DATA, bundledPack } from '../../src/rules/bundled';
import { renewalState, renewalTimingOf } from '../../src/rules/renewal';
import { RulePack, sourceProblems } from '../../src/rules/schema';
import { type ItemView, progress, statusOf, toggleCondition } from '../../src/rules/status';
import { checklistView } from '../../src/rules/view';
import { ChecklistList } from '../../src/ui/components/ChecklistList';
import { normOrgName, runChecks, type Values } from '../../src/validate/checks';
import { impliedConditions } from '../../src/cases/implied-conditions';
import { validateCreditCode } from '../../src/validate/credit-code';
import { todayInShanghai } from '../../src/domain/calendar';
import { parseDateText } from '../../src/validate/dates';
import { validateField } from '../../src/validate/field';
import { validateIdNumber } from '../../src/validate/id-number';
import { normaliseMobile, validateMobile } from '../../src/validate/simple';
import type { FieldFinding, Finding } from '../../src/validate/types';
import { checkUpload } from '../../src/validate/upload';

// ---------- independent references ----------

/** Jinan's calendar date of an instant, from ICU's time-zone database (not our fixed +8). */
// One formatter for the whole file: a new one per call made the year-of-hours test take seconds on a loaded machine.
const JINAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const jinanDate = (d: Date) => JINAN_DAY.format(d);

/** Julian day number of a proleptic Gregorian date (Fliegel & Van Flandern), and back. */
function jdn(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 32045;
}
function fromJdn(j: number): string {
  const a = j + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
const addDays = (iso: string, n: number) => fromJdn(jdn(iso) + n);
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** + n years; 29 February → 28 February in a common year (民法典 第二百零二条: the month's last day). */
function addYears(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const yy = y + n;
  const dd = m === 2 && d === 29 && !leap(yy) ? 28 : d;
  return `${yy}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
/** GB 11643-1999 check character, ISO 7064 MOD 11-2 computed as the standard writes it: Σ aᵢ·2^(i−1) mod 11. */
function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11]!;
}
const idWith = (birth: string, area = '370102', seq = '123') => {
  const first = `${area}${birth.replace(/-/g, '')}${seq}`;
  return first + idCheck(first);
};

/**
 * Instants around Jinan's midnight: 15:59:59Z (still the day before in Jinan), 16:00Z (Jinan's new day, still
 * the old one in UTC), 17:00Z (New York's noon, Jinan's next day), and a leap day.
 */
const INSTANTS = [
  '2026-11-22T15:59:59.999Z',
  '2026-11-22T16:00:00Z',
  '2026-11-23T04:00:00Z',
  '2026-11-23T17:00:00Z',
  '2026-12-31T16:30:00Z',
  '2028-02-28T16:00:00Z',
  '2025-02-28T17:00:00Z',
].map((s) => new Date(s));

const NONE: ReadonlySet<string> = new Set<string>();
const pack = bundledPack();
const view = (b: BusinessId) => checklistView(pack, b);
const run = (b: BusinessId, values: Values, now: Date, conditions: string[] = []) =>
  runChecks(view(b).checks, values, { now, conditions: new Set(conditions) });
const brief = (f: FieldFinding[]) => f.map((x) => `${x.severity}:${x.field}:${x.code}`);
const codes = (f: Finding[]) => f.map((x) => `${x.severity}:${x.code}`);
const itemOf = (b: BusinessId, id: string): ItemView => {
  const all = view(b).items.flatMap((i) => [i, ...i.subItems]);
  const found = all.find((i) => i.id === id);
  if (!found) throw new Error(`${b} has no ${id}`);
  return found;
};

// ---------- 1. today is Jinan's date ----------

describe('14.1 "today" is the calendar date in Asia/Shanghai', () => {
  it('agrees with ICU at zone-boundary instants and every hour of a year', () => {
    for (const now of INSTANTS) expect(todayInShanghai(now), now.toISOString()).toBe(jinanDate(now));
    const start = Date.UTC(2026, 0, 1);
    for (let hour = 0; hour < 366 * 24; hour++) {
      const now = new Date(start + hour * 3_600_000 + 59 * 60_000);
      if (todayInShanghai(now) !== jinanDate(now)) expect(todayInShanghai(now), now.toISOString()).toBe(jinanDate(now));
    }
  });

  it.each(INSTANTS.map((d) => [d.toISOString(), d] as const))('at %s every date rule counts from Jinan\'s day', (_label, now) => {
    const today = jinanDate(now);
    // 劳动合同 满一年以上 (以上 includes the number: 民法典 第1259条).
    expect(run('initial', { contractEnd: addYears(today, 1) }, now)).toEqual([]);
    const short = run('initial', { contractEnd: addDays(addYears(today, 1), -1) }, now);
    expect(brief(short)).toEqual(['error:contractEnd:check.contractTooShort']);
    expect(short[0]?.params?.min).toBe(addYears(today, 1));
    // 超过65周岁: the 65th birthday itself is allowed, the day after is not.
    // (Born 65 years before a 29 February, one turned 65 on the 28th: already over the limit.)
    const turns65Today = addYears(today, -65);
    const over = addYears(turns65Today, 65) < today;
    expect(brief(run('renewal', { idNumber: idWith(turns65Today) }, now))).toEqual([over ? 'error:idNumber:check.tooOld' : 'warning:idNumber:check.nearlyTooOld']);
    expect(brief(run('renewal', { idNumber: idWith(addDays(turns65Today, -1)) }, now))).toEqual(['error:idNumber:check.tooOld']);
    // 延续: 届满30日前 — 30 days left passes, 29 is too late, the day after expiry only 重新注册.
    expect(run('renewal', { registrationExpiry: addDays(today, 30) }, now)).toEqual([]);
    expect(brief(run('renewal', { registrationExpiry: addDays(today, 29) }, now))).toEqual(['error:registrationExpiry:check.renewalTooLate']);
    expect(brief(run('renewal', { registrationExpiry: addDays(today, -1) }, now))).toEqual(['error:registrationExpiry:check.renewalExpired']);
    // 初始 within 3 years of the qualification (153号令 第十一条).
    const issued = addYears(today, -3);
    const late = addYears(issued, 3) < today; // 29 February: the period ended on the 28th
    expect(brief(run('initial', { qualificationIssueDate: issued }, now))).toEqual(late ? ['warning:qualificationIssueDate:check.continuingEducation'] : []);
    expect(brief(run('initial', { qualificationIssueDate: addDays(addYears(today, -3), -1) }, now))).toEqual([
      'warning:qualificationIssueDate:check.continuingEducation',
    ]);
    // A birth date in an ID number is "in the future" only after Jinan's today.
    expect(validateIdNumber(idWith(today), now).value).toBeDefined();
    expect(codes(validateIdNumber(idWith(addDays(today, 1)), now).findings)).toEqual(['error:id.birthFuture']);
  });
});

// ---------- 2. conditions that change the list ----------

describe('14.2 conditions change the list', () => {
  it('初始 + exam-employer-differs lists the previous employer\'s 解聘证明 as required', () => {
    const dismissal = itemOf('initial', 'dismissal-certificate');
    expect(statusOf(dismissal, NONE, NONE)).toBe('not-needed');
    expect(statusOf(dismissal, new Set(['exam-employer-differs']), NONE)).toBe('missing');
    const v = view('initial');
    expect(progress(v, new Set(['exam-employer-differs']), NONE).needed).toBe(progress(v, NONE, NONE).needed + 1);
  });

  it('注销: 高级别考试合格证 or 解聘证明 — both missing until one reason is chosen, then the other is not needed', () => {
    const v = view('cancel');
    const reasons = v.conditions.filter((c) => c.oneOf);
    expect(reasons.map((c) => c.id).sort()).toEqual(['cancel-dismissed', 'cancel-higher-qualification']);
    const higher = itemOf('cancel', 'higher-qualification-certificate');
    const dismissal = itemOf('cancel', 'dismissal-certificate');
    const other = itemOf('cancel', 'other-materials');
    // Everything else ready, no reason chosen: not complete.
    const ready = new Set(['application-form', 'id-card', 'cancellation-statement', 'registration-certificate']);
    expect([statusOf(higher, NONE, ready), statusOf(dismissal, NONE, ready), statusOf(other, NONE, ready)]).toEqual(['missing', 'missing', 'missing']);
    const p = progress(v, NONE, ready);
    expect(p.done).toBeLessThan(p.needed);
    // Radio: choosing one clears the other.
    let active = toggleCondition(v.conditions, NONE, 'cancel-higher-qualification', true);
    expect([statusOf(higher, active, ready), statusOf(dismissal, active, ready)]).toEqual(['missing', 'not-needed']);
    active = toggleCondition(v.conditions, active, 'cancel-dismissed', true);
    expect([...active]).toEqual(['cancel-dismissed']);
    expect([statusOf(higher, active, ready), statusOf(dismissal, active, ready)]).toEqual(['not-needed', 'missing']);
    const all = new Set([...ready, 'dismissal-certificate']);
    expect(statusOf(other, active, all)).toBe('done');
    expect(progress(v, active, all)).toEqual({ needed: 3, done: 3 });
    // A checkbox condition is independent of the group.
    expect([...toggleCondition(v.conditions, active, 'certificate-lost', true)].sort()).toEqual(['cancel-dismissed', 'certificate-lost']);
  });

  it('变更 + 单位更名: no contract or 解聘 check runs; without it they do', () => {
    const now = new Date('2026-11-23T17:00:00Z');
    const bad: Values = { certIssueDate: '2024-05-01', dismissalDate: '2024-04-01', contractStart: '2024-03-01', contractEnd: '2026-12-01', employerName: '济南乙建设有限公司' };
    const without = brief(run('change', bad, now));
    expect(without).toEqual(
      expect.arrayContaining([
        'error:dismissalDate:check.dismissalBeforeCertificate',
        'error:contractStart:check.contractBeforeDismissal',
        'error:contractEnd:check.contractTooShort',
      ]),
    );
    expect(run('change', bad, now, ['company-renamed'])).toEqual([]);
  });

  it('a not-needed item never shows 必需, and the one-of reasons are radio buttons', () => {
    const host = document.createElement('div');
    render(h(ChecklistList, { view: view('change'), active: new Set(['company-renamed']), done: NONE, notes: 'open', onToggleCondition: () => undefined }), host);
    const items = [...host.querySelectorAll('[data-jzs-material]')];
    const notNeeded = items.filter((e) => e.getAttribute('data-status') === 'not-needed');
    expect(notNeeded.map((e) => e.getAttribute('data-jzs-material'))).toEqual(
      expect.arrayContaining(['dismissal-certificate', 'labor-contract', 'integrity-proof', 'personal-video']),
    );
    for (const e of notNeeded) expect(e.querySelector('.item-head')?.textContent, e.getAttribute('data-jzs-material')!).not.toContain('必需');
    render(h(ChecklistList, { view: view('cancel'), active: NONE, done: NONE, notes: 'open', onToggleCondition: () => undefined }), host);
    const radios = [...host.querySelectorAll<HTMLInputElement>('input[type=radio][data-jzs-condition]')];
    expect(radios.map((r) => r.getAttribute('data-jzs-condition')).sort()).toEqual(['cancel-dismissed', 'cancel-higher-qualification']);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(host.querySelector('input[type=checkbox][data-jzs-condition="certificate-lost"]')).not.toBeNull();
    // The reason still to choose reads as one phrase, not 「请选择其一：条件：注销原因：…」.
    expect(host.querySelector('[data-jzs-material="higher-qualification-certificate"] .tag.conditional')?.textContent).toBe('请选择其一 · 注销原因：取得高级别执业资格');
    render(null, host);
  });

  it('in English a material’s 说明 reads in English first, the Chinese it translates beside it (marked zh-CN); in Chinese, the Chinese only', () => {
    const host = document.createElement('div');
    setLang('en');
    try {
      render(h(ChecklistList, { view: view('initial'), active: NONE, done: NONE, notes: 'open', onToggleCondition: () => undefined }), host);
      const note = host.querySelector('[data-jzs-material="personal-video"] [data-jzs-note-en]');
      expect(note?.firstChild?.textContent).toMatch(/^A video with sound of the applicant holding their ID card/);
      expect(note?.querySelector('[lang="zh-CN"].note-original')?.textContent).toMatch(/^申请人持身份证有声视频/);
      render(h(ChecklistList, { view: view('initial'), active: NONE, done: NONE, notes: 'folded', onToggleCondition: () => undefined }), host);
      expect(host.querySelector('[data-jzs-material="id-card"] details.note [data-jzs-note-en]')?.textContent).toContain('ID card: upload the scan');
    } finally {
      setLang('zh');
    }
    render(h(ChecklistList, { view: view('initial'), active: NONE, done: NONE, notes: 'open', onToggleCondition: () => undefined }), host);
    expect(host.querySelector('[data-jzs-note-en]')).toBeNull();
    expect(host.querySelector('[data-jzs-material="personal-video"] .note[lang="zh-CN"]')?.textContent).toMatch(/^申请人持身份证有声视频/);
    render(null, host);
  });

  it('遗失补证或印章: each case brings its own materials (153号令 第十九条)', () => {
    const expected: Record<string, string[]> = {
      'reissue-certificate-lost': ['certificate-loss-notice'],
      'reissue-certificate-damaged': ['damaged-certificate'],
      'reissue-seal-lost': ['seal-loss-notice'],
      'reissue-seal-damaged': ['damaged-seal'],
    };
    const v = view('reissue');
    expect(v.conditions.map((c) => c.id)).toEqual(Object.keys(expected));
    for (const [condition, ids] of Object.entries(expected)) {
      const needed = v.items.filter((i) => i.seedItem === undefined && statusOf(i, new Set([condition]), NONE) === 'missing').map((i) => i.id);
      expect(needed, condition).toEqual(ids);
    }
    // Damaged originals are handed back at the counter, not uploaded.
    for (const id of ['damaged-certificate', 'damaged-seal']) expect(itemOf('reissue', id)).toMatchObject({ submit: [{ channel: 'counter', form: 'original' }], upload: undefined });
    for (const id of ['certificate-loss-notice', 'seal-loss-notice']) expect(itemOf('reissue', id).source).toMatchObject({ doc: '建设部令第153号', inferred: true });
  });

  it('注销 and 遗失: the print step says what the seed says (企业法人签名; 遗失 一式两份)', () => {
    const printStep = (b: BusinessId) => view(b).steps.find((s) => s.id.startsWith('prov-print-form'))!;
    for (const b of ['cancel', 'reissue'] as const) {
      expect(printStep(b).text, b).toContain('单位负责人签名为企业法人签名');
      expect(printStep(b).text, b).not.toContain('单位承诺');
    }
    expect(printStep('reissue').text).toContain('一式两份');
    expect(printStep('initial').text).toContain('单位承诺加盖单位公章');
  });
});

// ---------- 3. 诚信证明 ----------

describe('14.3 诚信证明: social insurance paid by the registering employer for 3 months', () => {
  const now = new Date('2026-11-22T16:00:00Z');
  it.each([
    ['济南甲建筑有限责任公司', '济南甲建筑有限公司', true],
    ['山东（济南）乙工程有限公司', '山东(济南)乙工程有限公司', true],
    ['山东 乙 工程 有限公司', '山东乙工程有限公司', true],
    ['ＡＢＣ建设集团有限公司', 'ABC建设集团有限公司', true],
    ['山东乙工程有限公司（济南分公司）', '山东乙工程有限公司济南分公司', true],
    ['济南甲建筑有限公司', '济南甲建设有限公司', false],
    ['济南甲建筑有限公司', '济南甲建筑股份有限公司', false],
    ['济南甲建筑有限公司', '济南甲建筑有限公司济南分公司', false],
  ])('%s vs %s: same employer = %s', (payer, employer, same) => {
    expect(normOrgName(payer) === normOrgName(employer)).toBe(same);
    const found = brief(run('initial', { socialInsuranceEmployer: payer, employerName: employer, socialInsuranceMonths: '6' }, now));
    expect(found).toEqual(same ? [] : ['error:socialInsuranceEmployer:check.insuranceOtherEmployer']);
  });

  it('needs at least 3 months, reads 「6个月」, and does not apply to retirees', () => {
    expect(brief(run('initial', { socialInsuranceMonths: '2' }, now))).toEqual(['error:socialInsuranceMonths:check.insuranceTooShort']);
    expect(run('initial', { socialInsuranceMonths: '3' }, now)).toEqual([]);
    expect(validateField('socialInsuranceMonths', '6个月', now).value).toBe('6');
    expect(codes(validateField('socialInsuranceMonths', '三个月', now).findings)).toEqual(['error:integer.format']);
    expect(run('initial', { socialInsuranceMonths: '1', socialInsuranceEmployer: '别的公司', employerName: '济南甲建筑有限公司' }, now, ['retired'])).toEqual([]);
  });

  it('a page that shows the fields gets a hint beside each', () => {
    document.body.innerHTML = `<table>
      <tr><td>聘用单位：</td><td><input value="济南甲建筑有限公司"></td></tr>
      <tr><td>社保缴纳单位：</td><td><input id="payer" value="济南丙劳务有限公司"></td></tr>
      <tr><td>社保缴纳月数：</td><td><input id="months" value="2个月"></td></tr></table>`;
    let conditions: ReadonlySet<string> = NONE;
    const v = new PageValidator(document, { defs: fieldViews(pack.fields), checks: view('initial').checks, expected: [], conditions: () => conditions, now: () => now, onSummary: () => undefined, readText: readsPage }, mapFields(document, fieldViews(pack.fields)));
    const hint = (key: string) => document.querySelector(`[data-jzs-field="${key}"]`);
    expect(hint('socialInsuranceEmployer')?.getAttribute('data-severity')).toBe('error');
    expect(hint('socialInsuranceEmployer')?.textContent).toContain('济南甲建筑有限公司');
    expect(hint('socialInsuranceMonths')?.getAttribute('data-severity')).toBe('error');
    (document.getElementById('payer') as HTMLInputElement).value = '济南甲建筑有限责任公司';
    (document.getElementById('months') as HTMLInputElement).value = '3';
    v.validate();
    expect(hint('socialInsuranceEmployer')?.getAttribute('data-severity')).toBe('ok');
    expect(hint('socialInsuranceMonths')?.getAttribute('data-severity')).toBe('ok');
    conditions = new Set(['retired']);
    (document.getElementById('months') as HTMLInputElement).value = '1';
    v.validate();
    expect(hint('socialInsuranceMonths')?.getAttribute('data-severity')).toBe('ok');
    v.destroy();
    document.body.innerHTML = '';
  });

  it('延续 and 变更 check the payer too (seed: 核查聘用企业缴纳的社保情况), with no number of months the seed does not state', () => {
    const now = new Date('2026-11-22T16:00:00Z');
    const other = { employerName: '济南甲建筑有限公司', socialInsuranceEmployer: '济南乙建设有限公司', socialInsuranceMonths: '1' };
    const same = { ...other, socialInsuranceEmployer: '济南甲建筑有限责任公司' };
    for (const b of ['renewal', 'change'] as const) {
      expect(brief(run(b, other, now)), b).toEqual(['error:socialInsuranceEmployer:check.insuranceOtherEmployer']);
      // One month paid is no finding: only 初始 states 3 months.
      expect(run(b, same, now), b).toEqual([]);
      expect(run(b, other, now, ['retired']), b).toEqual([]);
    }
    // 单位更名: the payer may still be written under the old name.
    expect(run('change', other, now, ['company-renamed'])).toEqual([]);
    expect(brief(run('initial', same, now))).toEqual(['error:socialInsuranceMonths:check.insuranceTooShort']);
    // Businesses without 诚信证明 do not check it.
    for (const b of ['add-specialty', 'cancel', 'reissue', 'info-change'] as const) expect(run(b, other, now), b).toEqual([]);
  });

  it('pages that show the fields get a hint: the labels are in the shared lexicon', () => {
    const defs = pack.fields.filter((f) => f.key.startsWith('socialInsurance'));
    expect(defs.map((f) => [f.key, FIELDS[f.key].type])).toEqual([
      ['socialInsuranceEmployer', 'text'],
      ['socialInsuranceMonths', 'integer'],
    ]);
    expect(defs[0]!.labels).toContain('社保缴纳单位');
  });
});

// ---------- 4. national rules ----------

describe('14.4 national rules, each with its source', () => {
  const business = (id: BusinessId) => pack.businesses.find((b) => b.id === id)!;

  it('延续 needs the original certificate and the continuing-education proof (第十二条, not confirmed for Jinan)', () => {
    for (const id of ['original-registration-certificate', 'continuing-education-proof']) {
      const m = business('renewal').materials.find((x) => x.id === id)!;
      expect(m, id).toMatchObject({ requirement: 'required', source: { doc: '建设部令第153号', inferred: true } });
      expect(m.source.section).toContain('第十二条');
      expect(m.note).toContain('济南须知未列');
    }
  });

  it('an expired registration is not renewed: the message points to 重新注册 instead of a negative count', () => {
    const now = new Date('2026-11-23T17:00:00Z');
    const [f] = run('renewal', { registrationExpiry: addDays(jinanDate(now), -10) }, now);
    expect(f?.code).toBe('check.renewalExpired');
    const text = t('v.check.renewalExpired', f?.params);
    expect(text).toContain('重新注册');
    expect(text).toContain(addDays(jinanDate(now), -10));
    expect(text).not.toMatch(/-\d+ ?天/);
  });

  it('cites 第十一条 for 3 years, 住建部令第32号 for the amendment, and marks the 90-day practice inferred', () => {
    expect(business('initial').checks.find((c) => c.kind === 'qualification-continuing-education')!.source).toMatchObject({ doc: '建设部令第153号' });
    expect(business('initial').checks.find((c) => c.kind === 'qualification-continuing-education')!.source.section).toContain('第十一条');
    expect(pack.sources.find((s) => s.id === '住建部令第32号')?.title).toContain('2016');
    expect(business('renewal').renewalTiming?.earlySource).toMatchObject({ doc: '北京市注册系统', inferred: true });
  });

  it('two employers is a 不予注册 case the user confirms', () => {
    const c = pack.conditions.find((x) => x.id === 'two-employers')!;
    expect(c).toMatchObject({ refusal: true, source: { doc: '建设部令第153号' } });
    const now = new Date('2026-11-22T16:00:00Z');
    for (const b of ['initial', 'renewal', 'change', 'add-specialty'] as const) {
      expect(run(b, {}, now), b).toEqual([]);
      expect(brief(run(b, {}, now, ['two-employers'])), b).toEqual(['error:employerName:check.refused']);
    }
  });

  it('逾期初始注册: the continuing-education proof is on the 初始 checklist, needed once its situation is set (第十一条)', () => {
    const m = itemOf('initial', 'continuing-education-proof');
    expect(m).toMatchObject({ requirement: 'conditional', condition: 'qualification-over-3-years', source: { doc: '建设部令第153号', inferred: true } });
    expect(m.source.section).toContain('第十一条');
    expect(statusOf(m, NONE, NONE)).toBe('not-needed');
    expect(statusOf(m, new Set(['qualification-over-3-years']), NONE)).toBe('missing');
    expect(pack.conditions.find((c) => c.id === 'qualification-over-3-years')).toMatchObject({ field: 'qualificationIssueDate' });
  });

  it('逾期初始注册 is implied from the profile exactly when the page check warns (seeded dates around the 3rd anniversary)', () => {
    const v = view('initial');
    let seed = 20261202;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let late = 0;
    for (let i = 0; i < 400; i++) {
      // Issue dates include 29 February (its 3rd anniversary is 28 February, 民法典 第二百零二条).
      const issued = i % 20 === 0 ? `${2016 + 4 * next(3)}-02-29` : addDays('2016-01-01', next(3650));
      const now = INSTANTS[next(INSTANTS.length)]!;
      const planned = next(3) === 0 ? addDays(addYears(issued, 3), next(5) - 2) : undefined;
      const data = { qualificationIssueDate: issued, ...(planned && { submissionDate: planned }) };
      const submission = planned ?? jinanDate(now);
      const expectLate = submission > addYears(issued, 3);
      const warned = run('initial', data, now).some((f) => f.code === 'check.continuingEducation');
      const implied = impliedConditions(v, data, todayInShanghai(now)).includes('qualification-over-3-years');
      expect([warned, implied], `${issued} submitted ${submission}`).toEqual([expectLate, expectLate]);
      if (expectLate) late++;
    }
    expect(late).toBeGreaterThan(50);
    expect(late).toBeLessThan(350);
    // Other businesses have no such situation; a profile without the date implies nothing.
    expect(impliedConditions(view('renewal'), { qualificationIssueDate: '2001-01-01' }, '2026-12-02')).toEqual([]);
    expect(impliedConditions(v, {}, '2026-12-02')).toEqual([]);
  });

  it('增项 needs the added specialty\'s qualification certificate (inferred)', () => {
    expect(business('add-specialty').materials.find((m) => m.id === 'added-specialty-qualification')).toMatchObject({
      requirement: 'required',
      source: { doc: '建设部令第153号', inferred: true },
    });
  });
});

// ---------- 5. nothing invented without a flag ----------

describe('14.5 nothing invented without a flag', () => {
  type Mutable = { sources: Array<{ id: string; kind: string }>; businesses: Array<{ id: string; checks: Array<{ id: string; source: Record<string, unknown> }>; materials: Array<{ id: string; source: Record<string, unknown> }> }> };
  const data = () => structuredClone(BUNDLED_PACK_DATA) as Mutable;

  it('the bundled pack has no rule citing an unlisted source or a non-official one without inferred', () => {
    expect(sourceProblems(pack)).toEqual([]);
  });

  it('fails when a rule drops its inferred flag or cites a source the pack does not list', () => {
    const a = data();
    const early = a.businesses.find((b) => b.id === 'initial')!.checks.find((c) => c.source.doc === '常识')!;
    delete early.source.inferred;
    const r1 = RulePack.safeParse(a);
    expect(r1.success).toBe(false);
    expect(r1.error?.issues.map((i) => i.message).join('\n')).toContain('须标明 inferred: true');
    const b = data();
    b.businesses[0]!.materials[0]!.source.doc = '某地方文件';
    const r2 = RulePack.safeParse(b);
    expect(r2.error?.issues.map((i) => i.message).join('\n')).toContain('未列在规则包的 sources 中');
    // Rules already flagged inferred stay valid whatever their source's kind.
    const c = data();
    c.sources.find((s) => s.id === '北京市注册系统')!.kind = 'ours';
    expect(RulePack.safeParse(c).success).toBe(true);
  });

  it('formats no source names are advice; the seed\'s only format rules (one PDF ≤ 2 MB, video with sound) are not', () => {
    for (const b of pack.businesses) {
      for (const m of b.materials.flatMap((x) => [x, ...(x.subItems ?? [])])) {
        if (!m.upload) continue;
        const sourced = m.upload.accept.includes('video') || m.upload.single === true;
        expect(m.upload.advice === true, `${b.id}/${m.id}`).toBe(!sourced);
      }
    }
    const png = { name: '身份证.png', size: 10, head: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), tail: new Uint8Array() };
    expect(codes(checkUpload([png], { accept: ['pdf'], advice: true }))).toEqual(['warning:upload.typeAdvice']);
    expect(codes(checkUpload([png], { accept: ['pdf'] }))).toEqual(['error:upload.type']);
  });

  it('the seed\'s copy-paste slips keep their text and get an editorial note; the checklist shows lastVerified', () => {
    for (const id of ['id-card', 'registration-certificate']) {
      const m = pack.businesses.find((b) => b.id === 'change')!.materials.find((x) => x.id === id)!;
      expect(m.note).toContain('请将申请表签字盖章上传');
      expect(m.editorialNote).toMatch(/^编者注/);
    }
    expect(pack.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const host = document.createElement('div');
    render(h(ChecklistList, { view: view('change'), active: NONE, done: NONE, notes: 'open' }), host);
    expect(host.querySelector('[data-jzs-last-verified]')?.getAttribute('data-jzs-last-verified')).toBe(pack.lastVerified);
    expect(host.querySelectorAll('[data-jzs-editorial-note]').length).toBeGreaterThanOrEqual(2);
    expect(host.textContent).toContain('本工具建议');
    render(null, host);
  });

  it('遗失补证\'s application form reads 一式两份 as the seed writes it (not 一式2份)', () => {
    const host = document.createElement('div');
    render(h(ChecklistList, { view: view('reissue'), active: NONE, done: NONE, notes: 'open' }), host);
    expect(host.querySelector('[data-jzs-material="application-form"] .item-head')?.textContent).toContain('一式两份');
    render(null, host);
  });
});

// ---------- 6. validators ----------

describe('14.6 validators closer to the standards', () => {
  const now = new Date('2026-11-23T17:00:00Z');

  it('无固定期限/长期 contracts are stored as open-ended and satisfy the one-year rule', () => {
    for (const text of ['无固定期限', '长期', '无 固定期限', 'open-ended', '长期有效']) expect(validateField('contractEnd', text, now).value, text).toBe(OPEN_ENDED);
    expect(codes(validateField('contractStart', '长期', now).findings)).toEqual(['error:date.openEndedHere']);
    expect(validateField('contractEnd', '无固定期限', now).value).toBe(OPEN_ENDED);
    expect(ProfileBody.safeParse({ data: { name: '张三', contractEnd: OPEN_ENDED } }).success).toBe(true);
    expect(ProfileBody.safeParse({ data: { name: '张三', contractStart: OPEN_ENDED } }).success).toBe(false);
    expect(run('initial', { contractStart: '2026-01-01', contractEnd: OPEN_ENDED }, now)).toEqual([]);
    // Spreadsheet import and export: 无固定期限 in, open-ended stored, 无固定期限 out.
    const headers = ['姓名', '身份证号', '劳动合同截止日期'];
    const row = validateRow(1, 2, [{ text: '张三' }, { text: idWith('1990-01-01') }, { text: '无固定期限' }], { headers, mapping: autoMap(headers), now, today: todayInShanghai(now) });
    expect(row.errors).toEqual([]);
    expect(row.data.contractEnd).toBe(OPEN_ENDED);
    const stored = { id: '00000000-0000-4000-8000-000000000000', createdAt: now.toISOString(), updatedAt: now.toISOString(), revision: 1, data: row.data, businesses: [], notes: '' };
    expect(toCsv([stored])).toContain('无固定期限');
  });

  // GB 32100-2015 附录A and GB 11714, written out here from the standards.
  const CHARS = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
  const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const creditCheck = (s: string) => CHARS[(31 - (W.reduce((a, w, i) => a + w * CHARS.indexOf(s[i]!), 0) % 31)) % 31]!;
  const orgCheck = (s: string) => {
    const r = 11 - ([3, 7, 9, 10, 5, 8, 4, 2].reduce((a, w, i) => a + w * parseInt(s[i]!, 36), 0) % 11);
    return r === 11 ? '0' : r === 10 ? 'X' : String(r);
  };
  const make = (dc: string, region: string, org8: string, orgOk = true) => {
    const oc = orgCheck(org8);
    const first17 = dc + region + org8 + (orgOk ? oc : oc === '1' ? '2' : '1');
    return first17 + creditCheck(first17);
  };
  const STANDARD: Record<string, string> = { '1': '1239', '2': '19', '3': '1234569', '4': '19', '5': '1239', '6': '129', '7': '129', '8': '19', '9': '123', A: '19', N: '1239', Y: '1' };

  it('GB 32100: every department/category pair of the standard passes; others warn', () => {
    for (const dept of CHARS) {
      for (const cat of CHARS) {
        const code = make(dept + cat, '370102', '16304696');
        const found = codes(validateCreditCode(code).findings);
        const known = STANDARD[dept];
        const expected = !known ? ['warning:credit.department'] : known.includes(cat) ? [] : ['warning:credit.category'];
        expect(found, code).toEqual(expected);
      }
    }
  });

  it('GB 32100: region code and the embedded GB 11714 check digit warn; non-enterprise employers get a notice', () => {
    expect(codes(validateCreditCode(make('91', '990100', '16304696')).findings)).toEqual(['warning:credit.region']);
    expect(codes(validateCreditCode(make('91', '100000', '16304696')).findings)).toEqual([]); // 国家级
    expect(codes(validateCreditCode(make('91', '370100', '16304696', false)).findings)).toEqual(['warning:credit.orgChecksum']);
    expect(codes(validateCreditCode(make('92', '370100', '16304696'), true).findings)).toEqual(['warning:credit.notEmployer']);
    expect(codes(validateCreditCode(make('51', '370100', '16304696'), true).findings)).toEqual(['warning:credit.notEmployer']);
    expect(codes(validateCreditCode(make('92', '370100', '16304696'), false).findings)).toEqual([]);
    expect(codes(validateField('employerCreditCode', make('12', '370000', '49557009'), now).findings)).toEqual([]);
  });

  it('GB 11643: the 2023 foreign permanent-resident ID (leading 9) is recognised and explained', () => {
    const first = `937840${'19900101'}123`; // 9, 37 山东, 840 nationality code, birth, sequence
    const id = first + idCheck(first);
    const r = validateIdNumber(id, now);
    expect(r.value).toBe(id);
    expect(codes(r.findings)).toEqual(['warning:id.foreignPermanent']);
    expect(r.info).toMatchObject({ kind: 'foreign-permanent', birthDate: '1990-01-01', gender: 'male', province: '山东' });
    // Imported from a spreadsheet: kept, with the explanation as a warning on the cell.
    const headers = ['姓名', '身份证号'];
    const row = validateRow(1, 2, [{ text: 'John Smith' }, { text: id }], { headers, mapping: autoMap(headers), now, today: todayInShanghai(now) });
    expect(row.errors).toEqual([]);
    expect(row.data.idNumber).toBe(id);
    expect(row.warnings.map((w) => t(w.code, w.params))).toContain(t('v.id.foreignPermanent', { province: '山东' }));
    const wrong = first + (idCheck(first) === '1' ? '2' : '1');
    expect(codes(validateIdNumber(wrong, now).findings)).toEqual(['error:id.checksum']);
  });

  it('mobile segments follow the 2023 allocation table (IoT, data, satellite and unassigned warn); 86/0 prefixes are folded', () => {
    // 工信部《我国公众移动通信网网号及H0分配情况（截至2023年3月底）》 as domain.md lists it.
    const ranges = (spec: string) => spec.split(',').flatMap((r) => {
      const [a, b = a] = r.split('-').map(Number) as [number, number?];
      return Array.from({ length: b! - a + 1 }, (_, i) => a + i);
    });
    const publicSegs = new Set(ranges('130-139,150-153,155-159,162,165-167,170,171,173,175-178,180-189,190-193,195-199'));
    const dataSegs = new Set(ranges('145,147,149'));
    const iotSegs = new Set(ranges('146,148,172'));
    const satelliteSegs = new Set(ranges('174')); // 1740x 卫星移动通信
    for (let seg = 130; seg <= 199; seg++) {
      const found = codes(validateMobile(`${seg}12345678`).findings);
      const expected = publicSegs.has(seg) ? [] : dataSegs.has(seg) ? ['warning:mobile.dataCard'] : iotSegs.has(seg) ? ['warning:mobile.iot'] : satelliteSegs.has(seg) ? ['warning:mobile.satellite'] : ['warning:mobile.unassigned'];
      expect(found, String(seg)).toEqual(expected);
    }
    for (const raw of ['8613912345678', '+86 139 1234 5678', '0086-139-1234-5678', '013912345678', '(+86)139-1234-5678']) {
      expect(normaliseMobile(raw), raw).toBe('13912345678');
      expect(validateMobile(raw)).toEqual({ value: '13912345678', findings: [] });
    }
    // A 12-digit number that is not 0 + a mobile is not silently shortened.
    expect(codes(validateMobile('113912345678').findings)).toEqual(['error:mobile.length']);
  });

  it('reads dates pages show as yyyy-MM-dd HH:mm:ss', () => {
    expect(parseDateText('2025-03-01 08:30:00').value).toBe('2025-03-01');
    expect(parseDateText('2025/3/1 8:30').value).toBe('2025-03-01');
    expect(parseDateText('2025-03-01T23:59:59').value).toBe('2025-03-01');
    expect(codes(parseDateText('2025-02-29 00:00:00').findings)).toEqual(['error:date.impossible']);
    expect(codes(parseDateText('2025-03-01 25').findings)).toEqual(['error:date.format']);
  });
});

// ---------- 7. 之后 ----------

describe('14.7 “之后” read one way: later passes, earlier errors, the same day warns', () => {
  const now = new Date('2026-11-22T16:00:00Z');
  const base = '2024-06-15';
  it.each([
    [1, 'ok'],
    [0, 'warning'],
    [-1, 'error'],
  ] as const)('offset %i day(s)', (offset, expected) => {
    const later = addDays(base, offset);
    const a = run('change', { certIssueDate: base, dismissalDate: later }, now);
    const b = run('initial', { dismissalDate: base, contractStart: later }, now, ['exam-employer-differs']);
    for (const found of [a, b]) expect(found[0]?.severity ?? 'ok').toBe(expected);
  });
  it('states the reading and its source in the rule', () => {
    for (const b of ['initial', 'change'] as const) {
      for (const c of view(b).checks.filter((x) => ['contract-start-after-dismissal', 'dismissal-after-cert-issue'].includes(x.kind))) {
        expect(c.source.section, `${b}/${c.id}`).toContain('民法典第1259条');
        expect(c.source.section).toContain('之后');
        expect(c.text).toContain('同一天提示核实');
      }
    }
  });
});

// ---------- 8. renewal timing stated once ----------

describe('14.8 renewal timing is one block of rule data', () => {
  const timing = renewalTimingOf(pack)!;
  it('says 30 days (第十二条), 90 days early (inferred), after expiry 重新注册', () => {
    expect(timing).toMatchObject({ lastDaysBefore: 30, earlyWarnDaysBefore: 90, afterExpiry: 'initial' });
    expect(timing.source.section).toContain('第十二条');
    expect(timing.earlySource.inferred).toBe(true);
    // The check states no days of its own: the view takes them from the block.
    const check = pack.businesses.find((b) => b.id === 'renewal')!.checks.find((c) => c.kind === 'renewal-window')!;
    expect(check.params).toEqual({});
    expect(view('renewal').checks.find((c) => c.kind === 'renewal-window')!.params).toEqual({ minDays: 30, maxDays: 90 });
  });

  it('renewalState agrees with a day count done by Julian day numbers', () => {
    const today = '2026-11-23';
    for (let offset = -400; offset <= 400; offset++) {
      const expiry = addDays(today, offset);
      const left = jdn(expiry) - jdn(today);
      const phase = left < 0 ? 'expired' : left < 30 ? 'too-late' : left > 90 ? 'early' : 'open';
      expect(renewalState(expiry, today, timing)).toEqual({ phase, daysLeft: left, lastFilingDay: addDays(expiry, -30), opensOn: addDays(expiry, -90) });
    }
  });

  it('a data change moves the page check and the deadline together', () => {
    const data = structuredClone(BUNDLED_PACK_DATA) as { businesses: Array<{ id: string; renewalTiming?: { lastDaysBefore: number } }> };
    data.businesses.find((b) => b.id === 'renewal')!.renewalTiming!.lastDaysBefore = 60;
    const changed = RulePack.parse(data);
    const now = new Date('2026-11-22T16:00:00Z');
    const expiry = addDays(jinanDate(now), 45);
    const checks = checklistView(changed, 'renewal').checks;
    expect(brief(runChecks(checks, { registrationExpiry: expiry }, { now, conditions: NONE }))).toEqual(['error:registrationExpiry:check.renewalTooLate']);
    expect(renewalState(expiry, jinanDate(now), renewalTimingOf(changed)!).lastFilingDay).toBe(addDays(expiry, -60));
  });
});
