import { describe, expect, it } from 'vitest';
import '../../src/i18n/all';
import { t } from '../../src/i18n';
import { autoMap } from '../../src/profiles/io/mapping';
import { validateRow } from '../../src/profiles/io/rows';

/** Issue 12.5: bidirectional-text controls in an imported value are flagged (kept as typed, never silently). */
describe('import: bidi control characters', () => {
  const headers = ['姓名', '身份证号', '通讯地址'];
  const ctx = { headers, mapping: autoMap(headers), now: new Date('2026-11-23T04:00:00Z'), today: '2026-11-23' };

  it('warns on the cell that holds them, naming the characters, and still imports the applicant', () => {
    // U+202E (right-to-left override) makes 「济南市‮1321号」 show its digits reversed.
    const r = validateRow(1, 2, [{ text: '张三' }, { text: '370102199001011231' }, { text: '济南市\u202e1321号' }], ctx);
    expect(r.errors).toEqual([]);
    const bidi = r.warnings.filter((w) => w.code === 'import.bidiControls');
    expect(bidi).toEqual([{ column: '通讯地址', field: 'address', code: 'import.bidiControls', params: { codes: 'U+202E' } }]);
    expect(t(bidi[0]!.code, bidi[0]!.params)).toContain('U+202E');
    expect(r.data.address).toBe('济南市\u202e1321号');
  });

  it('says nothing about ordinary text (control)', () => {
    const r = validateRow(1, 2, [{ text: '张三' }, { text: '370102199001011231' }, { text: '济南市经十路1321号' }], ctx);
    expect(r.warnings.filter((w) => w.code === 'import.bidiControls')).toEqual([]);
  });
});
