/**
 * The markup the background takes of a portal frame for the 办件 reader (src/cases/document-markup.ts): a
 * detail page drawn as a read-only form whose values the page's script set (properties, not attributes) gives
 * its 办件 — `outerHTML` alone gave none —, the page's own DOM is left as it was, and a password never leaves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { documentMarkup } from '../../src/cases/document-markup';
import { getPortalCases } from '../../src/cases/portal-status';
import { bundledCaseStatusRules } from '../../src/rules/case-statuses';

const labels = bundledCaseStatusRules().labels;
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A 办件详情 drawn as a read-only form, empty as served; the page's script then sets each box's value. */
const FORM = `<div class="crumbs">首页 &gt; 办件详情</div><table class="form-table">
<tr><th>办件编号</th><td><input id="serial" readonly></td><th>事项名称</th><td><input id="title" class="mini-textbox-input" readonly></td></tr>
<tr><th>办件状态</th><td><select id="status" disabled><option value="24">审核中</option><option value="28">待补正</option></select></td><th>申请时间</th><td><input id="applied" disabled></td></tr>
<tr><th>补正意见</th><td colspan="3"><textarea id="opinion" readonly></textarea></td></tr>
<tr><th>登录密码</th><td><input id="pw" type="password"></td></tr></table>`;

function fillAsThePageDoes(): void {
  const box = (id: string) => document.getElementById(id);
  const set = (id: string, v: string) => {
    const el = box(id);
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) el.value = v;
  };
  set('serial', '370100202611030087');
  set('title', '二级建造师注册资格认定（变更注册）');
  set('status', '28');
  set('applied', '2026-11-03 15:10');
  set('opinion', '劳动合同页码不全，请上传完整扫描件。');
  set('pw', 'secret-123');
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('documentMarkup: a frame as it shows now', () => {
  it('gives the 办件 of a read-only form whose values a script set — outerHTML gave none', () => {
    document.body.innerHTML = FORM;
    fillAsThePageDoes();
    expect(getPortalCases(parse(document.documentElement.outerHTML), labels)).toEqual([]);
    const [c, ...more] = getPortalCases(parse(documentMarkup().html), labels);
    expect(more).toEqual([]);
    expect([c?.serial, c?.business, c?.statusText, c?.appliedOn, c?.correction]).toEqual(['370100202611030087', 'change', '待补正', '2026-11-03', '劳动合同页码不全，请上传完整扫描件。']);
  });

  it("leaves the page's DOM as it was and never copies a password", () => {
    document.body.innerHTML = FORM;
    fillAsThePageDoes();
    const before = document.documentElement.outerHTML;
    const { html, url } = documentMarkup();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(url).toBe(location.href);
    expect(html).not.toContain('secret-123');
  });

  it('carries ticks and choices as they are now', () => {
    document.body.innerHTML = '<input type="checkbox" id="a" checked><input type="radio" id="b"><select id="s"><option>甲</option><option>乙</option></select>';
    const a = document.getElementById('a');
    const b = document.getElementById('b');
    const s = document.getElementById('s');
    if (a instanceof HTMLInputElement) a.checked = false;
    if (b instanceof HTMLInputElement) b.checked = true;
    if (s instanceof HTMLSelectElement) s.selectedIndex = 1;
    const copy = parse(documentMarkup().html);
    expect(copy.querySelector('#a')?.hasAttribute('checked')).toBe(false);
    expect(copy.querySelector('#b')?.hasAttribute('checked')).toBe(true);
    expect(copy.querySelector('#s option[selected]')?.textContent).toBe('乙');
  });
});
