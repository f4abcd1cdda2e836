/**
 * A fill asked for while a frame of the tab is still on its way (the e-form iframe right after the panel shows):
 * seeded tabs whose frames arrive, get their content script and read their page at random rounds of the
 * background's looks — or never — beside hidden helper frames and frames that show no form. The rule: every
 * frame a person sees that comes within the wait is in the preview; one that does not is named
 * (`unreadFrames`), never left out unsaid; hidden frames and frames without a form neither hold the preview up
 * nor are named.
 */
import { describe, expect, it } from 'vitest';
import { FillService, type PlanStore, type TabsApi } from '../../src/background/fill';
import { framesToCome } from '../../src/fill/frames';
import type { FrameCollection, PortalFrame } from '../../src/fill/types';
import { plainCodec } from '../../src/security/codec';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { openJzsDB } from '../../src/storage/db';
import { installLayout } from '../helpers/layout';
import { seeded } from '../helpers/rng';

/** One frame of a generated tab: from which look on it exists, is loaded, answers, has read its page (Infinity: never). */
interface FrameScript {
  frameId: number;
  key: 'name' | 'mobile' | 'email';
  shown: boolean;
  /** A frame with a form (else it answers with no page once read). */
  form: boolean;
  appears: number;
  loaded: number;
  answers: number;
  reads: number;
}

const collection = (f: FrameScript, read: boolean): FrameCollection => ({
  page: read && f.form ? 'zwdt-eform' : null,
  url: `http://124.128.226.254:8090/f${f.frameId}`,
  nonce: `n${f.frameId}`,
  fields: read && f.form ? [{ fid: '1', key: f.key, kind: 'text', label: f.key, current: '', readOnly: false, disabled: false, locator: { id: `f${f.frameId}`, name: '', tag: 'input', nth: 0 } }] : [],
});

/** The tab as the background sees it at each look (`portalFrames` call): the top frame and its sub-frames. */
function fakeTab(frames: FrameScript[]) {
  let look = -1;
  const tabs: TabsApi = {
    portalFrames: async () => {
      look++;
      const here = frames.filter((f) => f.appears <= look);
      // The top counts the shown sub-frames whose document has not arrived yet (frames.ts `frameState`).
      const coming = frames.filter((f) => f.frameId !== 0 && f.shown && f.appears > look).length;
      return here.map((f): PortalFrame => ({ frameId: f.frameId, documentId: `d${f.frameId}`, loading: look < f.loaded, shown: f.shown, children: f.frameId === 0 ? coming : 0 }));
    },
    sendToFrame: (async (_t: number, frameId: number, name: string) => {
      const f = frames.find((x) => x.frameId === frameId);
      if (name !== 'bg:collect' || !f || look < f.answers) return undefined;
      return collection(f, look >= f.reads);
    }) as TabsApi['sendToFrame'],
    mainWorld: async (_t, _f, func, args) => func(...args),
    tabTitle: async () => '',
    targetTab: async () => 7,
  };
  return tabs;
}

const plans: PlanStore = { trace: async () => undefined, set: async () => {}, remove: async () => {}, lastFill: async () => undefined, setLastFill: async () => {}, markProfileChanged: async () => {} };

