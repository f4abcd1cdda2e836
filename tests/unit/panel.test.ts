import { describe, expect, it } from 'vitest';
import { laneIsFree, openLadder, pillSpot, PILL } from '../../src/content/dock';
import { initialState, reduce, reportOf } from '../../src/content/page-state';
import type { FrameReport, PageRules, TabView } from '../../src/messaging/protocol';
import { bundledPack } from '../../src/rules/bundled';
import { givenMaterials, uploadSeverity } from '../../src/rules/status';
import { checklistView } from '../../src/rules/view';
import { caseFrames, compareLists, findingsByFrame, givenOnTab, materialsNamedIn, primaryFrame, withFirst } from '../../src/ui/panel/tab-model';
import { casesOfDocuments, leadCase } from '../../src/cases/tab-documents';
import { bundledCaseStatusRules } from '../../src/rules/case-statuses';
import { readFixture } from '../helpers/replica-dom';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const pack = bundledPack();
const change = checklistView(pack, 'change', 'jinan-zwdt');
const initial = checklistView(pack, 'initial', 'jinan-zwdt');
const frame = (over: Partial<FrameReport>): FrameReport => ({ frameId: 0, doc: 'd', page: 'zwdt-declaration', findings: [], missing: [], mapped: 0, shown: [], readsTable: false, uploads: [], ...over });
const tab = (frames: FrameReport[]): TabView => ({ portal: 'jinan-zwdt', frames, conditions: [] });

describe('docking (pure)', () => {
  it('a side lane is free only when no control reaches into it, at any height', () => {
    const form = [box(100, 100, 800, 130), box(100, 2000, 900, 2030)];
    expect(laneIsFree('right', 1280, form)).toBe(true);
    expect(laneIsFree('right', 1200, form)).toBe(false); // the control far below the fold reaches the lane
    expect(laneIsFree('left', 1280, form)).toBe(false);
    expect(laneIsFree('left', 1280, [box(400, 0, 900, 10)])).toBe(true);
  });

  it('a page wider than the window scrolls under a fixed panel: what lies past its edge, or within the lane at the farthest scroll, is under it', () => {
    // A table reaching past the right edge (a fixed-width layout in a narrow window, or a page shifted left).
    const wide = [box(400, 100, 1500, 130)];
    expect(laneIsFree('right', 1280, [box(1300, 100, 1500, 130)])).toBe(false);
    expect(laneIsFree('left', 1280, wide)).toBe(true);
    // Scrolled 220 px to the right, the left lane covers page x 220–568: the table's start is under it.
    expect(laneIsFree('left', 1280, wide, 220)).toBe(false);
    expect(laneIsFree('left', 1280, [box(600, 100, 1500, 130)], 220)).toBe(true);
  });

  it('tries the remembered side first, then the other, then shifting the page, then above the page', () => {
    expect(openLadder('left').map((d) => d.mode + ('side' in d ? `-${d.side}` : ''))).toEqual(['beside-left', 'beside-right', 'shift-left', 'top']);
  });

  it('puts the pill where no control is, or nowhere', () => {
    const vp = { width: 1000, height: 600, scrollX: 0, scrollY: 0 };
    const spot = pillSpot(vp, [box(0, 0, 1000, 100)], 'right');
    expect(spot?.top).toBeGreaterThanOrEqual(100);
    expect(spot!.left + PILL.width).toBeLessThanOrEqual(1000);
    expect(pillSpot(vp, [box(0, 0, 1000, 600)], 'right')).toBeUndefined();
    // Scrolled: the spot is in the screen the user sees.
    expect(pillSpot({ ...vp, scrollY: 3000 }, [], 'left')).toEqual({ left: 8, top: 3008 });
  });
});

