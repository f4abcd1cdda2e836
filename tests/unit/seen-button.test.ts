import { describe, expect, it } from 'vitest';
import { sightOf } from '../../src/ui/components/SeenButton';

describe('clickjacking guard: what a click on the panel frame decides (sightOf)', () => {
  it('a top-level extension page (popup, workbench) has no page around it: always seen', () => {
    expect(sightOf(false, true, { intersecting: true, visible: false })).toBe('seen');
    expect(sightOf(false, false, undefined)).toBe('seen');
  });
  it('framed: in view and unobscured is seen; in view but transparent, distorted or covered is refused', () => {
    expect(sightOf(true, true, { intersecting: true, visible: true })).toBe('seen');
    expect(sightOf(true, true, { intersecting: true, visible: false })).toBe('hidden');
  });
  it('framed, no answer yet or last out of view (scrolled within the panel): a fresh look decides, never a stale one', () => {
    expect(sightOf(true, true, undefined)).toBe('recheck');
    expect(sightOf(true, true, { intersecting: false, visible: false })).toBe('recheck');
  });
  it('an engine without IntersectionObserver v2 (Firefox) cannot tell: let through, named as such', () => {
    expect(sightOf(true, false, { intersecting: true, visible: false })).toBe('blind');
    expect(sightOf(true, false, undefined)).toBe('blind');
  });
});
