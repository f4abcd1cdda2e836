import { describe, expect, it } from 'vitest';
import { MAY_NAME_BUSINESS, readBusiness } from '../../src/portals/business';

/**
 * readBusiness skips a page text before normalising it when it cannot hold a business label (bench T3). The
 * skip must never drop a text that NFKC would turn into a label: checked over every code point, with the
 * runtime's own Unicode data, and on pages that write the label with spaces and compatibility characters.
 */
describe('the business label pre-filter and reading', () => {
  it('lets through every character NFKC folds into one it lets through', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const folded = c.normalize('NFKC');
      if (folded !== c && MAY_NAME_BUSINESS.test(folded) && !MAY_NAME_BUSINESS.test(c)) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('lets through every label it was built from', () => {
    for (const label of ['事项名称', '事项', '办理情形', '情形', '申请类型', '申报类型', '业务类型', '注册类型', '办理事项', '申请事项', '业务名称']) {
      expect(MAY_NAME_BUSINESS.test(label), label).toBe(true);
    }
    expect(MAY_NAME_BUSINESS.test('申请人姓名')).toBe(false);
  });

  const page = (cells: string) => {
    document.body.innerHTML = `<h1>网上办事</h1><table><tr>${cells}</tr><tr><td>姓名</td><td>张三</td></tr></table>`;
    return readBusiness(document, new URL('https://example.invalid/declaration'));
  };

  it.each([
    ['a label cell beside its value', '<td>办理情形</td><td>延续注册</td>', 'renewal'],
    ['label and value in one cell', '<td>事项名称：二级建造师注册资格认定（变更注册）</td>', 'change'],
    ['a label spaced out with nbsp', '<td>事&nbsp;&nbsp;项：二级建造师注册资格认定（初始注册）</td>', 'initial'],
    ['a full-width colon and spaces', '<td> 申请类型 ： 增项注册 </td>', 'add-specialty'],
    ['a compatibility ideograph in the label (U+2F899 for 形)', '<td>办理情\u{2F899}</td><td>延续注册</td>', 'renewal'],
    ['a label cut in two by a comment', '<td>事项<!-- x -->名称：二级建造师注册资格认定（注销注册）</td>', 'cancel'],
    ['a label in a cell with an element inside (not a leaf: not read, as before)', '<td><b>办理情形</b></td><td>延续注册</td>', undefined],
    ['no label at all', '<td>说明</td><td>请如实填写</td>', undefined],
  ])('%s', (_what, cells, business) => {
    expect(page(cells)).toBe(business);
  });
});