describe('page state (pure reducer) and its report', () => {
  const rules = { page: { id: 'zwdt-declaration', nameZh: '', nameEn: '' }, checklist: initial } as unknown as PageRules;
  it('forgets what it knew of the previous page, keeps the situations, and reports only page facts', () => {
    let s = reduce(initialState, { type: 'detected', detection: { portal: 'jinan-zwdt', page: 'zwdt-declaration', business: 'initial', level: 'page', confidence: 1 } });
    s = reduce(s, { type: 'conditions', conditions: ['retired'] });
    s = reduce(s, { type: 'rules', rules });
    s = reduce(s, { type: 'page', rows: [{ name: '身份证', hasFile: true }, { name: '学历证书', hasFile: false }] });
    s = reduce(s, { type: 'upload', upload: { material: 'id-card', severity: 'error', message: 'x' } });
    const r = reportOf(s, 'doc1');
    expect(r).toMatchObject({ doc: 'doc1', page: 'zwdt-declaration', business: 'initial', shown: ['id-card'], readsTable: true, portalMaterials: ['身份证', '学历证书'] });
    expect(r.uploads).toHaveLength(1);
    expect(r.level).toBe('page');
    // Only the family recognised: the panel is told so (it says the hints follow the fields found).
    const family = reduce(s, { type: 'detected', detection: { portal: 'jinan-zwdt', page: 'zwdt-declaration', level: 'family', confidence: 0.6 } });
    expect(reportOf(family, 'doc1').level).toBe('family');
    expect(reportOf(initialState, 'doc1')).not.toHaveProperty('level');
    const next = reduce(s, { type: 'detected', detection: { portal: 'jinan-zwdt', page: 'zwdt-declaration', business: 'change', level: 'page', confidence: 1 } });
    expect(next.rules).toBeUndefined();
    expect(next.uploads).toEqual([]);
    expect([...next.conditions]).toEqual(['retired']);
    expect(reduce(next, { type: 'detected', detection: next.detection })).toBe(next);
  });

  it('reports a 办件 page\'s text hash (the panel reads the 办件 when it changes), and nothing of the kind elsewhere', () => {
    let s = reduce(initialState, { type: 'detected', detection: { portal: 'jinan-zwdt', page: 'zwdt-application-detail', level: 'page', confidence: 1 } });
    expect(reportOf(s, 'd')).not.toHaveProperty('cases');
    s = reduce(s, { type: 'page', rows: [], cases: 12345 });
    expect(reportOf(s, 'd').cases).toBe(12345);
    // Hash 0 is a hash, not "no 办件 page".
    expect(reportOf(reduce(s, { type: 'page', rows: [], cases: 0 }), 'd').cases).toBe(0);
    expect(reportOf(reduce(s, { type: 'page', rows: [] }), 'd')).not.toHaveProperty('cases');
    // Another page: what was known of the old one goes.
    expect(reduce(s, { type: 'detected', detection: { portal: 'jinan-zwdt', page: 'zwdt-home', level: 'page', confidence: 1 } }).cases).toBeUndefined();
  });
});

describe('the tab\'s 办件, read in the panel frame', () => {
  const labels = bundledCaseStatusRules().labels;
  const detail = readFixture('jinan-zwdt/application-detail.html');
  const plain = '<!DOCTYPE html><html><body><h1>填写申报信息</h1><table><tr><th>材料名称</th><th>状态</th></tr></table></body></html>';

  it('reads only the frames whose page can show 办件, each frame its own', () => {
    const view = tab([frame({ page: 'zwdt-home' }), frame({ frameId: 3, page: 'zwdt-application-detail', cases: 7 }), frame({ frameId: 4, page: null, cases: 1 })]);
    expect(caseFrames(view).map((f) => f.frameId)).toEqual([3]);
    expect(caseFrames(undefined)).toEqual([]);
    const byFrame = casesOfDocuments([
      { frameId: 3, url: 'http://124.128.226.254:8090/epoint-web-zwdt/epointzwmhwz/pages/myspace/detail?projectguid=6f2d9a41-0b3e-4c8d-b7a2-91e5c3d0f7aa', html: detail },
      { frameId: 5, url: 'http://124.128.226.254:8090/x', html: plain },
    ], labels);
    expect(byFrame.get(3)?.map((c) => [c.statusText, c.ref])).toEqual([['待补正', '6f2d9a41-0b3e-4c8d-b7a2-91e5c3d0f7aa']]);
    expect(byFrame.get(5)).toEqual([]);
  });

  it('a page is about its one 办件, or on a list about the one with a 补正意见; else about none', () => {
    const row = (statusText: string, correction?: string) => ({ statusText, ...(correction ? { correction } : {}) });
    expect(leadCase([row('审核中')])?.statusText).toBe('审核中');
    expect(leadCase([row('审核中'), row('待补正', '请补传'), row('已办结')])?.statusText).toBe('待补正');
    expect(leadCase([row('审核中'), row('已办结')])).toBeUndefined();
    expect(leadCase([])).toBeUndefined();
  });

  it('a frame whose page can show 办件 leads the panel when no frame names a business', () => {
    const menu = tab([frame({ page: 'province-orgindex' }), frame({ frameId: 5, page: 'zwdt-my-applications', cases: 3 })]);
    expect(primaryFrame(menu)?.frameId).toBe(5);
  });
});

describe('material status honesty (13.3)', () => {
  it('sourced limits, the one-PDF rule and unreadable files block; expected formats are advice', () => {
    expect(uploadSeverity(['upload.tooLarge'], { accept: ['pdf'], maxBytes: 2 })).toBe('error');
    expect(uploadSeverity(['upload.pdfBroken'], { accept: ['pdf', 'jpg'] })).toBe('error');
    expect(uploadSeverity(['upload.pdfEncrypted'], { accept: ['pdf'] })).toBe('error');
    expect(uploadSeverity(['upload.type'], { accept: ['pdf', 'jpg', 'png'] })).toBe('warning');
    expect(uploadSeverity(['upload.type'], { accept: ['pdf'], single: true })).toBe('error');
    expect(uploadSeverity([], { accept: ['pdf'] })).toBe('ok');
  });
  it('a material is given when the page shows a file and no blocking error of ours is on it, in any frame', () => {
    expect([...givenMaterials(['a', 'b', 'c'], [{ material: 'a', severity: 'error' }, { material: 'b', severity: 'warning' }])]).toEqual(['b', 'c']);
    const view = tab([frame({ shown: ['id-card'] }), frame({ frameId: 3, page: 'zwdt-eform', uploads: [{ material: 'id-card', severity: 'error', message: '' }] })]);
    expect(givenOnTab(view).has('id-card')).toBe(false);
  });
});

