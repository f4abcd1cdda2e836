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
import { CaseService } from '../../src/cases/service';
import { CaseStore } from '../../src/cases/store';
import { bundledPack } from '../../src/rules/bundled';

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
const routes = createRoutes({
  db,
  cases: new CaseService(new CaseStore(db, () => plainCodec), profiles, async () => bundledPack()),
  now,
  profiles,
  tabs,
  fill: new FillService({ profiles, db, codec: () => plainCodec, tabs, plans, now }),
  clerkList: { get: async () => [], set: async () => undefined },
  lock: new LockService(db, { get: async () => ({}), set: async () => undefined, remove: async () => undefined }, Date.now, () => undefined),
  language: async () => 'zh',
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
