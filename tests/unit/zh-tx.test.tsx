/**
 * tx(): a catalogue text with element parameters (a name marked as Chinese) still agrees its count words
 * ({n:one|other}) — before, the raw "{n:copy|copies}" reached the page.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang, t } from '../../src/i18n';
import { tx, Zh } from '../../src/ui/components/Zh';

const shown = (node: preact.VNode): string => {
  const box = document.createElement('div');
  render(node, box);
  return box.textContent ?? '';
};

describe('tx with a count and an element', () => {
  afterEach(() => setLang('zh'));

  it('agrees the count word in English, one and many, with the element in place', () => {
    setLang('en');
    expect(shown(tx('v.check.nearlyTooOld', { years: 65, limit: <Zh>2027-01-01</Zh>, days: 1 }))).toBe(t('v.check.nearlyTooOld', { years: 65, limit: '2027-01-01', days: 1 }, 'en'));
    expect(shown(tx('v.check.nearlyTooOld', { years: 65, limit: <Zh>2027-01-01</Zh>, days: 3 }))).toContain('3 days');
    expect(shown(tx('v.check.nearlyTooOld', { years: 65, limit: <Zh>2027-01-01</Zh>, days: 1 }))).not.toMatch(/\{|days\b/);
  });

  it('the import says "row" for one row and "rows" for more', () => {
    expect(t('import.conflictFile', { rows: '3', count: 1, name: '李四' }, 'en')).toBe('Same ID number as row 3, but another name (李四).');
    expect(t('import.conflictFile', { rows: '3, 5', count: 2, name: '李四' }, 'en')).toMatch(/^Same ID number as rows 3, 5,/);
  });
});
