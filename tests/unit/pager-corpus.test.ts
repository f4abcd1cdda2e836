/**
 * A material table showing one page of several, its pager drawn by a grid library (tests/fixtures/mutation/
 * pagers.ts; fixed seeds): the page says "more than one page" by its controls — a next or previous page it can
 * go to, page numbers side by side — often with no 第1/3页 or 共25条 text at all. What a user would notice: the
 * materials on the other pages called 待准备 (the table read as whole), or a one-page table called paged.
 */
import { describe, expect, it } from 'vitest';
import { readMaterialTables } from '../../src/portals/material-table';
import { pick, rng } from '../helpers/rng';
import { pagerOf } from '../fixtures/mutation/pagers';

const doc = (body: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
const VARIANTS = process.env.TZ === 'Asia/Shanghai' ? 400 : 60;
const NAMES = ['身份证', '学历证书', '劳动合同', '社保缴纳证明', '注册申请表', '二级建造师资格证书', '继续教育证明', '本人承诺书'];

/** A material table of `shown` rows with a pager of `count` pages (on page `at`): in a row of its own, right after the table or after its wrappers. */
export function pagedTable(seed: number): { html: string; paged: boolean; style: string } {
  const r = rng(seed);
  const count = pick(r, [1, 1, 2, 3, 5, 12]);
  const at = pick(r, [1, count, Math.ceil(count / 2)]);
  const shown = count === 1 ? 1 + Math.floor(r() * NAMES.length) : 2 + Math.floor(r() * 3);
  const total = count === 1 ? shown : shown * (count - 1) + 1;
  const pager = pagerOf(r, at, count, total);
  const rows = NAMES.slice(0, shown).map((n, i) => `<tr><td>${i + 1}</td><td>${n}</td><td>${r() < 0.5 ? '已上传' : '未上传'}</td></tr>`);
  const place = pick(r, ['row', 'after', 'wrapped']);
  const foot = place === 'row' ? `<tr class="pager-row"><td colspan="3">${pager.html}</td></tr>` : '';
  const table = `<table class="grid"><thead><tr><th>序号</th><th>材料名称</th><th>状态</th></tr></thead><tbody>${rows.join('')}${foot}</tbody></table>`;
  const html =
    place === 'after' ? `<div class="grid-box">${table}${pager.html}</div>` : place === 'wrapped' ? `<div class="grid-box"><div class="grid-body"><div>${table}</div></div>${pager.html}</div>` : table;
  return { html: `<div class="block-title">上传申报材料</div>${html}<div class="btns"><a class="btn">保存</a></div>`, paged: count > 1, style: `${pager.style} ${place} page ${at}/${count}` };
}

describe('a material table paged by a grid library we did not write', () => {
  it(`is read as paged exactly when its pager has more than one page, on ${VARIANTS} variants`, () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= VARIANTS; seed++) {
      const v = pagedTable(seed * 6007);
      const read = readMaterialTables(doc(v.html));
      expect(read.length, `seed ${seed}:\n${v.html}`).toBeGreaterThan(0);
      if (read.some((x) => (x.paged === true) !== v.paged)) wrong.push(`seed ${seed} (${v.style}): read ${read[0]?.paged === true}`);
    }
    expect(wrong).toEqual([]);
  });
});
