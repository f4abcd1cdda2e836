// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/profiles/io/xlsx-read';
import { buildXlsx, type SheetSpec } from '../helpers/xlsx-builder';

/**
 * Our XLSX reader (xlsx-read.ts) against read-excel-file, the library issue 17 measured, on the same corpus: every
 * cell the library reads, we read the same (strings, numbers, booleans, dates by their format). Where we differ,
 * it is on purpose and asserted here: merged ranges filled down (the library leaves them empty), phonetic guides
 * left out, and the number's display text kept beside the number (2019.10 under `0.00`).
 */
const corpus: Array<[string, SheetSpec]> = [
  [
    'title row, merged blocks, numbers under General, 0.00 and date formats, blank rows',
    {
      rows: [
        ['XX公司二级建造师花名册'],
        [],
        ['序号', '姓名', '身份证号码', '工作单位', '毕业时间', '合同开始', '备注'],
        [{ n: 1 }, '张三', '370102198503021234', '甲公司', { n: 2019.07 }, { n: 43466, fmt: 'date' }, { inline: '内联文本' }],
        [{ n: 2 }, '李四', '370102199007151234', null, { n: 2019.1, fmt: '0.00' }, { n: 44000, fmt: 'date' }, 'a&b<c>'],
        [],
        [{ n: 3 }, '王五', '370102197912011234', '乙公司', { n: 38504, fmt: 'ym' }, { n: 45352.5, fmt: 'date' }, '=SUM(A1)'],
      ],
      merges: ['A1:G1', 'D4:D5'],
    },
  ],
  ['phonetic runs', { rows: [['姓名'], [{ s: '李四', phonetic: 'リシ' }]] }],
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * read-excel-file's own answer, in a plain Node process (under vitest's module transform its internal promise
 * plumbing misbehaves): dates come back as Date, revived from JSON here.
 */
function readWithLibrary(bytes: Uint8Array): Array<Array<string | number | boolean | Date | null>> {
  const file = join(mkdtempSync(join(tmpdir(), 'jzs-rxf-')), 'book.xlsx');
  writeFileSync(file, bytes);
  const script = `import('read-excel-file/node').then(async ({ readSheet }) => process.stdout.write(JSON.stringify(await readSheet(process.argv[1]), (k, v) => v)))`;
  const out = execFileSync(process.execPath, ['-e', script, file], { cwd: process.cwd(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const rows = JSON.parse(out) as Array<Array<string | number | boolean | null>>;
  return rows.map((r) => r.map((v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) ? new Date(v) : v)));
}

describe('our XLSX reader reads what read-excel-file reads', () => {
  for (const [name, spec] of corpus) {
    it(name, () => {
      const bytes = buildXlsx(spec);
      const ours = readXlsx(bytes).grid;
      const theirs = readWithLibrary(bytes);
      const width = Math.max(...theirs.map((r) => r.length), ...ours.map((r) => r.length));
      const rows = Math.max(theirs.length, ours.length);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < width; c++) {
          const a = ours[r]?.[c];
          const b = theirs[r]?.[c] ?? null;
          const where = `${name} R${r + 1}C${c + 1}`;
          if (a?.merged) {
            expect(b, where).toBeNull(); // the library leaves merged cells empty; we fill them down
            continue;
          }
          if (b === null) expect(a?.text ?? '', where).toBe('');
          else if (b instanceof Date) expect([a?.dateFormat, a?.text.slice(0, 7), iso(b).slice(0, a?.monthOnly ? 7 : 10)], where).toEqual([true, iso(b).slice(0, 7), a?.text]);
          else if (typeof b === 'number') expect(a?.number, where).toBe(b);
          else if (typeof b === 'boolean') expect(a?.text, where).toBe(b ? 'TRUE' : 'FALSE');
          else expect(a?.text, where).toBe(b);
        }
      }
    });
  }
});

describe('where the library cannot', () => {
  it('rows and cells without `r` (allowed by ECMA-376 §18.3.1.73/§18.3.1.4): the library fails, ours reads them', () => {
    const bytes = buildXlsx({ rows: [['姓名', '身份证号'], ['张三', { n: 123 }], ['李四', { n: 0.5, fmt: '0.0' }]], noRefs: true });
    expect(() => readWithLibrary(bytes)).toThrow();
    expect(readXlsx(bytes).grid.map((r) => r.map((c) => c.text))).toEqual([['姓名', '身份证号'], ['张三', '123'], ['李四', '0.5']]);
  });
});
