import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fieldViews } from '../../src/background/handlers';
import { FillService, type FrameRef, type PlanStore, type PlanTrace, type TabFill, type TabsApi } from '../../src/background/fill';
import { FillAgent } from '../../src/content/fill';
import { itemsToWrite, planFill, replaceAllIds } from '../../src/fill/planner';
import type { CollectedField } from '../../src/fill/types';
import { pickOption, sameChoice, synonyms } from '../../src/fill/vocab';
import { mapFields } from '../helpers/map-fields';
import { plainCodec } from '../../src/security/codec';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { bundledPack } from '../../src/rules/bundled';
import { type JzsDatabase, openJzsDB } from '../../src/storage/db';
import { installLayout } from '../helpers/layout';
import { replicaDocument, replicasWithState } from '../helpers/replica-dom';
import { pageScript } from '../../src/fill/page-script';
import { type ConfirmApi, confirmFill, isApplyAnswer, livenessOf, profileChangedMark } from '../../src/fill/confirm';
import { applyVia } from '../../src/fill/kept';
import type { FillPreview } from '../../src/messaging/protocol';
import { t } from '../../src/i18n';

const handle = { id: '', name: '', tag: 'input', type: '', nth: 0, form: '', label: '', count: 1 };
const field = (over: Partial<CollectedField>): CollectedField => ({
  frameId: 0,
  fid: over.key ?? 'f',
  key: 'name',
  kind: 'text',
  label: '姓名',
  handle,
  current: '',
  readOnly: false,
  disabled: false,
  hidden: '',
  ...over,
});

describe('vocabularies', () => {
  it('match choices written differently', () => {
    expect(sameChoice('本科', '大学本科')).toBe(true);
    expect(sameChoice('男', '1')).toBe(true);
    expect(sameChoice('汉', '汉族')).toBe(true);
    expect(sameChoice('大专', '中专')).toBe(false);
    const options = [{ text: '硕士研究生', value: '14' }, { text: '大学本科', value: '21' }];
    expect(pickOption('本科', options)?.value).toBe('21');
    expect(pickOption('21', [{ text: '本科毕业', value: '21' }])?.text).toBe('本科毕业'); // a code matches the option's value
    expect(pickOption('研究生', options)).toBeUndefined();
    expect(synonyms('男')).toContain('1');
  });

  it('reads a choice by the options\' codes only where the list is coded in its vocabulary', () => {
    // Texts no vocabulary spells: the codes decide, when they are the vocabulary's (GB/T 2261.1: 1 男, 2 女).
    const standard = [{ text: '男性公民', value: '1' }, { text: '女性公民', value: '2' }];
    expect(pickOption('男', standard)?.text).toBe('男性公民');
    // A 0/1 list may be 女/男 or 男/女: not read by its codes, whatever the profile's choice.
    for (const list of [[{ text: '男性公民', value: '0' }, { text: '女性公民', value: '1' }], [{ text: '甲', value: '1' }, { text: '乙', value: '1' }]]) {
      for (const gender of ['男', '女']) expect(pickOption(gender, list), `${gender} in ${JSON.stringify(list)}`).toBeUndefined();
    }
    // Ethnicity coded 1, 2 … (not GB 3304's 01, 02): those are other vocabularies' codes.
    expect(pickOption('汉族', [{ text: 'Han', value: '1' }, { text: 'Mongol', value: '2' }])).toBeUndefined();
    expect(pickOption('汉族', [{ text: 'Han', value: '01' }, { text: 'Mongol', value: '02' }])?.text).toBe('Han');
  });
});

