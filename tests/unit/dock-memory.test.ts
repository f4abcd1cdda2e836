import { describe, expect, it } from 'vitest';
import { dockHint, dockMemoryKey, remember, toDockMemory } from '../../src/content/dock-memory';

/** Where the open panel went per page and window width (the first placement's shortcut, bench T3). */
describe('panel placement memory (pure)', () => {
  it('gives back a placement only for the same page at the same window width', () => {
    const m = remember({}, 'zwdt-declaration', 1280, 'top') ?? {};
    expect(dockHint(m, 'zwdt-declaration', 1280)).toBe('top');
    expect(dockHint(m, 'zwdt-declaration', 1024)).toBeUndefined();
    expect(dockHint(m, 'zwdt-home', 1280)).toBeUndefined();
    // A page id that is a property of every object is not a page we remembered.
    expect(dockHint(m, 'constructor', 1280)).toBeUndefined();
    expect(dockHint(m, '__proto__', 1280)).toBeUndefined();
  });

  it('asks for a write only when something changed, and keeps one entry per page', () => {
    const m = remember({}, 'a', 1280, 'top') ?? {};
    expect(remember(m, 'a', 1280, 'top')).toBeUndefined();
    const wider = remember(m, 'a', 1440, 'beside');
    expect(wider).toEqual({ a: { width: 1440, mode: 'beside' } });
    const moved = remember(m, 'a', 1280, 'shift');
    expect(moved).toEqual({ a: { width: 1280, mode: 'shift' } });
  });

  it('stays small: the oldest pages are forgotten first', () => {
    let m = {};
    for (let i = 0; i < 150; i++) m = remember(m, `page-${i}`, 1280, 'top') ?? m;
    const pages = Object.keys(m);
    expect(pages.length).toBeLessThanOrEqual(64);
    expect(pages).toContain('page-149');
    expect(pages).not.toContain('page-0');
  });

  it.each([
    ['nothing', undefined, {}],
    ['not an object', 'top', {}],
    ['null', null, {}],
    ['a wrong mode', { a: { width: 1280, mode: 'pill' } }, {}],
    ['a width that is not a number', { a: { width: '1280', mode: 'top' } }, {}],
    ['an endless width', { a: { width: Infinity, mode: 'top' } }, {}],
    ['a bad entry beside a good one', { a: 'top', b: { width: 1024, mode: 'shift' } }, { b: { width: 1024, mode: 'shift' } }],
  ])('reads %s from storage defensively', (_what, stored, expected) => {
    expect(toDockMemory(stored)).toEqual(expected);
  });

  it('is kept per portal', () => {
    expect(dockMemoryKey('province')).not.toBe(dockMemoryKey('jinan-zwdt'));
  });
});
