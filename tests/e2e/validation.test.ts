import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInShanghai, plusDays, plusYears } from '../../src/domain/calendar';
import { replica } from '../fixtures/replicas';
import { frameOf, panelFrame, typeInto } from './harness';
import { browserPerFile } from './per-file';

/** The browser runs in this machine's time zone: its "today" is ours. */
const today = todayInShanghai(new Date());
const yearOn = plusYears(today, 1);
const dayShort = plusDays(yearOn, -1);

const severityOf = (hint: Locator) => hint.getAttribute('data-severity');

describe('validation on the portals', () => {
  const s = browserPerFile();

  it('基本资料: a wrong check digit shows an error hint that clears when fixed', async () => {
    const page = await s.open('province-basic-info');
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-validation-summary]').waitFor({ state: 'attached' });
    await typeInto(page.mainFrame(), '#txtZjhm', '370102199001011237');
    const hint = page.locator('[data-jzs-field="idNumber"]');
    await expect.poll(() => severityOf(hint)).toBe('error');
    expect(await hint.textContent()).toContain('校验位错误');
    expect(await page.locator('[data-jzs-field="idNumber"]').count()).toBe(1);
    // The panel's summary lists it too.
    await expect.poll(() => panel.locator('[data-jzs-summary-field="idNumber"][data-severity="error"]').count()).toBe(1);
    await typeInto(page.mainFrame(), '#txtZjhm', '370102199001011231');
    await expect.poll(() => severityOf(hint)).toBe('ok');
    // Typing was never blocked: the page's own model has the value.
    expect(await page.evaluate(() => (window as unknown as { __pageModel: Record<string, string> }).__pageModel.zjhm)).toBe('370102199001011231');
    // Birth date and gender must agree with the ID number.
    await typeInto(page.mainFrame(), '#txtCsrq', '1990-01-02');
    await expect.poll(() => severityOf(page.locator('[data-jzs-field="birthDate"]'))).toBe('error');
    await page.close();
  });

  it('a row rendered after load, with a label the frame has not read, gets its hint (the label read by the background)', async () => {
    const page = await s.open('province-basic-info');
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-validation-summary]').waitFor({ state: 'attached' });
    const late = (id: string, label: string) => `<tr><td class="tdTitle">${label}</td><td><input id="${id}" value="ABC"></td></tr>`;
    await page.evaluate((row) => document.querySelector('table.tableForm tbody, table.tableForm')?.insertAdjacentHTML('beforeend', row), late('late-a', '聘用单位统一社会信用代码：'));
    const hint = page.locator('[data-jzs-field="employerCreditCode"]');
    await expect.poll(() => severityOf(hint)).toBe('error');
    expect(await hint.evaluate((h) => h.previousElementSibling?.id)).toBe('late-a');
    // The same label again (a re-render) is read from the frame's cache; a label naming no field stays unmapped.
    await page.evaluate((rows) => {
      document.getElementById('late-a')?.closest('tr')?.remove();
      document.querySelector('table.tableForm tbody, table.tableForm')?.insertAdjacentHTML('beforeend', rows);
    }, late('late-b', '聘用单位统一社会信用代码：') + late('late-c', '施工单位统一社会信用代码：'));
    await expect.poll(() => hint.evaluate((h) => h.previousElementSibling?.id)).toBe('late-b');
    expect(await page.locator('#late-c + [data-jzs-field]').count()).toBe(0);
    await page.close();
  });

  it('注册申报 (native date inputs): one day short of a year errors, exactly a year passes; prefilled values checked on load', async () => {
    const page = await s.open('province-declaration-initial');
    await expect.poll(() => severityOf(page.locator('[data-jzs-field="idNumber"]'))).toBe('ok');
    await typeInto(page.mainFrame(), '#htjzrq', dayShort);
    const hint = page.locator('[data-jzs-field="contractEnd"]');
    await expect.poll(() => severityOf(hint)).toBe('error');
    expect(await hint.textContent()).toContain(`须不早于 ${yearOn}`);
    await typeInto(page.mainFrame(), '#htjzrq', yearOn);
    await expect.poll(() => severityOf(hint)).toBe('ok');
    await page.close();
  });

  it('the same on a MiniUI datepicker inside the e-form iframe', async () => {
    const page = await s.open('zwdt-declaration-initial');
    const frame = frameOf(page, replica('zwdt-eform-initial'));
    await frame.locator('[data-jzs-overlay]').waitFor({ state: 'attached' });
    await (await panelFrame(page)).locator('[data-jzs-validation-summary]').waitFor({ state: 'attached' });
    const visible = '[id="EJJZS_ZCSQ_HTJZRQ$text"]';
    await typeInto(frame, visible, dayShort);
    const hint = frame.locator('[data-jzs-field="contractEnd"]');
    await expect.poll(() => severityOf(hint)).toBe('error');
    // The hint sits right after the MiniUI control, inside the iframe.
    expect(await hint.evaluate((h) => h.previousElementSibling?.id)).toBe('EJJZS_ZCSQ_HTJZRQ');
    await typeInto(frame, visible, yearOn);
    await expect.poll(() => severityOf(hint)).toBe('ok');
    // The page's own MiniUI state agrees (the visible input's onchange ran).
    expect(await frame.evaluate(() => (window as unknown as { mini: { get(id: string): { getFormValue(): string } } }).mini.get('EJJZS_ZCSQ_HTJZRQ').getFormValue())).toBe(yearOn);
    await page.close();
  });

  it('reports a field the rules expect when the page re-renders without it', async () => {
    const page = await s.open('zwdt-declaration-change');
    const frame = frameOf(page, replica('zwdt-eform-change'));
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-validation-summary]').waitFor({ state: 'attached' });
    expect(await panel.locator('[data-jzs-missing-field]').count()).toBe(0);
    await frame.evaluate(() => document.getElementById('BGZC_HTJS')?.closest('.eform-row')?.remove());
    // The top frame's panel names the field and the frame it is missing from.
    const missing = panel.locator('[data-jzs-frame="zwdt-eform"] [data-jzs-missing-field]');
    await missing.waitFor({ state: 'attached' });
    expect(await missing.textContent()).toBe('本页未找到“劳动合同截止日期”字段');
    expect(await panel.locator('[data-jzs-frame="zwdt-eform"] .frame').textContent()).toContain('电子申请表');
    await page.close();
  });

  it('个人信息更改: a 2.5 MB PDF is flagged with its size and what to do; the file stays chosen', async () => {
    const page = await s.open('province-info-change');
    await (await panelFrame(page)).locator('[data-jzs-material]').first().waitFor({ state: 'attached' });
    const body = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2.5 * 1024 * 1024 - 20, 0x20), Buffer.from('\n%%EOF\n')]);
    await page.locator('#fjFile').setInputFiles({ name: '信息更改扫描件.pdf', mimeType: 'application/pdf', buffer: body });
    const result = page.locator('[data-jzs-upload="info-change-pdf"]');
    await result.waitFor({ state: 'attached' });
    expect(await result.getAttribute('data-severity')).toBe('error');
    expect(await result.textContent()).toContain('2.50 MB，超过 2 MB 上限');
    expect(await page.locator('#fjFile').evaluate((i: HTMLInputElement) => i.files?.length)).toBe(1);
    // A PDF under the limit passes.
    await page.locator('#fjFile').setInputFiles({ name: 'ok.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => result.getAttribute('data-severity')).toBe('ok');
    await page.close();
  });

  it('网厅 uploader (hidden WebUploader input): wrong file type and a silent video are flagged per material', async () => {
    const page = await s.open('zwdt-declaration-initial');
    await (await panelFrame(page)).locator('[data-jzs-material]').first().waitFor({ state: 'attached' });
    await page.locator('tr[data-materialguid="m04"] input[type=file]').setInputFiles({ name: '劳动合同.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04word') });
    const contract = page.locator('[data-jzs-upload="labor-contract"]');
    await contract.waitFor({ state: 'attached' });
    // The seed names no format for scans: PDF/JPG/PNG is our advice, so another kind is a warning saying so.
    expect(await contract.getAttribute('data-severity')).toBe('warning');
    expect(await contract.textContent()).toContain('PDF/JPG/PNG');
    expect(await contract.textContent()).toContain('本工具建议');
    const silent = Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42\0\0\0\0moov\0\0\0!hdlr\0\0\0\0\0\0\0\0vide'), Buffer.alloc(1000)]);
    await page.locator('tr[data-materialguid="m06"] input[type=file]').setInputFiles({ name: '本人视频.mp4', mimeType: 'video/mp4', buffer: silent });
    const video = page.locator('[data-jzs-upload="personal-video"]');
    await video.waitFor({ state: 'attached' });
    expect(await video.getAttribute('data-severity')).toBe('warning');
    expect(await video.textContent()).toContain('没有声音');
    await page.close();
  });
});
