/**
 * 办件 pages in layouts the reader was not written for (tests/fixtures/mutation/case-layouts.ts, fixed seeds):
 * grids with grouped headers over two or three rows, lists drawn as cards, 补正意见 split by line breaks. What a
 * user would notice: an application of the list not read (no status offered), one read with another's status or
 * date (never), a 补正意见 whose points run together.
 */
import { describe, expect, it } from 'vitest';
import { getPortalCases, type PortalCase } from '../../src/cases/portal-status';
import { bundledCaseStatusRules } from '../../src/rules/case-statuses';
import { businessFromText } from '../../src/domain/business-text';
import { badgePage, brOpinionPage, cardListPage, divListPage, groupedListPage, readOnlyDetailPage, singleCardPage } from '../fixtures/mutation/case-layouts';
import type { CaseTruth } from '../fixtures/mutation/cases';

const labels = bundledCaseStatusRules().labels;
const doc = (body: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
const VARIANTS = process.env.TZ === 'Asia/Shanghai' ? 80 : 10;
const HELD_OUT = process.env.TZ === 'Asia/Shanghai' ? 300 : 30;

/** What a row gives the panel: which application, its matter, status, day and the id of its detail page. */
const read = (c: PortalCase) => [c.serial, c.business, c.statusText, c.appliedOn, c.ref];
const truthOf = (t: CaseTruth) => [t.serial, businessFromText(t.title), t.status, t.appliedOn, `g${t.serial}`];

describe('办件 lists laid out as other portal builds draw them', () => {
  it(`我的申请 with a header over two or three rows (group cells, rowspan, blanks, split tables): every row, on ${VARIANTS} variants`, () => {
    const off: string[] = [];
    for (let seed = 1; seed <= VARIANTS; seed++) {
      const v = groupedListPage(seed * 7907);
      const found = getPortalCases(doc(v.html), labels);
      if (JSON.stringify(found.map(read)) !== JSON.stringify(v.truth.map(truthOf))) off.push(`seed ${seed} (${v.layout}): ${JSON.stringify(found.map(read))}\n${v.html}`);
    }
    expect(off).toEqual([]);
  });

  it(`…and on ${HELD_OUT} more of seeds drawn apart (the held-out run of round 4: a group's sub-headers under blank cells are no body row)`, () => {
    const off: string[] = [];
    for (let seed = 100001; seed <= 100000 + HELD_OUT; seed++) {
      const v = groupedListPage(seed * 7 + 3);
      const found = getPortalCases(doc(v.html), labels);
      if (JSON.stringify(found.map(read)) !== JSON.stringify(v.truth.map(truthOf))) off.push(`seed ${seed} (${v.layout}): ${JSON.stringify(found.map(read))}\n${v.html}`);
    }
    expect(off).toEqual([]);
  });

  it(`我的申请 drawn as cards: one 办件 per card, each with its own status, on ${VARIANTS} variants`, () => {
    const off: string[] = [];
    for (let seed = 1; seed <= VARIANTS; seed++) {
      const v = cardListPage(seed * 6101);
      const found = getPortalCases(doc(v.html), labels);
      const truth = v.truth.map((t, i) => [...truthOf(t).slice(0, 4), v.refs[i]]);
      if (JSON.stringify(found.map(read)) !== JSON.stringify(truth)) off.push(`seed ${seed} (${v.layout}): ${JSON.stringify(found.map(read))}\n${v.html}`);
    }
    expect(off).toEqual([]);
  });
});

describe('补正意见 split by line breaks inside one value', () => {
  it(`reads its points apart, as a person does, on ${VARIANTS} variants`, () => {
    const off: string[] = [];
    for (let seed = 1; seed <= VARIANTS; seed++) {
      const v = brOpinionPage(seed * 5003);
      const found = getPortalCases(doc(v.html), labels);
      const got = found.map((c) => [c.statusText, c.correction]);
      if (JSON.stringify(got) !== JSON.stringify([[v.truth.status, v.correction]])) off.push(`seed ${seed}: ${JSON.stringify(got)}\n${v.html}`);
    }
    expect(off).toEqual([]);
  });
});

describe('a card whose matter is only its heading', () => {
  it('reads the matter from the heading, none where headings before it name other businesses, and a menu is no heading', () => {
    const card = '<div class="card"><h4>二级建造师注册资格认定（变更注册）</h4><p>办件编号：370100202612010001</p><p>办件状态：审核中</p></div>';
    const menu = '<ul class="menu"><li><a>初始注册</a></li><li><a>延续注册</a></li></ul>';
    const headings = '<h3>初始注册</h3><h3 class="sub-title">延续注册</h3>';
    expect(getPortalCases(doc(`<div class="list">${card}</div>`), labels).map((c) => c.business)).toEqual(['change']);
    expect(getPortalCases(doc(`<div class="main">${headings}<div class="list">${card}</div></div>`), labels).map((c) => c.business)).toEqual([undefined]);
    expect(getPortalCases(doc(`<div class="main">${menu}<div class="list">${card}</div></div>`), labels).map((c) => c.business)).toEqual(['change']);
  });
});

describe('办件详情 drawn as a read-only form (round 4)', () => {
  it(`reads the values of read-only and disabled boxes and lists, and nothing where the status is a picker one can open, on ${VARIANTS} variants`, () => {
    const off: string[] = [];
    for (let seed = 1; seed <= VARIANTS; seed++) {
      const v = readOnlyDetailPage(seed * 4421);
      const found = getPortalCases(doc(v.html), labels);
      const want = v.truth ? [[...truthOf(v.truth).slice(0, 4), v.truth.correction]] : [];
      const got = found.map((c) => [...read(c).slice(0, 4), c.correction]);
      if (JSON.stringify(got) !== JSON.stringify(want)) off.push(`seed ${seed} (${v.layout}): ${JSON.stringify(got)}\n${v.html}`);
    }
    expect(off).toEqual([]);
  });
});

describe('a label/value table is not a grid, whatever its values look like', () => {
  it('reads 「事项名称 | …」 over 「办件状态 | 待补正」 with no number in it as a detail page', () => {
    const page = '<table><tr><td>事项名称</td><td>二级建造师注册资格认定（变更注册）</td></tr><tr><td>办件状态</td><td>待补正</td></tr></table>';
    expect(getPortalCases(doc(page), labels).map((c) => [c.business, c.statusText])).toEqual([['change', '待补正']]);
  });
});

describe('我的申请 drawn as a grid without a table (round 4)', () => {
  it(`reads every row of div, <ul>/<li> and ARIA grids under its own columns, nothing of a pager or an empty list, on ${VARIANTS} variants`, () => {
    const off: string[] = [];
    for (let seed = 1; seed <= VARIANTS; seed++) {
      const v = divListPage(seed * 3313);
      const found = getPortalCases(doc(v.html), labels);
      if (JSON.stringify(found.map(read)) !== JSON.stringify(v.truth.map(truthOf))) off.push(`seed ${seed} (${v.layout}): ${JSON.stringify(found.map(read))}\n${v.html}`);
    }
    expect(off).toEqual([]);
  });
});

describe('a single card with no title label (round 4)', () => {
  it(`reads its matter from a heading inside it, never from the page's menus, tabs, crumbs or tips, on ${VARIANTS} variants`, () => {
    const off: string[] = [];
    for (let seed = 1; seed <= VARIANTS; seed++) {
      const v = singleCardPage(seed * 2609);
      const found = getPortalCases(doc(v.html), labels);
      const want = [[v.truth.serial, v.business === 'heading' ? businessFromText(v.truth.title) : undefined, v.truth.status, v.truth.appliedOn]];
      const got = found.map((c) => read(c).slice(0, 4));
      if (JSON.stringify(got) !== JSON.stringify(want)) off.push(`seed ${seed} (${v.layout}, ${v.business}): ${JSON.stringify(got)}\n${v.html}`);
    }
    expect(off).toEqual([]);
  });
});

describe('a status shown only as a badge, with no label (round 4)', () => {
  const words = bundledCaseStatusRules().groups.flatMap((g) => g.texts);
  it(`reads the badge beside each application, never a tab's, a progress grid's or another badge's, and none of two, on ${VARIANTS} variants`, () => {
    const off: string[] = [];
    for (let seed = 1; seed <= VARIANTS; seed++) {
      const v = badgePage(seed * 1913);
      const found = getPortalCases(doc(v.html), labels, undefined, words);
      const want = v.truth.map((t, i) => [t.serial, businessFromText(t.title), v.statusShown[i], t.appliedOn]);
      const got = found.map((c) => read(c).slice(0, 4));
      if (JSON.stringify(got) !== JSON.stringify(want)) off.push(`seed ${seed} (${v.layout}): ${JSON.stringify(got)}\n${v.html}`);
    }
    expect(off).toEqual([]);
  });

  it('reads no badge without the rule data\'s status words: a word it does not know is no status', () => {
    const page = '<div class="detail"><h3>二级建造师注册资格认定（变更注册）</h3><span class="badge">待补正</span><p>办件编号：370100202611030087</p></div>';
    expect(getPortalCases(doc(page), labels)).toEqual([]);
    expect(getPortalCases(doc(page.replace('待补正', '推荐')), labels, undefined, words)).toEqual([]);
    expect(getPortalCases(doc(page), labels, undefined, words).map((c) => c.statusText)).toEqual(['待补正']);
  });
});

describe('two statuses as near the application as each other', () => {
  it('reads none when they differ (a wrong status is worse than none), the one when they agree', () => {
    const page = (a: string, b: string) => `<div class="detail"><p>办件编号：370100202611030087</p><p>办件状态：${a}</p><p>当前状态：${b}</p></div>`;
    expect(getPortalCases(doc(page('审核中', '待补正')), labels)).toEqual([]);
    expect(getPortalCases(doc(page('待补正', '待补正')), labels).map((c) => c.statusText)).toEqual(['待补正']);
  });
});
