import { describe, expect, it } from 'vitest';
import { dispatchFrame, type FrameRoutes } from '../../src/content/frame-router';
import { FRAME_REQUESTS } from '../../src/messaging/frame-requests';
import { languageView } from '../../src/background/handlers';
import { DEFAULT_PREFS } from '../../src/background/panel-hub';
import { pageReport } from '../../src/portals/page-report';
import { MessageError } from '../../src/messaging/protocol';

/**
 * Messages the background sends to a frame's content script go through a typed route table, the twin of the
 * background's router: one handler per `bg:*` name, the payload checked first, and only our own background
 * (our extension id, no tab) gets an answer.
 */
const OWN = 'our-extension-id';
const fromBackground = { id: OWN };

function recordingRoutes() {
  const calls: Array<[string, unknown]> = [];
  const routes: FrameRoutes = {
    'bg:collect': (d) => {
      calls.push(['bg:collect', d]);
      return { page: 'province-basic-info', url: 'http://x/', nonce: 'n', fields: [] };
    },
    'bg:document': (d) => {
      calls.push(['bg:document', d]);
      return { page: null, url: 'http://x/', nonce: 'n' };
    },
    'bg:filled': (d) => (calls.push(['bg:filled', d]), {}),
    'bg:report': (d) => (calls.push(['bg:report', d]), {}),
    'bg:conditions': (d) => (calls.push(['bg:conditions', d]), {}),
    'bg:panel': (d) => (calls.push(['bg:panel', d]), {}),
    'bg:language': (d) => (calls.push(['bg:language', d]), {}),
    'bg:pageReport': (d) => {
      calls.push(['bg:pageReport', d]);
      return { report: pageReport(document, new URL('http://124.128.19.211:81/'), undefined, []) };
    },
  };
  return { routes, calls };
}

const env = (name: string, data: unknown) => ({ jzs: 1, name, data });