describe('the tab as the panel shows it', () => {
  it('leads with the top page when it names a business, else the content frame (provincial menu page)', () => {
    expect(primaryFrame(tab([frame({ business: 'initial' }), frame({ frameId: 2, page: 'zwdt-eform', business: 'initial' })]))?.frameId).toBe(0);
    const menu = tab([frame({ page: 'province-orgindex' }), frame({ frameId: 5, page: 'province-declaration', business: 'renewal', mapped: 8 })]);
    expect(primaryFrame(menu)?.page).toBe('province-declaration');
    const info = tab([frame({ page: 'province-orgindex' }), frame({ frameId: 5, page: 'province-basic-info', mapped: 8 })]);
    expect(primaryFrame(info)?.page).toBe('province-basic-info');
  });

  it('lists problems per frame, errors first', () => {
    const warn = { key: 'mobile' as const, name: '手机', severity: 'warning' as const, message: 'w' };
    const err = { key: 'idNumber' as const, name: '身份证号', severity: 'error' as const, message: 'e' };
    const groups = findingsByFrame(tab([frame({}), frame({ frameId: 4, page: 'zwdt-eform', findings: [warn, err] })]));
    expect(groups.map((g) => g.frame.frameId)).toEqual([4]);
    expect(groups[0]!.findings.map((f) => f.severity)).toEqual(['error', 'warning']);
  });

  it('a frame whose validators did not load is listed as not checked, and its summary reaches the panel', () => {
    let s = reduce(initialState, { type: 'detected', detection: { portal: 'jinan-zwdt', page: 'zwdt-eform', level: 'page', confidence: 1 } });
    s = reduce(s, { type: 'summary', summary: { items: [], missing: [], mapped: 6, unchecked: true } });
    const report = reportOf(s, 'doc1');
    expect(report).toMatchObject({ mapped: 6, unchecked: true, findings: [] });
    expect(reportOf(reduce(s, { type: 'summary', summary: { items: [], missing: [], mapped: 6 } }), 'doc1')).not.toHaveProperty('unchecked');
    const groups = findingsByFrame(tab([frame({ mapped: 3 }), { ...frame({ frameId: 4 }), ...report }]));
    expect(groups.map((g) => [g.frame.frameId, g.frame.unchecked])).toEqual([[4, true]]);
  });

  it('puts the materials a 补正意见 names first, in the order it names them', () => {
    const named = materialsNamedIn('解聘证明日期早于注册证书签发日期，请核实后重新上传解聘证明。', change.items);
    expect(named.map((i) => i.id)).toEqual(['dismissal-certificate', 'registration-certificate']);
    expect(withFirst(change, named).items.slice(0, 2).map((i) => i.id)).toEqual(['dismissal-certificate', 'registration-certificate']);
    expect(materialsNamedIn('请补充材料。', change.items)).toEqual([]);
  });

  it('names a material only as whole words, not someone else’s nor another document made of it', () => {
    const infoChange = checklistView(pack, 'info-change', 'jinan-zwdt');
    const ids = (text: string, items = change.items) => materialsNamedIn(text, items).map((i) => i.id);
    // 身份证明 is 身份/证明: a proof of identity, not the 身份证原件 (info-change has no such alias).
    expect(ids('请补充身份证明。', infoChange.items)).toEqual([]);
    expect(ids('法定代表人身份证不清晰，请补充劳动合同解除证明。')).toEqual([]);
    expect(ids('身份证复印件不清晰，劳动合同未签字。')).toEqual(['id-card', 'labor-contract']);
    expect(ids('申请表中单位名称与营业执照不一致。')).toEqual(['application-form', 'business-license']);
  });

  it('compares the portal’s own material list with ours', () => {
    const diff = compareLists(['二级建造师注册申请表', '学历证书', '身份证', '劳动合同', '诚信证明（社保缴纳证明）', '本人持身份证有声视频', '某新增材料'], initial, (i) => i.requirement === 'required');
    expect(diff.portalOnly).toEqual(['某新增材料']);
    expect(diff.oursOnly).toEqual([]);
    expect(compareLists(['学历证书'], initial, (i) => i.requirement === 'required').oursOnly.map((i) => i.id)).toContain('id-card');
  });
});

