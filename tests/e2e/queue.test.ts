/**
 * Issue 17 items 5, 6 and 8 in the browser: a restore asks first and 撤销 brings the previous state back;
 * 「下一位」 walks an import in the sheet's order and stops at the end; the profile lists work from the keyboard;
 * a 25,000-profile backup restores completely (heavy: one time zone only).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, panelFrame, sendFrom } from './harness';
import { browserPerFile } from './per-file';

interface Stored {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  data: Record<string, string>;
  businesses: unknown[];
  notes: string;
}

/** A valid 18-digit ID number (GB 11643 check digit) for applicant i. */
function idNumber(i: number): string {
  const body = `37010219${String(70 + (i % 30)).padStart(2, '0')}0101${String(100 + (i % 900)).padStart(3, '0')}`.slice(0, 17);
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, k) => s + Number(d) * (w[k] ?? 0), 0);
  return body + '10X98765432'[sum % 11];
}

// Names are checked as names (Chinese characters only): 25 surnames, 25 given names.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华民'];
/** JSON with sorted keys: the store writes a profile's fields in its own order. */
const canonical = (o: Record<string, string>) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));

const all = async (page: Page) => (await sendFrom<Stored[]>(page, 'ui:profiles.all', {})).sort((a, b) => a.id.localeCompare(b.id));
const wipe = async (page: Page) => {
  const ids = (await all(page)).map((p) => p.id);
  for (let i = 0; i < ids.length; i += 20_000) await sendFrom(page, 'ui:profiles.delete', { ids: ids.slice(i, i + 20_000) });
};

