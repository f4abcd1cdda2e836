/**
 * Chrome stops an idle extension service worker after 30 s (and any worker after 5 min of one event), dropping
 * everything it held in memory. Chromium has no switch to shorten that timer, so these tests stop the worker
 * the way Chrome does (CDP ServiceWorker.stopAllWorkers) at the worst moment — while the clerk decides — and
 * check what the person sees: a fill previewed in the panel still confirms (Chrome's confirm needs nothing the
 * worker held), a profile edited afterwards still revokes the preview, and a backup restore under review says
 * at once that it was lost instead of failing at the click.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBackup } from '../../src/profiles/io/export';
import type { Profile } from '../../src/profiles/schema';
import { ZHANG } from '../helpers/applicants';
import { createActiveProfile, panelFrame, rulesIn, sendFrom, stopServiceWorker, workerStartTime } from './harness';
import { browserPerFile } from './per-file';

describe('Chrome stops the service worker while the clerk decides', () => {
  const s = browserPerFile();
  let zhangId: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    const bench = await s.openExtensionPage('options.html');
    zhangId = await createActiveProfile(bench, { data: ZHANG });
    await bench.close();
  });
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a fill previewed in the panel: confirmed after the stop it writes every field and is logged; a profile edited after a stop still drops the preview', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-action="fill"]').click();
    await panel.locator('[data-jzs-fill-preview]').waitFor();
    const started = await workerStartTime(s);
    await stopServiceWorker(s);

    await panel.locator('[data-jzs-action="confirm-fill"]').click();
    const results = panel.locator('[data-jzs-fill-results]');
    await results.waitFor();
    expect([await results.getAttribute('data-failed'), await results.getAttribute('data-navigated')]).toEqual(['0', 'false']);
    expect([await page.locator('#txtXm').inputValue(), await page.locator('#txtZjhm').inputValue()]).toEqual([ZHANG.name, ZHANG.idNumber]);
    // The log is written by a worker Chrome started again for it.
    const bench = await s.openExtensionPage('options.html');
    const [entry] = await sendFrom<Array<{ ok: number; failed: number }>>(bench, 'ui:fill.log', { profileId: zhangId });
    expect(entry).toMatchObject({ ok: Number(await results.getAttribute('data-ok')), failed: 0 });
    expect(await workerStartTime(s)).not.toBe(started);

    // A new preview, another stop, then the profile edited: the restarted worker still revokes the preview.
    // The worker is stopped before the reload and 用档案填写本页 clicked as soon as it shows: the page's rules
    // come from a worker starting again, and the fill waits for them instead of finding nothing to fill.
    await stopServiceWorker(s);
    await page.reload({ waitUntil: 'load' });
    const again = await panelFrame(page);
    await again.locator('[data-jzs-action="fill"]').click();
    await again.locator('[data-jzs-fill-preview]').waitFor();
    await stopServiceWorker(s);
    const stored = await sendFrom<{ revision: number }>(bench, 'ui:profiles.get', { id: zhangId });
    await sendFrom(bench, 'ui:profiles.update', { id: zhangId, body: { data: { ...ZHANG, mobile: '13900000000' } }, revision: stored.revision });
    await again.locator('[data-jzs-fill-error]').waitFor();
    expect(await again.locator('[data-jzs-fill-error]').textContent()).toContain('预览之后档案已被修改');
    expect(await again.locator('[data-jzs-action="confirm-fill"]').count()).toBe(0);
    expect(await page.locator('#txtSjhm').inputValue()).toBe('');
    await sendFrom(bench, 'ui:profiles.update', { id: zhangId, body: { data: ZHANG }, revision: stored.revision + 1 });
    await bench.close();
    await page.close();
  });

  it('a backup restore under review: lost with the worker, the review says so within the keep-alive interval and nothing is written', async () => {
    const bench = await s.openExtensionPage('options.html');
    const other = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '李四' } } });
    const dir = mkdtempSync(join(tmpdir(), 'jzs-worker-stop-'));
    dirs.push(dir);
    const file = join(dir, 'backup.json');
    writeFileSync(file, toBackup(await sendFrom<Profile[]>(bench, 'ui:profiles.all', {}), new Date(), []));
    await sendFrom(bench, 'ui:profiles.delete', { ids: [other.id] });
    const names = async () => (await sendFrom<Profile[]>(bench, 'ui:profiles.all', {})).map((p) => p.data.name);
    const before = await names();

    await bench.locator('[data-jzs-restore]').setInputFiles(file);
    await bench.locator('[data-jzs-restore-preview]').waitFor();
    await stopServiceWorker(s);
    // The next keep-alive (every 10 s) finds the staged backup gone: the review closes with the reason.
    const message = bench.locator('[data-jzs-export-message="error"]');
    await message.waitFor({ timeout: 20_000 });
    expect(await message.textContent()).toContain('这次恢复已失效');
    expect(await bench.locator('[data-jzs-action="confirm-restore"]').count()).toBe(0);
    expect(await names()).toEqual(before);
    await bench.close();
  });
});
