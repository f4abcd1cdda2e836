import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { replica } from '../fixtures/replicas';
import { ZHANG } from '../helpers/applicants';
import { frameOf, rulesIn, sendFrom } from './harness';
import { browserPerFile } from './per-file';


/** MiniUI state read in the page's own main world. */
function miniState(frame: Frame, ids: string[]) {
  return frame.evaluate((list) => {
    const mini = (window as unknown as { mini: { get(id: string): { getValue(): unknown; getText(): string; getFormValue(): string } } }).mini;
    return Object.fromEntries(list.map((id) => [id, { value: String(mini.get(id).getValue()), text: mini.get(id).getText(), form: mini.get(id).getFormValue() }]));
  }, ids);
}

describe('filling a portal page from a profile', () => {
  const s = browserPerFile();
  let bench: Page;
  let zhangId: string;
  let liId: string;
  beforeAll(async () => {
    bench = await s.openExtensionPage('options.html');
    zhangId = (await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: ZHANG } })).id;
    liId = (await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '李四', idNumber: '37010219900101124X', mobile: '13900000001' } } })).id;
    await sendFrom(bench, 'ui:active.set', { id: zhangId });
  });

  it('opening a portal page never fills anything by itself', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    // The page-reachable overlay offers no fill at all (issue 12.2): only extension pages do.
    expect(await page.locator('[data-jzs-overlay] [data-jzs-action="fill"]').count()).toBe(0);
    await page.waitForTimeout(800);
    const values = await page.locator('form input[type=text]:not([readonly])').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values.every((v) => v === '')).toBe(true);
    await page.close();
  });

  it('provincial 基本资料 from the popup: previewed, confirmed, native values and the page model equal the profile', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    // The user had typed another mobile number before.
    await page.locator('#txtSjhm').fill('13912345678');
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-action="fill"]').click();
    const preview = popup.locator('[data-jzs-fill-preview]');
    await preview.waitFor();
    expect(await preview.locator('[data-jzs-fill-item][data-key="mobile"]').getAttribute('data-action')).toBe('conflict');
    // Nothing is written before confirming.
    expect(await page.locator('#txtXm').inputValue()).toBe('');
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    await popup.locator('[data-jzs-fill-results]').waitFor();
    const expected: Record<string, string> = {
      '#txtXm': ZHANG.name, '#txtCsrq': ZHANG.birthDate, '#txtZjhm': ZHANG.idNumber, '#txtGddh': ZHANG.phone, '#txtDzyx': ZHANG.email,
      '#txtTxdz': ZHANG.address, '#txtYzbm': ZHANG.postcode, '#txtByyx': ZHANG.school, '#txtSxzy': ZHANG.major, '#txtBysj': ZHANG.graduationDate,
    };
    for (const [sel, v] of Object.entries(expected)) expect(await page.locator(sel).inputValue(), sel).toBe(v);
    expect(await page.locator('#xb1').isChecked()).toBe(true);
    expect(await page.locator('#ddlMz option:checked').textContent()).toBe('汉族');
    expect(await page.locator('#ddlXl option:checked').textContent()).toBe('大学本科');
    // The prefilled different value was left alone.
    expect(await page.locator('#txtSjhm').inputValue()).toBe('13912345678');
    // The page's own model saw every edit (the events of a real edit were fired).
    const model = await page.evaluate(() => (window as unknown as { __pageModel: Record<string, string> }).__pageModel);
    expect(model).toMatchObject({ xm: ZHANG.name, zjhm: ZHANG.idNumber, csrq: ZHANG.birthDate, xb: '1', mz: '01', xl: '3', sjhm: '13912345678' });
    // Read-back and validation ran: the ID number hint is ok.
    await expect.poll(() => page.locator('[data-jzs-field="idNumber"]').getAttribute('data-severity')).toBe('ok');

    // Again, ticking overwrite for the mobile number this time.
    await popup.locator('[data-jzs-action="fill"]').click();
    await popup.locator('[data-jzs-overwrite]').first().check();
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    await popup.locator('[data-jzs-fill-results]').waitFor();
    await expect.poll(() => page.locator('#txtSjhm').inputValue()).toBe(ZHANG.mobile);
    await popup.close();
    await page.close();
  });

  it('Jinan declarationinfo from the popup: MiniUI state in both frames equals the profile', async () => {
    const page = await s.open('zwdt-declaration-initial');
    const eform = frameOf(page, replica('zwdt-eform-initial'));
    await rulesIn(eform);
    await rulesIn(page);
    // Typed by the user earlier, as MiniUI receives typing (visible input + change).
    await page.locator('[id="contactmobile$text"]').fill('13912345678');
    await page.locator('[id="contactmobile$text"]').press('Tab');
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-action="fill"]').click();
    const preview = popup.locator('[data-jzs-fill-preview]');
    await preview.waitFor();
    // The preview covers the iframe's fields too.
    expect(await preview.locator('[data-jzs-fill-item][data-key="contractEnd"]').count()).toBe(1);
    expect(await preview.locator('[data-jzs-fill-item][data-key="mobile"][data-action="conflict"]').count()).toBe(1);
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    await popup.locator('[data-jzs-fill-results]').waitFor();
    expect(await popup.locator('[data-jzs-fill-results]').getAttribute('data-failed')).toBe('0');
    expect(await popup.locator('[data-jzs-fill-results]').getAttribute('data-mismatch')).toBe('0');
    await popup.close();

    const top = await miniState(page.mainFrame(), ['applyername', 'certnum', 'contactperson', 'contactcertnum', 'contactmobile', 'contactphone', 'contactpostcode', 'contactemail', 'address']);
    expect(Object.fromEntries(Object.entries(top).map(([k, v]) => [k, v.value]))).toEqual({
      applyername: ZHANG.name, certnum: ZHANG.idNumber, contactperson: ZHANG.name, contactcertnum: ZHANG.idNumber,
      contactmobile: '13912345678', contactphone: ZHANG.phone, contactpostcode: ZHANG.postcode, contactemail: ZHANG.email, address: ZHANG.address,
    });
    const p = 'EJJZS_ZCSQ_';
    const form = await miniState(eform, ['XM', 'XB', 'CSRQ', 'MZ', 'SFZH', 'XL', 'BYYX', 'SXZY', 'BYSJ', 'PYDW', 'TYSHXYDM', 'KSBMDW', 'SJHM', 'HTKSRQ', 'HTJZRQ', 'ZGZSGLH', 'ZGZSQFRQ', 'ZCZY'].map((x) => p + x));
    const got = (id: string, how: 'value' | 'text' | 'form' = 'value') => form[p + id]![how];
    expect([got('XM'), got('SFZH'), got('BYYX'), got('SXZY'), got('PYDW'), got('TYSHXYDM'), got('KSBMDW'), got('SJHM'), got('ZGZSGLH')]).toEqual([
      ZHANG.name, ZHANG.idNumber, ZHANG.school, ZHANG.major, ZHANG.employerName, ZHANG.employerCreditCode, ZHANG.examEmployerName, ZHANG.mobile, ZHANG.qualificationCertNo,
    ]);
    // Choices by text through the page's own lists; dates as the datepicker formats them.
    expect([got('XB', 'text'), got('MZ', 'text'), got('XL', 'text'), got('ZCZY', 'text')]).toEqual(['男', '汉族', '大学本科', '建筑工程']);
    expect([got('XB'), got('XL')]).toEqual(['1', '21']);
    expect([got('CSRQ', 'form'), got('BYSJ', 'form'), got('HTKSRQ', 'form'), got('HTJZRQ', 'form'), got('ZGZSQFRQ', 'form')]).toEqual([
      ZHANG.birthDate, ZHANG.graduationDate, ZHANG.contractStart, ZHANG.contractEnd, ZHANG.qualificationIssueDate,
    ]);
    // MiniUI's own validation ran (required fields filled are valid) and so did ours.
    expect(await eform.evaluate(() => document.querySelectorAll('#form1 .mini-error').length)).toBe(0);
    await expect.poll(() => eform.locator('[data-jzs-field="contractEnd"]').getAttribute('data-severity')).toBe('ok');
    await page.close();
  });

  it('「下一位」 moves to the next applicant of the list picked from, previews the same page for them, and stops at the end', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    const popup = await s.openExtensionPage('popup.html');
    // The popup lists newest first: 李四, then 张三. Without a work queue, the list picked from becomes it.
    await popup.locator(`[data-jzs-profile="${liId}"]`).click();
    await expect.poll(() => popup.locator(`[data-jzs-profile="${liId}"]`).getAttribute('data-active')).toBe('true');
    await popup.locator('[data-jzs-queue][data-position="1"][data-total="2"]').waitFor();
    await popup.locator('[data-jzs-action="next"]').click();
    await popup.locator('[data-jzs-fill-preview]').waitFor();
    expect(await popup.locator('[data-jzs-fill-preview]').textContent()).toContain('张三');
    expect(await popup.locator('[data-jzs-active-profile] strong').textContent()).toBe('张三');
    expect((await sendFrom<{ id: string }>(popup, 'ui:active.get', {})).id).toBe(zhangId);
    await popup.locator('[data-jzs-queue][data-position="2"][data-total="2"]').waitFor();
    // The end of the list is said, not wrapped around.
    await popup.locator('[data-jzs-action="next"]').click();
    await popup.locator('[data-jzs-queue-notice="warn"]').waitFor();
    expect(await popup.locator('[data-jzs-queue-notice]').textContent()).toContain('最后一位');
    expect((await sendFrom<{ id: string }>(popup, 'ui:active.get', {})).id).toBe(zhangId);
    await popup.close();
    await page.close();
  });

  it('「全部替换为此申请人」: switching applicant on a filled page leaves only the new applicant\'s values (read back)', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    // A clerk's work queue (as an import makes it): 张三, then 李四.
    await sendFrom(bench, 'ui:queue.set', { ids: [zhangId, liId], source: 'selection', start: zhangId });
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-queue][data-position="1"][data-total="2"]').waitFor();
    await popup.locator('[data-jzs-action="fill"]').click();
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    await popup.locator('[data-jzs-fill-results]').waitFor();
    expect(await page.locator('#txtDzyx').inputValue()).toBe(ZHANG.email);
    // The clerk moves on to the next applicant: the preview says whose data the page holds now.
    await popup.locator('[data-jzs-action="next"]').click();
    const preview = popup.locator('[data-jzs-fill-preview]');
    await preview.waitFor();
    expect(await popup.locator(`[data-jzs-fill-onpage="${zhangId}"]`).textContent()).toContain('张三');
    // 李四's profile lacks birth date and gender: the preview says what the ID number tells (issue 17.7).
    expect(await preview.locator('[data-jzs-fill-warning="birthDate"]').textContent()).toContain('1990-01-01');
    expect(await preview.locator('[data-jzs-fill-warning="gender"]').textContent()).toContain('女');
    expect(await preview.locator('[data-jzs-fill-item][data-key="email"]').getAttribute('data-action')).toBe('clear');
    await popup.locator('[data-jzs-action="replace-all"]').click();
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    const results = popup.locator('[data-jzs-fill-results]');
    await results.waitFor();
    expect([await results.getAttribute('data-mismatch'), await results.getAttribute('data-failed')]).toEqual(['0', '0']);
    const texts = await page.locator('form input[type=text]:not([readonly])').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.id, (e as HTMLInputElement).value])));
    expect(texts).toMatchObject({ txtXm: '李四', txtZjhm: '37010219900101124X', txtSjhm: '13900000001', txtDzyx: '', txtTxdz: '', txtCsrq: '', txtByyx: '' });
    // Nothing of 张三 stays anywhere in the form, and the page's own model saw every change.
    const zhangValues = Object.values(ZHANG).filter((v) => v.length > 2);
    expect(Object.values(texts).filter((v) => zhangValues.includes(v))).toEqual([]);
    expect(await page.locator('#ddlMz').inputValue()).toBe('');
    expect(await page.locator('#xb1').isChecked()).toBe(false);
    const model = await page.evaluate(() => (window as unknown as { __pageModel: Record<string, string> }).__pageModel);
    expect(model).toMatchObject({ xm: '李四', dzyx: '', mz: '' });
    await popup.close();
    await page.close();
  });

  it('keeps a fill log per profile (when, which page, which fields)', async () => {
    const log = await sendFrom<Array<{ pages: string[]; fields: string[]; portal: string }>>(bench, 'ui:fill.log', { profileId: zhangId });
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(log.some((e) => e.portal === 'jinan-zwdt' && e.pages.includes('zwdt-eform') && e.fields.includes('contractEnd'))).toBe(true);
    expect(log.some((e) => e.portal === 'province' && e.pages.includes('province-basic-info') && e.fields.includes('idNumber'))).toBe(true);
  });
});
