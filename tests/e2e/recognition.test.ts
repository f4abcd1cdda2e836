import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plusDays, plusYears, todayInShanghai } from '../../src/domain/calendar';
import { replica } from '../fixtures/replicas';
import { createActiveProfile, frameOf, panelFrame, rulesIn, sendFrom, typeInto } from './harness';
import { browserPerFile } from './per-file';

/**
 * Pages whose wording and ids match none of the replicas the definitions were written for (issue 11, 7c):
 * the panel, the business read from a label/value cell, an ID-number hint found through a <label> without
 * `for`; a provincial page inside a <frameset>; and a login form at a form's URL that gets nothing.
 */
const severityOf = (hint: Locator) => hint.getAttribute('data-severity');

describe('recognition of pages we did not tune to', () => {
  const s = browserPerFile();

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
    // The panel frame lists it too.
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-summary-field="idNumber"][data-severity="error"]').waitFor();
    await id.fill('370102199001011231');
    await id.press('Tab');
    await expect.poll(() => severityOf(hint)).toBe('ok');
    await page.close();
  });

  it('a page known only by its family: the panel says so and its structure report names no applicant and no value', async () => {
    const bench = await s.openExtensionPage('options.html');
    const applicant = { name: '欧阳晓明', idNumber: '370102199001011231', mobile: '13912345678' };
    await sendFrom(bench, 'ui:profiles.create', { body: { data: applicant } });
    await bench.close();
    const page = await s.open('variant-zwdt-declaration-renewal');
    await rulesIn(page);
    // What a 办件 title does: the applicant's name in a heading; and values typed into the form.
    await page.evaluate((a) => {
      const h = document.createElement('h2');
      h.textContent = `${a.name}的二级建造师延续注册（${a.idNumber}）`;
      document.body.prepend(h);
    }, applicant);
    await page.locator('#sfzjhm').fill(applicant.idNumber);
    await page.locator('#sfzjhm').press('Tab');
    const panel = await panelFrame(page);
    const line = panel.locator('[data-jzs-recognition="family"]');
    await line.waitFor();
    expect(await line.textContent()).toContain('本页与已知页面的写法不同');
    // The hints still come, from the fields found.
    await expect.poll(() => severityOf(page.locator('[data-jzs-field="idNumber"]'))).toBe('ok');
    await panel.locator('[data-jzs-action="page-report"]').click();
    const text = panel.locator('[data-jzs-page-report]');
    await text.waitFor();
    const report = await text.inputValue();
    expect(JSON.parse(report)).toMatchObject({ format: 'jzs-page-report', page: 'zwdt-declaration', level: 'family' });
    expect(report).toContain('[姓名]的二级建造师延续注册');
    for (const secret of Object.values(applicant)) expect(report).not.toContain(secret);
    expect(await panel.locator('[data-jzs-report-locked]').count()).toBe(0);
    await panel.locator('[data-jzs-action="page-report-copy"]').click();
    await expect.poll(() => panel.locator('.page-report [role=status]').textContent()).toBe('已复制，可发给维护者。');
    await page.close();
  });

  it('a variant page whose wording and ids match no older replica: filled from the panel frame and read back', async () => {
    const bench = await s.openExtensionPage('options.html');
    const applicant = { name: '司马文静', idNumber: '37010219900101124X', mobile: '13900000001', email: 'smwj@example.com' };
    await createActiveProfile(bench, { data: applicant });
    await bench.close();
    const page = await s.open('variant-zwdt-declaration-renewal');
    await rulesIn(page);
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-action="fill"]').click();
    await panel.locator('[data-jzs-action="confirm-fill"]').click();
    await expect.poll(() => page.locator('#sqrxm').inputValue()).toBe(applicant.name);
    expect(await page.locator('#sfzjhm').inputValue()).toBe(applicant.idNumber);
    expect(await page.locator('#yddh').inputValue()).toBe(applicant.mobile);
    // The filled ID number is checked like a typed one.
    await expect.poll(() => severityOf(page.locator('[data-jzs-field="idNumber"]'))).toBe('ok');
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

  it('a provincial page inside a <frameset>: the panel shows in the content frame, and its hints work', async () => {
    const page = await s.open('variant-province-frameset');
    await page.waitForFunction(() => document.readyState === 'complete');
    const main = frameOf(page, replica('province-declaration-change'));
    const overlay = main.locator('[data-jzs-overlay]');
    await overlay.waitFor({ state: 'attached' });
    expect(await overlay.getAttribute('data-page')).toBe('province-declaration');
    expect(await overlay.getAttribute('data-business')).toBe('change');
    // One panel in the tab, in the content frame (a frameset document draws nothing but its frames), shown.
    const panel = await panelFrame(page);
    expect(panel.parentFrame()).toBe(main);
    expect(page.frames().filter((f) => f.url().includes('/panel.html'))).toHaveLength(1);
    await panel.locator('[data-jzs-panel-page] .meta').waitFor();
    expect(await panel.locator('[data-jzs-panel-page]').textContent()).toContain('注册申报');
    const box = await overlay.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(40);
    expect(box?.height ?? 0).toBeGreaterThan(20);
    // The menu frame and the frameset itself are no page to help on.
    expect(await frameOf(page, replica('variant-province-frameset-left')).locator('[data-jzs-overlay]').count()).toBe(0);
    expect(await page.locator('[data-jzs-overlay]').count()).toBe(0);
    // A contract that ends one day short of a year from today: hinted beside the field and in the panel.
    const yearOn = plusYears(todayInShanghai(new Date()), 1);
    await typeInto(main, '#htjs', plusDays(yearOn, -1));
    const hint = main.locator('[data-jzs-field="contractEnd"]');
    await expect.poll(() => severityOf(hint)).toBe('error');
    await panel.locator('[data-jzs-summary-field="contractEnd"][data-severity="error"]').waitFor();
    await typeInto(main, '#htjs', yearOn);
    await expect.poll(() => severityOf(hint)).toBe('ok');
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
