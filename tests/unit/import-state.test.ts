import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/profiles/io/plan';
import type { ReadResult } from '../../src/profiles/io/read';
import type { RowResult } from '../../src/profiles/io/rows';
import type { Table } from '../../src/profiles/io/table';
import { type ImportState, importReducer, initialImport, isMapped, remap, reportOf } from '../../src/ui/options/import-state';

const table: Table = { headers: ['姓名', '身份证号'], rows: [], headerRow: 1 };

function row(n: number, name: string, id: string, errors: RowResult['errors'] = []): RowResult {
  return { row: n, sheetRow: n + 1, data: { name, idNumber: id }, errors, warnings: [], notices: [], blank: false };
}

const run = (...actions: Parameters<typeof importReducer>[1][]): ImportState => actions.reduce(importReducer, initialImport);

describe('import panel state (issue 16.3)', () => {
  it('a new file starts over from a clean state in the reading step', () => {
    const before = run({ type: 'start', fileName: 'a.csv' }, { type: 'table', table, mapping: ['name', null] }, { type: 'policy', policy: 'skip' }, { type: 'failed', text: 'x' });
    const s = importReducer(before, { type: 'start', fileName: 'b.xlsx' });
    expect(s).toMatchObject({ stage: 'reading', fileName: 'b.xlsx', policy: 'update', mapping: [], rows: [] });
    expect(s.message).toBeUndefined();
    expect(s.table).toBeUndefined();
  });

  it('a failed read goes back to idle with the error; a failed commit goes back to the preview', () => {
    expect(run({ type: 'start', fileName: 'a.csv' }, { type: 'failed', text: '坏文件' })).toMatchObject({ stage: 'idle', message: { kind: 'error', text: '坏文件' } });
    const saving = run({ type: 'start', fileName: 'a.csv' }, { type: 'table', table, mapping: ['name', 'idNumber'] }, { type: 'previewed' }, { type: 'saving' });
    expect(saving.stage).toBe('saving');
    expect(importReducer(saving, { type: 'failed', text: '写入失败' })).toMatchObject({ stage: 'preview', message: { kind: 'error', text: '写入失败' } });
  });

  it('progress is kept while reading, in steps worth a render; not while previewing or saving', () => {
    const reading = run({ type: 'start', fileName: 'a.csv' });
    const a = importReducer(reading, { type: 'progress', value: 0.3 });
    expect(a.progress).toBe(0.3);
    expect(importReducer(a, { type: 'progress', value: 0.31 })).toBe(a);
    expect(importReducer(a, { type: 'progress', value: 1 }).progress).toBe(1);
    const preview = run({ type: 'start', fileName: 'a.csv' }, { type: 'table', table, mapping: ['name', 'idNumber'] }, { type: 'previewed' });
    expect(importReducer(preview, { type: 'progress', value: 0.5 })).toBe(preview);
  });

  it('a key maps one column: choosing it for another column frees the first', () => {
    expect(remap(['name', 'idNumber', null], 2, 'name')).toEqual([null, 'idNumber', 'name']);
    expect(remap(['name', 'idNumber'], 0, null)).toEqual([null, 'idNumber']);
    const s = run({ type: 'table', table, mapping: ['name', 'idNumber'] });
    expect(isMapped(s)).toBe(true);
    expect(isMapped(importReducer(s, { type: 'map', column: 1, key: 'name' }))).toBe(false);
  });

  it('new rows drop earlier conflict choices; the filter goes back to the first page', () => {
    let s = run({ type: 'choose', row: 3, choice: 'import' }, { type: 'page', page: 4 });
    expect(s.choices.get(3)).toBe('import');
    s = importReducer(s, { type: 'onlyProblems', value: true });
    expect(s.page).toBe(0);
    s = importReducer(s, { type: 'checked', rows: [row(1, '张三', '110101199003077777')], existing: new Map() });
    expect(s.choices.size).toBe(0);
    expect(s.rows).toHaveLength(1);
  });

  it('cancel clears everything and says so; done keeps what was read for the report', () => {
    const read: ReadResult = { kind: 'csv', grid: [], notices: [], date1904: false };
    const s = run({ type: 'start', fileName: 'a.csv' }, { type: 'read', read }, { type: 'done', report: { imported: 1, unchanged: 0, skipped: 0, rejected: [] } });
    expect(s).toMatchObject({ stage: 'done', read, report: { imported: 1 } });
    const cancelled = importReducer(s, { type: 'cancelled', text: '已取消' });
    expect(cancelled).toMatchObject({ stage: 'idle', message: { kind: 'ok', text: '已取消' } });
    expect(cancelled.read).toBeUndefined();
  });

  it('the report counts rejected rows apart and unresolved conflicts as skipped', () => {
    const rows = [row(1, '张三', '110101199003077777'), row(2, '李四', '110101199003077777'), row(3, '', '', [{ column: '姓名', code: 'v.name.empty' }]), row(4, '王五', '11010119900307001X')];
    const plan = planImport(rows, new Map(), 'update', new Map());
    const report = reportOf(plan);
    expect(report.rejected.map((r) => r.row)).toEqual(plan.rejected.map((r) => r.row));
    expect(report.imported).toBe(plan.created + plan.updated);
    expect(report.skipped).toBe(plan.skipped + plan.conflicts.size);
  });

  it('a file imported again unchanged still reports its applicants as imported (contract.md data-imported), none written', () => {
    const plan = { ...planImport([row(1, '张三', '110101199003077777')], new Map(), 'update', new Map()), created: 1, updated: 1, unchanged: 3 };
    expect(reportOf(plan)).toMatchObject({ imported: 5, unchanged: 3 });
  });
});