describe('a fill asked for while a frame of the tab is still on its way', () => {
  it('16 seeded tabs: frames that come within the wait are in the preview, one a person sees that does not is named; hidden or form-less frames hold nothing up', async () => {
    const db = await openJzsDB('fill-frames');
    const profiles = new ProfileService(new ProfileStore(async () => db, () => plainCodec), () => plainCodec, async () => {});
    const { id } = await profiles.create({ data: { name: '张三', idNumber: '370102199001011231', mobile: '13805310000', email: 'zhangsan@example.cn' } }, new Date());
    await db.put('settings', { key: 'activeProfileId', value: id });
    const seen = new Set<string>();
    for (let seed = 1; seed <= 16; seed++) {
      const r = seeded(seed * 6_151);
      const when = () => r.pick([0, 0, 1, 2, 3, Infinity]);
      const top: FrameScript = { frameId: 0, key: 'name', shown: true, form: true, appears: 0, loaded: r.pick([0, 1, 2]), answers: 0, reads: 0 };
      const sub = (frameId: number, key: FrameScript['key']): FrameScript => {
        const appears = r.pick([0, 0, 1, 2, Infinity]);
        const loaded = appears + when();
        const answers = loaded + r.pick([0, 1]);
        // A sub-frame's first reading waits for the tab's top document to load (content/main.ts `afterTabLoad`).
        return { frameId, key, shown: r.next() < 0.8, form: r.next() < 0.8, appears, loaded, answers, reads: Math.max(answers, top.loaded) };
      };
      const frames = [top, sub(3, 'mobile'), sub(5, 'email')];
      document.body.innerHTML = frames.map((f) => `<input id="f${f.frameId}" name="" type="text">`).join('');
      installLayout();
      const service = new FillService({ profiles, db: async () => db, codec: () => plainCodec, tabs: fakeTab(frames), plans, now: () => new Date(), frameWaitMs: 1500 });
      const preview = await service.plan(7);
      const where = `seed ${seed * 6_151}: ${JSON.stringify(frames)}`;
      // Within the bound (1.5 s, a look every 150 ms) every frame that reads at all (by look 5) comes.
      const came = (f: FrameScript) => f.reads !== Infinity;
      // (A hidden frame is not waited for: its fields, hidden with it, would not be written anyway.)
      for (const f of frames.filter((x) => x.form && x.shown)) expect(preview.items.some((i) => i.key === f.key), `${where} frame ${f.frameId}`).toBe(came(f));
      // Named: a frame a person sees that never came (hidden helper frames are not waited for, nor named).
      const missed = frames.some((f) => f.shown && !came(f));
      expect(!!preview.unreadFrames, where).toBe(missed);
      seen.add(missed ? 'named' : 'complete');
      if (frames.some((f) => f.frameId && f.reads > 0 && came(f) && f.form)) seen.add('waited');
    }
    expect([...seen].sort()).toEqual(['complete', 'named', 'waited']);
  }, 60_000);

  it('the rule itself: nothing to wait for once every frame a person sees has read its page or shows no form', () => {
    const read = collection({ frameId: 3, key: 'mobile', shown: true, form: true, appears: 0, loaded: 0, answers: 0, reads: 0 }, true);
    const formless = collection({ frameId: 4, key: 'mobile', shown: true, form: false, appears: 0, loaded: 0, answers: 0, reads: 0 }, true);
    const ref = (frameId: number, more: Partial<PortalFrame> = {}): PortalFrame => ({ frameId, shown: true, loading: false, children: 0, ...more });
    expect(framesToCome([{ ref: ref(0), answer: read }, { ref: ref(4), answer: formless }])).toBe(0);
    // A sub-frame still on its way, counted by its parent; a frame that has not answered yet; one with no page while loading.
    expect(framesToCome([{ ref: ref(0, { children: 1 }), answer: read }])).toBe(1);
    expect(framesToCome([{ ref: ref(0), answer: read }, { ref: ref(3), answer: undefined }])).toBe(1);
    expect(framesToCome([{ ref: ref(0), answer: read }, { ref: ref(4, { loading: true }), answer: formless }])).toBe(1);
    // …or while the top is still loading (a sub-frame's first reading waits for the tab's load).
    expect(framesToCome([{ ref: ref(0, { loading: true }), answer: read }, { ref: ref(4), answer: formless }])).toBe(1);
    // A hidden frame (no size) that has not answered holds nothing up.
    expect(framesToCome([{ ref: ref(0), answer: read }, { ref: ref(3, { shown: false }), answer: undefined }])).toBe(0);
  });
});
