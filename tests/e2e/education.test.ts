import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../src/validate/id-number';
import { buildXlsx } from '../helpers/xlsx-builder';
import { clearProfiles, openWorkbench, sendFrom } from './harness';
import { browserPerFile } from './per-file';

/**
 * 学历 (seed §四 初始注册 第2项: 中等专科以上) as the clerk meets it: in an import's preview, on the cell, without
 * rejecting the row; and beside the field where a profile is edited. The level is the rule pack's.
 */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idFor = (seq: number) => {
  const first17 = `37010219850302${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};

describe('学历 below what the rules ask', () => {
  const s = browserPerFile();
  let bench: Page;
  beforeAll(async () => {
    bench = await openWorkbench(s);
  });

  it('the import preview says so on the cell, with the row Excel shows; the row is still imported as written', async () => {
    await clearProfiles(bench);
    const rows = [['学员名单'], ['姓名', '身份证号', '学历'], ['张三', idFor(1), '高中'], ['李四', idFor(2), '大专'], ['王五', idFor(3), '技工学校']];
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '名单.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(buildXlsx({ rows })) });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    const warning = (row: number) => bench.locator(`[data-jzs-preview-row="${row}"] [data-jzs-cell-warning="学历"]`);
    await expect.poll(() => warning(1).count()).toBe(1);
    expect(await warning(1).textContent()).toContain('第 3 行「学历」：「高中」低于初始注册的要求');
    expect(await warning(1).textContent()).toContain('二级建造师证书办理须知');
    expect(await warning(2).count()).toBe(0);
    expect(await warning(3).textContent()).toContain('第 5 行「学历」：「技工学校」是否符合初始注册的要求，请向受理窗口确认');
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="3"][data-rejected="0"]').waitFor();
    const all = await sendFrom<Array<{ data: { name: string; education?: string } }>>(bench, 'ui:profiles.all', {});
    expect(all.map((p) => [p.data.name, p.data.education]).sort()).toEqual([
      ['张三', '高中'],
      ['李四', '大学专科'],
      ['王五', '技工学校'],
    ]);
  });

  it('the profile editor shows it beside 学历 as it is typed, and not for 中专', async () => {
    await bench.locator('[data-jzs-action="new-profile"]').click();
    await bench.locator('[data-jzs-edit-field="name"]').fill('赵六');
    await bench.locator('[data-jzs-edit-field="education"]').fill('初中');
    await expect.poll(() => bench.locator('[data-jzs-field-warning="education"]').textContent()).toContain('「初中」低于初始注册的要求');
    await bench.locator('[data-jzs-edit-field="education"]').fill('中专');
    await expect.poll(() => bench.locator('[data-jzs-field-warning="education"]').count()).toBe(0);
  });

  it('a stored applicant’s editor follows their cases: a 延续 asks no 学历, adding an 初始注册 case brings the warning back', async () => {
    await clearProfiles(bench);
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '钱七', education: '高中' } } });
    await sendFrom(bench, 'ui:cases.create', { profileId: p.id, business: 'renewal' });
    await bench.reload();
    await bench.locator(`[data-jzs-profile="${p.id}"]`).click();
    await bench.locator('[data-jzs-edit-field="education"]').waitFor();
    await bench.locator('[data-jzs-progress-business="renewal"]').waitFor();
    await bench.waitForTimeout(300);
    expect(await bench.locator('[data-jzs-field-warning="education"]').count()).toBe(0);
    await bench.locator('[data-jzs-add-business]').selectOption('initial');
    await bench.locator('[data-jzs-action="add-business"]').click();
    await expect.poll(() => bench.locator('[data-jzs-field-warning="education"]').textContent()).toContain('「高中」低于初始注册的要求');
  });
});
