import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelHub } from '../../src/background/panel-hub';
import { panelDeps } from '../../src/background/panel-wiring';
import { panelPrefsKey, toPrefs } from '../../src/messaging/panel-prefs';

/**
 * The top frame's content script reads the panel's stored layout itself (to place the panel without waiting
 * for the worker): it must come to the same answer as the background for anything storage may hold.
 */
describe('the content script reads stored panel prefs as the background does', () => {
  beforeEach(() => fakeBrowser.reset());
  it.each([
    ['nothing', undefined],
    ['what we write', { collapsed: true, side: 'left' }],
    ['open on the right', { collapsed: false, side: 'right' }],
    ['a part alone', { side: 'left' }],
    ['the other part alone', { collapsed: true }],
    ['a wrong side', { collapsed: true, side: 'top' }],
    ['a wrong type', { collapsed: 'yes', side: 'left' }],
    ['an unknown key', { collapsed: true, side: 'left', width: 900 }],
    ['not an object', 'left'],
    ['an array', ['left']],
    ['null', null],
  ])('%s', async (_what, stored) => {
    await fakeBrowser.storage.local.set({ [panelPrefsKey('province')]: stored });
    const background = await panelDeps(new PanelHub(() => undefined)).prefs.get('province');
    expect(toPrefs(stored)).toEqual(background);
  });
});
