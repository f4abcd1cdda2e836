import { describe, expect, it } from 'vitest';
import { fieldViews } from '../../src/background/handlers';
import { headerKey } from '../../src/profiles/io/mapping';
import { keyForLabel, labelLexicon } from '../../src/portals/fields';
import { bundledPack } from '../../src/rules/bundled';
import { pick, rng } from '../helpers/rng';

/**
 * One list of spare/second/other words (src/domain/spare-words.ts) read by the portal pages' labels and the import's
 * headers alike: a word that makes a page's box another value makes an import column another value too, and the plain
 * label or header is still the field on both. Generated over the fields' own labels (rules/shared/fields.json) with a
 * fixed seed; words that only one of the two surfaces knew before (备选, 后备, 另一, 另外, 第三, backup) included.
 */
const defs = fieldViews(bundledPack().fields);
const lexicon = labelLexicon(defs);
const WORDS = ['备用', '备选', '后备', '另一', '另外', '其他', '其它', '第二', '第三', '第2', 'backup', 'spare', 'second', 'other'];
const BRACKETS: Array<[string, string]> = [['（', '）'], ['(', ')'], ['【', '】'], ['[', ']']];

describe('a spare or second value, on a portal page and in a spreadsheet', () => {
  const own = defs.flatMap((d) => (d.labels ?? []).filter((l) => l.length >= 2 && keyForLabel(l, lexicon) === d.key && headerKey(l) === d.key).map((l) => [l, d.key] as const));

  it('a label and a header with a spare word in a note name no field on either surface; the plain one names it on both', () => {
    expect(own.length).toBeGreaterThan(40);
    const r = rng(8080);
    const misread: string[] = [];
    for (const [label, key] of own) {
      const [open, close] = pick(r, BRACKETS);
      const noted = `${label}${open}${pick(r, WORDS)}${close}`;
      if (keyForLabel(noted, lexicon) === key) misread.push(`page ${noted}`);
      if (headerKey(noted) === key) misread.push(`sheet ${noted}`);
      expect(keyForLabel(label, lexicon), label).toBe(key);
      expect(headerKey(label), label).toBe(key);
    }
    expect(misread).toEqual([]);
  });

  it('a Chinese spare word before the label: the page reads no field', () => {
    const r = rng(9090);
    const misread = own.map(([label, key]) => [`${pick(r, WORDS.filter((w) => /\p{Script=Han}/u.test(w)))}${label}`, key] as const).filter(([v, key]) => keyForLabel(v, lexicon) === key);
    expect(misread).toEqual([]);
  });
});
