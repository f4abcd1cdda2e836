import { describe, expect, it } from 'vitest';
import { createActiveProfile, openWorkbench, panelFrame, sendFrom } from './harness';
import { browserPerFile } from './per-file';

/**
 * The on-page panel with the profile store locked: the panel has no passphrase field (a portal page frames it),
 * so a fill says where to unlock and opens the workbench's unlock form in one click; unlocked there, the same
 * panel fills.
 */
describe('the panel with the profile store locked', () => {
  const s = browserPerFile();

  it('用档案填写本页 says where to unlock, opens the workbench to do it, and fills once unlocked', async () => {
    const bench = await openWorkbench(s);
    await createActiveProfile(bench, { data: { name: '张三', idNumber: '370102199001011231' } });
    await sendFrom(bench, 'ui:lock.enable', { passphrase: 'correct horse battery', idleMinutes: 30 });
    await sendFrom(bench, 'ui:lock.lock', {});
    await bench.close();

    const page = await s.open('zwdt-declaration-change');
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-action="fill"]').click();
    await panel.locator('[data-jzs-fill-error]').waitFor();
    expect(await panel.locator('[data-jzs-fill-error]').textContent()).toMatch(/已锁定.*工作台/);
    const [workbench] = await Promise.all([s.context.waitForEvent('page'), panel.locator('[data-jzs-action="open-workbench"]').click()]);
    await workbench.locator('[data-jzs-passphrase]').fill('correct horse battery');
    await workbench.locator('[data-jzs-action="unlock"]').click();
    await workbench.locator('[data-jzs-profile]').first().waitFor();

    await page.bringToFront();
    await panel.locator('[data-jzs-action="fill"]').click();
    await panel.locator('[data-jzs-action="confirm-fill"]').waitFor();
    expect(await panel.locator('[data-jzs-fill-locked]').count()).toBe(0);
    await page.close();
  });
});
