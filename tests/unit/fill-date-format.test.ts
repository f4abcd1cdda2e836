/**
 * The date format a box wants, read from the page (fill review (a); page-script.ts `dateFormatOf`), on seeded
 * variants: every format the pages' pickers write × every way a page states it (a picker's declared format in
 * its own library's tokens, the box's value, a placeholder with letters, 年/月/日 or an example date). The rule: a
 * date written in the format read is exactly what the page's picker would write; where the page shows no padding
 * either way, the format says so (`M?`/`d?`) instead of guessing; a format we cannot write is '' and silence is
 * undefined.
 */
import { describe, expect, it } from 'vitest';
import { pageScript } from '../../src/fill/page-script';
import { pick, rng } from '../helpers/rng';

const kit = pageScript({ op: 'kit' });

/** Formats in My97's tokens, as pages configure their pickers. */
const FORMATS = ['yyyy-MM-dd', 'yyyy/MM/dd', 'yyyy年MM月dd日', 'yyyy年M月d日', 'yyyy.MM.dd', 'yyyyMMdd', 'yyyy/M/d', 'yyyy-M-d', 'MM/dd/yyyy', 'dd.MM.yyyy'];
const render = (iso: string, fmt: string) => {
  const [y = '', m = '', d = ''] = iso.split('-');
  return fmt.replace('yyyy', y).replace('MM', m).replace('dd', d).replace('M', String(Number(m))).replace('d', String(Number(d)));
};
/** Our reading applied to a date: '?' tokens only where both paddings agree. */
const apply = (iso: string, read: string): string | undefined => {
  const [, m = '', d = ''] = iso.split('-');
  if ((read.includes('M?') && Number(m) < 10) || (read.includes('d?') && Number(d) < 10)) return undefined;
  return render(iso, read.replace('M?', 'MM').replace('d?', 'dd'));
};
const box = (attrs: Record<string, string>) => {
  const el = document.createElement('input');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.replaceChildren(el);
  return el;
};
const DATES = ['2021-03-07', '2020-11-25', '1990-01-01', '2019-12-31', '2008-10-05'];

describe('the date format a box wants, read from the page', () => {
  it('each format, stated each way, reads back to the very text the page writes (seeded)', () => {
    const r = rng(20261202);
    for (let n = 0; n < 300; n++) {
      const fmt = pick(r, FORMATS);
      const lib = fmt.replace('MM', 'mm').replace(/M(?!M)/, 'm');
      const way = pick(r, ['my97', 'laydate1', 'bootstrap', 'format-attr', 'placeholder', 'example', 'value'] as const);
      const shown = pick(r, DATES);
      const attrs: Record<string, string> = {
        my97: { class: 'Wdate', onfocus: `WdatePicker({dateFmt:'${fmt}'})` },
        laydate1: { onclick: `laydate({elem: this, format: '${fmt.toUpperCase()}'})` },
        bootstrap: { 'data-provide': 'datepicker', 'data-date-format': lib },
        'format-attr': { 'data-format': fmt },
        placeholder: { placeholder: `请选择（${fmt.toLowerCase()}）` },
        example: { placeholder: `例：${render(shown, fmt)}` },
        value: { value: render(shown, fmt) },
      }[way];
      const read = kit.dateFormatOf(box(attrs));
      const where = `${way} ${fmt} ${JSON.stringify(attrs)} → ${read}`;
      // Only year-first shapes are read from a text (a date whose year is not first is never guessed).
      if ((way === 'example' || way === 'value') && !fmt.startsWith('yyyy')) {
        expect(read, where).toBeUndefined();
        continue;
      }
      expect(read, where).toBeTruthy();
      for (const iso of DATES) {
        const written = apply(iso, read ?? '');
        // Where the page's text did not show the padding, a date that needs it is not written (undefined).
        if (written !== undefined) expect(written, `${where} ${iso}`).toBe(render(iso, fmt));
        else expect(read, where).toMatch(/[Md]\?/);
      }
    }
  });

  it('says nothing where the page says nothing, and names what it cannot write', () => {
    expect(kit.dateFormatOf(box({ 'lay-key': '3' }))).toBeUndefined();
    expect(kit.dateFormatOf(box({ placeholder: '请选择日期' }))).toBeUndefined();
    expect(kit.dateFormatOf(box({ class: 'form-control hasDatepicker' }))).toBeUndefined(); // no jQuery on the page
    // My97 without a dateFmt writes its default (yyyy-MM-dd, My97's documentation).
    expect(kit.dateFormatOf(box({ class: 'Wdate', onfocus: 'WdatePicker()' }))).toBe('yyyy-MM-dd');
    expect(kit.dateFormatOf(box({ type: 'date' }))).toBe('yyyy-MM-dd');
    // A time, a month by name, a two-digit year: formats we cannot write.
    expect(kit.dateFormatOf(box({ onfocus: "WdatePicker({dateFmt:'yyyy-MM-dd HH:mm:ss'})" }))).toBe('');
    expect(kit.dateFormatOf(box({ 'data-provide': 'datepicker', 'data-date-format': 'dd MM yyyy' }))).toBe('');
    expect(kit.dateFormatOf(box({ placeholder: 'yy/mm/dd' }))).toBe('');
    // Chrome's 年/月/日, and a value that shows no padding either way.
    expect(kit.dateFormatOf(box({ placeholder: '年/月/日' }))).toBe('yyyy/M?/d?');
    expect(kit.dateFormatOf(box({ value: '2020/11/25' }))).toBe('yyyy/M?/d?');
    expect(kit.dateFormatOf(box({ value: '2020/11/5' }))).toBe('yyyy/M/d');
  });
});
