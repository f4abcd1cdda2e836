import { describe, expect, it } from 'vitest';
import { fieldViews } from '../../src/background/handlers';
import type { FieldKey } from '../../src/domain/ids';
import { swapScore } from '../../src/portals/field-context';
import { withPageHints } from '../../src/portals/fields';
import { mapFields } from '../helpers/map-fields';
import { bundledPack } from '../../src/rules/bundled';

/**
 * The page as context for labels no lexicon lists (src/portals/field-context.ts). The wordings here are
 * examples of KINDS of difference (a swapped word, a telephone box holding the mobile), written for this test:
 * the corpus (recognition-corpus.test.ts) proves the mechanism on held-out wording.
 */
const defs = fieldViews(bundledPack().fields);
const page = (expects: FieldKey[]) => withPageHints(defs, { expects: { '*': expects } });

function form(rows: Array<[string, string]>): Document {
  document.body.innerHTML = `<table>${rows.map(([label, id]) => `<tr><td>${label}：</td><td><input id="${id}"></td></tr>`).join('')}</table>`;
  return document;
}
const mapped = (doc: Document, d = defs) => Object.fromEntries(mapFields(doc, d).map((f) => [f.id, f.key]));

describe('one swapped word, read against the page', () => {
  it('scores phrasings of one name, not topics', () => {
    expect(swapScore('劳动合同签署日期', '劳动合同开始日期').score).toBeCloseTo(0.75);
    expect(swapScore('劳动合同签署日期', '劳动合同开始日期').swapped).toBe('签署');
    // Different ends: not a phrasing of the same name.
    expect(swapScore('解除劳动合同日期', '劳动合同开始日期').score).toBe(0);
    expect(swapScore('证件类型', '证件号码').score).toBe(0);
    // A long insertion is another name.
    expect(swapScore('劳动合同最近一次续签日期', '劳动合同开始日期').score).toBe(0);
  });

  it('the member of a family of fields left over is the one the page expects and has no control for', () => {
    const doc = form([['劳动合同到期日期', 'a'], ['劳动合同签署日期', 'b']]);
    expect(mapped(doc, page(['contractStart', 'contractEnd']))).toEqual({ a: 'contractEnd', b: 'contractStart' });
  });

  it('is never guessed on a page no definition claims, nor for a field the page does not expect', () => {
    const doc = form([['劳动合同到期日期', 'a'], ['劳动合同签署日期', 'b']]);
    expect(mapped(doc)).toEqual({ a: 'contractEnd' });
    expect(mapped(doc, page(['contractEnd', 'name']))).toEqual({ a: 'contractEnd' });
  });

  it('refuses when two fields stay equally near, or two controls are near the same field', () => {
    // Neither end of the contract is held: 签署 could be either.
    expect(mapped(form([['劳动合同签署日期', 'b']]), page(['contractStart', 'contractEnd']))).toEqual({});
    const two = form([['劳动合同到期日期', 'a'], ['劳动合同签署日期', 'b'], ['劳动合同备案日期', 'c']]);
    expect(mapped(two, page(['contractStart', 'contractEnd']))).toEqual({ a: 'contractEnd' });
  });

  it('a near label about another party never names the applicant', () => {
    expect(mapped(form([['联系人配偶手机', 'a']]), page(['mobile']))).toEqual({});
  });
});

describe('a telephone box where the page expects a mobile', () => {
  it('is the mobile when the page definition expects one and no control holds it', () => {
    const doc = form([['联系电话', 'a'], ['联系地址', 'b'], ['邮编', 'c']]);
    expect(mapped(doc, page(['mobile']))).toEqual({ a: 'mobile', b: 'address', c: 'postcode' });
  });

  it('stays a telephone where the page has its mobile, expects a telephone, or is not known', () => {
    expect(mapped(form([['联系电话', 'a'], ['手机号码', 'b']]), page(['mobile']))).toEqual({ a: 'phone', b: 'mobile' });
    expect(mapped(form([['联系电话', 'a']]), page(['mobile', 'phone']))).toEqual({ a: 'phone' });
    expect(mapped(form([['联系电话', 'a']]))).toEqual({ a: 'phone' });
  });

  it('refuses when two telephone boxes could be the mobile', () => {
    expect(mapped(form([['联系电话', 'a'], ['办公电话', 'b']]), page(['mobile']))).toEqual({ a: 'phone', b: 'phone' });
  });

  it('never takes a box named as a fixed line for the mobile: the fixed line keeps its field, the mobile stays unfound', () => {
    for (const landline of ['固定电话', '座机号码', '办公电话', '家庭电话']) {
      // The mobile's own box is there, under a label that says nothing (号码).
      const got = mapped(form([['号码', 'm'], [landline, 'a'], ['联系地址', 'b']]), page(['mobile']));
      expect([got.m, got.a === 'mobile', got.b], landline).toEqual([undefined, false, 'address']);
    }
  });

  it('never re-reads a box known by its id', () => {
    document.body.innerHTML = '<table><tr><td>联系电话：</td><td><input id="contactphone"></td></tr></table>';
    expect(mapped(document, page(['mobile']))).toEqual({ contactphone: 'phone' });
  });
});

describe('a control whose label cannot be read', () => {
  it('stops both context rules: the field sought may be that one', () => {
    document.body.innerHTML = `<table><tr><td>劳动合同到期日期：</td><td><input id="a"></td></tr>
      <tr><td>劳动合同签署日期：</td><td><input id="b"></td></tr><tr><td></td><td><input id="c"></td></tr>
      <tr><td>联系电话：</td><td><input id="d"></td></tr></table>`;
    expect(mapped(document, page(['contractStart', 'contractEnd', 'mobile']))).toEqual({ a: 'contractEnd', d: 'phone' });
  });
});
