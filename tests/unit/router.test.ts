import { describe, expect, it, vi } from 'vitest';
import '../../src/i18n/all';
import { CodedError } from '../../src/i18n/problem';
import type { Reply } from '../../src/messaging/protocol';
import { languageView } from '../../src/background/handlers';
import { dispatch, type Routes } from '../../src/background/router';
import { classifySender, type SenderInfo } from '../../src/background/sender';
import { forgetPackCache } from '../../src/rules/store';
import { openJzsDB } from '../../src/storage/db';
import { DEFAULT_PREFS, PanelHub } from '../../src/background/panel-hub';
import type { PageReport, PanelPrefs } from '../../src/messaging/protocol';
import { testRoutes } from '../helpers/routes';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}/`;
const db = () => openJzsDB('router-test');
const hub = new PanelHub((page) => (page === 'zwdt-eform' ? { zh: '电子申请表', en: 'Electronic application form' } : undefined));
const prefs = new Map<string, PanelPrefs>();
const told: Array<{ tabId: number; name: string; data: unknown; frameId?: number | undefined }> = [];
const { routes } = testRoutes({
  db,
  panels: {
    hub,
    prefs: { get: async (portal) => prefs.get(portal) ?? DEFAULT_PREFS, set: async (portal, p) => void prefs.set(portal, p) },
    tellTab: async (tabId, name, data, frameId) => void told.push({ tabId, name, data, frameId }),
  },
});
const zwdt: SenderInfo = { kind: 'content', portal: 'jinan-zwdt', tabId: 3, frameId: 0, url: 'http://124.128.226.254:8090/x' };
const page: SenderInfo = { kind: 'extension', url: `${EXT_ORIGIN}popup.html` };
const msg = (name: string, data: unknown) => ({ jzs: 1, name, data });

describe('sender classification', () => {
  it('recognises extension pages and content scripts on exact portal origins', () => {
    expect(classifySender({ id: EXT_ID, url: `${EXT_ORIGIN}options.html` }, EXT_ID, EXT_ORIGIN)?.kind).toBe('extension');
    expect(
      classifySender({ id: EXT_ID, url: 'http://124.128.19.211:81/a', origin: 'http://124.128.19.211:81', tab: { id: 1 }, frameId: 2 }, EXT_ID, EXT_ORIGIN),
    ).toEqual({ kind: 'content', portal: 'province', tabId: 1, frameId: 2, url: 'http://124.128.19.211:81/a' });
  });

  it('refuses other extensions, other ports (Firefox matches hosts on any port), other hosts and tabless pages', () => {
    expect(classifySender({ id: 'other', url: `${EXT_ORIGIN}popup.html` }, EXT_ID, EXT_ORIGIN)).toBeUndefined();
    expect(classifySender({ id: EXT_ID, url: 'http://124.128.19.211:82/a', tab: { id: 1 } }, EXT_ID, EXT_ORIGIN)).toBeUndefined();
    expect(classifySender({ id: EXT_ID, url: 'http://evil.example/a', tab: { id: 1 } }, EXT_ID, EXT_ORIGIN)).toBeUndefined();
    expect(classifySender({ id: EXT_ID, url: 'http://124.128.19.211:81/a' }, EXT_ID, EXT_ORIGIN)).toBeUndefined();
    // A frame whose reported origin disagrees with its URL (sandboxed/opaque) is not trusted.
    expect(classifySender({ id: EXT_ID, url: 'http://124.128.19.211:81/a', origin: 'null', tab: { id: 1 } }, EXT_ID, EXT_ORIGIN)).toBeUndefined();
    // A frame whose document came after its initial empty one: Chrome reports about:blank and the real origin.
    expect(classifySender({ id: EXT_ID, url: 'about:blank', origin: 'http://124.128.226.254:8090', tab: { id: 1 }, frameId: 6 }, EXT_ID, EXT_ORIGIN)).toMatchObject({ kind: 'content', portal: 'jinan-zwdt', frameId: 6 });
    // Without an origin to vouch for it, or with another site's, about:blank is no portal frame.
    expect(classifySender({ id: EXT_ID, url: 'about:blank', tab: { id: 1 }, frameId: 6 }, EXT_ID, EXT_ORIGIN)).toBeUndefined();
    expect(classifySender({ id: EXT_ID, url: 'about:blank', origin: 'https://example.com', tab: { id: 1 }, frameId: 6 }, EXT_ID, EXT_ORIGIN)).toBeUndefined();
  });
});

describe('message dispatch', () => {
  it('answers the panel with the business checklist limited to its portal, and a content script with its materials only', async () => {
    forgetPackCache();
    const panelSender: SenderInfo = { kind: 'extension', url: `${EXT_ORIGIN}panel.html`, panel: { tabId: 3, portal: 'jinan-zwdt' } };
    const ask = { portal: 'jinan-zwdt', page: 'zwdt-declaration', business: 'change' };
    const full = await dispatch(routes, msg('ui:panel.rules', ask), panelSender);
    const cut = await dispatch(routes, msg('cs:pageRules', ask), zwdt);
    if (!full.ok || !cut.ok) throw new Error('no rules');
    type Item = { id: string; name: string; aliases: string[]; upload?: unknown; note?: string; subItems: Item[] };
    type Check = { textEn?: string; source: unknown };
    type Rules = { checks: Check[]; fields: Array<{ ids: string[] }>; checklist: { items: Item[]; bundles: unknown[]; steps?: Array<{ portal?: string }>; checks?: Check[] } };
    const panel = full.data as Rules;
    const content = cut.data as Rules;
    expect(panel.checklist.items.map((i) => i.id)).toContain('dismissal-certificate');
    expect(panel.checklist.steps?.every((s) => !s.portal || s.portal === 'jinan-zwdt')).toBe(true);
    expect(panel.checklist.items.some((i) => i.note)).toBe(true);
    // What the content script matches table rows and checks uploads with: every material (and part), its
    // names and upload rule, as the panel has them — and none of the notes, steps or conditions it never reads.
    const matchable = (items: Item[]): unknown[] => items.map(({ id, name, aliases, upload, subItems }) => ({ id, name, aliases, upload, subItems: matchable(subItems) }));
    expect(matchable(content.checklist.items)).toEqual(matchable(panel.checklist.items));
    expect(content.checklist.bundles).toHaveLength(panel.checklist.bundles.length);
    expect(JSON.stringify(content.checklist)).not.toMatch(/"(note|noteEn|steps|conditions|source|checks)"/);
    // The checks as they run (their text in the user's language), the fields as they map (ids, types): the label
    // texts are read by the background, and a check's source is shown in the panel only.
    const checks = panel.checklist.checks ?? [];
    expect(checks.length).toBeGreaterThan(0);
    expect(content.checks).toEqual(checks.map(({ textEn: _e, source: _s, ...c }) => c));
    expect(content.fields.length).toBeGreaterThan(20);
    expect(content.fields.every((f) => !('labels' in f) && Array.isArray(f.ids))).toBe(true);
    // The panel draws names and the checklist; what a portal frame maps and validates with is not sent to it.
    expect(Object.keys(panel).sort()).toEqual(['business', 'checklist', 'packVersion', 'page', 'portal']);
  });

  it('in English, the checks a content script runs carry their English wording (a 不予注册 hint quotes it)', async () => {
    const ask = async (language: 'zh' | 'en') => {
      const { routes: r } = testRoutes({ db, language: async () => language });
      const reply = await dispatch(r, msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-declaration', business: 'change' }), zwdt);
      return (reply as { data: { checks: Array<{ id: string; text: string }> } }).data.checks;
    };
    const en = await ask('en');
    const zh = await ask('zh');
    expect(en.map((c) => c.id)).toEqual(zh.map((c) => c.id));
    expect(en.find((c) => c.id === 'two-employers-refused')?.text).toMatch(/^Registering with two or more employers/);
    expect(zh.find((c) => c.id === 'two-employers-refused')?.text).toMatch(/^申请在两个或两个以上单位注册/);
    for (const c of en) expect(c.text, c.id).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it('hands the content script the chosen language, with the English texts only when it lacks them', async () => {
    const reply = await dispatch(routes, msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-home', withCatalogue: true }), zwdt);
    expect((reply as { data: { language: unknown } }).data.language).toEqual({ lang: 'zh' });
    expect(languageView('en', true).catalogue).toMatchObject({ overlay: { title: 'Constructor Registration Assistant' } });
    expect(languageView('en', false)).toEqual({ lang: 'en' });
  });

  it.each([
    ['an unknown sender', msg('ui:packStatus', {}), undefined, 'errors.request.forbidden'],
    ['an unknown message', msg('ui:dropDatabase', {}), page, 'errors.request.unknown'],
    ['a message without the envelope', { name: 'ui:packStatus', data: {} }, page, 'errors.request.badEnvelope'],
    ['a content script asking for a UI message', msg('ui:exportPack', {}), zwdt, 'errors.request.forbidden'],
    ['an extension page posing as a content script', msg('cs:pageRules', { portal: 'province', page: 'province-basic-info' }), page, 'errors.request.forbidden'],
    ['an extra key', msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-home', extra: 1 }), zwdt, 'errors.request.bad'],
    ['a page of another portal', msg('cs:pageRules', { portal: 'province', page: 'province-basic-info' }), zwdt, 'errors.request.unknownPage'],
    ['a prototype key as message name', msg('constructor', {}), page, 'errors.request.unknown'],
    // Issue 12.2: a page can provoke its content script's messages, so none of them starts or confirms a fill.
    ['a content script starting a fill', msg('ui:fill.plan', {}), zwdt, 'errors.request.forbidden'],
    ['a content script confirming a fill', msg('ui:fill.applied', { planId: '0c5f4b8e-2d1a-4c3b-9e7f-1a2b3c4d5e6f', report: { navigated: false, results: [] } }), zwdt, 'errors.request.forbidden'],
    ['the old content-script fill request', msg('cs:fill.request', {}), zwdt, 'errors.request.unknown'],
    ['the old content-script fill confirm', msg('cs:fill.confirm', { planId: '0c5f4b8e-2d1a-4c3b-9e7f-1a2b3c4d5e6f', overwrite: [] }), zwdt, 'errors.request.unknown'],
  ])('refuses %s', async (_label, raw, sender, code) => {
    const reply = await dispatch(routes, raw, sender as SenderInfo | undefined);
    expect(reply).toMatchObject({ ok: false, error: { code } });
  });

  const longId = { body: { data: { name: '张三', idNumber: '1'.repeat(201) } } };
  const errorOf = (reply: Reply<unknown>) => (reply.ok ? undefined : reply.error);

  it('names the bad field in the user\'s words and language, never as a zod path', async () => {
    const zh = errorOf(await dispatch(routes, msg('ui:profiles.create', longId), page, () => 'zh'));
    expect(zh).toMatchObject({ code: 'errors.request.badField', params: { field: { zh: '身份证号' }, what: { code: 'errors.input.tooLong', params: { max: 200 } } } });
    expect(zh?.message).toBe('「身份证号」无效：最多 200 个字符。未执行任何操作。');
    const en = errorOf(await dispatch(routes, msg('ui:profiles.create', longId), page, () => 'en'));
    expect(en?.message).toBe('“ID number” is invalid: at most 200 characters. Nothing was done.');
    expect(en?.message).not.toMatch(/body|data|idNumber|[\u4e00-\u9fff]/);
  });

  it('names the record of an import batch, counted from 1, and tells missing from wrong', async () => {
    const item = { kind: 'create', body: { data: { name: '李四' } } };
    const items = [item, item, { kind: 'create', body: { data: { name: '王五', retired: 'no' } } }];
    const reply = errorOf(await dispatch(routes, msg('ui:profiles.commit', { items }), page, () => 'zh'));
    expect(reply?.message).toBe('第 3 条记录的「是否退休」无效：类型不对。未保存任何记录。');
    const missing = errorOf(await dispatch(routes, msg('ui:lock.unlock', {}), page, () => 'en'));
    expect(missing?.message).toBe('“Passphrase” is invalid: missing. Nothing was done.');
  });

  it('passes a coded error on with its parameters, and hides an unexpected one', async () => {
    const throwing = (err: unknown): Routes => ({ ...routes, 'ui:packStatus': { from: ['extension'], handle: () => { throw err; } } });
    const coded = errorOf(await dispatch(throwing(new CodedError('errors.request.unknown', { name: 'x' })), msg('ui:packStatus', {}), page, () => 'en'));
    expect(coded).toMatchObject({ code: 'errors.request.unknown', params: { name: 'x' } });
    expect(coded?.message).toContain('(x)');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const raw = errorOf(await dispatch(throwing(new TypeError('Cannot read properties of undefined')), msg('ui:packStatus', {}), page, () => 'zh'));
    spy.mockRestore();
    expect(raw).toMatchObject({ code: 'errors.unexpected', params: {} });
    expect(JSON.stringify(raw)).not.toContain('Cannot read');
  });
});

describe('the panel hub: one truth per tab', () => {
  const report = (over: Partial<PageReport>): PageReport => ({ doc: 'd1', page: 'zwdt-eform', findings: [], missing: [], mapped: 3, shown: [], readsTable: false, uploads: [], ...over });
  const panelSender: SenderInfo = { kind: 'extension', url: `${EXT_ORIGIN}panel.html`, panel: { tabId: 7, portal: 'jinan-zwdt' } };

  it('knows the panel frame by its page and its portal tab; a popup in a tab is no panel', () => {
    const framed = classifySender({ id: EXT_ID, url: `${EXT_ORIGIN}panel.html?portal=jinan-zwdt`, tab: { id: 7, url: 'http://124.128.226.254:8090/x' }, frameId: 3 }, EXT_ID, EXT_ORIGIN);
    expect(framed).toEqual({ kind: 'extension', url: `${EXT_ORIGIN}panel.html?portal=jinan-zwdt`, tabId: 7, panel: { tabId: 7, portal: 'jinan-zwdt' } });
    // Firefox matches by host: a portal host on another port is not a portal tab.
    const wrongPort = classifySender({ id: EXT_ID, url: `${EXT_ORIGIN}panel.html`, tab: { id: 7, url: 'http://124.128.226.254:8091/x' }, frameId: 3 }, EXT_ID, EXT_ORIGIN);
    expect(wrongPort).toEqual({ kind: 'extension', url: `${EXT_ORIGIN}panel.html` });
    const popupTab = classifySender({ id: EXT_ID, url: `${EXT_ORIGIN}popup.html`, tab: { id: 9, url: `${EXT_ORIGIN}popup.html` } }, EXT_ID, EXT_ORIGIN);
    expect(popupTab).toEqual({ kind: 'extension', url: `${EXT_ORIGIN}popup.html` });
  });

  it('collects every frame, names it, and answers the situations ticked for the tab', async () => {
    const sub: SenderInfo = { ...zwdt, tabId: 7, frameId: 4 };
    const error = { key: 'idNumber' as const, name: '身份证号', severity: 'error' as const, message: '校验位错误' };
    const r = await dispatch(routes, msg('cs:report', { report: report({ findings: [error] }) }), sub);
    expect(r).toEqual({ ok: true, data: { conditions: [], prefs: DEFAULT_PREFS, worker: hub.instance } });
    const seen: unknown[] = [];
    const stop = hub.connect(7, { postMessage: (m) => seen.push(m) });
    expect(seen).toHaveLength(1);
    expect(hub.view(7)?.frames[0]).toMatchObject({ frameId: 4, pageName: { zh: '电子申请表' }, findings: [error] });
    expect(await dispatch(routes, msg('ui:panel.conditions', { conditions: ['retired'] }), panelSender)).toEqual({ ok: true, data: {} });
    expect(told.at(-1)).toEqual({ tabId: 7, name: 'bg:conditions', data: { conditions: ['retired'] }, frameId: undefined });
    expect(hub.view(7)?.conditions).toEqual(['retired']);
    // A gone report of an older document does not erase the newer one.
    await dispatch(routes, msg('cs:report', { report: report({ doc: 'd2' }) }), sub);
    await dispatch(routes, msg('cs:report', { report: report({ doc: 'd1', page: null }) }), sub);
    expect(hub.view(7)?.frames.map((f) => f.doc)).toEqual(['d2']);
    await dispatch(routes, msg('cs:report', { report: report({ doc: 'd2', page: null }) }), sub);
    expect(hub.view(7)?.frames).toEqual([]);
    stop();
  });

  it('a frame\'s first report rides with its rules request: into the hub at once, answered beside the rules', async () => {
    const sub: SenderInfo = { ...zwdt, tabId: 8, frameId: 2 };
    const r = await dispatch(routes, msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-eform', report: report({ doc: 'e1', mapped: 5 }) }), sub);
    expect(r).toMatchObject({ ok: true, data: { page: { id: 'zwdt-eform' }, tab: { conditions: [], prefs: DEFAULT_PREFS, worker: hub.instance } } });
    expect(hub.view(8)?.frames).toMatchObject([{ frameId: 2, doc: 'e1', mapped: 5, pageName: { zh: '电子申请表' } }]);
    // Without a report: the rules only, the hub untouched.
    const alone = await dispatch(routes, msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-eform' }), { ...sub, tabId: 9 });
    expect(alone).toMatchObject({ ok: true, data: { page: { id: 'zwdt-eform' } } });
    expect(alone).not.toHaveProperty('data.tab');
    expect(hub.view(9)).toBeUndefined();
    // The riding report is checked like one sent alone (no key we did not define, e.g. a profile value).
    const extra = await dispatch(routes, msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-eform', report: { ...report({}), values: { name: 'x' } } }), sub);
    expect(extra).toMatchObject({ ok: false, error: { code: 'errors.request.bad' } });
    hub.forget(8);
  });

  it('panel messages only from the panel frame of a portal tab, and only about that portal', async () => {
    expect(await dispatch(routes, msg('ui:panel.prefs', { collapsed: true, side: 'left' }), page)).toMatchObject({ ok: false, error: { code: 'errors.request.forbidden' } });
    expect(await dispatch(routes, msg('ui:panel.prefs', { collapsed: true, side: 'left' }), panelSender)).toMatchObject({ ok: true });
    expect(prefs.get('jinan-zwdt')).toEqual({ collapsed: true, side: 'left' });
    expect(told.at(-1)).toMatchObject({ tabId: 7, name: 'bg:panel', frameId: 0 });
    const other = await dispatch(routes, msg('ui:panel.rules', { portal: 'province', page: 'province-basic-info' }), panelSender);
    expect(other).toMatchObject({ ok: false, error: { code: 'errors.request.forbidden' } });
    const rules = await dispatch(routes, msg('ui:panel.rules', { portal: 'jinan-zwdt', page: 'zwdt-declaration', business: 'change' }), panelSender);
    expect(rules).toMatchObject({ ok: true, data: { business: { id: 'change' } } });
    // The top frame's pill opens the panel for its portal; a sub-frame (which draws no pill) cannot.
    const open = { collapsed: false, side: 'left' } as const;
    expect(await dispatch(routes, msg('cs:panel.prefs', open), { ...zwdt, frameId: 2 })).toMatchObject({ ok: false, error: { code: 'errors.request.forbidden' } });
    expect(prefs.get('jinan-zwdt')).toEqual({ collapsed: true, side: 'left' });
    expect(await dispatch(routes, msg('cs:panel.prefs', open), zwdt)).toEqual({ ok: true, data: open });
    expect(prefs.get('jinan-zwdt')).toEqual(open);
    // A content script's report cannot carry keys we did not define (e.g. profile values).
    const extra = await dispatch(routes, msg('cs:report', { report: { ...report({}), values: { name: 'x' } } }), zwdt);
    expect(extra).toMatchObject({ ok: false, error: { code: 'errors.request.bad' } });
  });
});
