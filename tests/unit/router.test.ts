import { describe, expect, it } from 'vitest';
import { createRoutes, languageView } from '../../src/background/handlers';
import { dispatch } from '../../src/background/router';
import { classifySender, type SenderInfo } from '../../src/background/sender';
import { plainCodec } from '../../src/profiles/codec';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { FillService } from '../../src/background/fill';
import { LockService } from '../../src/security/lock';
import { forgetPackCache } from '../../src/rules/store';
import { openJzsDB } from '../../src/storage/db';
import { DEFAULT_PREFS, PanelHub } from '../../src/background/panel-hub';
import type { PageReport, PanelPrefs } from '../../src/messaging/protocol';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}/`;
const db = () => openJzsDB('router-test');
const profiles = new ProfileService(new ProfileStore(db, () => plainCodec), () => plainCodec);
const tabs = {
  portalFrames: async () => [],
  sendToFrame: async () => undefined,
  mainWorld: async () => undefined,
  tabTitle: async () => '',
  targetTab: async () => undefined,
};
const plans = { get: async () => undefined, set: async () => undefined, remove: async () => undefined };
const now = () => new Date('2026-11-23T08:00:00Z');
const hub = new PanelHub((page) => (page === 'zwdt-eform' ? { zh: '电子申请表', en: 'Electronic application form' } : undefined));
const prefs = new Map<string, PanelPrefs>();
const told: Array<{ tabId: number; name: string; data: unknown; frameId?: number | undefined }> = [];
const routes = createRoutes({
  db,
  now,
  profiles,
  tabs,
  fill: new FillService({ profiles, db, codec: () => plainCodec, tabs, plans, now }),
  clerkList: { get: async () => [], set: async () => undefined },
  lock: new LockService(db, { get: async () => ({}), set: async () => undefined, remove: async () => undefined }, Date.now, () => undefined),
  language: async () => 'zh',
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
  });
});

describe('message dispatch', () => {
  it('answers a content script with its page rules, the business checklist limited to its portal', async () => {
    forgetPackCache();
    const reply = await dispatch(routes, msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-declaration', business: 'change' }), zwdt);
    expect(reply.ok).toBe(true);
    const data = (reply as { data: { checklist: { items: Array<{ id: string }>; steps: Array<{ portal?: string }> } } }).data;
    expect(data.checklist.items.map((i) => i.id)).toContain('dismissal-certificate');
    expect(data.checklist.steps.every((s) => !s.portal || s.portal === 'jinan-zwdt')).toBe(true);
  });

  it('hands the content script the chosen language, with the English texts only when it lacks them', async () => {
    const reply = await dispatch(routes, msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-home', withCatalogue: true }), zwdt);
    expect((reply as { data: { language: unknown } }).data.language).toEqual({ lang: 'zh' });
    expect(languageView('en', true).catalogue).toMatchObject({ overlay: { title: 'Constructor Registration Assistant' } });
    expect(languageView('en', false)).toEqual({ lang: 'en' });
  });

  it.each([
    ['an unknown sender', msg('ui:packStatus', {}), undefined, 'forbidden-sender'],
    ['an unknown message', msg('ui:dropDatabase', {}), page, 'unknown-message'],
    ['a message without the envelope', { name: 'ui:packStatus', data: {} }, page, 'bad-envelope'],
    ['a content script asking for a UI message', msg('ui:exportPack', {}), zwdt, 'forbidden-sender'],
    ['an extension page posing as a content script', msg('cs:pageRules', { portal: 'province', page: 'province-basic-info' }), page, 'forbidden-sender'],
    ['an extra key', msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-home', extra: 1 }), zwdt, 'bad-request'],
    ['a page of another portal', msg('cs:pageRules', { portal: 'province', page: 'province-basic-info' }), zwdt, 'unknown-page'],
    ['a prototype key as message name', msg('constructor', {}), page, 'unknown-message'],
  ])('refuses %s', async (_label, raw, sender, code) => {
    const reply = await dispatch(routes, raw, sender as SenderInfo | undefined);
    expect(reply).toMatchObject({ ok: false, error: { code } });
  });

  it('explains a bad payload in Chinese', async () => {
    const reply = await dispatch(routes, msg('ui:checklist', { business: 'nonsense' }), page);
    expect(reply.ok).toBe(false);
    expect((reply as { error: { message: string } }).error.message).toMatch(/ui:checklist 参数无效.*business/s);
  });
});

describe('the panel hub: one truth per tab', () => {
  const report = (over: Partial<PageReport>): PageReport => ({ doc: 'd1', page: 'zwdt-eform', findings: [], missing: [], mapped: 3, shown: [], readsTable: false, uploads: [], ...over });
  const panelSender: SenderInfo = { kind: 'extension', url: `${EXT_ORIGIN}panel.html`, panel: { tabId: 7, portal: 'jinan-zwdt' } };

  it('knows the panel frame by its page and its portal tab; a popup in a tab is no panel', () => {
    const framed = classifySender({ id: EXT_ID, url: `${EXT_ORIGIN}panel.html?portal=jinan-zwdt`, tab: { id: 7, url: 'http://124.128.226.254:8090/x' } }, EXT_ID, EXT_ORIGIN);
    expect(framed).toEqual({ kind: 'extension', url: `${EXT_ORIGIN}panel.html?portal=jinan-zwdt`, panel: { tabId: 7, portal: 'jinan-zwdt' } });
    // Firefox matches by host: a portal host on another port is not a portal tab.
    const wrongPort = classifySender({ id: EXT_ID, url: `${EXT_ORIGIN}panel.html`, tab: { id: 7, url: 'http://124.128.226.254:8091/x' } }, EXT_ID, EXT_ORIGIN);
    expect(wrongPort).toEqual({ kind: 'extension', url: `${EXT_ORIGIN}panel.html` });
    const popupTab = classifySender({ id: EXT_ID, url: `${EXT_ORIGIN}popup.html`, tab: { id: 7, url: 'http://124.128.226.254:8090/x' } }, EXT_ID, EXT_ORIGIN);
    expect(popupTab).toEqual({ kind: 'extension', url: `${EXT_ORIGIN}popup.html` });
  });

  it('collects every frame, names it, and answers the situations ticked for the tab', async () => {
    const sub: SenderInfo = { ...zwdt, tabId: 7, frameId: 4 };
    const error = { key: 'idNumber' as const, name: '身份证号', severity: 'error' as const, message: '校验位错误' };
    const r = await dispatch(routes, msg('cs:report', { report: report({ findings: [error] }) }), sub);
    expect(r).toEqual({ ok: true, data: { conditions: [], prefs: DEFAULT_PREFS } });
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

  it('panel messages only from the panel frame of a portal tab, and only about that portal', async () => {
    expect(await dispatch(routes, msg('ui:panel.prefs', { collapsed: true, side: 'left' }), page)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await dispatch(routes, msg('ui:panel.prefs', { collapsed: true, side: 'left' }), panelSender)).toMatchObject({ ok: true });
    expect(prefs.get('jinan-zwdt')).toEqual({ collapsed: true, side: 'left' });
    expect(told.at(-1)).toMatchObject({ tabId: 7, name: 'bg:panel', frameId: 0 });
    const other = await dispatch(routes, msg('ui:panel.rules', { portal: 'province', page: 'province-basic-info' }), panelSender);
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const rules = await dispatch(routes, msg('ui:panel.rules', { portal: 'jinan-zwdt', page: 'zwdt-declaration', business: 'change' }), panelSender);
    expect(rules).toMatchObject({ ok: true, data: { business: { id: 'change' } } });
    // A content script's report cannot carry keys we did not define (e.g. profile values).
    const extra = await dispatch(routes, msg('cs:report', { report: { ...report({}), values: { name: 'x' } } }), zwdt);
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
