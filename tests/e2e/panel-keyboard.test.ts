import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createActiveProfile, openWorkbench, panelFrame } from './harness';
import { browserPerFile } from './per-file';

/**
 * Keyboard only, as a person without a mouse fills a portal page from the panel: Tab from the page into the panel,
 * Enter on 用档案填写本页, Tab to 确认填写, Enter. Where the focus is after each Enter is what a screen reader reads
 * and where the next Tab starts: on what appeared (the preview, the results), never on nothing.
 */
describe('the panel, keyboard only', () => {
  const s = browserPerFile();

  /** What has the focus in the panel's frame: an action's hook, inside the fill box or not; '' for nothing. */
  const focused = (panel: Frame) =>
    panel.evaluate(() => {
      const a = document.activeElement;
      if (!document.hasFocus() || !a || a === document.body) return '';
      return `${a.getAttribute('data-jzs-action') ?? a.tagName.toLowerCase()}${a.closest('[data-jzs-fill-focus]') ? ' in fill' : ''}`;
    });

  async function tabTo(page: Page, panel: Frame, action: string): Promise<void> {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if ((await focused(panel)).startsWith(action)) return;
    }
    throw new Error(`Tab never reached ${action}`);
  }

  it('Enter on 用档案填写本页 puts the focus on the preview, Enter on 确认填写 on the results; the page is filled', async () => {
    const bench = await openWorkbench(s);
    await createActiveProfile(bench, { data: { name: '张三', idNumber: '370102199001011231', employerName: '山东某建设有限公司' } });
    await bench.close();
    const page = await s.open('province-declaration-renewal');
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-action="fill"]').waitFor();
    await page.locator('body').click({ position: { x: 2, y: 2 } });

    await tabTo(page, panel, 'fill');
    await page.keyboard.press('Enter');
    await panel.locator('[data-jzs-action="confirm-fill"]').waitFor();
    await expect.poll(() => focused(panel), { timeout: 5000 }).toBe('div in fill');

    await tabTo(page, panel, 'confirm-fill');
    await page.keyboard.press('Enter');
    await panel.locator('[data-jzs-fill-results]').waitFor();
    await expect.poll(() => focused(panel), { timeout: 5000 }).toBe('div in fill');
    expect(await page.locator('#pydw').inputValue()).toBe('山东某建设有限公司');
    await page.close();
  });
});
