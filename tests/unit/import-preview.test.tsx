import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { planImport } from '../../src/profiles/io/plan';
import type { RowResult } from '../../src/profiles/io/rows';
import type { Table } from '../../src/profiles/io/table';
import { type ImportAction, type ImportState, importReducer, initialImport } from '../../src/ui/options/import-state';
import { PreviewStep } from '../../src/ui/options/ImportSteps';
import { checkCharacter } from '../../src/validate/id-number';

/**
 * The import preview draws a page of rows a few at a time (bench T9: a page of 100 rows drawn at once was one long
 * task): the clerk ends up with the same page — every row, in sheet order, with its outcome — and pages still work.
 */
function idFor(seq: number): string {
  const first17 = `37010219850302${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

const rows: RowResult[] = Array.from({ length: 250 }, (_, i) => ({
  row: i + 1,
  sheetRow: i + 2,
  blank: false,
  data: { name: `张${String.fromCharCode(0x4e00 + i)}`, idNumber: idFor(i) },
  errors: i === 150 ? [{ column: '身份证号', code: 'v.id.empty' }] : [],
  warnings: [],
  notices: [],
}));
const table: Table = { headers: ['姓名', '身份证号'], rows: [], headerRow: 1 };

describe('the import preview draws its page in steps', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  /** Run the drawing steps: each timer draws rows, and the effect after the render sets the next timer. */
  const settle = async () => {
    for (let i = 0; i < 10 && vi.getTimerCount() > 0; i++) await act(() => {
      vi.runOnlyPendingTimers();
    });
  };
  const shownRows = () => [...root.querySelectorAll('[data-jzs-preview-row]')].map((e) => Number(e.getAttribute('data-jzs-preview-row')));
  const draw = (s: ImportState, dispatch: (a: ImportAction) => void) =>
    act(() => render(h(PreviewStep, { state: s, table, plan: planImport(s.rows, s.existing, s.policy), dispatch, onConfirm: () => undefined, onCancel: () => undefined }), root));

  it('a page of 100 rows appears 20 at a time and ends complete, in order; the next page starts afresh', async () => {
    let s: ImportState = { ...initialImport, stage: 'preview', mapping: ['name', 'idNumber'], rows };
    const dispatch = (a: ImportAction) => (s = importReducer(s, a));
    await draw(s, dispatch);
    expect(shownRows()).toEqual([...Array(20).keys()].map((i) => i + 1));
    expect(root.querySelector('[data-jzs-preview-rows]')?.getAttribute('data-jzs-preview-rows')).toBe('drawing');
    await settle();
    expect(shownRows()).toEqual([...Array(100).keys()].map((i) => i + 1));
    expect(root.querySelector('[data-jzs-preview-rows]')?.getAttribute('data-jzs-preview-rows')).toBe('complete');

    await act(() => [...root.querySelectorAll<HTMLButtonElement>('.pager button')].at(-1)?.click());
    await draw(s, dispatch);
    expect(shownRows()[0]).toBe(101);
    await settle();
    expect(shownRows()).toEqual([...Array(100).keys()].map((i) => i + 101));
    expect(root.querySelector('[data-jzs-preview-row="151"]')?.getAttribute('data-outcome')).toBe('reject');
  });
});
