import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './harness';

/**
 * Pages whose wording and ids match none of the replicas the definitions were written for (issue 11, 7c):
 * the panel, the business read from a label/value cell, an ID-number hint found through a <label> without
 * `for`; and a login form at a form's URL that gets nothing.
 */
const severityOf = (hint: Locator) => hint.getAttribute('data-severity');

describe('recognition of pages we did not tune to', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('declarationinfo in another habit: panel, business from the 申请类型 cell, a wrong check digit hinted', async () => {
    const page = await s.open('variant-zwdt-declaration-renewal');
    const overlay = page.locator('[data-jzs-overlay]');
    await overlay.waitFor({ state: 'attached' });
    expect(await overlay.getAttribute('data-page')).toBe('zwdt-declaration');
    expect(await overlay.getAttribute('data-business')).toBe('renewal');
    const id = page.locator('#sfzjhm');
    await id.fill('370102199001011237');
    await id.press('Tab');
    const hint = page.locator('[data-jzs-field="idNumber"]');
    await expect.poll(() => severityOf(hint)).toBe('error');
    await id.fill('370102199001011231');
    await id.press('Tab');
    await expect.poll(() => severityOf(hint)).toBe('ok');
    await page.close();
  });

  it('a GBK provincial page with <th> labels and pinyin ids gets its hints', async () => {
    const page = await s.open('variant-province-basic-info-gbk');
    const overlay = page.locator('[data-jzs-overlay]');
    await overlay.waitFor({ state: 'attached' });
    expect(await overlay.getAttribute('data-page')).toBe('province-basic-info');
    await page.locator('#shenfenzheng').fill('370102199001011237');
    await page.locator('#shenfenzheng').press('Tab');
    await expect.poll(() => severityOf(page.locator('[data-jzs-field="idNumber"]'))).toBe('error');
    await page.close();
  });

  it('a login form served at the declaration URL gets no panel and no hints', async () => {
    const page = await s.open('variant-zwdt-declaration-login');
    await page.locator('#pwd').waitFor();
    // Give the content script its chance (it runs at document_idle), then check nothing was added.
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
    expect(await page.locator('[data-jzs-overlay]').count()).toBe(0);
    expect(await page.locator('[data-jzs-field]').count()).toBe(0);
    await page.close();
  });
});
