import { describe, expect, it } from 'vitest';
import { rulesIn, typeInto } from './harness';
import { browserPerFile } from './per-file';

describe('a page cannot switch the content script off (issue 12 item 5)', () => {
  const s = browserPerFile();

  it('forged WXT "newer script started" events leave the hints working', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    // What a hostile script on the portal can do: it knows (or guesses) our id and WXT's event name.
    const forged = await page.evaluate((id) => {
      const names = [`${id}:portal:wxt:content-script-started`, `${id}:portal.content:wxt:content-script-started`];
      for (const type of names) {
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'portal', messageId: 'forged' } }));
        window.postMessage({ type, contentScriptName: 'portal', messageId: 'forged' }, '*');
      }
      return names.length;
    }, s.extensionId);
    expect(forged).toBe(2);
    // The control that the event reached WXT's listener would be the script stopping; it must not.
    await typeInto(page.mainFrame(), '#txtZjhm', '370102199001011237');
    const hint = page.locator('[data-jzs-field="idNumber"]');
    await expect.poll(() => hint.getAttribute('data-severity')).toBe('error');
    await typeInto(page.mainFrame(), '#txtZjhm', '370102199001011231');
    await expect.poll(() => hint.getAttribute('data-severity')).toBe('ok');
    await page.close();
  });
});
