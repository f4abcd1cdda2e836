import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { panelFrame, sendFrom } from './harness';
import { browserPerFile } from './per-file';

/**
 * The panel offers the situations of the active applicant (their open case's, else what their profile's fields
 * imply), read in its extension-origin frame; a person's click sets them for the tab, as ticking each would.
 * The content script never gets the profile: only the condition ids, after the click, as with any toggle.
 */
interface Made {
  id: string;
  revision: number;
  conditions: string[];
}

describe('the panel offers the active applicant’s situations', () => {
  const s = browserPerFile();
  let caseMade: Made;
  beforeAll(async () => {
    const bench = await s.openExtensionPage('options.html');
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', {
      body: { data: { name: '老王', retired: true, employerName: '济南建工集团有限公司', examEmployerName: '山东路桥集团有限公司' } },
    });
    await sendFrom(bench, 'ui:active.set', { id: p.id });
    caseMade = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'initial' });
    await bench.close();
  });

  const checked = (panel: Frame, id: string) => panel.locator(`[data-jzs-condition="${id}"]`).isChecked();
  const status = (panel: Frame, id: string) => panel.locator(`[data-jzs-material="${id}"]`).getAttribute('data-status');
  const offer = (panel: Frame) => panel.locator('[data-jzs-guidance="profile-situations"]');

  async function open(name: string, checklist = true): Promise<{ page: Page; panel: Frame }> {
    const page = await s.open(name);
    const panel = await panelFrame(page);
    if (checklist) await panel.locator('[data-jzs-material]').first().waitFor();
    return { page, panel };
  }

  it('a case’s situations are offered, set only by the click, then the checklist asks for what they call for', async () => {
    // The new case started with what the profile states (退休, another employer at the exam).
    expect(caseMade.conditions.sort()).toEqual(['exam-employer-differs', 'retired']);
    const { page, panel } = await open('zwdt-declaration-initial');
    await offer(panel).waitFor();
    expect(await offer(panel).getAttribute('data-from')).toBe('case');
    expect(await offer(panel).textContent()).toContain('老王');
    expect(await offer(panel).textContent()).toContain('退休人员');
    // Nothing changed before the click.
    expect(await checked(panel, 'retired')).toBe(false);
    expect(await status(panel, 'retirement-certificate')).toBe('not-needed');
    await offer(panel).locator('[data-jzs-action="apply-situations"]').click();
    await expect.poll(() => checked(panel, 'retired')).toBe(true);
    expect(await checked(panel, 'exam-employer-differs')).toBe(true);
    expect(await status(panel, 'retirement-certificate')).toBe('missing');
    expect(await status(panel, 'dismissal-certificate')).toBe('missing');
    // Set: no more offer.
    await expect.poll(() => offer(panel).count()).toBe(0);
    await page.close();
  });

  it('the case’s situations replace the tab’s when the clerk changed them on the case; a script’s click does nothing', async () => {
    const { page, panel } = await open('zwdt-declaration-initial');
    await offer(panel).locator('[data-jzs-action="apply-situations"]').click();
    await expect.poll(() => checked(panel, 'exam-employer-differs')).toBe(true);
    const bench = await s.openExtensionPage('options.html');
    const [c] = await sendFrom<Made[]>(bench, 'ui:cases.get', { ids: [caseMade.id] });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: caseMade.id, revision: c!.revision }], patch: { conditions: ['retired'] } });
    await bench.close();
    // The tab keeps its situations across a reload; the case now says 退休 only.
    await page.reload({ waitUntil: 'load' });
    const again = await panelFrame(page);
    await again.locator('[data-jzs-material]').first().waitFor();
    await expect.poll(() => checked(again, 'exam-employer-differs')).toBe(true);
    await offer(again).waitFor();
    expect(await offer(again).getAttribute('data-conditions')).toBe('retired');
    await offer(again).locator('[data-jzs-action="apply-situations"]').evaluate((b: HTMLElement) => b.click());
    await page.waitForTimeout(300);
    expect(await checked(again, 'exam-employer-differs')).toBe(true);
    await offer(again).locator('[data-jzs-action="apply-situations"]').click();
    await expect.poll(() => checked(again, 'exam-employer-differs')).toBe(false);
    expect(await checked(again, 'retired')).toBe(true);
    expect(await status(again, 'dismissal-certificate')).toBe('not-needed');
    await page.close();
  });

  it('事项详情 names the 办理情形 of the applicant’s one open case', async () => {
    const { page, panel } = await open('zwdt-event-detail', false);
    const situation = panel.locator('[data-jzs-guidance="situation"]');
    await situation.waitFor();
    await expect.poll(() => situation.textContent()).toContain('初始注册');
    expect(await situation.textContent()).toContain('老王');
    await page.close();
  });
});
