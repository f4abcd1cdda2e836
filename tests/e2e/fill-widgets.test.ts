/**
 * Writing to widgets we did not write (fill review): Layui- and Element-style selects, read-only date pickers,
 * masks, maxlength/pattern, a watcher that clears a field, a cascade that loads its options later
 * (tests/fixtures/widgets/basic-info-widgets.html). The rule under test: a field reported 「一致」 holds the
 * profile's value as the page itself would submit it; every other field says why, and holds no wrong value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createActiveProfile, rulesIn } from './harness';
import { browserPerFile } from './per-file';

const URL = 'http://124.128.19.211:81/personal/baseinfo/edit?variant=widgets';
const HTML = readFileSync(join(import.meta.dirname, '../fixtures/widgets/basic-info-widgets.html'));

const ZHANG = {
  name: '张三',
  idNumber: '370102199001011231',
  gender: '男',
  ethnicity: '汉族',
  birthDate: '1990-01-01',
  mobile: '13805310000',
  phone: '0531-61378805',
  postcode: '250014',
  qualificationCertNo: '37151606000123456X',
  employerName: '济南建工集团有限公司',
  employerCreditCode: '913701001630469631',
  contractStart: '2020-01-01',
  qualificationIssueDate: '2015-06-20',
  education: '本科',
  specialty: '建筑工程',
  school: '山东建筑大学',
  major: '土木工程',
  email: 'zhangsan@example.com',
  retired: false,
};

/** What the page would submit for each field key (its own form data and model), read independently of our read-back. */
const SUBMITTED_AS: Record<string, (s: Record<string, string>) => string> = {
  name: (s) => s.xm ?? '',
  gender: (s) => ({ '1': '男', '2': '女' })[s.xb ?? ''] ?? '',
  retired: (s) => ({ '1': '是', '0': '否' })[s.sftx ?? ''] ?? '',
  ethnicity: (s) => s.mz ?? '',
  birthDate: (s) => s.csrq ?? '',
  idNumber: (s) => s.zjhm ?? '',
  mobile: (s) => (s.sjhm ?? '').replace(/\D/g, ''),
  phone: (s) => s.lxdh ?? '',
  postcode: (s) => s.yzbm ?? '',
  qualificationCertNo: (s) => s.zgzsbh ?? '',
  employerName: (s) => s.pydw ?? '',
  employerCreditCode: (s) => s.xydm ?? '',
  // The page's picker writes yyyy年MM月dd日 (its placeholder says so): the date only when written exactly so.
  contractStart: (s) => (/^\d{4}年\d{2}月\d{2}日$/.test(s.htks ?? '') ? (s.htks ?? '').replace(/^(\d{4})年(\d{2})月(\d{2})日$/, '$1-$2-$3') : (s.htks ?? '')),
  qualificationIssueDate: (s) => s.qfrq ?? '',
  education: (s) => ({ '3': '本科', '4': '专科' })[s.xl ?? ''] ?? '',
  specialty: (s) => ({ '01': '建筑工程', '02': '市政公用工程' })[s.zy ?? ''] ?? '',
  // Disabled boxes are not submitted (FormData leaves them out).
  school: (s) => s.byyx ?? '',
  major: (s) => s.sxzy ?? '',
  email: (s) => s.yx ?? '',
};

