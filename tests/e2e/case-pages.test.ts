/**
 * 办件 pages drawn in ways our replicas are not, read in real Chromium through the background's markup of the
 * frame (tabs-api.ts `portalDocuments`, src/cases/document-markup.ts). Served at the real 办件详情 address by a
 * page route (it takes precedence over the harness's context route, which still aborts everything else).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { panelFrame, sendFrom } from './harness';
import { browserPerFile } from './per-file';

const DETAIL = 'http://124.128.226.254:8090/epoint-web-zwdt/epointzwmhwz/pages/myspace/detail?projectguid=ro-form-1&tabtype=1';

/** A 办件详情 drawn as a read-only form, empty as served: the page's script sets each box's value (a property, not in outerHTML). */
const READ_ONLY_FORM = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>办件详情</title></head><body>
<div class="crumbs">首页 &gt; 我的空间 &gt; 办件详情</div>
<table class="form-table">
<tr><th>办件编号</th><td><input id="serial" readonly></td><th>事项名称</th><td><input id="title" readonly></td></tr>
<tr><th>办件状态</th><td><input id="status" disabled></td><th>申请时间</th><td><input id="applied" readonly></td></tr>
<tr><th>补正意见</th><td colspan="3"><textarea id="opinion" readonly></textarea></td></tr>
</table>
<script>
  const set = (id, v) => { document.getElementById(id).value = v; };
  set('serial', '370100202612010042');
  set('title', '二级建造师注册资格认定（变更注册）');
  set('status', '待补正');
  set('applied', '2026-12-01 10:05');
  set('opinion', '劳动合同页码不全，请上传完整扫描件。');
</script></body></html>`;

/** The same form filled by the page's request after load, its loading mask (no text) then taken away. */
const FILLED_LATER = READ_ONLY_FORM.replace('<script>', '<div class="mask"><i class="spinner"></i></div><script>').replace(
  /<script>([\s\S]*)<\/script>/,
  (_m, body: string) => `<script>setTimeout(() => { ${body.replace('370100202612010042', '370100202612010043')}; document.querySelector('.mask').remove(); }, 1200);</script>`,
);

describe('a 办件详情 whose values are read-only boxes a script filled', () => {
  const s = browserPerFile();
  let caseId = '';
  beforeAll(async () => {
    const bench = await s.openExtensionPage('options.html');
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '张三' } } });
    const c = await sendFrom<{ id: string; revision: number }>(bench, 'ui:cases.create', { profileId: p.id, business: 'change' });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: c.id, revision: c.revision }], patch: { status: 'in-review' } });
    await sendFrom(bench, 'ui:active.set', { id: p.id });
    caseId = c.id;
    await bench.close();
  });

  it('offers its 待补正 with the 补正意见 in the popup (the markup alone showed empty boxes: no 办件)', async () => {
    const portal = await s.context.newPage();
    await portal.route(DETAIL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: READ_ONLY_FORM }));
    await portal.goto(DETAIL, { waitUntil: 'load' });
    expect(await portal.locator('#status').getAttribute('value')).toBeNull(); // the value is the box's property only
    const popup = await s.openExtensionPage('popup.html');
    const offer = popup.locator(`[data-jzs-case-offer="${caseId}"]`);
    await offer.waitFor();
    expect(await offer.getAttribute('data-to')).toBe('needs-correction');
    await offer.locator('[data-jzs-action="update-case"]').click();
    await popup.locator(`[data-jzs-case-updated="${caseId}"]`).waitFor();
    const [stored] = await sendFrom<Array<{ status: string; correction?: { text: string }; portal?: { serial?: string } }>>(popup, 'ui:cases.get', { ids: [caseId] });
    expect([stored?.status, stored?.portal?.serial, stored?.correction?.text]).toEqual(['needs-correction', '370100202612010042', '劳动合同页码不全，请上传完整扫描件。']);
    // The page's own DOM was not changed by the reading.
    expect(await portal.locator('#status').getAttribute('value')).toBeNull();
    expect(s.requests.filter((r) => r.outcome === 'aborted')).toEqual([]);
    await popup.close();
    await portal.close();
  });

  it('offers it in the on-page panel too when the page fills the boxes after load', async () => {
    // A second applicant with a 变更 case under review, made the current one: the page's 待补正 is news to them.
    const bench = await s.openExtensionPage('options.html');
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '李四' } } });
    const c = await sendFrom<{ id: string; revision: number }>(bench, 'ui:cases.create', { profileId: p.id, business: 'change' });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: c.id, revision: c.revision }], patch: { status: 'in-review' } });
    await sendFrom(bench, 'ui:active.set', { id: p.id });
    await bench.close();
    caseId = c.id;
    const portal = await s.context.newPage();
    await portal.route(DETAIL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: FILLED_LATER }));
    await portal.goto(DETAIL, { waitUntil: 'load' });
    expect(await portal.locator('[data-jzs-overlay]').getAttribute('data-page')).toBe('zwdt-application-detail');
    const panel = await panelFrame(portal);
    const offer = panel.locator(`[data-jzs-case-offer="${caseId}"]`);
    await offer.waitFor();
    expect(await offer.getAttribute('data-to')).toBe('needs-correction');
    expect(s.requests.filter((r) => r.outcome === 'aborted')).toEqual([]);
    await portal.close();
  });
});
