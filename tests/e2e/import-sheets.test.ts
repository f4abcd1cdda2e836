import { deflateRawSync, constants as zc } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../src/validate/id-number';
import { buildXlsx, partsOf, zipRaw } from '../helpers/xlsx-builder';
import { clearProfiles, openWorkbench, sendFrom } from './harness';
import { browserPerFile } from './per-file';

/** Clerk-style workbooks through the real workbench (issue 17: title rows, merged blocks, 2019.07, zip bombs). */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function idFor(birth: string, seq: number): string {
  const first17 = `370102${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

async function stored(page: Page): Promise<Array<Record<string, unknown>>> {
  const all = await sendFrom<Array<{ data: Record<string, unknown> }>>(page, 'ui:profiles.all', {});
  return all.map((p) => p.data).sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh'));
}

describe('clerk workbooks in the workbench', () => {
  const s = browserPerFile();
  let bench: Page;
  beforeAll(async () => {
    bench = await openWorkbench(s);
  });

  it('a title row and merged employer cells: every applicant imported with its employer, rows as Excel numbers them', async () => {
    await clearProfiles(bench);
    const people = [
      ['张三', idFor('1985-03-02', 11), '2019.6.4-2025.6.4'],
      ['李四', idFor('1990-07-15', 12), '2022年10月3日至2028年10月3日'],
      ['王五', idFor('1979-12-01', 13), '2020-01-01至无固定期限'],
      ['赵六', idFor('1988-01-20', 14), '2021.1.1-2027.1.1'],
    ] as const;
    const bytes = buildXlsx({
      rows: [
        ['济南某某建设集团二级建造师花名册'],
        ['序号', '姓名', '身份证号码', '工作单位', '劳动合同起止日期'],
        [{ n: 1 }, people[0][0], people[0][1], '甲建设有限公司', people[0][2]],
        [{ n: 2 }, people[1][0], people[1][1], null, people[1][2]],
        [{ n: 3 }, people[2][0], people[2][1], null, people[2][2]],
        [{ n: 4 }, people[3][0], people[3][1], '乙工程有限公司', people[3][2]],
      ],
      merges: ['A1:E1', 'D3:D5'],
    });
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '花名册.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    expect(await bench.locator('[data-jzs-header-row]').inputValue()).toBe('2');
    expect(await bench.locator('[data-jzs-import-notice="merged"]').textContent()).toContain('D3:D5');
    // The mapping step shows sample values and field names, never keys.
    expect(await bench.locator('[data-jzs-map-sample="3"]').textContent()).toContain('甲建设有限公司');
    const options = await bench.locator('[data-jzs-map-column="1"] option').allTextContents();
    expect(options).toContain('姓名');
    expect(options.some((o) => /^[a-z]+[A-Z]\w*$/.test(o))).toBe(false);
    expect(await bench.locator('[data-jzs-preview-row="1"]').getAttribute('data-sheet-row')).toBe('3');
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="4"][data-rejected="0"]').waitFor();
    const data = await stored(bench);
    expect(data.map((d) => [d.name, d.employerName, d.contractStart, d.contractEnd])).toEqual([
      ['李四', '甲建设有限公司', '2022-10-03', '2028-10-03'],
      ['王五', '甲建设有限公司', '2020-01-01', 'open-ended'],
      ['张三', '甲建设有限公司', '2019-06-04', '2025-06-04'],
      ['赵六', '乙工程有限公司', '2021-01-01', '2027-01-01'],
    ]);
  });

  it('a workbook with one roster per employer: every roster sheet listed with its rows and imported; an unticked one is not', async () => {
    await clearProfiles(bench);
    const ids = [idFor('1985-03-02', 31), idFor('1990-07-15', 32), idFor('1979-12-01', 33)] as const;
    const bytes = buildXlsx({
      name: '一公司',
      rows: [['姓名', '身份证号', '手机'], ['张三', ids[0], '13805310031']],
      more: [
        { name: '二公司', rows: [['二公司人员'], ['身份证号码', '姓名'], [ids[1], '李四'], ['', '缺号'], [ids[2], '王五']] },
        { name: '填表说明', rows: [['请按模板填写']] },
      ],
    });
    const upload = () => bench.locator('[data-jzs-import]').setInputFiles({ name: '各单位.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
    await upload();
    await bench.locator('[data-jzs-import-preview]').waitFor();
    const listed = bench.locator('[data-jzs-import-sheet]');
    expect(await listed.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-jzs-import-sheet'), r.getAttribute('data-rows'), r.getAttribute('data-chosen')]))).toEqual([
      ['一公司', '1', 'true'],
      ['二公司', '3', 'true'],
      ['填表说明', '0', 'false'],
    ]);
    // The second sheet's own header (under its title) and columns: shown on demand.
    await bench.locator('[data-jzs-sheet-view="1"]').click();
    expect(await bench.locator('[data-jzs-header-row]').inputValue()).toBe('2');
    await bench.locator('[data-jzs-preview-row][data-sheet="二公司"][data-sheet-row="4"][data-outcome="reject"]').waitFor();
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="3"][data-rejected="1"]').waitFor();
    const error = bench.locator('[data-jzs-import-error]');
    expect([await error.getAttribute('data-row'), await error.getAttribute('data-sheet-row'), await error.getAttribute('data-sheet')]).toEqual(['2', '4', '二公司']);
    expect(await error.textContent()).toMatch(/工作表「二公司」第 4 行「身份证号码」/);
    expect((await stored(bench)).map((d) => d.name)).toEqual(['李四', '王五', '张三']);

    // Unticked, a sheet is neither checked nor imported.
    await clearProfiles(bench);
    await upload();
    await bench.locator('[data-jzs-sheet-choice="0"]').uncheck();
    await bench.locator('[data-jzs-import-preview] [data-jzs-preview-row="1"][data-sheet="二公司"]').waitFor();
    // No sheet ticked: nothing to import, and the clerk is told why the confirm waits.
    await bench.locator('[data-jzs-sheet-choice="1"]').uncheck();
    await bench.locator('[data-jzs-import-sheet-problem]').waitFor();
    expect(await bench.locator('[data-jzs-action="confirm-import"]').isDisabled()).toBe(true);
    await bench.locator('[data-jzs-sheet-choice="1"]').check();
    await bench.locator('[data-jzs-import-preview] [data-jzs-preview-row="1"][data-sheet="二公司"]').waitFor();
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="2"][data-rejected="1"]').waitFor();
    expect((await stored(bench)).map((d) => d.name)).toEqual(['李四', '王五']);
  });

  it('2019.07 in 毕业时间 is July 2019; 2019.1 is refused with a question on its cell — never 1905', async () => {
    await clearProfiles(bench);
    const a = idFor('1985-03-02', 21);
    const b = idFor('1990-07-15', 22);
    const bytes = buildXlsx({ rows: [['姓名', '身份证号', '毕业时间'], ['张三', a, { n: 2019.07 }], ['李四', b, { n: 2019.1 }]] });
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '毕业.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    const warning = bench.locator('[data-jzs-preview-row="2"] [data-jzs-cell-warning="毕业时间"]');
    expect(await warning.textContent()).toContain('第 3 行「毕业时间」：「2019.1」不能确定是 2019 年 1 月还是 10 月');
    // Only the rows with something to say.
    await bench.locator('[data-jzs-only-problems]').check();
    expect(await bench.locator('[data-jzs-preview-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-jzs-preview-row')))).toEqual(['2']);
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="2"]').waitFor();
    const data = await stored(bench);
    expect(data.map((d) => [d.name, d.graduationDate])).toEqual([
      ['李四', undefined],
      ['张三', '2019-07'],
    ]);
    expect(JSON.stringify(data)).not.toContain('1905');
  });

  it('another header row or column mapping re-checks the held file: the preview and the commit follow the last choice', async () => {
    await clearProfiles(bench);
    const a = idFor('1985-03-02', 31);
    const b = idFor('1990-07-15', 32);
    const bytes = buildXlsx({ rows: [['某公司花名册'], ['姓名', '身份证号', '手机'], ['张三', a, '13805310000'], ['李四', b, '1380531']] });
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '重选.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    const mobileWarning = bench.locator('[data-jzs-preview-row="2"] [data-jzs-cell-warning="手机"]');
    await mobileWarning.waitFor();
    // Header row 1: the title is the header, nothing maps, every row is rejected.
    await bench.locator('[data-jzs-header-row]').fill('1');
    await bench.locator('[data-jzs-header-row]').dispatchEvent('change');
    await bench.locator('[data-jzs-preview-row="3"][data-outcome="reject"]').waitFor();
    expect(await bench.locator('[data-jzs-action="confirm-import"]').isDisabled()).toBe(true);
    // Back to row 2, then the mobile column left out: its warning goes, both applicants are imported without it.
    await bench.locator('[data-jzs-header-row]').fill('2');
    await bench.locator('[data-jzs-header-row]').dispatchEvent('change');
    await mobileWarning.waitFor();
    await bench.locator('[data-jzs-map-column="2"]').selectOption('');
    await mobileWarning.waitFor({ state: 'detached' });
    expect(await bench.locator('[data-jzs-preview-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')))).toEqual(['create', 'create']);
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="2"]').waitFor();
    expect((await stored(bench)).map((d) => [d.name, d.mobile])).toEqual([
      ['李四', undefined],
      ['张三', undefined],
    ]);
  });

  it('one ID number under two names: shown as a conflict, left out by default, imported when the clerk says so', async () => {
    await clearProfiles(bench);
    const shared = idFor('1985-03-02', 41);
    const csv = `姓名,身份证号,手机\r\n张三,${shared},13800000001\r\n张珊,${shared},13800000002\r\n王五,${idFor('1979-12-01', 42)},\r\n,${idFor('1990-07-15', 43)},\r\n`;
    const load = async () => {
      await bench.locator('[data-jzs-import]').setInputFiles({ name: '重复.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await bench.locator('[data-jzs-import-preview]').waitFor();
    };
    await load();
    expect(await bench.locator('[data-jzs-import-conflicts]').getAttribute('data-jzs-import-conflicts')).toBe('2');
    expect(await bench.locator('[data-jzs-preview-row="2"]').getAttribute('data-outcome')).toBe('conflict');
    expect(await bench.locator('[data-jzs-preview-row="2"]').textContent()).toContain('身份证号与第 2 行相同，但姓名不同（张三）');
    // The rows not imported, with the reason, as a file to fix.
    const [file] = await Promise.all([bench.waitForEvent('download'), bench.locator('[data-jzs-action="download-rejected"]').click()]);
    const text = (await (await file.createReadStream()).toArray()).map((b: Buffer) => b.toString('utf8')).join('');
    expect(text).toContain('未导入原因,姓名,身份证号,手机');
    expect(text).toContain('第 5 行「姓名」：缺少姓名');
    expect(text.split('\r\n').filter((l) => l.includes(shared))).toHaveLength(2);
    // Confirm stays enabled for the others: only 王五 is stored.
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="1"][data-rejected="1"]').waitFor();
    expect((await stored(bench)).map((d) => d.name)).toEqual(['王五']);
    // Again, choosing 张珊: she is imported (and only she).
    await load();
    await bench.locator('[data-jzs-conflict-choice="2"]').selectOption('import');
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report]').waitFor();
    expect((await stored(bench)).map((d) => [d.name, d.mobile])).toEqual([
      ['王五', undefined],
      ['张珊', '13800000002'],
    ]);
  });

  it('the import template downloads, and its headers are recognised as they are', async () => {
    const [file] = await Promise.all([bench.waitForEvent('download'), bench.locator('[data-jzs-action="import-template"]').click()]);
    const bytes = Buffer.concat(await (await file.createReadStream()).toArray());
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '模板.xlsx', mimeType: XLSX_TYPE, buffer: bytes });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    // Every column of the template maps itself to its field.
    const values = await bench.locator('[data-jzs-map-column]').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(values.length).toBeGreaterThan(25);
    expect(values.filter((v) => !v)).toEqual([]);
    await bench.locator('[data-jzs-action="cancel-import"]').click();
  });

  it('the popup answers while a zip bomb is being refused', async () => {
    // 200 MiB of shared strings compressed to a few hundred KB, its directory lying that it is 1 KB: the
    // reader has to inflate up to its cap before it can say no — in the worker, not on the page.
    const size = 200 * 2 ** 20;
    const xml = Buffer.alloc(size, 0x41);
    xml.write('<sst><si><t>', 0);
    xml.write('</t></si></sst>', size - 15);
    const deflated = new Uint8Array(deflateRawSync(xml, { level: 9, strategy: zc.Z_RLE }));
    const base = buildXlsx({ rows: [['姓名', '身份证号'], ['张三', idFor('1985-03-02', 31)]] });
    const bomb = zipRaw(partsOf(base).map((p) => (p.name === 'xl/sharedStrings.xml' ? { name: p.name, deflated: { data: deflated, size }, declaredSize: 1024 } : p)));
    expect(bomb.length).toBeLessThan(2 ** 20);
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-profile-count]').waitFor();
    await bench.locator('[data-jzs-import]').setInputFiles({ name: 'bomb.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bomb) });
    await bench.locator('[data-jzs-import-panel][data-stage="reading"]').waitFor();
    // While the workbench is reading, the popup and the workbench itself respond.
    await popup.locator('[data-jzs-search]').fill('张');
    await expect.poll(() => popup.locator('[data-jzs-profile]').count()).toBe(1);
    expect(await bench.evaluate(() => document.querySelector('[data-jzs-import-panel]')?.getAttribute('data-stage'))).toBe('reading');
    await bench.locator('[data-jzs-import-message="error"]').waitFor({ timeout: 60_000 });
    expect(await bench.locator('[data-jzs-import-message]').textContent()).toContain('解压后过大');
    await popup.close();
  });

  it('a messy office roster (hidden stale ID column, filtered-out row, padded names, two mobiles in a cell, 区号 as a number): no wrong value stored; stored applicants skipped stay in the work queue', async () => {
    await clearProfiles(bench);
    const [zhang, li, wang, stale] = [idFor('1985-03-02', 31), idFor('1990-07-15', 32), idFor('1979-12-01', 33), idFor('1970-01-01', 34)];
    // 李四 is stored already, edited by hand since: the clerk skips stored applicants.
    await sendFrom(bench, 'ui:profiles.commit', { items: [{ kind: 'create', body: { data: { name: '李四', idNumber: li, mobile: '13900000000' } } }] });
    const bytes = buildXlsx({
      rows: [
        ['2026年第四批注册人员'],
        ['姓名', '身份证号', '身份证号码', '手机', '联系电话'],
        ['张\u3000三', stale, zhang, '13805311234/13905311234', { n: 53188886666 }],
        ['李四', stale, li, '13805311235', '0531-88886666'],
        ['王五', stale, wang, '13805311236', null],
      ],
      merges: ['A1:E1'],
      hiddenColumns: [1],
      hiddenRows: [5],
    });
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '第四批.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    expect(await bench.locator('[data-jzs-map-column="2"]').inputValue()).toBe('idNumber');
    expect(await bench.locator('[data-jzs-map-column="1"]').inputValue()).toBe('');
    expect(await bench.locator('[data-jzs-map-hidden]').count()).toBe(1);
    expect(await bench.locator('[data-jzs-import-notice="hiddenRows"]').textContent()).toContain('第 5 行');
    expect(await bench.locator('[data-sheet-row="3"] [data-jzs-cell-warning="手机"]').textContent()).toContain('里有 2 个值');
    expect(await bench.locator('[data-sheet-row="3"] [data-jzs-cell-warning="联系电话"]').textContent()).toContain('开头的 0 已丢失');
    await bench.locator('[data-jzs-duplicate-policy="skip"]').check();
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="2"][data-rejected="0"][data-skipped="1"]').waitFor();
    expect(await bench.locator('[data-jzs-import-file]').textContent()).toContain('第四批.xlsx');
    const data = await stored(bench);
    expect(data).toEqual([
      { name: '李四', idNumber: li, mobile: '13900000000' },
      { name: '王五', idNumber: wang, mobile: '13805311236' },
      { name: '张三', idNumber: zhang },
    ]);
    // 「下一位」 walks the sheet's applicants in its order, the skipped 李四 included.
    expect(await sendFrom(bench, 'ui:queue.get', {})).toMatchObject({ position: 1, total: 3, source: 'import' });
    const names = [((await sendFrom<{ name: string } | null>(bench, 'ui:active.get', {})) ?? { name: '' }).name];
    for (let i = 0; i < 2; i++) names.push((await sendFrom<{ active: { name: string } }>(bench, 'ui:fill.next', {})).active.name);
    expect(names).toEqual(['张三', '李四', '王五']);
  });

  it('two rosters pasted together in Excel’s “Unicode text” export, headers with notes: each block read by its own header, the second header and its title shown as not applicants, an old-number column never read', async () => {
    await clearProfiles(bench);
    const [zhang, li, wang] = [idFor('1985-03-02', 41), idFor('1990-07-15', 42), idFor('1979-12-01', 43)];
    const lines = [
      ['【必填】姓名', '身份证号码[18位]', '手机（旧）', '手机号码（11位）', '劳动合同开始日期 yyyy-mm-dd'],
      ['张三', zhang, '13900000001', '13805311234', '2020-01-01'],
      [],
      ['第二批'],
      ['身份证号 ID No.', '劳动合同开始日期', '手机号码', '姓名'],
      [`${li.slice(0, 6)}\u200b${li.slice(6)}`, '2021.2.3', '13805311235', '阿依古丽.买买提'],
      [wang, '3/4/25', '(+86)138-0531-1236', '王五'],
    ];
    const text = `\ufeff${lines.map((l) => l.join('\t')).join('\r\n')}\r\n`;
    const bytes = Buffer.alloc(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes.writeUInt16LE(text.charCodeAt(i), i * 2);
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '两批名单.txt', mimeType: 'text/plain', buffer: bytes });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    expect(await bench.locator('[data-jzs-map-column="2"]').inputValue()).toBe('');
    expect(await bench.locator('[data-jzs-map-column="3"]').inputValue()).toBe('mobile');
    for (const row of ['4', '5']) expect(await bench.locator(`[data-sheet-row="${row}"]`).getAttribute('data-outcome')).toBe('trailer');
    expect(await bench.locator('[data-sheet-row="5"]').textContent()).toContain('又是一行表头');
    expect(await bench.locator('[data-sheet-row="7"] [data-jzs-cell-warning="劳动合同开始日期"]').textContent()).toContain('年份不是写在最前面');
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-imported="3"][data-rejected="0"]').waitFor();
    const byName = new Map((await stored(bench)).map((d) => [d.name, d]));
    expect(byName).toEqual(
      new Map([
        ['张三', { name: '张三', idNumber: zhang, mobile: '13805311234', contractStart: '2020-01-01' }],
        ['阿依古丽·买买提', { name: '阿依古丽·买买提', idNumber: li, mobile: '13805311235', contractStart: '2021-02-03' }],
        ['王五', { name: '王五', idNumber: wang, mobile: '13805311236' }],
      ]),
    );
    expect(await sendFrom(bench, 'ui:queue.get', {})).toMatchObject({ position: 1, total: 3, source: 'import' });
  });
});
