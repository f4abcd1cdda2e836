import { describe, expect, it } from 'vitest';
import { REPLICAS, replica } from '../fixtures/replicas';
import { frameOf, launch, panelFrame, sendFrom } from './harness';
import { browserPerFile } from './per-file';

/**
 * Walking skeleton (issue 2): on every replica, served at its real URL, the content script mounts the overlay
 * with the contract's hooks and shows what the background answered; nothing leaves for the network.
 */
describe('walking skeleton', () => {
  const s = browserPerFile();

  for (const r of REPLICAS) {
    it(`${r.name}: overlay says ${r.page ?? 'nothing'}`, async () => {
      const page = await s.open(r.name);
      try {
        const frames = [r, ...(r.frames ?? []).map(replica)];
        for (const fr of frames) {
          const frame = fr === r ? page.mainFrame() : frameOf(page, fr);
          const overlay = frame.locator('[data-jzs-overlay]');
          if (!fr.page) {
            // Give the content script time to have (wrongly) mounted, then prove it did not.
            await page.waitForTimeout(500);
            expect(await overlay.count()).toBe(0);
            continue;
          }
          await overlay.waitFor({ state: 'attached' });
          expect(await overlay.count()).toBe(1);
          expect(await overlay.getAttribute('data-portal')).toBe(fr.portal);
          expect(await overlay.getAttribute('data-page')).toBe(fr.page);
          expect(await overlay.getAttribute('data-business')).toBe(fr.business ?? null);
        }
        if (r.page) {
          // One panel per tab, in the top frame; its page name comes from the background's zod-validated answer.
          const panel = await panelFrame(page);
          await panel.locator('[data-jzs-panel-page] .meta').waitFor();
          expect((await panel.locator('[data-jzs-panel-page]').textContent())?.length).toBeGreaterThan(1);
          expect(page.frames().filter((f) => f.url().includes('/panel.html'))).toHaveLength(1);
        }
      } finally {
        await page.close();
      }
    });
  }

  it('updates data-business when the user picks another business on the page', async () => {
    const page = await s.open('zwdt-event-detail');
    const overlay = page.locator('[data-jzs-overlay]');
    await overlay.waitFor({ state: 'attached' });
    expect(await overlay.getAttribute('data-business')).toBeNull();
    await page.locator('#situation .mini-buttonedit-button').dispatchEvent('mousedown');
    await page.locator('.mini-listbox-item', { hasText: '变更注册' }).click();
    await expect.poll(() => overlay.getAttribute('data-business')).toBe('change');
    await page.locator('#situation .mini-buttonedit-button').dispatchEvent('mousedown');
    await page.locator('.mini-listbox-item', { hasText: '增项注册' }).click();
    await expect.poll(() => overlay.getAttribute('data-business')).toBe('add-specialty');
    await page.close();
  });

  it('speaks the language chosen in the workbench, in every frame, and follows a switch without a reload', async () => {
    const options = await s.openExtensionPage('options.html');
    await options.locator('[data-jzs-language]').selectOption('en');
    const page = await s.open('zwdt-declaration-initial');
    const eform = frameOf(page, replica('zwdt-eform-initial'));
    try {
      const panel = await panelFrame(page);
      const title = panel.locator('.title');
      await expect.poll(() => title.textContent()).toBe('Constructor Registration Assistant');
      // The e-form frame's hints speak English too (the content script there translates them).
      await eform.locator('[id="EJJZS_ZCSQ_SFZH$text"]').fill('370102199001011237');
      await eform.locator('[id="EJJZS_ZCSQ_SFZH$text"]').press('Tab');
      const hint = eform.locator('[data-jzs-field="idNumber"]');
      await expect.poll(() => hint.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
      const summary = panel.locator('[data-jzs-validation-summary] [data-jzs-summary-field="idNumber"]');
      await expect.poll(() => summary.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
      await options.locator('[data-jzs-language]').selectOption('zh-CN');
      await expect.poll(() => title.textContent()).toBe('建造师注册助手');
      await expect.poll(() => hint.textContent()).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await options.locator('[data-jzs-language]').selectOption('zh-CN');
      await page.close();
      await options.close();
    }
  });

  it('sent no request anywhere but to replicas and the extension', () => {
    expect(s.requests.length).toBeGreaterThan(REPLICAS.length);
    const outside = s.requests.filter((q) => q.outcome !== 'replica' && q.outcome !== 'extension');
    // The only other outcome allowed is our own abort of a third-party URL a replica references; the home
    // page's analytics script is the control that proves the guard sees such requests.
    for (const q of outside) expect(q.outcome, q.url).toBe('aborted');
    expect(outside.map((q) => new URL(q.url).host)).toContain('hm.baidu.com');
    const served = s.requests.filter((q) => q.outcome === 'replica').map((q) => new URL(q.url).host);
    expect(new Set(served)).toEqual(
      new Set(['124.128.19.211:81', '124.128.226.254:8090', '172.20.91.56:8080']),
    );
  });
});

describe('popup storage', () => {
  it('keeps an IndexedDB record across a browser restart', async () => {
    const first = await launch();
    const popup = await first.openExtensionPage('popup.html');
    const select = popup.locator('[data-jzs-business-select]');
    await expect.poll(() => select.inputValue()).toBe('initial');
    await select.selectOption('change');
    // Wait until the background has written it to IndexedDB.
    await expect.poll(async () => (await sendFrom<{ value: string } | null>(popup, 'ui:getSetting', { key: 'lookupBusiness' }))?.value).toBe('change');
    await first.close({ keepProfile: true });

    const second = await launch({ userDataDir: first.userDataDir });
    try {
      const again = await second.openExtensionPage('popup.html');
      await expect.poll(() => again.locator('[data-jzs-business-select]').inputValue()).toBe('change');
    } finally {
      await second.close();
    }
  });
});
