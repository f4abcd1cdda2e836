/**
 * A 「专业」 column whose values do not tell the registration's specialty from the school major stays unmapped
 * (mapping.ts byValues) — and the mapping step says why, naming both fields, instead of a silent 「不导入」
 * (sheets' report). A column the values do tell is mapped and gets no such note.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n';
import { autoMapTable, findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { type ImportState, initialImport } from '../../src/ui/options/import-state';
import { MappingStep } from '../../src/ui/options/ImportSteps';
import { checkCharacter } from '../../src/validate/id-number';

const first17 = '37010219850302011';
const ID = first17 + checkCharacter(first17);

async function mappingStep(csv: string): Promise<{ mapping: ReadonlyArray<string | null>; notes: Array<[string, string]> }> {
  const read = readImportFile(new TextEncoder().encode(csv), 'x.csv');
  const table = tableAt(read, findHeaderRow(read.grid));
  const mapping = autoMapTable(table);
  const root = document.createElement('div');
  document.body.append(root);
  const s: ImportState = { ...initialImport, stage: 'preview', fileName: 'x.csv', mapping, read, table };
  await act(() => render(h(MappingStep, { state: s, read, table, onHeaderRow: () => undefined, onMap: () => undefined, onEmployer: () => undefined }), root));
  const notes = [...root.querySelectorAll('[data-jzs-map-shared-unclear]')].map((e): [string, string] => [table.headers[Number(e.getAttribute('data-jzs-map-shared-unclear'))] ?? '', e.textContent ?? '']);
  render(null, root);
  root.remove();
  return { mapping, notes };
}

describe('a 「专业」 column the values do not tell', () => {
  afterEach(() => setLang('zh'));

  it('majors under 「专业」 with no other 专业 column: unmapped and said, naming both fields', async () => {
    const { mapping, notes } = await mappingStep(`姓名,身份证号,专业\n张三,${ID},土木工程\n`);
    expect(mapping[2]).toBeNull();
    expect(notes).toHaveLength(1);
    expect(notes[0]?.[0]).toBe('专业');
    expect(notes[0]?.[1]).toMatch(/「专业」可能是.*专业.*、.*专业.*不导入/);
    setLang('en');
    const en = await mappingStep(`姓名,身份证号,专业\n张三,${ID},土木工程\n`);
    expect(en.notes[0]?.[1]).toMatch(/^"专业" may be the .+ or .+, and this column's values do not tell which/);
  });

  it('specialties under 「专业」: mapped to the specialty, no note', async () => {
    const { mapping, notes } = await mappingStep(`姓名,身份证号,专业\n张三,${ID},建筑工程\n`);
    expect(mapping[2]).toBe('specialty');
    expect(notes).toEqual([]);
  });
});
