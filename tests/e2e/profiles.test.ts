import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBackup } from '../../src/profiles/io/export';
import type { Profile } from '../../src/profiles/schema';
import { checkCharacter } from '../../src/validate/id-number';
import { clearProfiles, openWorkbench, ROOT, sendFrom } from './harness';
import { browserPerFile } from './per-file';

const GBK = readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'applicants-gbk.csv'));

/** All stored profiles' data, read through the extension's own message API from an extension page. */
async function storedData(page: Page): Promise<Array<Record<string, unknown>>> {
  const all = await sendFrom<Array<{ data: Record<string, unknown>; notes: string }>>(page, 'ui:profiles.all', {});
  return all.map((p) => ({ ...p.data, notes: p.notes } as Record<string, unknown>)).sort((a, b) => String(a.idNumber).localeCompare(String(b.idNumber)));
}

async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('[data-jzs-import]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.locator('[data-jzs-import-preview]').waitFor();
}

describe('profiles in the workbench and the popup', () => {
  const s = browserPerFile();
  let bench: Page;
  beforeAll(async () => {
    bench = await openWorkbench(s);
  });

  it('imports a GBK CSV of 20 rows: 2 rejected for identity naming the Excel row and column, an impossible date left empty', async () => {
    await importFile(bench, '申请人名单.csv', GBK);
    const confirm = bench.locator('[data-jzs-action="confirm-import"]');
    expect(await confirm.isEnabled()).toBe(true);
    // Row 15's impossible contract date is a warning on its cell: the applicant is still imported.
    expect(await bench.locator('[data-jzs-preview-row="15"][data-sheet-row="16"] [data-jzs-cell-warning="劳动合同截止日期"]').textContent()).toContain('第 16 行「劳动合同截止日期」：日期「2027-02-30」不存在');
    await confirm.click();
    const report = bench.locator('[data-jzs-import-report]');
    await report.waitFor();
    expect(await report.getAttribute('data-imported')).toBe('18');
    expect(await report.getAttribute('data-rejected')).toBe('2');
    const errors = await bench.locator('[data-jzs-import-error]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-row'), e.getAttribute('data-sheet-row'), e.textContent]));
    expect(errors.map((e) => [e[0], e[1]])).toEqual([
      ['4', '5'],
      ['9', '10'],
    ]);
    expect(errors[0]![2]).toContain('第 5 行「身份证号码」：身份证号校验位错误');
    expect(errors[1]![2]).toContain('第 10 行「姓名」：缺少姓名');
    await expect.poll(() => bench.locator('[data-jzs-profile-count]').getAttribute('data-jzs-profile-count')).toBe('18');
    // The formula in a note stayed text.
    expect((await storedData(bench)).some((p) => p.notes === '=HYPERLINK("http://example.invalid")')).toBe(true);
  });

  it('finds 张三 by "zs" in the popup and makes the row the active profile', async () => {
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-profile-count="18"]').waitFor();
    // The popup lists one page, not the whole store.
    expect(await popup.locator('[data-jzs-profile]').count()).toBe(18);
    await popup.locator('[data-jzs-search]').fill('zs');
    // 张三 (Zhang San) and 郑十 (Zheng Shi) both have the initials zs.
    await expect.poll(() => popup.locator('[data-jzs-profile]').count()).toBe(2);
    expect((await popup.locator('[data-jzs-profile] .name').allTextContents()).sort()).toEqual(['张三', '郑十']);
    const row = popup.locator('[data-jzs-profile]', { has: popup.locator('.name', { hasText: /^张三$/ }) });
    await row.click();
    await expect.poll(() => row.getAttribute('data-active')).toBe('true');
    await popup.locator('[data-jzs-active-profile]').waitFor();
    // ID numbers are masked in lists; the row id is opaque.
    expect(await row.locator('.idno').textContent()).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    expect(await row.getAttribute('data-jzs-profile')).toMatch(/^[0-9a-f-]{36}$/);
    await popup.close();
  });

  it('export then re-import gives identical records (CSV and XLSX)', async () => {
    const before = await storedData(bench);
    for (const action of ['export-csv', 'export-xlsx'] as const) {
      const [download] = await Promise.all([bench.waitForEvent('download'), bench.locator(`[data-jzs-action="${action}"]`).click()]);
      const file = readFileSync((await download.path())!);
      if (action === 'export-csv') expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      // Start from an empty store, then import the exported file.
      await clearProfiles(bench);
      expect(await storedData(bench)).toEqual([]);
      await importFile(bench, download.suggestedFilename(), file);
      await bench.locator('[data-jzs-action="confirm-import"]').click();
      await bench.locator('[data-jzs-import-report][data-imported="18"][data-rejected="0"]').waitFor();
      expect(await storedData(bench)).toEqual(before);
    }
  });

  it('restores a backup, plain or encrypted, into an empty store: same ids, data and dates', async () => {
    const full = async () =>
      (await sendFrom<Array<{ id: string; data: { idNumber?: string } }>>(bench, 'ui:profiles.all', {})).sort((a, b) => a.id.localeCompare(b.id));
    const before = await full();
    expect(before.length).toBeGreaterThan(0);
    const emptyStore = async () => {
      await sendFrom(bench, 'ui:profiles.delete', { ids: before.map((p) => p.id) });
      expect(await full()).toEqual([]);
    };
    const [plain] = await Promise.all([bench.waitForEvent('download'), bench.locator('[data-jzs-action="export-backup"]').click()]);
    await emptyStore();
    await bench.locator('[data-jzs-restore]').setInputFiles((await plain.path())!);
    // Into an empty store every profile is new; nothing is written before the confirmation.
    await bench.locator(`[data-jzs-restore-preview][data-added="${before.length}"][data-changed="0"][data-missing="0"]`).waitFor();
    expect(await full()).toEqual([]);
    await bench.locator('[data-jzs-action="confirm-restore"]').click();
    await bench.locator('[data-jzs-export-message="ok"]').waitFor();
    expect(await full()).toEqual(before);

    await bench.locator('[data-jzs-backup-pass]').fill('backup pass 1');
    const [sealed] = await Promise.all([bench.waitForEvent('download'), bench.locator('[data-jzs-action="export-encrypted"]').click()]);
    expect(readFileSync((await sealed.path())!, 'utf8')).not.toContain(before[0]!.data.idNumber ?? '∅');
    await emptyStore();
    await bench.locator('[data-jzs-restore]').setInputFiles((await sealed.path())!);
    await bench.locator('[data-jzs-restore-pass]').fill('backup pass 1');
    await bench.locator('[data-jzs-action="restore-encrypted"]').click();
    await bench.locator(`[data-jzs-restore-preview][data-added="${before.length}"]`).waitFor();
    await bench.locator('[data-jzs-action="confirm-restore"]').click();
    await expect.poll(async () => (await full()).length).toBe(before.length);
    expect(await full()).toEqual(before);
  });

  it('a backup whose ID number was altered is held back from the restore unless the clerk ticks to restore it anyway', async () => {
    const first17 = '37010219850615123';
    const valid = first17 + checkCharacter(first17);
    const altered = first17 + (valid.endsWith('0') ? '1' : '0');
    const p = await sendFrom<Profile>(bench, 'ui:profiles.create', { body: { data: { name: '赵六', idNumber: valid } } });
    const buffer = Buffer.from(toBackup([{ ...p, data: { ...p.data, idNumber: altered } }], new Date(), []));
    const stored = async () => (await sendFrom<Profile>(bench, 'ui:profiles.get', { id: p.id })).data.idNumber;
    const review = async () => {
      await bench.locator('[data-jzs-restore]').setInputFiles({ name: '备份.json', mimeType: 'application/json', buffer });
      const preview = bench.locator('[data-jzs-restore-preview][data-changed="1"][data-invalid="1"]');
      await preview.waitFor();
      expect(await bench.locator('[data-jzs-restore-group="invalid"]').textContent()).toContain('赵六');
    };
    await review();
    await bench.locator('[data-jzs-action="confirm-restore"]').click();
    await bench.locator('[data-jzs-export-message="ok"]').waitFor();
    expect(await stored()).toBe(valid);
    // Ticked, it is restored as the file has it.
    await review();
    await bench.locator('[data-jzs-restore-option="restore-invalid"]').check();
    await bench.locator('[data-jzs-action="confirm-restore"]').click();
    await expect.poll(stored).toBe(altered);
    await sendFrom(bench, 'ui:profiles.delete', { ids: [p.id] });
  });

  it('writes nothing when an import is cancelled', async () => {
    const before = await storedData(bench);
    await importFile(bench, 'again.csv', GBK);
    await bench.locator('[data-jzs-action="cancel-import"]').click();
    await bench.locator('[data-jzs-import-message="ok"]').waitFor();
    expect(await bench.locator('[data-jzs-import-message]').textContent()).toContain('没有写入任何档案');
    expect(await storedData(bench)).toEqual(before);
  });

  it('writes nothing when an import fails (a profile changed between preview and commit)', async () => {
    const before = await storedData(bench);
    // The file updates the stored 张三 and creates a new person.
    const csv = '\uFEFF姓名,身份证号,手机\r\n张三,' + String(before.find((p) => p.name === '张三')!.idNumber) + ',13900000000\r\n新人,370102199001011231,13900000001\r\n';
    await importFile(bench, 'conflict.csv', Buffer.from(csv));
    // Meanwhile someone edits 张三 in another view.
    const found = await sendFrom<{ items: Array<{ id: string }> }>(bench, 'ui:profiles.search', { query: '张三', limit: 1 });
    const p = await sendFrom<{ id: string; revision: number; data: object; businesses: unknown[]; notes: string }>(bench, 'ui:profiles.get', { id: found.items[0]!.id });
    await sendFrom(bench, 'ui:profiles.update', { id: p.id, revision: p.revision, body: { data: { ...p.data, email: 'edited@example.cn' }, businesses: p.businesses, notes: p.notes } });
    const after = await storedData(bench);
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-message="error"]').waitFor();
    expect(await bench.locator('[data-jzs-import-message]').textContent()).toContain('导入失败，没有写入任何档案');
    expect(await storedData(bench)).toEqual(after);
    expect(after.length).toBe(before.length);
  });

  it("prints a profile's checklist with its name, situations and readiness ticks", async () => {
    const found = await sendFrom<{ items: Array<{ id: string }> }>(bench, 'ui:profiles.search', { query: '李四', limit: 1 });
    const p = await sendFrom<{ id: string; revision: number; data: object; notes: string }>(bench, 'ui:profiles.get', { id: found.items[0]!.id });
    const progress = { business: 'change', status: 'preparing', conditions: ['company-renamed'], ready: ['application-form', 'id-card'], updatedAt: new Date().toISOString() };
    await sendFrom(bench, 'ui:profiles.update', { id: p.id, revision: p.revision, body: { data: p.data, notes: p.notes, businesses: [progress] } });
    const sheet = await s.openExtensionPage(`checklist.html?business=change&profile=${p.id}`);
    await sheet.locator('[data-jzs-applicant-name]', { hasText: '李四' }).waitFor();
    await expect.poll(() => sheet.getAttribute('[data-jzs-material="application-form"]', 'data-status')).toBe('done');
    expect(await sheet.getAttribute('[data-jzs-material="id-card"]', 'data-status')).toBe('done');
    expect(await sheet.getAttribute('[data-jzs-material="registration-certificate"]', 'data-status')).toBe('missing');
    expect(await sheet.getAttribute('[data-jzs-material="business-license"]', 'data-status')).toBe('missing');
    expect(await sheet.getAttribute('[data-jzs-material="labor-contract"]', 'data-status')).toBe('not-needed');
    await sheet.close();
  });

  it('refuses a legacy .xls with a clear message and writes nothing', async () => {
    const before = await storedData(bench);
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '名单.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
    await bench.locator('[data-jzs-import-message="error"]').waitFor();
    expect(await bench.locator('[data-jzs-import-message]').textContent()).toContain('旧版 Excel（.xls）');
    expect(await storedData(bench)).toEqual(before);
  });
});
