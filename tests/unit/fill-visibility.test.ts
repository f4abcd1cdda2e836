import { beforeEach, describe, expect, it } from 'vitest';
import { pageScript } from '../../src/fill/page-script';
import { hiddenReason, isFillable } from '../../src/fill/visibility';
import { hitTest, installLayout, place } from '../helpers/layout';

/** A form with one field styled by `css` (on the field, or on a wrapper when `wrap`), as a hostile page does. */
function field(css: string, wrap = false): HTMLInputElement {
  document.body.innerHTML = wrap ? `<form><div id="w" style="${css}"><input id="f"></div></form>` : `<form><input id="f" style="${css}"></form>`;
  return document.getElementById('f') as HTMLInputElement;
}

describe('visibility as a person sees it (issue 12.4)', () => {
  beforeEach(() => {
    installLayout();
    hitTest(undefined);
  });

  it('a plain field is fillable', () => {
    expect(hiddenReason(field(''))).toBe('');
  });

  it.each([
    ['display:none', false, 'not-rendered'],
    ['visibility:hidden', false, 'invisible'],
    ['opacity:0', false, 'transparent'],
    ['opacity:0.05', false, 'transparent'],
    ['opacity:0.2', true, 'transparent'], // 0.2 × 0.2 through the ancestors below
    ['clip-path:inset(50%)', false, 'clipped'],
    ['clip-path:circle(0)', true, 'clipped'],
    ['display:none', true, 'not-rendered'],
    ['visibility:hidden', true, 'invisible'],
  ])('refuses %s (on a wrapper: %s) as %s', (css, wrap, reason) => {
    const el = field(css, wrap);
    if (css === 'opacity:0.2') (el as HTMLElement).style.opacity = '0.2';
    expect(hiddenReason(el)).toBe(reason);
    expect(isFillable(el)).toBe(false);
  });

  it('refuses a field a few pixels wide or scaled to nothing (rects include transforms)', () => {
    const el = field('');
    place(el, 10, 10, 1, 1);
    expect(hiddenReason(el)).toBe('too-small');
    place(el, 10, 10, 1.2, 0.24); // 120×24 under scale(0.01)
    expect(hiddenReason(el)).toBe('too-small');
    place(el, 10, 10, 4, 4);
    expect(hiddenReason(el)).toBe('');
  });

  it('refuses a field placed where nobody can scroll, accepts one further down the page', () => {
    const el = field('');
    place(el, -10000, 10, 120, 24);
    expect(hiddenReason(el)).toBe('off-screen');
    place(el, 10, -500, 120, 24);
    expect(hiddenReason(el)).toBe('off-screen');
    place(el, 10, 5000, 120, 24); // below the 3000 px document
    expect(hiddenReason(el)).toBe('off-screen');
    place(el, 10, 2000, 120, 24); // below the viewport, above the document's end: scrolled to
    expect(hiddenReason(el)).toBe('');
  });

  it('refuses a field inside a zero-height box that hides its overflow, not one that lets it show', () => {
    const el = field('height:0;overflow:hidden', true);
    const w = document.getElementById('w')!;
    place(w, 10, 10, 300, 0);
    place(el, 10, 10, 120, 24);
    expect(hiddenReason(el)).toBe('clipped');
    w.style.overflow = 'visible';
    expect(hiddenReason(el)).toBe('');
  });

  it('refuses a field covered at its centre by another element; its own label or our overlay do not count', () => {
    document.body.innerHTML = '<form><label for="f" id="l">姓名</label><input id="f"></form><div id="cover"></div><div data-jzs-overlay=""><span id="ours"></span></div>';
    const el = document.getElementById('f')!;
    place(el, 10, 10, 120, 24);
    hitTest(() => document.getElementById('cover'));
    expect(hiddenReason(el)).toBe('covered');
    hitTest(() => document.getElementById('l'));
    expect(hiddenReason(el)).toBe('');
    hitTest(() => document.getElementById('ours'));
    expect(hiddenReason(el)).toBe('');
    hitTest(() => el);
    expect(hiddenReason(el)).toBe('');
  });

  it('looks through open shadow roots for what is at the centre', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<input id="f">';
    const el = root.getElementById('f')!;
    place(el, 10, 10, 120, 24);
    root.elementFromPoint = () => el;
    hitTest(() => host);
    expect(hiddenReason(el)).toBe('');
  });

  it('a radio styled through its label is as visible as the label', () => {
    document.body.innerHTML = '<form><input type="radio" name="xb" id="r" style="opacity:0"><label for="r" id="l">男</label></form>';
    expect(hiddenReason(document.getElementById('r')!)).toBe('');
    document.getElementById('l')!.style.display = 'none';
    expect(hiddenReason(document.getElementById('r')!)).toBe('transparent');
  });

  it('stays self-contained: a copy made from its source text (as executeScript sends it) judges the same', () => {
    // eslint-disable-next-line no-new-func -- exactly what the browser does with executeScript's `func`
    const copy = new Function(`return (${pageScript.toString()})`)() as typeof pageScript;
    const el = field('opacity:0');
    expect(copy({ op: 'kit' }).hiddenReason(el, 4)).toBe('transparent');
    expect(copy({ op: 'kit' }).hiddenReason(field(''), 4)).toBe('');
  });
});
