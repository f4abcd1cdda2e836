import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { autoMap } from '../../src/profiles/io/mapping';
import { findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type RowResult, validateTable } from '../../src/profiles/io/rows';
import { checkCharacter } from '../../src/validate/id-number';
import { pick, type Rand, rng } from '../helpers/rng';
import { buildXlsx, type RichRun, type TestCell } from '../helpers/xlsx-builder';

/**
 * Strike-through on PART of a cell (issue: sheets a) — rich text, a run of 删除线 inside the cell, as a clerk corrects
 * a value in place. Generated with a fixed seed: values of several fields, the runs Excel splits text into (with and
 * without run properties, the cell's own font struck or not), and the connectors clerks type between the old and the
 * new value. Expected per cell from what was generated, never from the reader.
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';
const HEADERS = ['姓名', '身份证号', '手机', '工作单位', '劳动合同截止日期'];

function idFor(seq: number): string {
  const first17 = `37010219850302${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

async function importRows(rows: TestCell[][]): Promise<RowResult[]> {
  const read = readImportFile(buildXlsx({ rows: [HEADERS, ...rows] }), '删除线.xlsx');
  const table = tableAt(read, findHeaderRow(read.grid));
  return validateTable(table, { mapping: autoMap(table.headers), now: NOW, today: TODAY, date1904: false });
}

/** The text cut into 1–3 runs, as Excel leaves runs after edits (a run ends wherever the font was set). */
function cut(r: Rand, text: string): string[] {
  const chars = [...text];
  if (chars.length < 3 || r() < 0.5) return [text];
  const at = 1 + Math.floor(r() * (chars.length - 1));
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}

/** Runs of one kind: struck or kept, with properties or, for kept text in a cell not struck, without. */
function runs(r: Rand, text: string, struck: boolean, cellStruck: boolean): RichRun[] {
  return cut(r, text).map((part) => {
    // A run with no properties takes the cell's font: struck text so only in a struck cell, kept text only in a plain one.
    const bare = struck === cellStruck && r() < 0.4;
    return bare ? { text: part, struck, props: false } : { text: part, struck, strikeOff: !struck && r() < 0.3 };
  });
}

const MOBILES = ['13805311234', '15953102468', '18660001357', '13012345678'];
const EMPLOYERS = ['济南鲁信建设有限公司', '山东华泰路桥工程有限公司', '章丘市政工程公司', '历城建筑安装公司'];
const DATES = [['2025-06-30', '2027-06-30'], ['2024.3.1', '2027.3.1'], ['2026年1月1日', '2029年1月1日']] as const;
const ISO: Record<string, string> = { '2025-06-30': '2025-06-30', '2027-06-30': '2027-06-30', '2024.3.1': '2024-03-01', '2027.3.1': '2027-03-01', '2026年1月1日': '2026-01-01', '2029年1月1日': '2029-01-01' };
/** What clerks type between the crossed-out value and the new one (some of them not in the code's list). */
const CONNECTORS = ['', ' ', '  ', '→', ' → ', '->', '/', '／', '，', '：', '改为', ' 改成', '更正为：', '变更为 ', '、', '——'];

type Shape = 'replace' | 'after' | 'middle' | 'twice' | 'onlyConnector' | 'whole' | 'spaceStruck' | 'plain';
const SHAPES: Shape[] = ['replace', 'replace', 'replace', 'after', 'middle', 'twice', 'onlyConnector', 'whole', 'spaceStruck', 'plain'];
type Column = 'mobile' | 'employerName' | 'contractEnd';

interface Case {
  shape: Shape;
  column: Column;
  cell: TestCell;
  /** The value the field must hold after the import (undefined: left empty). */
  expected: string | undefined;
  old: string;
}

function valuesFor(r: Rand, column: Column): { old: string; now: string; iso: string } {
  if (column === 'mobile') {
    const [old, now] = [pick(r, MOBILES), pick(r, MOBILES.filter((m) => m !== MOBILES[0]))];
    return { old, now: now === old ? '13999999999' : now, iso: now === old ? '13999999999' : now };
  }
  if (column === 'employerName') {
    const old = pick(r, EMPLOYERS);
    const now = pick(r, EMPLOYERS.filter((e) => e !== old));
    return { old, now, iso: now };
  }
  const [old, now] = pick(r, DATES);
  return { old, now, iso: ISO[now] ?? now };
}

