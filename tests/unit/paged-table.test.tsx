/**
 * A material table that shows one page of several (第1页/共3页): the page reports it, and the panel says the
 * list is paged and does not call the materials it does not list 待准备 (review; the reading itself is proven on
 * generated tables in reading-corpus.test.ts).
 */
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { initialState, reduce, reportOf } from '../../src/content/page-state';
import type { FrameReport, PageRules, TabView } from '../../src/messaging/protocol';
import { readMaterialTables } from '../../src/portals/material-table';
import { bundledPack } from '../../src/rules/bundled';
import { checklistView } from '../../src/rules/view';
import { ChecklistList } from '../../src/ui/components/ChecklistList';
import { unlistedOnPagedTable } from '../../src/ui/panel/tab-model';

const initial = checklistView(bundledPack(), 'initial', 'jinan-zwdt');
const frame = (over: Partial<FrameReport>): FrameReport => ({ frameId: 0, doc: 'd', page: 'zwdt-declaration', findings: [], missing: [], mapped: 0, shown: [], readsTable: true, uploads: [], ...over });
const tab = (frames: FrameReport[]): TabView => ({ portal: 'jinan-zwdt', frames, conditions: [] });
const doc = (body: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
const table = (pager: string) =>
  doc(`<table><tr><th>材料名称</th><th>状态</th></tr><tr><td>身份证</td><td>已上传</td></tr><tr><td>学历证书</td><td>未上传</td></tr></table><div class="pager">${pager}</div>`);

describe('a paged material table', () => {
  it('is read as paged only when its pager says there are more pages or rows', () => {
    for (const pager of ['第1页/共3页', '共 12 条 第 1/2 页', '首页 上一页 1 2 3 下一页 尾页', '每页 2 条，共 7 条']) {
      expect(readMaterialTables(table(pager)).map((r) => r.paged), pager).toEqual([true, true]);
    }
    for (const pager of ['', '共 2 条 第 1/1 页', '注：劳动合同须上传全部页（共3页）。']) {
      expect(readMaterialTables(table(pager)).map((r) => r.paged), pager).toEqual([undefined, undefined]);
    }
  });

  it('is reported by the frame, and the materials it does not list are unread, not missing', () => {
    const rules = { page: { id: 'zwdt-declaration', nameZh: '', nameEn: '' }, checklist: initial } as unknown as PageRules; // why: a partial rules answer is enough for the reducer
    let s = reduce(initialState, { type: 'detected', detection: { portal: 'jinan-zwdt', page: 'zwdt-declaration', business: 'initial', level: 'page', confidence: 1 } });
    s = reduce(s, { type: 'rules', rules });
    s = reduce(s, { type: 'page', rows: readMaterialTables(table('第1页/共3页')) });
    const report = reportOf(s, 'doc1');
    expect(report.pagedTable).toBe(true);
    const unlisted = unlistedOnPagedTable(tab([frame({ ...report, frameId: 0 })]), initial.items);
    expect(unlisted.has('id-card')).toBe(false);
    expect(unlisted.has('education-certificate')).toBe(false);
    expect(unlisted.has('labor-contract')).toBe(true);
    // Not paged: nothing is unread.
    expect(unlistedOnPagedTable(tab([frame({ ...report, pagedTable: undefined })]), initial.items).size).toBe(0);

    const { container } = render(<ChecklistList view={initial} active={new Set()} done={new Set(report.shown)} notes="folded" unlisted={unlisted} />);
    const item = (id: string) => container.querySelector(`[data-jzs-material="${id}"]`);
    expect(item('id-card')?.getAttribute('data-status')).toBe('done');
    // Listed and not given: missing, as the page says.
    expect(item('education-certificate')?.hasAttribute('data-jzs-unread')).toBe(false);
    expect(item('education-certificate')?.querySelector('.status-text')?.textContent).toBe('待准备');
    // Not on this page: still not done (contract), but not called 待准备.
    expect(item('labor-contract')?.getAttribute('data-status')).toBe('missing');
    expect(item('labor-contract')?.hasAttribute('data-jzs-unread')).toBe(true);
    expect(item('labor-contract')?.querySelector('.status-text')?.textContent).toContain('本页未列出');
  });
});
