import '../../src/i18n/all';
import { describe, expect, it } from 'vitest';
import { fieldViews } from '../../src/background/handlers';
import { frameValidator, installPart, loadChecker, summaryOnly } from '../../src/content/checker';
import type { ValidationSummary } from '../../src/content/validation';
import { bundledPack } from '../../src/rules/bundled';
import { CHECKER, readsPage } from '../helpers/checker';
import { mapFields } from '../helpers/map-fields';

const defs = fieldViews(bundledPack().fields);
const FORM = '<table><tr><td>证件号码：</td><td><input value="370102199001011237"></td></tr></table>';

/** A frame's validation on `html` as the shell starts it, with `checker` injected (undefined: not), and its summaries. */
function validator(html: string, ruleDefs: typeof defs, checker: typeof CHECKER | undefined) {
  document.body.innerHTML = html;
  const summaries: ValidationSummary[] = [];
  const opts = { defs: ruleDefs, checks: [], expected: [], conditions: () => new Set<string>(), now: () => new Date('2026-11-23T12:00:00+08:00'), onSummary: (s: ValidationSummary) => void summaries.push(s), readText: readsPage };
  const mapped = mapFields(document, ruleDefs);
  return { v: checker?.validator(document, opts, mapped) ?? summaryOnly(opts, mapped), summaries };
}

describe('validators injected into a portal frame (src/content/checker.ts)', () => {
  it('are asked of the background only while the frame has none; an unreachable background leaves none', async () => {
    globalThis.__jzsParts = undefined;
    let asked = 0;
    expect(await loadChecker(() => Promise.reject(new Error('background gone')))).toBeUndefined();
    expect(await loadChecker(async () => void asked++)).toBeUndefined();
    expect(await loadChecker(async () => void (asked++, installPart('checks', CHECKER)))).toBe(CHECKER);
    expect(await loadChecker(async () => void asked++)).toBe(CHECKER);
    expect(asked).toBe(2);
    globalThis.__jzsParts = undefined;
  });

  it('a page with fields shows no hint without them and says it was not checked (never a clean page); the wrong check digit once they are in', () => {
    const missing = validator(FORM, defs, undefined);
    expect(missing.summaries.at(-1)).toEqual({ items: [], missing: [], mapped: 1, unchecked: true });
    expect(document.querySelector('[data-jzs-field]')).toBeNull();
    const present = validator(FORM, defs, CHECKER);
    expect(present.summaries.at(-1)?.items.map((i) => [i.key, i.severity])).toContainEqual(['idNumber', 'error']);
    expect(document.querySelector('[data-jzs-field="idNumber"]')?.getAttribute('data-severity')).toBe('error');
  });

  it('a page not checked counts its mapped fields as a checked one does: field keys, not boxes (two boxes of one key: 1)', () => {
    const twice = FORM.replace('</table>', '<tr><td>证件号码：</td><td><input value="370102199001011231"></td></tr></table>');
    const present = validator(twice, defs, CHECKER);
    const missing = validator(twice, defs, undefined);
    expect(present.summaries.at(-1)?.mapped).toBe(1);
    expect(missing.summaries.at(-1)).toEqual({ items: [], missing: [], mapped: 1, unchecked: true });
  });

  it('injected late (a file chosen after the injection with the rules failed): the frame is checked from then on, never still 「未经检查」', () => {
    globalThis.__jzsParts = undefined;
    document.body.innerHTML = FORM.replace('370102199001011237', '370102199001011231');
    const summaries: ValidationSummary[] = [];
    const opts = { defs, checks: [], expected: [], conditions: () => new Set<string>(), now: () => new Date('2026-11-23T12:00:00+08:00'), onSummary: (s: ValidationSummary) => void summaries.push(s), readText: readsPage };
    const v = frameValidator(document, opts, mapFields(document, defs));
    expect(summaries.at(-1)?.unchecked).toBe(true);
    // The page re-rendered before the validators came: they check the fields as mapped last.
    document.body.innerHTML = FORM;
    v.rebind(mapFields(document, defs));
    installPart('checks', CHECKER);
    expect(summaries.at(-1)?.unchecked).toBeUndefined();
    expect(summaries.at(-1)?.items.map((i) => [i.key, i.severity])).toContainEqual(['idNumber', 'error']);
    expect(document.querySelector('[data-jzs-field="idNumber"]')?.getAttribute('data-severity')).toBe('error');
    v.destroy();
    // A frame gone (destroyed) does not start the validators when they come again.
    document.body.innerHTML = FORM;
    const count = summaries.length;
    installPart('checks', CHECKER);
    expect(summaries.length).toBe(count);
    expect(document.querySelector('[data-jzs-field]')).toBeNull();
    globalThis.__jzsParts = undefined;
  });

  it('a page with nothing to check (no fields, no checks: none are injected) still gives its summary', () => {
    const { summaries } = validator(FORM, [], undefined);
    expect(summaries).toEqual([{ items: [], missing: [], mapped: 0 }]);
  });
});