function caseFor(r: Rand): Case {
  const shape = pick(r, SHAPES);
  const column = pick(r, ['mobile', 'employerName', 'contractEnd'] as const);
  const { old, now, iso } = valuesFor(r, column);
  const cellStruck = r() < 0.25;
  const struck = (text: string) => runs(r, text, true, cellStruck);
  const kept = (text: string) => runs(r, text, false, cellStruck);
  const rich = (list: RichRun[]): TestCell => ({ rich: list, cellStruck, inline: r() < 0.2 });
  const connector = pick(r, CONNECTORS);
  switch (shape) {
    case 'replace':
      // The connector goes with the new value's runs or stands alone, struck or not when it is only space.
      return { shape, column, cell: rich([...struck(old), ...kept(`${connector}${now}`)]), expected: iso, old };
    case 'after':
      return { shape, column, cell: rich([...kept(now), { text: ' ' }, ...struck(old)]), expected: undefined, old };
    case 'middle':
      return { shape, column, cell: rich([...kept(now.slice(0, 3)), ...struck(old.slice(3, 5)), ...kept(now.slice(3))]), expected: undefined, old };
    case 'twice':
      return { shape, column, cell: rich([...struck(old), ...kept(` ${now} `), ...struck(now)]), expected: undefined, old };
    case 'onlyConnector':
      return { shape, column, cell: rich([...struck(old), ...kept(pick(r, ['→', ' / ', '改为', '，']))]), expected: undefined, old };
    case 'whole':
      return { shape, column, cell: rich([...struck(old), ...struck(` ${now}`)]), expected: undefined, old };
    case 'spaceStruck':
      // Strike-through on spaces only shows nothing crossed out: the value stands.
      return { shape, column, cell: rich([...kept(now), { text: '  ', struck: true }]), expected: iso, old };
    case 'plain':
      return { shape, column, cell: rich(kept(now)), expected: iso, old };
  }
}

const COLUMN_AT: Record<Column, number> = { mobile: 2, employerName: 3, contractEnd: 4 };

describe('a cell struck through in part (seeded, 300 cells)', () => {
  it('an old value crossed out and the new one after it → the new one with a warning; any other shape → left empty, said', async () => {
    const r = rng(20261202);
    const cases = Array.from({ length: 300 }, () => caseFor(r));
    const rows = await importRows(
      cases.map((c, i) => {
        const row: TestCell[] = [`王${'伟芳明华'[i % 4] ?? '伟'}`, idFor(i), null, null, null];
        row[COLUMN_AT[c.column]] = c.cell;
        return row;
      }),
    );
    expect(new Set(cases.map((c) => c.shape)).size).toBe(8);
    rows.forEach((row, i) => {
      const c = cases[i];
      if (!c) throw new Error('more rows than cases');
      const label = `${i} ${c.shape} ${JSON.stringify(c.cell)}`;
      expect(row.errors, label).toEqual([]);
      expect(row.data[c.column], label).toBe(c.expected);
      const codes = row.warnings.map((w) => w.code);
      if (c.shape === 'replace') {
        expect(codes, label).toEqual(['import.cell.struckReplaced']);
        const said = t(row.warnings[0]?.code ?? 'import.cell.struckReplaced', row.warnings[0]?.params);
        expect(said, label).toContain(c.old);
        expect(row.warnings[0]?.column, label).toBe(HEADERS[COLUMN_AT[c.column]]);
      } else if (c.shape === 'whole') expect(codes, label).toEqual(['import.cell.struck']);
      else if (c.shape === 'plain' || c.shape === 'spaceStruck') expect(codes, label).toEqual([]);
      else {
        expect(codes, label).toEqual(['import.cell.struckUnclear']);
        expect(row.warnings[0]?.column, label).toBe(HEADERS[COLUMN_AT[c.column]]);
        expect(t('import.cell.struckUnclear', row.warnings[0]?.params), label).toContain(c.shape === 'middle' ? c.old.slice(3, 5) : c.old);
      }
    });
  });

  it('the name and the ID number: corrected in place → the new one; unclear or crossed out alone → the row is refused, the cell named', async () => {
    const id = idFor(7);
    const other = idFor(8);
    const rows = await importRows([
      [{ rich: [{ text: '张三', struck: true }, { text: '张叁' }] }, id],
      [{ rich: [{ text: '张', struck: false }, { text: '三', struck: true }, { text: '叁' }] }, id],
      ['李四', { rich: [{ text: other, struck: true }, { text: ` ${id}` }] }],
      ['李四', { rich: [{ text: id }, { text: ` ${other}`, struck: true }] }],
      ['王五', { struck: id }, '13805311234'],
      [{ struck: '赵六' }, id, '13805311234'],
      [{ struck: '孙七' }, { struck: id }, { struck: '13805311234' }],
    ]);
    expect(rows.map((row) => [row.data.name, row.data.idNumber, row.errors.map((e) => `${e.column}:${e.code}`)])).toEqual([
      ['张叁', id, []],
      [undefined, id, ['姓名:import.cell.struckUnclearRow']],
      ['李四', id, []],
      ['李四', undefined, ['身份证号:import.cell.struckUnclearRow']],
      ['王五', undefined, ['身份证号:import.cell.struckIdentity']],
      [undefined, id, ['姓名:import.cell.struckIdentity']],
      // A row crossed out whole is read as before (flagged, the clerk decides).
      ['孙七', id, []],
    ]);
    expect(rows[0]?.warnings.map((w) => w.code)).toEqual(['import.cell.struckReplaced']);
    expect(rows[6]?.warnings.map((w) => w.code)).toEqual(['import.rowStruck']);
    expect(t('import.cell.struckIdentity', rows[4]?.errors[0]?.params)).toContain('此行未导入');
    expect(t('import.cell.struckUnclearRow', rows[1]?.errors[0]?.params, 'en')).toContain('not imported');
  });
});