describe('fill planner', () => {
  const data = { name: '张三', birthDate: '1990-01-01', gender: '男', education: '本科', mobile: '13805310000', email: 'zs@example.cn', retired: false };

  it('fills empty fields, leaves equal ones, holds back different ones, never writes hidden/disabled/read-only', () => {
    const items = planFill(
      [
        field({ key: 'name', fid: 'a' }),
        field({ key: 'birthDate', fid: 'b', kind: 'text', format: 'yyyy/MM/dd', current: '1990/1/1' }),
        field({ key: 'mobile', fid: 'c', current: '138-0531-0000' }),
        field({ key: 'name', fid: 'd', current: '李四' }),
        field({ key: 'name', fid: 'e', readOnly: true }),
        field({ key: 'email', fid: 'f', hidden: 'transparent' }),
        field({ key: 'name', fid: 'g', disabled: true }),
        field({ key: 'phone', fid: 'h' }),
      ],
      data,
    );
    expect(items.map((i) => [i.id, i.action, i.reason ?? ''])).toEqual([
      ['0:a', 'fill', ''],
      ['0:b', 'same', ''],
      ['0:c', 'same', ''],
      ['0:d', 'conflict', ''],
      ['0:e', 'skip', 'readonly'],
      ['0:f', 'skip', 'transparent'],
      ['0:g', 'skip', 'disabled'],
      ['0:h', 'skip', 'no-value'],
    ]);
    // A skipped item carries no value of the profile, not even to be written (issue 12.1).
    for (const i of items.filter((x) => x.action === 'skip')) expect([i.proposed, i.value]).toEqual([undefined, '']);
    expect(JSON.stringify(items.filter((x) => x.action === 'skip'))).not.toContain('zs@example.cn');
    expect(itemsToWrite(items, new Set()).map((i) => i.id)).toEqual(['0:a']);
    expect(itemsToWrite(items, new Set(['0:d', '0:e'])).map((i) => i.id)).toEqual(['0:a', '0:d']);
  });

  it('formats dates for the field and resolves a choice once, to its option VALUE', () => {
    const [date, edu, sex, retired] = planFill(
      [
        field({ key: 'birthDate', fid: 'b', format: 'yyyy年M月d日' }),
        field({ key: 'education', fid: 'e', kind: 'select', options: [{ text: '大学本科', value: '3' }, { text: '大学专科', value: '4' }] }),
        field({ key: 'gender', fid: 's', kind: 'radio', options: [{ text: '男', value: '1' }, { text: '女', value: '2' }] }),
        field({ key: 'retired', fid: 'r', kind: 'mini-combo', options: [{ text: '否', value: '0' }, { text: '是', value: '1' }] }),
      ],
      data,
    );
    expect([date?.proposed, date?.value]).toEqual(['1990年1月1日', '1990年1月1日']);
    expect([edu?.proposed, edu?.value]).toEqual(['大学本科', '3']);
    expect([sex?.proposed, sex?.value]).toEqual(['男', '1']);
    expect([retired?.proposed, retired?.value]).toEqual(['否', '0']);
    const [none] = planFill([field({ key: 'education', kind: 'select', options: [{ text: '博士研究生', value: '1' }] })], data);
    expect(none).toMatchObject({ action: 'skip', reason: 'no-option', value: '' });
    expect(none?.proposed).toBeUndefined();
  });

  it('after a choice of the same fill: a hidden box waits to be shown, a MiniUI list to be loaded; a hidden copy of a field shown elsewhere is not waited for', () => {
    const edu = field({ key: 'education', fid: 'e', kind: 'mini-combo', options: [{ text: '大学本科', value: '3' }] });
    const [, school, major, copy, specialty] = planFill(
      [
        edu,
        field({ key: 'school', fid: 's', hidden: 'not-rendered' }),
        field({ key: 'major', fid: 'm', hidden: 'invisible' }),
        field({ key: 'name', fid: 'n2', hidden: 'not-rendered' }),
        field({ key: 'specialty', fid: 'z', kind: 'mini-combo', options: [], disabled: true }),
        field({ key: 'name', fid: 'n' }),
      ],
      { ...data, school: '山东建筑大学', major: '土木工程', specialty: '建筑工程' },
    );
    expect(school).toMatchObject({ action: 'fill', after: 'shown', value: '山东建筑大学' });
    expect(major).toMatchObject({ action: 'fill', after: 'shown' });
    expect(copy).toMatchObject({ action: 'skip', reason: 'not-rendered' });
    expect(specialty).toMatchObject({ action: 'fill', after: 'options', value: '' });
    expect(specialty?.texts?.[0]?.[0]).toBe('建筑工程');
    // Covered, faded or off-screen boxes are never waited for; nor is anything where the fill writes no choice.
    const [covered] = planFill([field({ key: 'school', fid: 's', hidden: 'covered' }), edu], { ...data, school: 'x' });
    expect(covered).toMatchObject({ action: 'skip', reason: 'covered' });
    const [alone] = planFill([field({ key: 'school', fid: 's', hidden: 'not-rendered' })], { ...data, school: 'x' });
    expect(alone).toMatchObject({ action: 'skip', reason: 'not-rendered' });
  });

  it('a month where a day is asked and 无固定期限 where a date is are said in the preview, never written or dropped silently', () => {
    const held = { ...data, graduationDate: '2005-06', contractEnd: 'open-ended' };
    const items = planFill(
      [
        field({ key: 'graduationDate', fid: 'g', format: 'yyyy-MM-dd' }),
        field({ key: 'graduationDate', fid: 'm', format: 'yyyy-MM' }),
        field({ key: 'contractEnd', fid: 'c', kind: 'mini-date' }),
        field({ key: 'contractStart', fid: 's' }),
      ],
      held,
    );
    expect(items.map((i) => [i.id, i.action, i.reason ?? '', i.value])).toEqual([
      ['0:g', 'skip', 'needs-day', ''],
      ['0:m', 'fill', '', '2005-06'],
      ['0:c', 'skip', 'open-ended', ''],
      ['0:s', 'skip', 'no-value', ''],
    ]);
    // Each reason has its text in both languages (the preview shows it).
    for (const reason of ['needs-day', 'open-ended'] as const) {
      for (const lang of ['zh', 'en'] as const) expect(t(`fill.reasons.${reason}`, {}, lang)).not.toBe(`fill.reasons.${reason}`);
    }
  });

  it('a mobile number held as the profile\'s 联系电话 is never written into a box labelled for a fixed line', () => {
    const items = planFill(
      [
        field({ key: 'phone', fid: 'a', label: '固定电话' }),
        field({ key: 'phone', fid: 'b', label: '座机号码' }),
        field({ key: 'phone', fid: 'c', label: '联系电话' }),
      ],
      { ...data, phone: '13819722233' },
    );
    expect(items.map((i) => [i.id, i.action, i.reason ?? '', i.value])).toEqual([
      ['0:a', 'skip', 'mobile-not-landline', ''],
      ['0:b', 'skip', 'mobile-not-landline', ''],
      ['0:c', 'fill', '', '13819722233'],
    ]);
    // A fixed line still goes into a fixed-line box; the reason reads in both languages.
    const [landline] = planFill([field({ key: 'phone', fid: 'a', label: '固定电话' })], { ...data, phone: '0531-88886666' });
    expect(landline).toMatchObject({ action: 'fill', value: '0531-88886666' });
    for (const lang of ['zh', 'en'] as const) expect(t('fill.reasons.mobile-not-landline', {}, lang)).not.toBe('fill.reasons.mobile-not-landline');
    // The previous applicant's fixed line left in the box is offered for clearing (「全部替换为此申请人」 empties it).
    const after = planFill([field({ key: 'phone', fid: 'a', label: '固定电话', current: '0531-88886666' })], { ...data, phone: '13819722233' }, { ...data, phone: '0531-88886666' });
    expect(after.map((i) => [i.action, i.reason, i.value, !!i.previous])).toEqual([['clear', 'mobile-not-landline', '', true]]);
    expect(replaceAllIds(after)).toEqual(['0:a']);
  });

  it('marks what the previous applicant left on the page, and offers to clear what this one lacks', () => {
    const prev = { name: '张三', mobile: '13805310000', email: 'zs@example.cn' };
    const next = { name: '李四', mobile: '13900000001' };
    const items = planFill(
      [
        field({ key: 'name', fid: 'a', current: '张三' }),
        field({ key: 'mobile', fid: 'b', current: '138 0531 0000' }),
        field({ key: 'email', fid: 'c', current: 'zs@example.cn' }),
        field({ key: 'phone', fid: 'd', current: '0531-1234567' }), // typed by the clerk, not from the previous fill
      ],
      next,
      prev,
    );
    expect(items.map((i) => [i.id, i.action, !!i.previous])).toEqual([
      ['0:a', 'conflict', true],
      ['0:b', 'conflict', true],
      ['0:c', 'clear', true],
      ['0:d', 'skip', false],
    ]);
    expect(replaceAllIds(items)).toEqual(['0:a', '0:b', '0:c']);
  });
});