async function importCsv(page: Page, name: string, csv: string): Promise<void> {
  await page.locator('[data-jzs-import]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
  await page.locator('[data-jzs-import-preview]').waitFor();
  await page.locator('[data-jzs-action="confirm-import"]').click();
  await page.locator('[data-jzs-import-report]').waitFor();
}

describe('restore preview, 撤销, the work queue and keyboard lists', () => {
  const s = browserPerFile();
  let bench: Page;
  beforeAll(async () => {
    bench = await openWorkbench(s);
    // confirm() dialogs (撤销, bulk delete) are accepted, as the clerk would after reading them.
    bench.on('dialog', (d) => void d.accept());
  });

  it('a restore shows what it will change and asks; 撤销 brings the state before it back', async () => {
    for (const name of ['甲', '乙', '丙']) await sendFrom(bench, 'ui:profiles.create', { body: { data: { name } } });
    const [download] = await Promise.all([bench.waitForEvent('download'), bench.locator('[data-jzs-action="export-backup"]').click()]);
    const backupPath = (await download.path())!;
    // After the backup: 甲 edited, 乙 deleted, 丁 created.
    const stored = await all(bench);
    const jia = stored.find((p) => p.data.name === '甲')!;
    const yi = stored.find((p) => p.data.name === '乙')!;
    await sendFrom(bench, 'ui:profiles.update', { id: jia.id, revision: jia.revision, body: { data: { name: '甲', mobile: '13800000000' }, businesses: [], notes: '' } });
    await sendFrom(bench, 'ui:profiles.delete', { ids: [yi.id] });
    await sendFrom(bench, 'ui:profiles.create', { body: { data: { name: '丁' } } });
    const before = await all(bench);

    await bench.locator('[data-jzs-restore]').setInputFiles(backupPath);
    const preview = bench.locator('[data-jzs-restore-preview]');
    await preview.waitFor();
    expect(await preview.evaluate((el) => ['added', 'changed', 'newer', 'unchanged', 'missing'].map((k) => el.getAttribute(`data-${k}`)))).toEqual(['1', '1', '1', '1', '1']);
    expect(await preview.locator('[data-jzs-restore-group="added"]').textContent()).toContain('乙');
    expect(await preview.locator('[data-jzs-restore-group="changed"]').textContent()).toContain('甲');
    expect(await preview.locator('[data-jzs-restore-group="missing"]').textContent()).toContain('丁');
    // Asked, not done: nothing written yet. Cancel writes nothing either.
    expect(await all(bench)).toEqual(before);
    await bench.locator('[data-jzs-action="cancel-restore"]').click();
    await bench.locator('[data-jzs-export-message="ok"]').waitFor();
    expect(await all(bench)).toEqual(before);

    // Restore with the defaults: 乙 comes back; 甲's newer edit and 丁 stay.
    await bench.locator('[data-jzs-restore]').setInputFiles(backupPath);
    await preview.waitFor();
    await bench.locator('[data-jzs-action="confirm-restore"]').click();
    await bench.locator('[data-jzs-export-message="ok"]').waitFor();
    const restored = await all(bench);
    expect(restored.map((p) => p.data.name).sort()).toEqual(['丁', '丙', '乙', '甲']);
    expect(restored.find((p) => p.id === jia.id)?.data.mobile).toBe('13800000000');
    expect(restored.find((p) => p.id === yi.id)?.data.name).toBe('乙');

    // 撤销 in the workbench: the state before the restore, exactly.
    await bench.locator('[data-jzs-undo-kind="restore"]').waitFor();
    await bench.locator('[data-jzs-action="undo"]').click();
    await bench.locator('[data-jzs-undo-message="ok"]').waitFor();
    const undone = await all(bench);
    expect(undone.map(({ revision: _r, ...p }) => p)).toEqual(before.map(({ revision: _r, ...p }) => p));
    await expect.poll(() => bench.locator('[data-jzs-profile-count]').getAttribute('data-jzs-profile-count')).toBe('3');

    // A bulk delete in the workbench is undone the same way.
    await bench.locator('[data-jzs-action="select-page"]').click();
    await bench.locator('[data-jzs-action="delete-selected"]').click();
    await expect.poll(() => bench.locator('[data-jzs-profile-count]').getAttribute('data-jzs-profile-count')).toBe('0');
    await bench.locator('[data-jzs-undo-kind="delete"]').waitFor();
    await bench.locator('[data-jzs-action="undo"]').click();
    await expect.poll(() => bench.locator('[data-jzs-profile-count]').getAttribute('data-jzs-profile-count')).toBe('3');
    expect((await all(bench)).map(({ revision: _r, ...p }) => p)).toEqual(before.map(({ revision: _r, ...p }) => p));
    await wipe(bench);
  });

  it('「下一位」 walks 25 imported applicants in sheet order with the position shown, and stops at the end', async () => {
    // Sheet order on purpose unlike any sort order the store has (names, ID numbers, time).
    const people = Array.from({ length: 25 }, (_, i) => ({ name: `${SURNAMES[(i * 7) % 25]}${GIVEN[(i * 11) % 25]}`, id: idNumber(1000 - i * 13) }));
    await importCsv(bench, '名单.csv', `姓名,身份证号\r\n${people.map((p) => `${p.name},${p.id}`).join('\r\n')}\r\n`);
    expect(await bench.locator('[data-jzs-import-report]').getAttribute('data-imported')).toBe('25');
    // The import's queue is not only the 20 newest: all 25, and 撤销 of the import is offered.
    await bench.locator('[data-jzs-undo-kind="import"]').waitFor();

    const popup = await s.openExtensionPage('popup.html');
    const queue = popup.locator('[data-jzs-queue]');
    await queue.waitFor();
    const active = () => popup.locator('[data-jzs-active-profile] strong').textContent();
    for (let i = 0; i < people.length; i++) {
      await expect.poll(() => queue.getAttribute('data-position')).toBe(String(i + 1));
      expect(await queue.getAttribute('data-total')).toBe('25');
      await expect.poll(active).toBe(people[i]!.name);
      if (i < people.length - 1) await popup.locator('[data-jzs-action="next"]').click();
    }
    // At the end: a notice, no wrap to the first.
    await popup.locator('[data-jzs-action="next"]').click();
    await popup.locator('[data-jzs-queue-notice="warn"]').waitFor();
    expect(await popup.locator('[data-jzs-queue-notice]').textContent()).toContain('25 / 25');
    expect(await queue.getAttribute('data-position')).toBe('25');
    expect(await active()).toBe(people[24]!.name);

    // Picking someone from a search keeps the queue and its place.
    await popup.locator('[data-jzs-search]').fill(people[3]!.name);
    const row = popup.locator('[data-jzs-profile]', { has: popup.locator('.name', { hasText: people[3]!.name }) });
    await row.click();
    await expect.poll(active).toBe(people[3]!.name);
    await expect.poll(() => queue.getAttribute('data-position')).toBe('4');
    expect(await queue.getAttribute('data-total')).toBe('25');
    await popup.locator('[data-jzs-action="next"]').click();
    await expect.poll(active).toBe(people[4]!.name);
    await popup.close();

    // The panel beside a portal form shows the same queue and moves it on.
    const page = await s.open('province-basic-info');
    const panel = await panelFrame(page);
    const onPanel = panel.locator('[data-jzs-queue]');
    await expect.poll(() => onPanel.getAttribute('data-position')).toBe('5');
    expect(await onPanel.getAttribute('data-total')).toBe('25');
    await panel.locator('[data-jzs-action="next"]').click();
    await expect.poll(() => onPanel.getAttribute('data-position')).toBe('6');
    expect((await sendFrom<{ name: string }>(bench, 'ui:active.get', {})).name).toBe(people[5]!.name);
    await page.close();
  });

  it('the popup and workbench lists work from the keyboard: Tab, ↑/↓, Enter (and Space to tick)', async () => {
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-profile]').first().waitFor();
    expect(await popup.locator('[data-jzs-list-keys]').textContent()).toContain('↑/↓');
    const rows = await popup.locator('[data-jzs-profile]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-jzs-profile'), e.querySelector('.name')?.textContent]));
    // From the search box, Tab reaches the list in one stop (after the buttons between them).
    await popup.locator('[data-jzs-search]').focus();
    for (let i = 0; i < 10; i++) {
      if (await popup.evaluate(() => document.activeElement?.getAttribute('role') === 'listbox')) break;
      await popup.keyboard.press('Tab');
    }
    const list = popup.locator('[role="listbox"]');
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await list.getAttribute('aria-label')).toBeTruthy();
    // Focus starts on the current applicant; ↑ to the top, then ↓ ↓ and Enter.
    await popup.keyboard.press('Home');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    const focusedId = await list.getAttribute('aria-activedescendant');
    expect(await popup.locator(`#${focusedId}`).getAttribute('data-jzs-profile')).toBe(rows[2]![0]);
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator(`[data-jzs-profile="${rows[2]![0]}"]`).getAttribute('data-active')).toBe('true');
    expect(await popup.locator('[data-jzs-active-profile] strong').textContent()).toBe(rows[2]![1]);
    // ↓ from the search box enters the list too.
    await popup.locator('[data-jzs-search]').focus();
    await popup.keyboard.press('ArrowDown');
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.close();

    // Workbench: Space ticks the focused row (the selection), Enter opens it in the editor.
    await bench.reload();
    await bench.locator('[data-jzs-profile]').first().waitFor();
    const benchList = bench.locator('[data-jzs-profiles-panel] [role="listbox"]').first();
    await benchList.focus();
    await bench.keyboard.press('Home');
    await bench.keyboard.press('ArrowDown');
    await bench.keyboard.press(' ');
    const second = bench.locator('[data-jzs-profiles-panel] [data-jzs-profile]').nth(1);
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');
    expect(await bench.locator('[data-jzs-action="delete-selected"]').isEnabled()).toBe(true);
    // The mouse ticks a row by its box (without opening it); the box never takes the keyboard's focus.
    const first = bench.locator('[data-jzs-profiles-panel] [data-jzs-profile]').first();
    await first.locator('[data-jzs-select]').click();
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    expect(await first.getAttribute('data-active')).toBeNull();
    // The clicked row is the keyboard's place now: ↓ goes to the second again.
    await benchList.focus();
    await bench.keyboard.press('ArrowDown');
    await bench.keyboard.press('Enter');
    await bench.locator('[data-jzs-profiles-panel] .edit-col input').first().waitFor();
    expect(await second.getAttribute('data-active')).toBe('true');
  });

  it.runIf(process.env.TZ === 'Asia/Shanghai')('restores a backup of 25,000 profiles completely, in one commit of batches', async () => {
    await wipe(bench);
    const at = '2026-11-20T08:00:00.000Z';
    const profiles = Array.from({ length: 25_000 }, (_, i) => ({
      id: crypto.randomUUID(),
      createdAt: at,
      updatedAt: at,
      revision: 1,
      data: { name: `申请人${i}`, idNumber: idNumber(i), employerName: `单位${i % 300}`, mobile: `138${String(i).padStart(8, '0')}` },
      businesses: [],
      notes: '',
    }));
    const file = join(tmpdir(), `jzs-backup-25000-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ format: 'jzs-profiles-backup', version: 1, exportedAt: at, profiles }));
    await bench.reload();
    await bench.locator('[data-jzs-profile-count="0"]').waitFor();
    await bench.locator('[data-jzs-restore]').setInputFiles(file);
    await bench.locator('[data-jzs-restore-preview][data-added="25000"]').waitFor({ timeout: 120_000 });
    await bench.locator('[data-jzs-action="confirm-restore"]').click();
    await bench.locator('[data-jzs-export-message="ok"]').waitFor({ timeout: 120_000 });
    await expect.poll(() => bench.locator('[data-jzs-profile-count]').getAttribute('data-jzs-profile-count')).toBe('25000');
    // Every record is there (an empty store took 25,000 new ids); their contents, checked on a sample spread
    // over the whole file (reading all 25,000 back through the message API would double the test's time).
    for (let i = 0; i < profiles.length; i += 997) {
      const want = profiles[i]!;
      const got = await sendFrom<Stored>(bench, 'ui:profiles.get', { id: want.id });
      expect(canonical(got.data)).toBe(canonical(want.data));
      expect([got.createdAt, got.updatedAt]).toEqual([want.createdAt, want.updatedAt]);
    }
    rmSync(file);
  }, 300_000);
});
