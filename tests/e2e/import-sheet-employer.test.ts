import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../src/validate/id-number';
import { buildXlsx } from '../helpers/xlsx-builder';
import { clearProfiles, launch, sendFrom, type Session } from './harness';

/**
 * Through the real workbench (its worker, the preview, the commit): a sheet's name or a title row offered as its rows'
 * employer and taken only on the clerk's tick; an old value crossed out in a cell with the new one after it.
 */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function idFor(seq: number): string {
  const first17 = `37010219850302${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

async function stored(page: Page): Promise<Array<Record<string, unknown>>> {
  const all = await sendFrom<Array<{ data: Record<string, unknown> }>>(page, 'ui:profiles.all', {});
  return all.map((p) => p.data).sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh'));
}

describe('employers from sheet names, values corrected in place', () => {
  let s: Session;
  let bench: Page;
  beforeAll(async () => {
    s = await launch();
    bench = await s.openExtensionPage('options.html');
    await bench.locator('[data-jzs-profile-count]').waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the employer is offered per company sheet, unticked; ticked for one, only its rows get it, each saying so', async () => {
    await clearProfiles(bench);
    const bytes = buildXlsx({
      name: '济南鲁信建设有限公司',
      rows: [
        ['姓名', '身份证号', '手机'],
        ['张三', idFor(1), { rich: [{ text: '13805311234', struck: true }, { text: ' 13905311234' }] }],
      ],
      more: [
        { name: '华泰路桥（2人）', rows: [['姓名', '身份证号'], ['李四', idFor(2)], ['王五', idFor(3)]] },
        { name: 'Sheet3', rows: [['姓名', '身份证号'], ['赵六', idFor(4)]] },
      ],
    });
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '各单位.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    const offers = bench.locator('[data-jzs-sheet-employer]');
    expect(await offers.evaluateAll((boxes) => boxes.map((b) => [b.getAttribute('data-jzs-sheet-employer'), b instanceof HTMLInputElement && b.checked]))).toEqual([
      ['0', false],
      ['1', false],
    ]);
    expect(await bench.locator('[data-jzs-sheet-employer-offer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-jzs-sheet-employer-offer')))).toEqual(['济南鲁信建设有限公司', '华泰路桥']);
    // The crossed-out mobile: the new one, with a warning on its cell naming the old one.
    expect(await bench.locator('[data-jzs-preview-row="1"] [data-jzs-cell-warning="手机"]').textContent()).toContain('13805311234');
    await bench.locator('[data-jzs-sheet-employer="1"]').check();
    // The rows are checked again: the ticked sheet's rows say where their employer comes from.
    await bench.locator('[data-jzs-preview-row][data-sheet="华泰路桥（2人）"]', { hasText: '工作表名「华泰路桥」' }).first().waitFor();
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="4"][data-rejected="0"]').waitFor();
    expect((await stored(bench)).map((d) => [d.name, d.employerName, d.mobile])).toEqual([
      ['李四', '华泰路桥', undefined],
      ['王五', '华泰路桥', undefined],
      ['张三', undefined, '13905311234'],
      ['赵六', undefined, undefined],
    ]);
  });

  it('a CSV whose title row names the employer: offered with the row it was read from, unticked; ticked, its rows get it, each naming that row', async () => {
    await clearProfiles(bench);
    const csv = ['2024年度济南鲁信建设有限公司二级建造师延续注册人员名单,,', '序号,姓名,身份证号', `1,张三,${idFor(5)}`, `2,李四,${idFor(6)}`].join('\r\n');
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    const offer = bench.locator('[data-jzs-sheet-employer-offer="济南鲁信建设有限公司"]');
    expect(await offer.textContent()).toContain('第 1 行');
    expect(await bench.locator('[data-jzs-sheet-employer="0"]').isChecked()).toBe(false);
    await bench.locator('[data-jzs-sheet-employer="0"]').check();
    await bench.locator('[data-jzs-preview-row="1"]', { hasText: '第 1 行标题' }).waitFor();
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="2"][data-rejected="0"]').waitFor();
    expect((await stored(bench)).map((d) => [d.name, d.employerName])).toEqual([
      ['李四', '济南鲁信建设有限公司'],
      ['张三', '济南鲁信建设有限公司'],
    ]);
  });
});
