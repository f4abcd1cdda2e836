/**
 * Writes after an earlier choice of the same fill, in Chromium on generated MiniUI pages (the replicas' MiniUI):
 * 最高学历 is chosen; the page then loads 申请注册专业's options into its MiniUI list and enables it, shows the
 * row of 毕业院校 — after a request of its own (jQuery counts it in flight) of 0–900 ms, its codes as at the
 * preview, reused for other choices, or new — or never; 所学专业 stays disabled for good. The rule: 一致 only where
 * the page's own model holds the profile's value; the rest says per field what it waited for.
 * 申请注册专业 is also drawn as a list that takes several (a `multiSelect` combobox, a checkbox list) for an
 * applicant with two specialties: both chosen by name in the list the page loads, or reloads, after the choice.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, rulesIn, sendFrom, type Session } from './harness';

const ZHANG = { name: '张三', idNumber: '370102199001011231', education: '本科', specialty: '建筑工程', school: '山东建筑大学', major: '土木工程', email: 'zhangsan@example.com' };
/** The same applicant registering in two specialties (a list that takes several). */
const ZHANG_TWO = { ...ZHANG, specialty: '建筑工程、市政公用工程' };
const SPECIALTIES: Array<[string, string]> = [['JZ', '建筑工程'], ['SZ', '市政公用工程'], ['JD', '机电工程']];

interface Variant {
  /** ms until the page's request answers; undefined: the choice loads and shows nothing. */
  delay?: number | undefined;
  codes: 'same' | 'reused' | 'new';
  /** How the page asks for the list: jQuery (counted in `jQuery.active`), or a plain fetch nothing else counts. */
  via?: 'fetch' | undefined;
  /** 申请注册专业 as a list that takes several: a combobox with `multiSelect`, or a checkbox list. */
  list?: 'multi-combo' | 'checklist' | undefined;
  /** At the preview the list already offers the specialties under other codes; the choice reloads it (cleared first). */
  stale?: true | undefined;
}

/** The list's options under the variant's codes: as at the preview, each reused for another choice, or new. */
const codesOf = (codes: Variant['codes']): Array<[string, string]> =>
  SPECIALTIES.map(([c, t], i) => [codes === 'same' ? c : codes === 'new' ? `n${i}` : (SPECIALTIES[(i + 1) % 3]?.[0] ?? c), t]);
const asData = (list: Array<[string, string]>) => JSON.stringify(list.map(([id, text]) => ({ id, text })));

/** The address the `fetch` variant's page asks (answered by the test after the variant's delay). */
const LIST_URL = 'http://124.128.226.254:8090/epoint-web-zwdt/rest/specialtylist';

function pageHtml(v: Variant): string {
  const load = `var zy = mini.get('B_ZY'); zy.setData(${asData(codesOf(v.codes))}); zy.setEnabled(true); document.getElementById('row_byyx').style.display = '';`;
  const request =
    v.delay === undefined
      ? ''
      : v.via === 'fetch'
        ? `fetch('${LIST_URL}').then(function (r) { return r.text(); }).then(function () { ${load} });`
        : `jQuery.active++; setTimeout(function () { jQuery.active--; ${load} }, ${v.delay});`;
  // A list the page reloads is cleared at once (加载中), as the portals' cascades do.
  const handler = (v.stale ? `mini.get('B_ZY').setData([]); ` : '') + request;
  const stale = v.stale ? ` data="${asData(SPECIALTIES.map(([, t], i) => [`old${i}`, t])).replaceAll('"', '&quot;')}"` : '';
  const zy =
    v.list === 'checklist'
      ? `<div id="B_ZY" name="B_ZY" class="mini-checkboxlist" textField="text" valueField="id"${v.stale ? stale : ' enabled="false"'}></div>`
      : `<input id="B_ZY" name="B_ZY" class="mini-combobox" textField="text" valueField="id" allowInput="false"${v.list === 'multi-combo' ? ' multiSelect="true"' : ''}${v.stale ? stale : ' enabled="false"'}>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>填写申报信息-济南市政务服务网</title>
<link rel="stylesheet" href="/epoint-web-zwdt/epointzwmhwz/css/zwdt.css">
<link rel="stylesheet" href="/epoint-web-zwdt/frame/fui/css/miniui.css">
<script src="/epoint-web-zwdt/frame/fui/js/miniui.js"></script>
<script>
  var xlData = [{ id: '14', text: '硕士研究生' }, { id: '21', text: '大学本科' }, { id: '31', text: '大学专科' }];
  // The page's jQuery, as far as the fill reads it: the count of its requests in flight.
  window.jQuery = function () {};
  jQuery.active = 0;
  function onXlChanged() { ${handler} }
</script></head>
<body><div class="container">
  <div class="crumbs"><span>首页</span><span>个人办事</span><span>二级建造师注册资格认定（初始注册）</span></div>
  <div class="block-title">完善基本信息</div>
  <table class="form-table" id="form1">
    <tr><td class="tdlabel">姓名：</td><td><input id="B_XM" name="B_XM" class="mini-textbox"></td></tr>
    <tr><td class="tdlabel">最高学历：</td><td><input id="B_XL" name="B_XL" class="mini-combobox" data="xlData" textField="text" valueField="id" allowInput="false" onvaluechanged="onXlChanged"></td></tr>
    <tr><td class="tdlabel">申请注册专业：</td><td>${zy}</td></tr>
    <tr id="row_byyx" style="display:none"><td class="tdlabel">毕业院校：</td><td><input id="B_BYYX" name="B_BYYX" class="mini-textbox"></td></tr>
    <tr><td class="tdlabel">所学专业：</td><td><input id="B_SXZY" name="B_SXZY" class="mini-textbox" enabled="false"></td></tr>
    <tr><td class="tdlabel">电子邮件：</td><td><input id="B_YX" name="B_YX" class="mini-textbox"></td></tr>
  </table>
</div></body></html>`;
}