// ---------------------------------------------------------------- the fill service over a page in happy-dom

const BASIC_INFO = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'province', 'basic-info.html'), 'utf8');
const ZHANG = { name: '张三', idNumber: '370102199001011231', gender: '男', birthDate: '1990-01-01', ethnicity: '汉族', mobile: '13805310000', email: 'zs@example.cn', education: '大学本科' };
const LI = { name: '李四', idNumber: '37010219900101124X', mobile: '13900000001' };

/**
 * One fake tab (7) with one frame showing the 基本资料 replica in this test's document: the content script's
 * collection is the real FillAgent over the real field mapping; "the main world" runs the page script in-process,
 * bound to a document id like Chrome's `documentIds` (a new id = the frame navigated).
 */
class FakeTab {
  /** Undefined: a browser without `documentIds` targeting (Firefox), bound by the content script's nonce. */
  documentId: string | undefined = 'doc-1';
  agent = new FillAgent(document);
  readonly calls: string[] = [];
  readonly tabs: TabsApi = {
    portalFrames: async () => [{ frameId: 0, documentId: this.documentId }],
    sendToFrame: (async (_tab: number, _frame: number, name: string) => {
      this.calls.push(name);
      if (name === 'bg:collect') return this.agent.collect('province-basic-info', mapFields(document, fieldViews(bundledPack().fields)));
      if (name === 'bg:document') return { page: 'province-basic-info', url: location.href, nonce: this.agent.nonce };
      return {};
    }) as TabsApi['sendToFrame'],
    mainWorld: async <A extends unknown[], R>(_tab: number, frame: FrameRef, func: (...args: A) => R, args: A) => {
      this.calls.push('mainWorld');
      return frame.documentId === this.documentId ? func(...args) : undefined;
    },
    tabTitle: async () => '个人基本资料维护',
    targetTab: async () => 7,
  };
  /** What the extension page confirming a preview uses (ui/components/fill-frames.ts), on this fake tab. */
  confirmApi(): ConfirmApi {
    return {
      // As ui/components/fill-frames.ts: the script the probe kept in the page (not there: another document).
      applyIn: (tab, frame, req) => applyVia((t, f, func, args) => this.tabs.mainWorld(t, f, func, args), tab, frame, req),
      documentOf: (tab, frameId) => this.tabs.sendToFrame(tab, frameId, 'bg:document', {}),
    };
  }
}

async function setUp(name: string) {
  document.documentElement.innerHTML = BASIC_INFO.replace(/^[\s\S]*?<html>/, '').replace(/<\/html>\s*$/, '');
  installLayout();
  const db: JzsDatabase = await openJzsDB(name);
  // A profile about to change makes its previews unconfirmable (as background/main.ts wires it).
  const profiles: ProfileService = new ProfileService(new ProfileStore(async () => db, () => plainCodec), () => plainCodec, (ids): Promise<void> => service.invalidate(ids));
  const zhang = await profiles.create({ data: ZHANG }, new Date());
  const li = await profiles.create({ data: LI }, new Date());
  const activate = (id: string) => db.put('settings', { key: 'activeProfileId', value: id });
  await activate(zhang.id);
  const tab = new FakeTab();
  // storage.session as the background and the confirming page see it: plans, or the mark of a changed profile.
  const stored = new Map<string, PlanTrace | ReturnType<typeof profileChangedMark<PlanTrace>>>();
  const fills = new Map<number, TabFill>();
  const plans: PlanStore = {
    trace: async (id) => {
      const v = stored.get(id);
      return v && 'items' in v ? v : v?.trace;
    },
    set: async (id, v) => void stored.set(id, v),
    remove: async (id) => void stored.delete(id),
    lastFill: async (t) => fills.get(t),
    setLastFill: async (t, f) => void fills.set(t, f),
    markProfileChanged: async (ids) => {
      for (const [k, v] of stored) if ('items' in v && (!ids || ids.includes(v.profileId))) stored.set(k, profileChangedMark(v));
    },
  };
  const service: FillService = new FillService({ profiles, db: async () => db, codec: () => plainCodec, tabs: tab.tabs, plans, now: () => new Date() });
  /**
   * A click on 确认填写 in the page showing the preview (useFill): the confirm there, with the plan's liveness as
   * that page knows it (it watches storage.session), then its record.
   */
  const confirm = async (preview: FillPreview, overwrite: readonly string[] = [], now = Date.now()) => {
    const report = await confirmFill(tab.confirmApi(), { ...preview, liveness: livenessOf(stored.get(preview.planId)) }, new Set(overwrite), now);
    await service.record(preview.planId, report);
    return report;
  };
  return { db, profiles, zhang, li, activate, tab, service, confirm, stored, plans };
}

const $ = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;
const outcomes = (r: { results: Array<{ key: string; outcome: string; reason?: string | undefined }> }) => Object.fromEntries(r.results.map((x) => [x.key, x.reason ?? x.outcome]));