describe('the content script route table', () => {
  it('hands each message to its own handler with its payload and answers what the handler returns', () => {
    const { routes, calls } = recordingRoutes();
    expect(dispatchFrame(routes, env('bg:conditions', { conditions: ['retired'] }), fromBackground, OWN)).toEqual({ ok: true, data: {} });
    expect(dispatchFrame(routes, env('bg:panel', { collapsed: true, side: 'left' }), fromBackground, OWN)).toEqual({ ok: true, data: {} });
    expect(dispatchFrame(routes, env('bg:document', {}), fromBackground, OWN)).toEqual({ ok: true, data: { page: null, url: 'http://x/', nonce: 'n' } });
    expect(calls).toEqual([
      ['bg:conditions', { conditions: ['retired'] }],
      ['bg:panel', { collapsed: true, side: 'left' }],
      ['bg:document', {}],
    ]);
  });

  it('answers nothing to a page, a tab, another extension, a foreign envelope or an unknown name', () => {
    const { routes, calls } = recordingRoutes();
    expect(dispatchFrame(routes, env('bg:report', {}), { id: 'another-extension' }, OWN)).toBeUndefined();
    expect(dispatchFrame(routes, env('bg:report', {}), { id: OWN, tab: { id: 3 } }, OWN)).toBeUndefined();
    expect(dispatchFrame(routes, env('bg:report', {}), {}, OWN)).toBeUndefined();
    expect(dispatchFrame(routes, { jzs: 2, name: 'bg:report', data: {} }, fromBackground, OWN)).toBeUndefined();
    expect(dispatchFrame(routes, env('bg:nope', {}), fromBackground, OWN)).toBeUndefined();
    expect(dispatchFrame(routes, env('toString', {}), fromBackground, OWN)).toBeUndefined();
    expect(dispatchFrame(routes, 'bg:report', fromBackground, OWN)).toBeUndefined();
    expect(dispatchFrame(routes, null, fromBackground, OWN)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('answers our own extension page inside a tab (the panel frame confirming a fill), never a portal page in it', () => {
    const { routes } = recordingRoutes();
    const origin = `chrome-extension://${OWN}/`;
    const panel = { id: OWN, tab: { id: 3 }, url: `${origin}panel.html` };
    expect(dispatchFrame(routes, env('bg:document', {}), panel, OWN, origin)).toEqual({ ok: true, data: { page: null, url: 'http://x/', nonce: 'n' } });
    // A content script (our id, its tab, the portal's URL) — what a page could make talk.
    expect(dispatchFrame(routes, env('bg:document', {}), { id: OWN, tab: { id: 3 }, url: 'http://124.128.19.211:81/' }, OWN, origin)).toBeUndefined();
    expect(dispatchFrame(routes, env('bg:document', {}), { id: OWN, tab: { id: 3 }, url: `chrome-extension://another/panel.html` }, OWN, origin)).toBeUndefined();
    expect(dispatchFrame(routes, env('bg:document', {}), panel, OWN)).toBeUndefined(); // no origin known: background only
  });

  it('refuses a payload of the wrong shape without running the handler', () => {
    const { routes, calls } = recordingRoutes();
    const bad = [
      env('bg:conditions', { conditions: 'retired' }),
      env('bg:conditions', { conditions: [1] }),
      env('bg:conditions', { conditions: [], extra: 1 }),
      env('bg:panel', { collapsed: 'yes', side: 'left' }),
      env('bg:panel', { collapsed: true, side: 'top' }),
      env('bg:language', { lang: 'fr' }),
      env('bg:language', { lang: 'en', catalogue: 'x' }),
      env('bg:collect', { values: { name: 'x' } }),
      env('bg:filled', undefined),
      env('bg:report', []),
    ];
    for (const message of bad) {
      expect(dispatchFrame(routes, message, fromBackground, OWN), JSON.stringify(message)).toMatchObject({ ok: false, error: { code: 'errors.request.bad' } });
    }
    expect(calls).toEqual([]);
  });

  it('answers a handler that asks the background first (new labels to read) when it has its answer', async () => {
    const { routes } = recordingRoutes();
    const fields = { page: 'province-basic-info', url: 'http://x/', nonce: 'n', fields: [] };
    const later: FrameRoutes = { ...routes, 'bg:collect': async () => fields };
    const answer = dispatchFrame(later, env('bg:collect', {}), fromBackground, OWN);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toEqual({ ok: true, data: fields });
    // The background refused the labels: its reason comes back, not a silent empty answer.
    const refused: FrameRoutes = { ...routes, 'bg:collect': () => Promise.reject(new MessageError('errors.request.bad', '', [], { what: 'x' })) };
    expect(await dispatchFrame(refused, env('bg:collect', {}), fromBackground, OWN)).toEqual({ ok: false, error: { code: 'errors.request.bad', params: { what: 'x' } } });
    // Nothing is answered to a sender that gets no answer at all, async handler or not.
    expect(dispatchFrame(later, env('bg:collect', {}), { id: OWN, tab: { id: 1 } }, OWN)).toBeUndefined();
  });

  it('accepts exactly what the background sends', () => {
    expect(FRAME_REQUESTS['bg:language'](languageView('en', true))).toBe(true);
    expect(FRAME_REQUESTS['bg:language'](languageView('zh', false))).toBe(true);
    expect(FRAME_REQUESTS['bg:panel'](DEFAULT_PREFS)).toBe(true);
    expect(FRAME_REQUESTS['bg:conditions']({ conditions: [] })).toBe(true);
    for (const name of ['bg:collect', 'bg:document', 'bg:filled', 'bg:report', 'bg:pageReport'] as const) expect(FRAME_REQUESTS[name]({})).toBe(true);
    // A panel's request to report again names the asking background instance, or nothing (always report).
    expect(FRAME_REQUESTS['bg:report']({ worker: 'w-1' })).toBe(true);
    expect(FRAME_REQUESTS['bg:report']({ worker: 1 })).toBe(false);
    expect(FRAME_REQUESTS['bg:report']({ worker: 'w-1', extra: true })).toBe(false);
  });
});
