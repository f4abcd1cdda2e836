/**
 * 用档案填写本页 clicked in the panel as soon as it shows, while the 网厅 e-form iframe is still on its way (its
 * answer held back by the test): the panel comes at the top page's load or after a second at most, and the
 * iframe's load holds the top's up, so a person can click before the frame holding the form has been read. The
 * preview waits for the frame (bounded) and lists its fields; a frame that has not come by the bound is named
 * in the preview — never left out unsaid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { replica } from '../fixtures/replicas';
import { ZHANG } from '../helpers/applicants';
import { panelFrame, ROOT, sendFrom } from './harness';
import { browserPerFile } from './per-file';

describe('a fill clicked before the e-form iframe has been read', () => {
  const s = browserPerFile();
  beforeAll(async () => {
    const bench = await s.openExtensionPage('options.html');
    const id = (await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: ZHANG } })).id;
    await sendFrom(bench, 'ui:active.set', { id });
    await bench.close();
  });

  /**
   * The 变更 declarationinfo page with its e-form held back until the fill has been clicked in the panel (as soon
   * as a person can), then answered `delay` ms later (undefined: not before the test ends).
   */
  async function clickEarly(delay: number | undefined): Promise<{ page: Page; panel: Frame; release: () => void }> {
    const form = replica('zwdt-eform-change');
    let release = () => {};
    const held = new Promise<void>((go) => (release = go));
    const page = await s.context.newPage();
    await page.route(form.url, async (route) => {
      await held;
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(ROOT, 'tests', 'fixtures', form.file)) }).catch(() => undefined);
    });
    await page.goto(replica('zwdt-declaration-change').url, { waitUntil: 'domcontentloaded' });
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-action="fill"]').click();
    if (delay !== undefined) setTimeout(release, delay);
    return { page, panel, release };
  }

  const keys = (panel: Frame) => panel.locator('[data-jzs-fill-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));

  it('an e-form that comes within the wait is waited for: its fields are in the preview', async () => {
    const { page, panel, release } = await clickEarly(1000);
    // The click went in while the e-form was not there yet (else this test proves nothing).
    expect(page.frames().some((f) => f.url() === replica('zwdt-eform-change').url)).toBe(false);
    await panel.locator('[data-jzs-fill-preview]').waitFor({ timeout: 20_000 });
    const listed = await keys(panel);
    // 劳动合同截止日期 and 统一社会信用代码 are the e-form's; 手机 the top page's own.
    expect(listed).toEqual(expect.arrayContaining(['contractEnd', 'employerCreditCode', 'mobile']));
    expect(await panel.locator('[data-jzs-fill-unread-frames]').count()).toBe(0);
    release();
    await page.close();
  });

  it('an e-form that has not come by the bound is named in the preview; the top page’s fields are still offered', async () => {
    const { page, panel, release } = await clickEarly(undefined);
    await panel.locator('[data-jzs-fill-preview]').waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.locator('[data-jzs-fill-unread-frames]').count()).toBe(1);
    expect(await panel.locator('[data-jzs-fill-unread-frames]').textContent()).toContain('子页面');
    const listed = await keys(panel);
    expect(listed).toContain('mobile');
    expect(listed).not.toContain('contractEnd');
    release();
    await page.close();
  });
});
