import { describe, expect, it } from 'vitest';
import { getPortalCases, type PortalCase } from '../../src/cases/portal-status';
import { mapPortalStatus } from '../../src/cases/status-map';
import { portalOutcome } from '../../src/cases/offer';
import type { Case } from '../../src/cases/schema';
import { bundledPack } from '../../src/rules/bundled';
import { bundledCaseStatusRules, CaseStatusRules } from '../../src/rules/case-statuses';
import { REPLICAS } from '../fixtures/replicas';
import { readFixture, replicaDocument, replicaWithScripts } from '../helpers/replica-dom';
import { rng } from '../helpers/rng';

const rules = bundledCaseStatusRules();
const labels = rules.labels;

const html = (body: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');


const ROWS = [
  { serial: '370100202611180012', title: '二级建造师注册资格认定（初始注册）', applied: '2026-11-18 09:32', status: '审核中', code: 24, guid: 'g-1' },
  { serial: '370100202611030087', title: '二级建造师注册资格认定（变更注册）', applied: '2026/11/3 15:10', status: '待补正', code: 28, guid: 'g-2' },
  { serial: '', title: '二级建造师注册资格认定（增项注册）', applied: '2026年11月20日', status: '待提交', code: 10, guid: 'g-3' },
];

/** 我的申请 grids in layouts we have not seen: columns shuffled, synonyms, split header/body tables, th or td. */
function mutatedGrid(seed: number): { doc: Document; withCodes: boolean } {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const cols = [
    { h: pick(['申报流水号', '流水号', '办件编号']), v: (x: (typeof ROWS)[number]) => x.serial },
    { h: pick(['事项名称', '办件名称', '申报事项']), v: (x: (typeof ROWS)[number]) => x.title },
    { h: pick(['申请时间', '申报时间', '提交时间']), v: (x: (typeof ROWS)[number]) => x.applied },
    { h: pick(['办件状态', '状态', '办理状态', '当前状态：']), v: (x: (typeof ROWS)[number]) => x.status, status: true },
    { h: '操作', v: (x: (typeof ROWS)[number]) => `<a href="/x/detail?tabtype=1&projectguid=${x.guid}">详情</a>` },
  ].sort(() => r() - 0.5);
  const withCodes = r() < 0.5;
  const cell = (c: (typeof cols)[number], x: (typeof ROWS)[number]) =>
    `<td><div class="c${Math.floor(r() * 99)}">${c.status && withCodes ? `<em zt="${x.code}">${c.v(x)}</em>` : c.v(x)}</div></td>`;
  const head = `<tr>${cols.map((c) => (r() < 0.5 ? `<th>${c.h}</th>` : `<td><span> ${c.h} </span></td>`)).join('')}</tr>`;
  const body = ROWS.map((x) => `<tr>${cols.map((c) => cell(c, x)).join('')}</tr>`).join('');
  const split = r() < 0.5;
  const grid = split
    ? `<div class="g${seed}"><div class="h"><table>${head}</table></div><div class="b"><div><table>${body}</table></div></div></div>`
    : `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
  return { doc: html(`<div class="top"><span>我的申请</span></div>${grid}<div>共 3 件</div>`), withCodes };
}

describe('getPortalCases: 我的申请', () => {
  it('reads every row of the replica 我的申请 page as rendered: title, business, status text and code, date, id', () => {
    const rows = getPortalCases(replicaWithScripts('jinan-zwdt/my-applications.html'), labels);
    expect(rows.map((r) => [r.serial, r.business, r.statusText, r.statusCode, r.appliedOn])).toEqual([
      ['370100202611180012', 'initial', '审核中', 24, '2026-11-18'],
      ['370100202611030087', 'change', '待补正', 28, '2026-11-03'],
      ['370100202610210044', 'renewal', '已办结', 90, '2026-10-21'],
      [undefined, 'add-specialty', '待提交', 10, '2026-11-20'],
      ['370100202609300011', undefined, '不予受理', 97, '2026-09-30'],
    ]);
    expect(rows[1]!.ref).toBe('6f2d9a41-0b3e-4c8d-b7a2-91e5c3d0f7aa');
  });

  it('reads 40 generated grid layouts (fixed seed) the same way', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { doc, withCodes } = mutatedGrid(seed);
      const rows = getPortalCases(doc, labels);
      const expected: Array<Partial<PortalCase>> = ROWS.map((x) => ({
        serial: x.serial || undefined,
        statusText: x.status,
        statusCode: withCodes ? x.code : undefined,
        ref: x.guid,
      }));
      expect(rows.map((r) => ({ serial: r.serial, statusText: r.statusText, statusCode: r.statusCode, ref: r.ref })), `seed ${seed}`).toEqual(expected);
      expect(rows.map((r) => r.business), `seed ${seed}`).toEqual(['initial', 'change', 'add-specialty']);
      expect(rows.map((r) => r.appliedOn), `seed ${seed}`).toEqual(['2026-11-18', '2026-11-03', '2026-11-20']);
    }
  });

  it('finds 办件 on the replica of every page whose definition says it can show them (`cases`), and on no other', () => {
    // The panel reads 办件 only on pages so defined (rule data): a page that shows them without the flag would
    // lose its 补正意见 and case-update offer, a flag on a page that never shows them costs a read for nothing.
    const showsCases = new Set(bundledPack().pages.filter((p) => p.cases).map((p) => p.id));
    expect(showsCases.size).toBeGreaterThan(0);
    // With the status words the popup and panel pass (a badge with no label is read with them).
    const words = rules.groups.flatMap((g) => g.texts);
    for (const r of REPLICAS) {
      // As served, with the grids drawn, and (pages whose rows a script of their own draws) as their scripts leave it.
      const docs = [replicaDocument(r, 'source'), replicaDocument(r, 'rendered')];
      if (showsCases.has(r.page ?? '')) {
        docs.push(replicaWithScripts(r.file));
        expect(Math.max(...docs.map((d) => getPortalCases(d, labels, undefined, words).length)), r.name).toBeGreaterThan(0);
      } else for (const d of docs) expect(getPortalCases(d, labels, undefined, words), r.name).toEqual([]);
    }
  });
});

describe('getPortalCases: 办件详情', () => {
  it('reads status, 补正意见 and the application id of the replica detail page', () => {
    const doc = html(readFixture('jinan-zwdt/application-detail.html'));
    const [one, ...rest] = getPortalCases(doc, labels, 'http://124.128.226.254:8090/epoint-web-zwdt/epointzwmhwz/pages/myspace/detail?projectguid=6f2d9a41-0b3e-4c8d-b7a2-91e5c3d0f7aa&tabtype=1');
    expect(rest).toEqual([]);
    expect(one).toMatchObject({
      serial: '370100202611030087',
      business: 'change',
      statusText: '待补正',
      appliedOn: '2026-11-03',
      ref: '6f2d9a41-0b3e-4c8d-b7a2-91e5c3d0f7aa',
      correction: '解聘证明日期早于注册证书签发日期，请核实后重新上传解聘证明。',
    });
  });

  it('reads a detail page written differently: th labels, colons, a deadline, the opinion in a table row', () => {
    const doc = html(`
      <h3>办件基本信息</h3>
      <table><tr><th>办件编号：</th><td>370100202612010001</td><th>当前状态：</th><td><b>待补正</b></td></tr>
      <tr><th>事项</th><td colspan="3">二级建造师注册资格认定(延续注册)</td></tr>
      <tr><th>申报时间</th><td>2026年12月1日</td><th>补正期限</th><td>2026-12-16 17:00</td></tr>
      <tr><th>补正内容</th><td colspan="3">劳动合同页码不全。</td></tr></table>`);
    expect(getPortalCases(doc, labels)).toEqual([
      {
        serial: '370100202612010001',
        title: '二级建造师注册资格认定(延续注册)',
        business: 'renewal',
        statusText: '待补正',
        statusCode: undefined,
        appliedOn: '2026-12-01',
        ref: undefined,
        correction: '劳动合同页码不全。',
        correctionDeadline: '2026-12-16',
      },
    ]);
  });

  it('reads a detail page in one pass over its elements (the panel reads it again on every change of the page)', () => {
    // Before, every label group (status, title, serial, date, deadline, opinion) walked the whole page again.
    const doc = html(readFixture('jinan-zwdt/application-detail.html'));
    const walk = doc.body.querySelectorAll.bind(doc.body);
    let passes = 0;
    doc.body.querySelectorAll = ((sel: string) => ((passes += sel === '*' ? 1 : 0), walk(sel))) as typeof doc.body.querySelectorAll;
    expect(getPortalCases(doc, labels)[0]?.statusText).toBe('待补正');
    expect(passes).toBe(1);
  });
});

describe('getPortalCases: pages worded and laid out as other deployments do', () => {
  const info = (opinion: string, status = '待补正') =>
    html(`<ul class="info"><li>办件编号：370100202612010001</li><li>事项名称：二级建造师注册资格认定（变更注册）</li><li>办件状态：${status}</li>${opinion}</ul>`);

  it('reads a 补正意见 whose label has a count or a space instead of a colon', () => {
    expect(getPortalCases(info('<li>补正内容（1）劳动合同页码不全。</li>'), labels)[0]?.correction).toBe('劳动合同页码不全。');
    expect(getPortalCases(info('<li>补正意见 请补充社保缴纳证明。</li>'), labels)[0]?.correction).toBe('请补充社保缴纳证明。');
    const block = html(`<table><tr><th>办件编号</th><td>370100202612010001</td><th>办件状态</th><td>待补正</td></tr><tr><th>事项名称</th><td colspan="3">二级建造师注册资格认定（变更注册）</td></tr></table>
      <div class="block-title">补正原因（1）</div><div class="content">身份证复印件不清晰。</div>`);
    expect(getPortalCases(block, labels)[0]?.correction).toBe('身份证复印件不清晰。');
  });

  it("reads a reviewer's 审核意见 as the 补正意见 only on a case waiting for 补正", () => {
    expect(getPortalCases(info('<li>审核意见 请补充劳动合同。</li>'), labels)[0]?.correction).toBe('请补充劳动合同。');
    expect(getPortalCases(info('<li>审核意见：同意</li>', '审核中'), labels)[0]).toMatchObject({ statusText: '审核中', correction: undefined });
    // A 补正 label wins over the reviewer's words.
    expect(getPortalCases(info('<li>审核意见：见补正意见</li><li>补正意见：请补充劳动合同。</li>'), labels)[0]?.correction).toBe('请补充劳动合同。');
  });

  it('reads a status drawn as an icon with a title or beside an action, in a grid with columns it does not read', () => {
    const doc = html(`<table><thead><tr><th>序号</th><th>申请人</th><th>流水号</th><th>事项名称</th><th>受理部门</th><th>状态</th></tr></thead>
      <tbody><tr><td>1</td><td>张三</td><td>370100202612010001</td><td>二级建造师注册资格认定（变更注册）</td><td>济南市住建局</td><td><i class="icon" title="待补正"></i></td></tr></tbody></table>`);
    expect(getPortalCases(doc, labels).map((c) => [c.serial, c.statusText])).toEqual([['370100202612010001', '待补正']]);
    // An action beside the status is not part of it; a status written as a link is read.
    const actions = html(`<table><tr><th>流水号</th><th>事项名称</th><th>状态</th></tr>
      <tr><td>370100202612010001</td><td>二级建造师注册资格认定（变更注册）</td><td>待补正<br><a href="#">查看补正意见</a></td></tr>
      <tr><td>370100202612010002</td><td>二级建造师注册资格认定（延续注册）</td><td><a href="detail?projectguid=g2">审核中</a></td></tr></table>`);
    expect(getPortalCases(actions, labels).map((c) => c.statusText)).toEqual(['待补正', '审核中']);
  });

  it('never reads a label/value table as a grid, nor an empty grid\'s header as labels and values', () => {
    // Its rows hold labels we do not read (申请人, 受理部门): they are no 办件 of a grid.
    const detail = html(`<table><tr><td class="tdlabel">办件编号</td><td>370100202612010001</td><td class="tdlabel">状态</td><td>不予受理</td></tr>
      <tr><td class="tdlabel">申请人</td><td>张三</td><td class="tdlabel">受理部门</td><td>济南市住建局</td></tr><tr><td class="tdlabel">事项名称</td><td>二级建造师注册资格认定（初始注册）</td><td class="tdlabel">申请时间</td><td>2026-12-01</td></tr></table>`);
    expect(getPortalCases(detail, labels).map((c) => [c.serial, c.statusText])).toEqual([['370100202612010001', '不予受理']]);
    const empty = html(`<table><tr><td>流水号</td><td>序号</td><td>事项名称</td><td>状态</td><td>受理部门</td></tr><tr><td colspan="5">暂无数据</td></tr></table>`);
    expect(getPortalCases(empty, labels)).toEqual([]);
  });
});

describe('mapPortalStatus (rules/shared/case-statuses.json)', () => {
  it('validates the rule data and refuses a text or code listed in two groups', () => {
    expect(CaseStatusRules.safeParse(rules).success).toBe(true);
    const broken = structuredClone(rules);
    broken.groups[1]!.codes.push(90);
    expect(CaseStatusRules.safeParse(broken).success).toBe(false);
  });

  it('maps every code of domain.md to its group', () => {
    const expected: Record<number, string | null> = { 10: null, 14: null, 200: null, 28: 'needs-correction', 90: 'done', 97: 'returned', 98: 'returned', 99: 'returned' };
    for (const c of [12, 16, 24, 26, 30, 40, 50, 101]) expected[c] = 'in-review';
    for (const [code, status] of Object.entries(expected)) {
      const m = mapPortalStatus(rules, '', Number(code));
      expect(m.kind === 'mapped' && m.caseStatus, `code ${code}`).toBe(status);
    }
  });

  it('maps the portal texts, whatever their width and spacing', () => {
    const cases: Array<[string, string | null]> = [
      ['待补正', 'needs-correction'],
      [' 审 核 中 ', 'in-review'],
      ['待预审', 'in-review'],
      ['已办结', 'done'],
      ['不予受理', 'returned'],
      ['待提交', null],
      // A note in brackets after the word (not a word inside another: 已补正 is not 补正).
      ['待补正（剩余5个工作日）', 'needs-correction'],
      ['审核中(预审)', 'in-review'],
      ['已办结【准予许可】', 'done'],
    ];
    for (const [text, status] of cases) {
      const m = mapPortalStatus(rules, text);
      expect(m.kind === 'mapped' && m.caseStatus, text).toBe(status);
    }
  });

  it('maps nothing when text and code disagree, or the text is unknown', () => {
    expect(mapPortalStatus(rules, '已办结', 28)).toMatchObject({ kind: 'conflict', byText: 'finished', byCode: 'correction' });
    expect(mapPortalStatus(rules, '神秘状态')).toEqual({ kind: 'unknown', text: '神秘状态', code: undefined });
    expect(mapPortalStatus(rules, '已补正')).toMatchObject({ kind: 'unknown' });
    expect(mapPortalStatus(rules, '（待补正）已撤回')).toMatchObject({ kind: 'mapped', caseStatus: 'returned' });
    // An unknown text with a known code: the code decides.
    expect(mapPortalStatus(rules, '新状态', 28)).toMatchObject({ kind: 'mapped', caseStatus: 'needs-correction' });
  });
});

describe('portalOutcome: which case a portal row is', () => {
  const mk = (id: string, business: 'change' | 'renewal', status: Case['status'], extra: Partial<Case> = {}): Case => ({
    id,
    profileId: 'p',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    revision: 1,
    business,
    status,
    statusSince: '2026-11-01T00:00:00.000Z',
    conditions: [],
    ready: [],
    notes: '',
    archived: false,
    ...extra,
  });
  const row = (statusText: string, extra: Partial<PortalCase> = {}): PortalCase => ({ business: 'change', statusText, ...extra });

  it('offers the mapped status for the one open case of the business', () => {
    expect(portalOutcome(row('待补正'), [mk('a', 'change', 'in-review'), mk('b', 'renewal', 'in-review')], rules)).toMatchObject({ kind: 'offer', caseId: 'a', from: 'in-review', to: 'needs-correction' });
  });
  it('says current when nothing changed, and offers again when a new 补正意见 appears', () => {
    expect(portalOutcome(row('待补正'), [mk('a', 'change', 'needs-correction')], rules)).toMatchObject({ kind: 'current' });
    expect(portalOutcome(row('待补正', { correction: '请补充' }), [mk('a', 'change', 'needs-correction')], rules)).toMatchObject({ kind: 'offer', correction: '请补充' });
  });
  it('refuses to guess between two open cases of the business, unless one recorded this application', () => {
    const two = [mk('a', 'change', 'in-review'), mk('b', 'change', 'submitted')];
    expect(portalOutcome(row('已办结'), two, rules)).toEqual({ kind: 'ambiguous', business: 'change' });
    two[1] = mk('b', 'change', 'submitted', { portal: { ref: 'g-1', statusText: '审核中', seenAt: '2026-11-01T00:00:00.000Z' } });
    expect(portalOutcome(row('已办结', { ref: 'g-1' }), two, rules)).toMatchObject({ kind: 'offer', caseId: 'b', to: 'done' });
  });
  it('offers nothing for 待提交, other matters, unknown texts and text/code conflicts', () => {
    const cases = [mk('a', 'change', 'preparing')];
    expect(portalOutcome(row('待提交'), cases, rules)).toEqual({ kind: 'skip', reason: 'not-sent' });
    expect(portalOutcome({ statusText: '已办结' }, cases, rules)).toEqual({ kind: 'skip', reason: 'other-business' });
    expect(portalOutcome(row('神秘'), cases, rules)).toEqual({ kind: 'skip', reason: 'unknown-status' });
    expect(portalOutcome(row('已办结', { statusCode: 28 }), cases, rules)).toEqual({ kind: 'skip', reason: 'conflict' });
    expect(portalOutcome(row('审核中'), [], rules)).toEqual({ kind: 'no-case', business: 'change' });
  });
});

describe('a 补正意见 written point by point in one element', () => {
  // Portals list the points of an opinion one per line (「1. …<br>2. …」) after 「补正意见：」; before, only the
  // first point was read, so the materials named in the others were not put first. Generated with a fixed seed.
  const POINTS = ['身份证复印件不清晰，请重新上传', '劳动合同未加盖单位公章', '社保缴费证明缺少近3个月记录', '学历证书扫描件不完整', '申请表签字处空白'];
  const NUMBERING = [(i: number) => `${i + 1}. `, (i: number) => `${i + 1}、`, (i: number) => `（${i + 1}）`, (i: number) => '①②③④⑤'[i] ?? '', () => ''];
  const r = rng(20261202);
  const pickOf = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T; // why: non-empty constant lists
  const variants = Array.from({ length: 40 }, () => {
    const n = 2 + Math.floor(r() * 3);
    const points = POINTS.slice(0, n);
    const number = pickOf(NUMBERING);
    const sep = pickOf(['<br>', '<br/>', '\n<br>\n']);
    const label = pickOf(labels.correction);
    const after = pickOf(['受理部门：济南市行政审批服务局', '补正期限：2026-12-10', '']);
    const body = `<div>办件编号：370100202612010001<br>${pickOf(labels.status)}：待补正</div>
      <div class="opinion">${label}：${points.map((p, i) => number(i) + p).join(sep)}${after ? sep + after : ''}</div>`;
    return { body, points, after };
  });

  it('reads every point, up to the next label, and the status still ends with its line', () => {

    for (const v of variants) {
      const [c] = getPortalCases(html(v.body), labels, undefined);
      expect(c?.statusText, v.body).toBe('待补正');
      for (const p of v.points) expect(c?.correction, v.body).toContain(p);
      if (v.after) expect(c?.correction, v.body).not.toContain(v.after.slice(0, 4));
    }
  });
});

describe('a 补正意见 whose points sit in sibling elements', () => {
  // The label in one element, the points in the elements or lines after it (one <p>, <div>, <dd> or <li> each, or
  // bare text between <br>s), the first point maybe beside the label; then the page goes on with something that is
  // not the opinion. Before, only the first point was read (or, after a bare-text label, the next element's text).
  // Generated with a fixed seed; the opinion must hold every point and nothing of what follows it.
  const POINTS = ['身份证复印件不清晰，请重新上传', '劳动合同未加盖单位公章', '社保缴费证明缺少近3个月记录', '学历证书扫描件不完整', '申请表签字处空白，请本人签字后上传'];
  const NUMBERING = [(i: number) => `${i + 1}. `, (i: number) => `${i + 1}、`, (i: number) => `（${i + 1}）`, (i: number) => '①②③④⑤'[i] ?? '', () => ''];
  /** What may follow an opinion on a detail page, none of it part of the opinion. */
  const AFTER = [
    (tag: string) => `<${tag}>受理部门：济南市行政审批服务局</${tag}>`,
    (tag: string) => `<${tag}>补正期限：2026-12-10</${tag}>`,
    () => '<div class="block-title">办理进度</div><table class="list"><tr><th>环节</th><th>处理意见</th></tr><tr><td>预审</td><td>材料需补正，见补正意见</td></tr></table>',
    () => '<p class="note">如对审核结果有异议，请于工作日联系窗口工作人员，电话0531-12345678。</p>',
    () => '<h4>历史补正记录</h4><p>2026-10-08 上次补正：户口簿复印件不清晰</p>',
    () => '',
  ];
  const r = rng(20261203);
  const pickOf = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T; // why: non-empty constant lists
  const variants = Array.from({ length: 60 }, () => {
    const points = POINTS.slice(0, 2 + Math.floor(r() * 4));
    const number = pickOf(NUMBERING);
    const label = `${pickOf(labels.correction)}${pickOf(['：', ':', ''])}`;
    const lines = points.map((p, i) => number(i) + p);
    const shape = pickOf(['blocks', 'inline-first', 'bare', 'dl', 'list-items'] as const);
    const cls = pickOf(['', ' class="opinion-item"']);
    const tag = pickOf(['p', 'div']);
    const after = pickOf(AFTER)(shape === 'dl' ? 'dd' : shape === 'list-items' ? 'li' : tag);
    const body =
      shape === 'blocks'
        ? `<${tag} class="label">${label}</${tag}>${lines.map((l) => `<${tag}${cls}>${l}</${tag}>`).join('\n')}${after}`
        : shape === 'inline-first'
          ? // Label and first point in one element are told apart by the colon (without one, 「补正内容（1）…」 is not read: left alone).
            `<${tag}${cls}>${label.replace(/[:：]?$/, '：')}${lines[0]}</${tag}>${lines.slice(1).map((l) => `<${tag}${cls}>${l}</${tag}>`).join('')}${after}`
          : shape === 'bare'
            ? `<div class="opinion"><span class="lbl">${label}</span>${lines.join(pickOf(['<br>', '<br/>\n']))}${after ? `<br>${after}` : ''}</div>`
            : shape === 'dl'
              ? `<dl><dt>${label}</dt>${lines.map((l) => `<dd>${l}</dd>`).join('')}${after.startsWith('<dd>') ? `<dt>${after.replace(/<\/?dd>/g, '').split('：')[0]}</dt><dd>${after.replace(/<\/?dd>/g, '').split('：')[1]}</dd>` : `</dl>${after}<dl>`}</dl>`
              : `<ul><li>${label}</li>${lines.map((l) => `<li>${l}</li>`).join('')}${after.startsWith('<li>') ? after : `</ul>${after}<ul>`}</ul>`;
    return { html: `<div>办件编号：370100202612010001</div><div>${pickOf(labels.status)}：待补正</div><div>事项名称：二级建造师注册资格认定（变更注册）</div>${body}`, points, after };
  });

  it('reads every point and nothing of what follows, on 60 variants', () => {
    for (const v of variants) {
      const [c] = getPortalCases(html(v.html), labels, undefined);
      expect(c?.statusText, v.html).toBe('待补正');
      // Never: words of what follows the opinion read as part of it.
      for (const decoy of ['济南市行政审批服务局', '2026-12-10', '办理进度', '材料需补正', '异议', '户口簿']) expect(c?.correction ?? '', v.html).not.toContain(decoy);
      for (const p of v.points) expect(c?.correction, v.html).toContain(p);
    }
  });
});

describe('getPortalCases: headers and values worded as other builds word them (round 3)', () => {
  const grid = (heads: readonly string[]) =>
    html(`<table><tr>${heads.map((h) => `<th>${h}</th>`).join('')}</tr><tr><td>370100202612010001</td><td>二级建造师注册（变更注册）</td><td>审核中</td></tr><tr><td>370100202612010002</td><td>二级建造师注册（初始注册）</td><td>待补正</td></tr></table>`);
  const read = (d: Document) => getPortalCases(d, labels).map((c) => [c.serial, c.business, c.statusText]);
  const rows = [
    ['370100202612010001', 'change', '审核中'],
    ['370100202612010002', 'initial', '待补正'],
  ];

  it('never reads a header cell with a gloss after its label (「办件状态 Status」) as a label and its value', () => {
    // Before, a label and a space then any text was a label and its value: serial 「No.」, status 「Status」.
    for (const d of [grid(['办件编号 No.', '事项名称 Item', '办件状态 Status']), html('<div><span>办件编号 No.</span> <span>事项名称 Item</span> <span>办件状态 Status</span></div>')]) {
      for (const c of getPortalCases(d, labels)) expect([c.serial, c.statusText]).not.toContainEqual(expect.stringMatching(/^(No\.|Status)$/));
    }
  });

  it('reads a grid whose header cells carry a gloss, a sort arrow or a mark beside the label', () => {
    expect(read(grid(['办件编号 No.', '事项名称 Item', '办件状态 Status']))).toEqual(rows);
    expect(read(grid(['办件编号 ▲', '事项名称&nbsp;<i class="sort"></i>', '办件状态 ▼']))).toEqual(rows);
  });

  it('reads a status written with an action beside it on a detail page (「办件状态：待补正 查看补正意见」)', () => {
    const d = html('<div>办件编号：370100202612010001</div><div>事项名称：二级建造师注册（变更注册）</div><div>办件状态：待补正 <a href="#">查看补正意见</a></div>');
    expect(read(d)).toEqual([rows[0]!.slice(0, 2).concat('待补正')]);
    const twice = html('<div>办件编号：370100202612010001</div><div>事项名称：二级建造师注册（变更注册）</div><p>办件状态：待补正 | <a href="#">查看</a> <a href="#">补正</a></p>');
    expect(read(twice)).toEqual([rows[0]!.slice(0, 2).concat('待补正')]);
  });
});