describe('writing to widgets we did not write', () => {
  const s = browserPerFile();
  let page: Page;

  beforeAll(async () => {
    const bench = await s.openExtensionPage('options.html');
    await createActiveProfile(bench, { data: ZHANG });
    await bench.close();
    page = await s.context.newPage();
    // This page only (the context's routes still abort everything else).
    await page.route(URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HTML }));
    await page.goto(URL, { waitUntil: 'load' });
    await rulesIn(page);
  });

  const submitted = () => page.evaluate(() => (window as unknown as { submitted(): Record<string, string> }).submitted());

  async function previewAndConfirm() {
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-action="fill"]').click();
    await popup.locator('[data-jzs-fill-preview]').waitFor();
    const items = await popup.locator('[data-jzs-fill-item]').evaluateAll((els) =>
      els.map((e) => ({ key: e.getAttribute('data-key') ?? '', action: e.getAttribute('data-action'), reason: e.getAttribute('data-reason'), after: e.getAttribute('data-after') })),
    );
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    const box = popup.locator('[data-jzs-fill-results]');
    await box.waitFor();
    const results = await box.locator('[data-jzs-fill-result]').evaluateAll((els) =>
      els.map((e) => ({ key: e.getAttribute('data-jzs-fill-result') ?? '', outcome: e.getAttribute('data-outcome'), reason: e.getAttribute('data-reason'), text: e.textContent ?? '' })),
    );
    // The results list names what is not 一致; every other written item is (data-ok counts them).
    const listed = new Set(results.map((r) => r.key));
    const ok = items.filter((i) => i.action === 'fill' && !listed.has(i.key)).map((i) => i.key);
    expect(Number(await box.getAttribute('data-ok'))).toBe(ok.length);
    await popup.close();
    return { items, results: [...results, ...ok.map((key) => ({ key, outcome: 'ok', reason: null, text: '' }))] };
  }

  it('each widget holds the profile\'s value where the fill says 一致, and every other field says why and holds nothing wrong', async () => {
    const { items, results } = await previewAndConfirm();
    const item = (key: string) => items.filter((i) => i.key === key);
    // One line per field: the Layui stand-in is part of its select, not a read-only field of its own.
    expect(item('gender')).toEqual([{ key: 'gender', action: 'fill', reason: null, after: null }]);
    // Read-only date boxes a picker writes are fillable; an Element-style select (no native select) is not, and says so.
    expect(item('birthDate')[0]?.action).toBe('fill');
    expect(item('contractStart')[0]?.action).toBe('fill');
    expect(item('ethnicity')[0]).toMatchObject({ action: 'skip', reason: 'page-widget' });
    // A picker box that neither declares nor shows its format gets no date in a guessed one.
    expect(item('qualificationIssueDate')[0]).toMatchObject({ action: 'skip', reason: 'date-format' });
    // A value the field cannot take as typed is not written: too long for its maxlength, outside its pattern.
    expect(item('phone')[0]).toMatchObject({ action: 'skip', reason: 'too-long' });
    expect(item('qualificationCertNo')[0]).toMatchObject({ action: 'skip', reason: 'pattern' });
    // A list with no options yet (a cascade) is chosen once the earlier choice of this fill loads it; boxes
    // disabled until an earlier choice are filled once it enables them, with the value shown here.
    expect(item('specialty')[0]).toMatchObject({ action: 'fill', after: 'options' });
    for (const key of ['school', 'major', 'email']) expect(item(key)[0], key).toMatchObject({ action: 'fill', after: 'enabled' });

    const outcome = Object.fromEntries(results.map((r) => [r.key, r.outcome]));
    expect(outcome).toMatchObject({ name: 'ok', gender: 'ok', retired: 'ok', birthDate: 'ok', idNumber: 'ok', mobile: 'ok', postcode: 'ok', employerName: 'ok', contractStart: 'ok', education: 'ok' });
    // The cascade's list loaded (120 ms) and the boxes were enabled (at once, 60 ms) within the wait; the
    // 电子邮箱 box only 是否退休=是 enables stayed disabled, and says so.
    expect(outcome).toMatchObject({ specialty: 'ok', school: 'ok', major: 'ok' });
    expect(results.find((r) => r.key === 'email')).toMatchObject({ outcome: 'refused', reason: 'still-disabled' });
    // The page's watcher cleared the code after our write: not 一致.
    expect(outcome.employerCreditCode).toBe('mismatch');

    // The rule, checked against what the page would submit.
    const sent = await submitted();
    for (const r of results) {
      const held = SUBMITTED_AS[r.key]?.(sent) ?? '';
      if (r.outcome === 'ok') expect(held, r.key).not.toBe('');
      if (r.outcome === 'ok' && r.key === 'mobile') expect(held, r.key).toBe(ZHANG.mobile);
      else if (r.outcome === 'ok' && r.key === 'retired') expect(held, r.key).toBe('否');
      else if (r.outcome === 'ok') expect(held, r.key).toBe(ZHANG[r.key as keyof typeof ZHANG]);
    }
    expect(sent.htks).toBe('2020年01月01日');
    for (const key of ['ethnicity', 'phone', 'qualificationCertNo', 'qualificationIssueDate', 'email']) expect(SUBMITTED_AS[key]?.(sent), key).toBe('');
    // The Layui stand-in shows what the select holds.
    expect(await page.locator('.layui-select-title input').inputValue()).toBe('男');
    expect(await page.evaluate(() => (window as unknown as { model: { xb?: string; sftx?: string } }).model)).toMatchObject({ xb: '1', sftx: '0' });
  });

  it('a MiniUI text box keeps its maxlength on the box one types into: a longer value is not written', async () => {
    const mini = await s.open('bench-mini-40');
    await rulesIn(mini);
    // 证照号码 allows 15 characters here (an old ID card number's length); the profile's has 18.
    await mini.evaluate(() => document.querySelector('#certnum input.mini-textbox-input')?.setAttribute('maxlength', '15'));
    const { items, results } = await previewAndConfirm();
    expect(items.find((i) => i.key === 'idNumber')).toMatchObject({ action: 'skip', reason: 'too-long' });
    expect(results.find((r) => r.key === 'name')?.outcome).toBe('ok');
    expect(await mini.evaluate(() => (window as unknown as { mini: { get(id: string): { getValue(): unknown } } }).mini.get('certnum').getValue())).toBe('');
    await mini.close();
  });

  it('a second preview finds the cascade and the enabled boxes already holding the values: nothing left to write there', async () => {
    const { items } = await previewAndConfirm();
    for (const key of ['specialty', 'school', 'major']) expect(items.find((i) => i.key === key), key).toMatchObject({ action: 'same', after: null });
    expect(SUBMITTED_AS.specialty?.(await submitted())).toBe('建筑工程');
  });
});