describe('fill service: one script per frame, bound to what the user saw', () => {
  beforeEach(() => {
    history.replaceState({}, '', '/personal/baseinfo/edit');
  });

  it('writes only what was confirmed, by option value, in ONE page call per frame; reads back and logs', async () => {
    const { service, tab, zhang, confirm, stored } = await setUp('fill-basic');
    $('txtSjhm').value = '13912345678'; // typed by the user before
    const preview = await service.plan(7);
    expect($('txtXm').value).toBe(''); // planning writes nothing
    // storage.session (whose changes every extension page hears, other tabs' panels too) holds no value.
    expect(stored.size).toBe(1);
    expect(JSON.stringify([...stored.values()])).not.toMatch(new RegExp(`${ZHANG.idNumber}|${ZHANG.name}|${ZHANG.mobile}`));
    const action = Object.fromEntries(preview.items.map((i) => [i.key, i.action]));
    expect(action).toMatchObject({ name: 'fill', idNumber: 'fill', mobile: 'conflict', ethnicity: 'fill', gender: 'fill', education: 'fill' });
    tab.calls.length = 0;
    const report = await confirm(preview, []);
    expect(tab.calls.filter((c) => c === 'mainWorld')).toHaveLength(1); // one hop for the frame's writes and read-back
    expect(report.navigated).toBe(false);
    expect(report.results.every((r) => r.outcome === 'ok')).toBe(true);
    expect([$('txtXm').value, $('txtZjhm').value, $('txtCsrq').value, $('txtSjhm').value]).toEqual(['张三', ZHANG.idNumber, '1990-01-01', '13912345678']);
    expect([$<HTMLSelectElement>('ddlMz').value, $<HTMLSelectElement>('ddlXl').value, $('xb1').checked]).toEqual(['01', '3', true]);
    // Used: the plan is gone once recorded, so the same preview cannot write again.
    await expect(confirm(preview, [])).rejects.toMatchObject({ code: 'fill.errors.expired' });
    const [entry] = await service.logOf(zhang.id);
    expect(entry).toMatchObject({ portal: 'province', pages: ['province-basic-info'], navigated: false, failed: 0 });
    expect(entry?.fields).toContain('idNumber');
  });

  it('証件类型 changed after the preview disables 证件号码: not written, and no neighbouring field changes', async () => {
    const { service, confirm } = await setUp('fill-disabled');
    const preview = await service.plan(7);
    // The page's own logic after the user picks another 证件类型.
    $<HTMLSelectElement>('ddlZjlx').value = '3';
    $('txtZjhm').disabled = true;
    const report = await confirm(preview, []);
    expect(outcomes(report)).toMatchObject({ idNumber: 'disabled', name: 'ok', birthDate: 'ok' });
    expect([$('txtZjhm').value, $('txtCsrq').value, $('txtXm').value]).toEqual(['', '1990-01-01', '张三']);
  });

  it.each([
    ['removed', () => $('txtZjhm').remove(), 'gone'],
    ['made read-only', () => ($('txtZjhm').readOnly = true), 'readonly'],
    ['hidden', () => ($('txtZjhm').style.display = 'none'), 'not-rendered'],
    ['made transparent', () => ($('txtZjhm').style.opacity = '0'), 'transparent'],
    ['moved out of its form', () => document.body.append($('txtZjhm')), 'changed'],
    // A row the page adds (a copy keeping the id) before it: the id now finds the copy, which looks the same.
    ['copied, the copy put before it under the same id', () => $('txtZjhm').before($('txtZjhm').cloneNode()), 'changed'],
    ['replaced by another field under its id', () => {
      const other = Object.assign(document.createElement('input'), { id: 'txtZjhm', name: 'passport' });
      $('txtZjhm').replaceWith(other);
    }, 'changed'],
  ])('a field %s after the preview is not written and says why', async (_how, change, reason) => {
    const { service, confirm } = await setUp(`fill-${reason}-${_how.length}`);
    const preview = await service.plan(7);
    change();
    const report = await confirm(preview, []);
    expect(outcomes(report).idNumber).toBe(reason);
    expect(report.results.find((r) => r.key === 'idNumber')).not.toHaveProperty('proposed');
    expect(document.body.innerHTML).not.toContain(ZHANG.idNumber);
    expect($('txtCsrq').value).toBe('1990-01-01');
  });

  it('a box found by its name and position gets nothing when a row with the same name is added before it', async () => {
    const { service, confirm } = await setUp('fill-row-added');
    const box = $('txtZjhm');
    box.removeAttribute('id');
    const preview = await service.plan(7);
    const copy = box.cloneNode();
    box.before(copy);
    const report = await confirm(preview, []);
    expect(outcomes(report)).toMatchObject({ idNumber: 'changed', name: 'ok' });
    expect(document.body.innerHTML).not.toContain(ZHANG.idNumber);
  });

  it.each([
    ['moves 证件号码 out of its form', () => document.body.append($('txtZjhm')), 'changed'],
    ['relabels 证件号码\'s row', () => {
      const cell = $('txtZjhm').closest('td')?.previousElementSibling;
      if (cell) cell.textContent = '护照号码';
    }, 'changed'],
    ['disables 证件号码', () => ($('txtZjhm').disabled = true), 'disabled'],
  ])('a page that, reacting to an earlier write of the same fill, %s: that field is not written', async (_how, react, reason) => {
    const { service, confirm } = await setUp(`fill-react-${reason}-${_how.length}`);
    const preview = await service.plan(7);
    const order = preview.items.map((i) => i.key);
    expect(order.indexOf('name')).toBeLessThan(order.indexOf('idNumber'));
    $('txtXm').addEventListener('change', react, { once: true });
    const report = await confirm(preview);
    expect(outcomes(report)).toMatchObject({ name: 'ok', idNumber: reason });
    expect(document.body.innerHTML).not.toContain(ZHANG.idNumber);
  });

  it('a field written whose read-back throws in the page is reported as written and not confirmed — never as nothing written', async () => {
    const { service, confirm } = await setUp('fill-readback-throws');
    const preview = await service.plan(7);
    // The page's own getter fails once the value is in (a control its change handler tore down).
    $<HTMLSelectElement>('ddlMz').addEventListener('change', (e) => {
      Object.defineProperty(e.currentTarget, 'selectedIndex', { get: () => { throw new Error('torn down'); } });
    }, { once: true });
    const report = await confirm(preview, []);
    expect(report.navigated).toBe(false);
    expect(outcomes(report)).toMatchObject({ ethnicity: 'mismatch', name: 'ok', idNumber: 'ok' });
    expect($<HTMLSelectElement>('ddlMz').value).toBe('01');
  });

  it('a fill whose record cannot be kept (storage full) is reported as not logged, so the page can say so', async () => {
    const { db, profiles, tab, plans, stored } = await setUp('fill-log-full');
    // The database as the fill log sees it: every write refused by the browser's quota.
    const full = new Proxy(db, {
      get: (t, p) => {
        if (p === 'add') return async () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
        const v: unknown = Reflect.get(t, p);
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
    const service = new FillService({ profiles, db: async () => full, codec: () => plainCodec, tabs: tab.tabs, plans, now: () => new Date() });
    const preview = await service.plan(7);
    const report = await confirmFill(tab.confirmApi(), { ...preview, liveness: livenessOf(stored.get(preview.planId)) }, new Set(), Date.now());
    expect(report.results.every((r) => r.outcome === 'ok')).toBe(true);
    expect(await service.record(preview.planId, report)).toBe(false);
    const kept = await setUp('fill-log-kept');
    const ok = await kept.service.plan(7);
    const done = await confirmFill(kept.tab.confirmApi(), { ...ok, liveness: 'live' }, new Set(), Date.now());
    expect(await kept.service.record(ok.planId, done)).toBe(true);
  });

  it('a tab that moved on to another document or URL gets nothing written, and the log says so', async () => {
    const { service, tab, zhang, confirm } = await setUp('fill-navigated');
    const preview = await service.plan(7);
    tab.documentId = 'doc-2'; // the frame navigated: the previewed document is gone
    const report = await confirm(preview, []);
    expect(report.navigated).toBe(true);
    expect(report.results.every((r) => r.outcome === 'refused' && r.reason === 'navigated')).toBe(true);
    expect($('txtXm').value).toBe('');
    const again = await service.plan(7);
    history.pushState({}, '', '/personal/baseinfo/edit?id=2'); // same document, another record
    const second = await confirm(again, []);
    expect(second.navigated).toBe(true);
    expect($('txtXm').value).toBe('');
    const log = await service.logOf(zhang.id);
    expect(log.map((e) => [e.navigated, e.ok])).toEqual([[true, 0], [true, 0]]);
  });

  it('without documentIds (Firefox) a frame is bound by the content script\'s per-document nonce', async () => {
    const { service, tab, confirm } = await setUp('fill-nonce');
    tab.documentId = undefined;
    const first = await service.plan(7);
    tab.agent = new FillAgent(document); // a new document has a new content script, with a new nonce
    const report = await confirm(first, []);
    expect(report.navigated).toBe(true);
    expect($('txtXm').value).toBe('');
    const second = await confirm(await service.plan(7), []);
    expect(second.navigated).toBe(false);
    expect($('txtXm').value).toBe('张三');
    expect(tab.calls).toContain('bg:document');
  });

  it("Firefox's framed panel cannot reach the tab: the background confirms the plan it holds — checked, written, read back, logged; never twice, never after a change", async () => {
    const { service, tab, zhang, profiles, stored } = await setUp('fill-in-background');
    tab.documentId = undefined; // Firefox: bound by the content script's nonce
    const preview = await service.plan(7);
    expect(service.holds(preview.planId)).toBe(true);
    tab.calls.length = 0;
    const { report, logged } = await service.confirm(preview.planId, new Set());
    expect(service.holds(preview.planId)).toBe(false);
    expect(logged).toBe(true);
    expect(tab.calls).toEqual(['bg:document', 'mainWorld', 'bg:filled']); // the document checked, then one page call
    expect(report.results.every((r) => r.outcome === 'ok')).toBe(true);
    expect([$('txtXm').value, $('txtZjhm').value]).toEqual(['张三', ZHANG.idNumber]);
    expect((await service.logOf(zhang.id))[0]).toMatchObject({ pages: ['province-basic-info'], navigated: false });
    // Used once: the same plan again is refused.
    await expect(service.confirm(preview.planId, new Set())).rejects.toMatchObject({ code: 'fill.errors.expired' });
    // Another document in the frame since the preview: nothing written there.
    $('txtXm').value = '';
    const moved = await service.plan(7);
    tab.agent = new FillAgent(document);
    expect((await service.confirm(moved.planId, new Set())).report.navigated).toBe(true);
    expect($('txtXm').value).toBe('');
    // The profile edited after the preview: the plan is dropped, the confirm refused, nothing written.
    const edited = await service.plan(7);
    await profiles.update(zhang.id, { data: { ...ZHANG, mobile: '13800000000' } }, zhang.revision, new Date());
    expect(service.holds(edited.planId)).toBe(false);
    await expect(service.confirm(edited.planId, new Set())).rejects.toMatchObject({ code: 'fill.errors.expired' });
    expect($('txtXm').value).toBe('');
    expect(JSON.stringify([...stored.values()])).not.toContain(ZHANG.idNumber);
  });

  it('a profile edited after the preview: the confirm is refused as changed, nothing is written, a new preview fills', async () => {
    const { service, profiles, zhang, confirm, stored } = await setUp('fill-revision');
    const preview = await service.plan(7);
    const other = await service.plan(7); // an older preview of the same profile, e.g. in the popup
    await profiles.update(zhang.id, { data: { ...ZHANG, mobile: '13800000000' } }, zhang.revision, new Date());
    await expect(confirm(preview)).rejects.toMatchObject({ code: 'fill.errors.profileChanged' });
    await expect(confirm(other)).rejects.toMatchObject({ code: 'fill.errors.profileChanged' });
    expect([$('txtXm').value, $('txtSjhm').value]).toEqual(['', '']);
    // The plans' values are dropped with them (only the mark is left).
    expect(JSON.stringify([...stored.values()])).not.toContain(ZHANG.idNumber);
    const again = await confirm(await service.plan(7));
    expect(again.results.every((r) => r.outcome === 'ok')).toBe(true);
    expect($('txtSjhm').value).toBe('13800000000');
  });

  it.each(['edited', 'locked'] as const)('a profile %s while the preview is being prepared: no plan is kept, the preview is refused, a new one fills', async (during) => {
    const { service, profiles, zhang, tab, stored, confirm } = await setUp(`fill-race-${during}`);
    const send = tab.tabs.sendToFrame;
    let once = true;
    // The change lands while the background reads the frames (after it read the profile, before it stores the plan).
    tab.tabs.sendToFrame = (async (tabId: number, frameId: number, name: string, data: unknown) => {
      if (name === 'bg:collect' && once) {
        once = false;
        if (during === 'edited') await profiles.update(zhang.id, { data: { ...ZHANG, mobile: '13800000000' } }, zhang.revision, new Date());
        else service.forgetPlans();
      }
      return send(tabId, frameId, name as 'bg:collect', data as Record<string, never>);
    }) as TabsApi['sendToFrame'];
    await expect(service.plan(7)).rejects.toMatchObject({ code: 'fill.errors.changedWhilePlanning' });
    expect(stored.size).toBe(0);
    expect($('txtSjhm').value).toBe('');
    const again = await confirm(await service.plan(7));
    expect(again.results.every((r) => r.outcome === 'ok')).toBe(true);
    expect($('txtSjhm').value).toBe(during === 'edited' ? '13800000000' : ZHANG.mobile);
  });

  it('a profile edited while its confirm is under way: the fill (checked before the edit) is still logged', async () => {
    const { service, profiles, zhang, tab, stored } = await setUp('fill-edit-during');
    const preview = await service.plan(7);
    // The click found the plan live; the edit lands while the page script runs.
    const report = await confirmFill(tab.confirmApi(), { ...preview, liveness: livenessOf(stored.get(preview.planId)) }, new Set(), Date.now());
    await profiles.update(zhang.id, { data: { ...ZHANG, mobile: '13800000000' } }, zhang.revision, new Date());
    expect(JSON.stringify([...stored.values()])).not.toContain(ZHANG.idNumber); // the mark keeps no value
    await service.record(preview.planId, report);
    const [entry] = await service.logOf(zhang.id);
    expect(entry).toMatchObject({ pages: ['province-basic-info'], failed: 0 });
    expect(entry?.ok).toBeGreaterThan(5);
  });

  it('only the changed profile\'s previews are dropped; deleting a profile, or an import replacing it, drops its own', async () => {
    const { service, profiles, zhang, li, activate, confirm } = await setUp('fill-invalidate');
    const zhangPreview = await service.plan(7);
    await profiles.update(li.id, { data: { ...LI, mobile: '13900000000' } }, li.revision, new Date());
    expect((await confirm(zhangPreview)).results.every((r) => r.outcome === 'ok')).toBe(true);
    await activate(li.id);
    const liPreview = await service.plan(7);
    await profiles.remove([li.id], new Date());
    await expect(confirm(liPreview)).rejects.toMatchObject({ code: 'fill.errors.profileChanged' });
    await activate(zhang.id);
    const zhangAgain = await service.plan(7);
    const stored = await profiles.get(zhang.id);
    await profiles.commit([{ kind: 'update', id: zhang.id, body: { data: { ...ZHANG, email: 'new@example.cn' } }, expectedRevision: stored.revision }], new Date());
    await expect(confirm(zhangAgain)).rejects.toMatchObject({ code: 'fill.errors.profileChanged' });
  });

  it('the probe keeps the page script in the page for the confirm: a random name per plan, read-only, hidden, no value in it', async () => {
    const { service, confirm, tab } = await setUp('fill-kept');
    const preview = await service.plan(7);
    const key = preview.ticket.frames[0]?.pageKey ?? '';
    expect(key).toMatch(/^jzs[0-9a-f]{32}$/);
    const kept = Object.getOwnPropertyDescriptor(window, key);
    expect(kept).toMatchObject({ writable: false, enumerable: false, configurable: false });
    expect(kept?.value).toBeTypeOf('function');
    expect(Object.keys(window)).not.toContain(key);
    expect(String(kept?.value)).not.toContain(ZHANG.idNumber);
    Reflect.set(window, key, () => ({ navigated: false, results: [] })); // a page cannot swap it
    expect(Reflect.get(window, key)).toBe(kept?.value);
    expect((await service.plan(7)).ticket.frames[0]?.pageKey).not.toBe(key);
    tab.calls.length = 0;
    const report = await confirm(preview);
    expect(tab.calls.filter((c) => c === 'mainWorld')).toHaveLength(1); // the kept script: one call, nothing sent again
    expect(report.results.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('where the previewed script is not in the frame any more (another document at the same address), nothing is written', async () => {
    const { service, confirm, tab } = await setUp('fill-not-kept');
    const preview = await service.plan(7);
    const frames = preview.ticket.frames.map((f) => ({ ...f, pageKey: `jzs${'0'.repeat(32)}` }));
    tab.calls.length = 0;
    const report = await confirm({ ...preview, ticket: { ...preview.ticket, frames } });
    expect(tab.calls.filter((c) => c === 'mainWorld')).toHaveLength(1); // the call that found nothing; no script sent
    expect(report.navigated).toBe(true);
    expect(report.results.every((r) => r.outcome === 'refused')).toBe(true);
    expect($('txtXm').value).toBe('');
  });

  it('only an answer of the page script\'s shape is believed', () => {
    expect(isApplyAnswer({ navigated: false, results: [{ item: '0:1', written: true, read: { value: 'a', text: 'a' } }] })).toBe(true);
    expect(isApplyAnswer({ navigated: false, results: [{ item: '0:1', written: false, reason: 'covered' }] })).toBe(true);
    for (const bad of [null, 'ok', { navigated: false }, { navigated: 'no', results: [] }, { navigated: false, results: [{ item: 1, written: true }] }, { navigated: false, results: [{ item: '0:1', written: false, reason: 'because' }] }, { navigated: false, results: [{ item: '0:1', written: true, read: { value: 1 } }] }]) {
      expect(isApplyAnswer(bad)).toBe(false);
    }
  });

  it('the confirm travels as one string each way, and its answer is believed only as an answer to that request', async () => {
    const kit = pageScript({ op: 'kit' });
    const handle = { mini: 'B_XM', id: 'B_XM', name: '', tag: 'span', type: '', nth: -1, form: '', label: '姓名', count: 1 };
    const req = { op: 'apply' as const, url: 'https://elsewhere.example/', minSize: 4, writes: [{ item: '0:1', handle, value: '张三' }, { item: '0:2', handle: { ...handle, mini: undefined, tag: 'input', nth: 2 }, value: '' }] };
    const request = kit.toWire(req);
    expect(typeof request).toBe('string');
    // The page decodes it and answers for every write, in order (here: another address, so nothing is written).
    expect(kit.answerFromWire(await pageScript(request), req)).toEqual({ navigated: true, results: [{ item: '0:1', written: false, reason: 'navigated' }, { item: '0:2', written: false, reason: 'navigated' }] });
    // The same through a copy made from the source text, as executeScript sends the script whole: self-contained.
    // eslint-disable-next-line no-new-func -- exactly what the browser does with executeScript's `func`
    const copy: unknown = new Function(`return (${pageScript.toString()})`)();
    expect(typeof copy === 'function' && kit.answerFromWire(await copy(request), req)).toEqual(kit.answerFromWire(await pageScript(request), req));
    const answer = (results: unknown[], navigated = 0) => kit.answerFromWire(JSON.stringify([navigated, results]), req);
    expect(answer([[1, '张三', '张三'], [0, 'covered']])).toEqual({ navigated: false, results: [{ item: '0:1', written: true, read: { value: '张三', text: '张三' } }, { item: '0:2', written: false, reason: 'covered' }] });
    // Written, but the page's getter threw: written and not read back.
    expect(answer([[1], [1, '', '']])).toEqual({ navigated: false, results: [{ item: '0:1', written: true }, { item: '0:2', written: true, read: { value: '', text: '' } }] });
    // Not an answer to this request: one result short or too many, not the wire at all, the old object shape.
    for (const bad of [answer([[1, '张三', '张三']]), answer([[1], [1], [1]]), answer([[1], [1]], 2), kit.answerFromWire('{"navigated":false', req), kit.answerFromWire({ navigated: false, results: [] }, req), kit.answerFromWire(null, req)]) {
      expect(bad).toBeUndefined();
    }
    // Of the right length but not of apply's shape: refused by the shape check.
    expect(isApplyAnswer(answer([[1, 5, '张三'], [0, 'because']]))).toBe(false);
    expect(isApplyAnswer(answer([[1, '张三', '张三'], [0, 'covered']]))).toBe(true);
  });

  it('a preview past its lifetime, or whose plan the background dropped (the store locked), writes nothing', async () => {
    const { service, confirm, stored } = await setUp('fill-expired');
    const preview = await service.plan(7);
    expect(preview.ticket.expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
    await expect(confirm(preview, [], preview.ticket.expiresAt + 1)).rejects.toMatchObject({ code: 'fill.errors.expired' });
    stored.clear(); // what a lock change does (background/tabs-api.ts dropFillPlans)
    await expect(confirm(preview)).rejects.toMatchObject({ code: 'fill.errors.expired' });
    expect($('txtXm').value).toBe('');
  });

  it('the ticket carries where and what for the writable items only (a skipped item has no value anywhere)', async () => {
    const { service } = await setUp('fill-ticket');
    $('txtZjhm').readOnly = true;
    const preview = await service.plan(7);
    const skipped = preview.items.filter((i) => i.action === 'skip' || i.action === 'same').map((i) => i.id);
    expect(skipped.length).toBeGreaterThan(0);
    expect(preview.ticket.writes.map((w) => w.id).filter((id) => skipped.includes(id))).toEqual([]);
    expect(JSON.stringify(preview)).not.toContain(ZHANG.idNumber);
    expect(preview.ticket.frames).toEqual([expect.objectContaining({ frameId: 0, documentId: 'doc-1', url: location.href })]);
  });

  it('the background keeps only results of the plan\'s own items in the history', async () => {
    const { service, zhang } = await setUp('fill-record');
    const preview = await service.plan(7);
    const item = preview.items.find((i) => i.key === 'name');
    await service.record(preview.planId, {
      navigated: false,
      results: [
        { id: item?.id ?? '', key: 'name', label: '姓名', outcome: 'ok', proposed: '张三', readBack: '张三' },
        { id: '9:99', key: 'email', label: '邮箱', outcome: 'ok', proposed: 'x', readBack: 'x' },
      ],
    });
    const [entry] = await service.logOf(zhang.id);
    expect(entry).toMatchObject({ ok: 1, fields: ['name'] });
  });

  it('the preview carries the chosen profile\'s warnings (birth date and gender the ID number tells), only its own', async () => {
    const { service, activate, li } = await setUp('fill-warnings');
    expect((await service.plan(7)).warnings).toBeUndefined(); // 张三's profile is complete
    await activate(li.id);
    const preview = await service.plan(7);
    expect(preview.warnings?.map((w) => [w.field, w.code])).toEqual([
      ['birthDate', 'profileWarn.birthFromId'],
      ['gender', 'profileWarn.genderFromId'],
    ]);
  });

  it('「全部替换为此申请人」: after 张三, 李四 replaces every value 张三 left and clears what 李四 lacks', async () => {
    const { service, activate, li, zhang, confirm } = await setUp('fill-replace');
    await confirm(await service.plan(7), []);
    expect($('txtDzyx').value).toBe(ZHANG.email);
    $('txtGddh').value = '0531-1234567'; // typed by the clerk: not the previous applicant's
    await activate(li.id);
    const preview = await service.plan(7);
    expect(preview.onPage).toEqual({ id: zhang.id, name: '张三' });
    const ids = replaceAllIds(preview.items);
    const report = await confirm(preview, ids);
    expect(report.results.filter((r) => r.outcome !== 'ok')).toEqual([]);
    expect([$('txtXm').value, $('txtZjhm').value, $('txtSjhm').value, $('txtDzyx').value, $('txtCsrq').value]).toEqual(['李四', LI.idNumber, LI.mobile, '', '']);
    expect([$<HTMLSelectElement>('ddlMz').value, $<HTMLSelectElement>('ddlXl').value, $('xb1').checked]).toEqual(['', '', false]);
    expect($('txtGddh').value).toBe('0531-1234567');
    expect(document.body.innerHTML.includes('张三') || [...document.querySelectorAll('input')].some((i) => i.value === ZHANG.idNumber)).toBe(false);
  });
});

describe('the content script locates, the page script finds again', () => {
  it('a MiniUI list with no options yet (a cascade loads them after an earlier choice) is a field of the preview, found again by its locator', () => {
    // As MiniUI draws an empty checkbox or radio list: its root, an empty table, the hidden input.
    const list = (id: string, kind: string) => `<div id="${id}" class="mini-${kind}"><table class="mini-list-inner"><tr></tr></table><input type="hidden" id="${id}$value" name="${id}"></div>`;
    document.body.innerHTML = `<table id="form1">
      <tr><td class="tdlabel">申请注册专业：</td><td>${list('B_ZY', 'checkboxlist')}</td></tr>
      <tr><td class="tdlabel">性别：</td><td>${list('B_XB', 'radiobuttonlist')}</td></tr>
    </table>`;
    const fields = mapFields(document, fieldViews(bundledPack().fields));
    const collected = new FillAgent(document).collect('declarationinfo', fields).fields;
    const kit = pageScript({ op: 'kit' });
    for (const [key, id] of [['specialty', 'B_ZY'], ['gender', 'B_XB']] as const) {
      const c = collected.find((x) => x.key === key);
      expect(c, key).toMatchObject({ kind: 'mini-list', miniId: id, current: '', disabled: false });
      expect(kit.find(document, { ...(c?.locator ?? handle), type: '', form: '', label: '', count: 0 })).toBe(document.getElementById(id));
    }
  });

  it('every mapped field of every replica page (source and rendered) is found by its locator, and no other element', () => {
    const kit = pageScript({ op: 'kit' });
    let checked = 0;
    for (const { replica, state } of replicasWithState().filter((x) => x.replica.page)) {
      const doc = replicaDocument(replica, state);
      const fields = mapFields(doc, fieldViews(bundledPack().fields));
      const collected = new FillAgent(doc).collect(replica.page, fields).fields;
      collected.forEach((c, i) => {
        const f = fields[i];
        const root = c.miniId ? f?.anchor : f?.input;
        expect(kit.find(doc, { ...c.locator, type: '', form: '', label: '', count: 0 }), `${replica.name} ${state} ${c.key}`).toBe(root);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(300);
  }, 30_000); // parses every replica page twice (source and rendered): seconds on a loaded CI machine

  it('the confirm\'s fingerprint check (matches) says what comparing a fresh fingerprint says, on every replica page (source and rendered) under seeded mutations', () => {
    const kit = pageScript({ op: 'kit' });
    let seed = 162; // Park–Miller: exact in doubles
    const rand = (n: number) => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed % n;
    };
    // What a page may do to a field between the preview and the write (each, or nothing, at random).
    const mutations: Array<(el: Element, doc: Document) => void> = [
      () => undefined,
      (el) => el.setAttribute('name', `${el.getAttribute('name') ?? ''}x`),
      (el) => el.setAttribute('type', rand(2) ? 'TEXT' : 'hidden'),
      (el) => (el.id = `${el.id}_`),
      (el) => {
        const cell = el.closest('td, dd')?.previousElementSibling;
        if (cell) cell.textContent = rand(2) ? ` ${cell.textContent ?? ''}：` : '护照号码';
      },
      (el) => el.closest('[role="control"][label]')?.setAttribute('label', '其他'),
      (el, doc) => doc.body.append(el),
      (el, doc) => doc.createElement('form').append(el),
      // A row copied or added before it, with the same id or name (the lookup would land on the copy).
      (el) => el.before(el.cloneNode()),
    ];
    let compared = 0;
    let changed = 0;
    for (const { replica, state } of replicasWithState().filter((x) => x.replica.page)) {
      const doc = replicaDocument(replica, state);
      const fields = mapFields(doc, fieldViews(bundledPack().fields));
      const collected = new FillAgent(doc).collect(replica.page, fields).fields;
      const handles = collected.flatMap((c) => {
        const el = kit.find(doc, { ...c.locator, type: '', form: '', label: '', count: 0 });
        return el ? [{ el, handle: kit.fingerprint(el, c.locator.mini) }] : [];
      });
      for (const { el, handle } of handles) {
        expect(kit.matches(el, handle)).toBe(true);
        mutations[rand(mutations.length)]?.(el, doc);
        for (const other of handles) {
          const fresh = kit.sameHandle(kit.fingerprint(other.el, other.handle.mini), other.handle);
          expect(kit.matches(other.el, other.handle), `${replica.name} ${other.handle.id || other.handle.name}`).toBe(fresh);
          compared++;
          if (!fresh) changed++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(changed).toBeGreaterThan(100);
  }, 30_000);
});
