import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PREFS, PanelHub } from '../../src/background/panel-hub';
import { panelDeps } from '../../src/background/panel-wiring';

/**
 * The panel's layout per portal in storage.local is read through its schema: what we wrote comes back, and a
 * value we did not write (an older build's, a hand edit) is repaired to the defaults instead of reaching the
 * content script as is.
 */
describe('stored panel prefs', () => {
  beforeEach(() => fakeBrowser.reset());
  const deps = () => panelDeps(new PanelHub(() => undefined));

  it('what was set is what is read, per portal', async () => {
    await deps().prefs.set('jinan-zwdt', { collapsed: true, side: 'left' });
    expect(await deps().prefs.get('jinan-zwdt')).toEqual({ collapsed: true, side: 'left' });
    expect(await deps().prefs.get('province')).toEqual(DEFAULT_PREFS);
  });

  it('a part stored alone keeps the default for the rest', async () => {
    await fakeBrowser.storage.local.set({ 'panel:province': { side: 'left' } });
    expect(await deps().prefs.get('province')).toEqual({ ...DEFAULT_PREFS, side: 'left' });
  });

  it.each([
    ['a wrong side', { collapsed: true, side: 'top' }],
    ['a wrong type', { collapsed: 'yes', side: 'left' }],
    ['an unknown key', { collapsed: true, side: 'left', width: 900 }],
    ['not an object', 'left'],
    ['null', null],
  ])('%s is repaired to the defaults', async (_what, stored) => {
    await fakeBrowser.storage.local.set({ 'panel:province': stored });
    expect(await deps().prefs.get('province')).toEqual(DEFAULT_PREFS);
  });
});