describe('writes after an earlier choice on MiniUI pages', () => {
  let s: Session;
  /** An extension page kept open to make the variant's applicant the active one before its popup opens. */
  let bench: Page;
  /** The applicant's profile id: one specialty, or two (the variants with a list that takes several). */
  const ids = { one: '', two: '' };

  beforeAll(async () => {
    s = await launch();
    bench = await s.openExtensionPage('options.html');
    ids.one = (await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: ZHANG } })).id;
    ids.two = (await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: ZHANG_TWO } })).id;
  });
  afterAll(async () => {
    await s?.close();
  });

  async function fill(v: Variant, n: number): Promise<{ page: Page; items: Array<Record<string, string | null>>; results: Map<string, { outcome: string | null; reason: string | null }>; ok: number }> {
    const url = `http://124.128.226.254:8090/epoint-web-zwdt/epointzwmhwz/pages/onlinedeclaration/declarationinfo?projectguid=after-${n}&taskguid=after`;
    const page = await s.context.newPage();
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml(v) }));
    // The list's request answered after the variant's delay; meanwhile the page shows nothing new.
    await page.route(LIST_URL, async (route) => {
      await new Promise((go) => setTimeout(go, v.delay ?? 0));
      await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: '[]' }).catch(() => undefined);
    });
    await page.goto(url, { waitUntil: 'load' });
    await rulesIn(page);
    await sendFrom(bench, 'ui:active.set', { id: v.list ? ids.two : ids.one });
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-action="fill"]').click();
    await popup.locator('[data-jzs-fill-preview]').waitFor();
    const items = await popup.locator('[data-jzs-fill-item]').evaluateAll((els) =>
      els.map((e) => ({ key: e.getAttribute('data-key'), action: e.getAttribute('data-action'), reason: e.getAttribute('data-reason'), after: e.getAttribute('data-after') })),
    );
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    const box = popup.locator('[data-jzs-fill-results]');
    await box.waitFor();
    const listed = await box.locator('[data-jzs-fill-result]').evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-jzs-fill-result') ?? '', { outcome: e.getAttribute('data-outcome'), reason: e.getAttribute('data-reason') }] as const),
    );
    const ok = Number(await box.getAttribute('data-ok'));
    await popup.close();
    return { page, items, results: new Map(listed), ok };
  }

  /** What the page's own MiniUI model holds: the value and the text it shows. */
  const model = (page: Page, id: string) => page.evaluate((c) => {
    const ctl = (window as unknown as { mini: { get(id: string): { getValue(): unknown; getText(): string } } }).mini.get(c);
    return { value: String(ctl.getValue() ?? ''), text: ctl.getText() };
  }, id);

  const VARIANTS: Variant[] = [
    { delay: 0, codes: 'same' },
    { delay: 250, codes: 'reused' },
    // Longer than the quiet period: waited for because the page's request is still in flight.
    { delay: 900, codes: 'new' },
    // Through a plain fetch, longer than the quiet period: waited for because the fill counts the page's requests.
    { delay: 1500, codes: 'reused', via: 'fetch' },
    { delay: undefined, codes: 'same' },
  ];

  it.each(VARIANTS.map((v, n) => [n, v] as const))('variant %i: the list loaded, the row shown and the box left disabled are each said as they are', async (n, v) => {
    const { page, items, results, ok } = await fill(v, n);
    const item = (key: string) => items.find((i) => i.key === key);
    // The preview says which lines wait for the choice and how.
    expect(item('education')).toMatchObject({ action: 'fill', after: null });
    expect(item('specialty')).toMatchObject({ action: 'fill', after: 'options' });
    expect(item('school')).toMatchObject({ action: 'fill', after: 'shown' });
    expect(item('major')).toMatchObject({ action: 'fill', after: 'enabled' });
    // Disabled for good: said so, nothing written.
    expect(results.get('major')).toEqual({ outcome: 'refused', reason: 'still-disabled' });
    expect((await model(page, 'B_SXZY')).value).toBe('');
    expect(await model(page, 'B_XL')).toEqual({ value: '21', text: '大学本科' });
    if (v.delay === undefined) {
      expect(results.get('specialty')).toMatchObject({ outcome: 'refused' });
      expect(results.get('school')).toEqual({ outcome: 'refused', reason: 'still-hidden' });
      expect((await model(page, 'B_ZY')).value).toBe('');
      expect((await model(page, 'B_BYYX')).value).toBe('');
      expect(ok).toBe(3); // 姓名, 学历, 电子邮件
    } else {
      // Chosen by its name in the list the page loaded, whatever code it now has there.
      expect(results.has('specialty')).toBe(false);
      expect(await model(page, 'B_ZY')).toEqual({ value: v.codes === 'same' ? 'JZ' : v.codes === 'new' ? 'n0' : 'SZ', text: '建筑工程' });
      expect(results.has('school')).toBe(false);
      expect((await model(page, 'B_BYYX')).value).toBe('山东建筑大学');
      expect(ok).toBe(5);
    }
    await page.close();
  });
  const MULTI: Variant[] = [
    { list: 'multi-combo', delay: 0, codes: 'same' },
    { list: 'multi-combo', delay: 900, codes: 'reused' },
    { list: 'multi-combo', delay: 1500, codes: 'new', via: 'fetch' },
    { list: 'multi-combo', delay: 250, codes: 'reused', stale: true },
    { list: 'checklist', delay: 250, codes: 'new' },
    { list: 'checklist', delay: 900, codes: 'reused', stale: true },
    { list: 'checklist', delay: undefined, codes: 'same' },
  ];

  it.each(MULTI.map((v, n) => [n, v.list, v] as const))('list that takes several, variant %i (%s): both specialties chosen by name in the list the choice loads, else said', async (n, _list, v) => {
    const { page, items, results, ok } = await fill(v, 100 + n);
    const zy = items.find((i) => i.key === 'specialty');
    // A list with no options yet waits for the 学历 choice; one the preview saw loaded is planned as it was.
    expect(zy).toMatchObject({ action: 'fill', after: v.stale ? null : 'options' });
    expect(await model(page, 'B_XL')).toEqual({ value: '21', text: '大学本科' });
    if (v.delay === undefined) {
      expect(results.get('specialty')).toMatchObject({ outcome: 'refused' });
      expect((await model(page, 'B_ZY')).value).toBe('');
      expect(ok).toBe(3);
    } else {
      // Both, by name, under whatever codes the page loaded them (never the preview's codes, which the reload dropped).
      const codes = new Map(codesOf(v.codes).map(([c, t]) => [t, c]));
      const held = await model(page, 'B_ZY');
      expect(results.has('specialty')).toBe(false);
      expect(held.value.split(',').sort()).toEqual([codes.get('建筑工程'), codes.get('市政公用工程')].sort());
      expect(held.text.split(',').sort()).toEqual(['市政公用工程', '建筑工程'].sort());
      expect(ok).toBe(5);
    }
    await page.close();
  });
});
