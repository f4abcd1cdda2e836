import { describe, expect, it } from 'vitest';
import { autoMap } from '../../src/profiles/io/mapping';
import { findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type RowResult, validateTable } from '../../src/profiles/io/rows';
import { type CheckPart, type CheckRequest, SLICE, type SheetReply, SheetSession } from '../../src/profiles/io/sheet-session';
import type { Cell } from '../../src/profiles/io/table';
import { checkCharacter } from '../../src/validate/id-number';

/**
 * The import file's worker protocol (sheet-session.ts, bench T9): the file is read once and held; the grid and
 * every check reach the page in slices small enough to be short tasks there; a newer check supersedes an older
 * one; the results are exactly those of validating on the page.
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';

function idFor(seq: number): string {
  const first17 = `37010219850302${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

const nameFor = (i: number) => `王${String.fromCharCode(0x4e00 + (i % 400))}${String.fromCharCode(0x4e00 + Math.floor(i / 400))}`;

/** A CSV of `n` applicants under a title row; every 97th ID number has a wrong check digit. */
function roster(n: number): Uint8Array {
  const lines = ['某公司花名册', '姓名,身份证号,手机,毕业时间'];
  for (let i = 0; i < n; i++) {
    const id = idFor(i);
    lines.push(`${nameFor(i)},${i % 97 === 5 ? `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}` : id},1380531${String(i).padStart(4, '0')},2010.07`);
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

function session() {
  const replies: SheetReply[] = [];
  return { replies, s: new SheetSession((r) => replies.push(r)) };
}

const grids = (replies: SheetReply[]): Cell[][][] => replies.flatMap((r) => ('rows' in r ? [r.rows] : []));
const checked = (replies: SheetReply[], id: number): RowResult[][] => replies.flatMap((r) => ('checked' in r && r.checked.id === id ? [r.checked.results] : []));
const check = (id: number, headerRow: number, mapping: CheckPart['mapping']): { check: CheckRequest } => ({ check: { id, parts: [{ sheet: 0, headerRow, mapping }], now: NOW.getTime(), today: TODAY } });

describe('the import worker: one file held off the page, checked in slices', () => {
  it('sends the grid in slices, then checks it with the same results as validating on the page', async () => {
    const bytes = roster(1_000);
    const { replies, s } = session();
    await s.handle({ read: { bytes: bytes.slice(), fileName: 'a.csv' } });
    const slices = grids(replies);
    expect(slices.every((g) => g.length <= SLICE)).toBe(true);
    const grid = slices.flat();
    const read = readImportFile(bytes, 'a.csv');
    expect(grid).toEqual(read.grid);
    expect(replies.find((r) => 'done' in r)).toEqual({ done: { notices: read.notices, fatal: read.fatal, kind: 'csv', encoding: read.encoding, date1904: false } });

    const headerRow = findHeaderRow(grid);
    expect(headerRow).toBe(2);
    const table = tableAt(read, headerRow);
    const mapping = autoMap(table.headers);
    await s.handle(check(1, headerRow, mapping));
    const results = checked(replies, 1);
    expect(results.length).toBe(Math.ceil(1_000 / SLICE));
    expect(results.every((r) => r.length <= SLICE)).toBe(true);
    expect(replies.at(-1)).toEqual({ checkDone: { id: 1 } });
    const onPage = await validateTable(table, { mapping, now: NOW, today: TODAY, date1904: false });
    expect(results.flat()).toEqual(onPage);
    // What a user notices: the rows with a wrong check digit are rejected at the row Excel shows.
    expect(onPage.filter((r) => r.errors.length).map((r) => r.sheetRow)).toEqual([...Array(11).keys()].map((k) => 5 + 97 * k + 3));
  });

  it('a newer check (another mapping) supersedes one still running: only the newer one finishes', async () => {
    const { replies, s } = session();
    await s.handle({ read: { bytes: roster(2_000), fileName: 'b.csv' } });
    const first = s.handle(check(1, 2, ['name', 'idNumber', 'mobile', 'graduationDate']));
    const second = s.handle(check(2, 2, ['name', 'idNumber', null, null]));
    await Promise.all([first, second]);
    expect(replies.some((r) => 'checkDone' in r && r.checkDone.id === 1)).toBe(false);
    expect(checked(replies, 1).flat().length).toBeLessThan(2_000);
    const rows = checked(replies, 2).flat();
    expect(rows).toHaveLength(2_000);
    expect(rows[3]?.data).toEqual({ name: nameFor(3), idNumber: idFor(3) });
    expect(replies.at(-1)).toEqual({ checkDone: { id: 2 } });
  });

  it('a file it cannot read is an error with the message key; a check without a file too', async () => {
    const { replies, s } = session();
    await s.handle(check(1, 1, ['name']));
    expect(replies).toEqual([{ error: { code: 'import.err.reader', params: {}, check: 1 } }]);
    await s.handle({ read: { bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]), fileName: 'old.xls' } });
    expect(replies.at(-1)).toMatchObject({ error: { code: 'import.err.legacyXls', params: { file: 'old.xls' } } });
  });
});
