/**
 * Labels of boxes a widget library nests deep in a div layout (fill review (d)): Layui forms put the label in
 * `.layui-form-label` and the box in `.layui-input-block`, and themes and widgets wrap it further (input-wrap,
 * input-group, prefix/suffix icons, a select's or date picker's own wrappers). On seeded forms with 0–6 wrappers
 * around each box, every box gets the label of its form item; a wrapper that holds two boxes (区号 + 号码) still
 * names neither alone, and a lone box under a section heading with no label of its own is not given the heading.
 */
import { describe, expect, it } from 'vitest';
import { fieldViews } from '../../src/background/handlers';
import { bundledPack } from '../../src/rules/bundled';
import { mapFields } from '../helpers/map-fields';
import { pick, rng, type Rand } from '../helpers/rng';

const LABELS: Array<[string, string]> = [
  ['姓名', 'name'], ['身份证号码', 'idNumber'], ['手机号码', 'mobile'], ['电子邮箱', 'email'], ['通讯地址', 'address'],
  ['邮政编码', 'postcode'], ['毕业院校', 'school'], ['所学专业', 'major'], ['聘用单位', 'employerName'], ['出生日期', 'birthDate'],
];
const WRAPPERS = ['<div class="layui-input-inline">', '<div class="layui-input-wrap">', '<div class="layui-input-group">', '<div>', '<span class="x-field">', '<div class="col-sm-8">'];
const closeOf = (open: string) => (open.startsWith('<span') ? '</span>' : '</div>');

function wrap(r: Rand, box: string, depth: number): string {
  let html = box;
  for (let i = 0; i < depth; i++) {
    const open = pick(r, WRAPPERS);
    // A prefix icon (no text) before the box, as Layui's input-wrap draws one.
    const icon = r() < 0.3 ? '<div class="layui-input-prefix"><i class="layui-icon layui-icon-username"></i></div>' : '';
    html = `${open}${icon}${html}${closeOf(open)}`;
  }
  return html;
}

describe('labels of boxes nested deep in a div layout (Layui and themes)', () => {
  const defs = fieldViews(bundledPack().fields);

  it('each box gets its form item\'s label at any depth from 0 to 6 wrappers (seeded)', () => {
    const r = rng(4242);
    for (let form = 0; form < 30; form++) {
      const items = LABELS.map(([label, key], i) => {
        const depth = Math.floor(r() * 7);
        return { key, depth, html: `<div class="layui-form-item"><label class="layui-form-label">${label}</label><div class="layui-input-block">${wrap(r, `<input type="text" name="f${i}" id="f${i}" class="layui-input" autocomplete="off">`, depth)}</div></div>` };
      });
      document.body.innerHTML = `<form class="layui-form" id="form1">${items.map((i) => i.html).join('')}</form>`;
      const mapped = new Map(mapFields(document, defs).map((f) => [f.input.id, f.key]));
      items.forEach((item, i) => expect(mapped.get(`f${i}`), `form ${form}, ${item.key} at depth ${item.depth + 1}`).toBe(item.key));
    }
  });

  it('a wrapper with two boxes names neither alone, and a heading is no label', () => {
    document.body.innerHTML = `<form class="layui-form">
      <div class="layui-form-item"><label class="layui-form-label">手机号码</label><div class="layui-input-block"><div class="layui-input-wrap"><div><input type="text" id="a"></div><div><input type="text" id="b"></div></div></div></div>
      <h3>申请人信息</h3><div class="layui-form-item"><div class="layui-input-block"><div><div><input type="text" id="c"></div></div></div></div>
    </form>`;
    const mapped = new Map(mapFields(document, defs).map((f) => [f.input.id, f.key]));
    expect(mapped.get('a')).toBeUndefined();
    expect(mapped.get('b')).toBeUndefined();
    expect(mapped.get('c')).toBeUndefined();
  });
});
