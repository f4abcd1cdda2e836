import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Cell, Table } from './table';
import { TableError } from './table';

/**
 * A small, strict XLSX reader and writer (Office Open XML SpreadsheetML): enough for the clerks' applicant
 * lists — the first sheet, shared and inline strings, numbers, booleans, cached formula results. SheetJS's
 * npm releases are unmaintained (and carry advisories); ExcelJS brings Node shims; this is ~150 lines on
 * fflate and the browser's own XML parser.
 */
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function xml(files: Record<string, Uint8Array>, path: string): Document | undefined {
  const bytes = files[path];
  return bytes ? new DOMParser().parseFromString(strFromU8(bytes), 'application/xml') : undefined;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const textOf = (el: Element | null | undefined): string =>
  el ? Array.from(el.getElementsByTagName('t')).map((t) => t.textContent ?? '').join('') : '';

export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function isLegacyXls(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export function readXlsx(bytes: Uint8Array): Table & { date1904: boolean } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new TableError('errors.table.xlsxBroken');
  }
  const workbook = xml(files, 'xl/workbook.xml');
  if (!workbook) throw new TableError('errors.table.noWorkbook');
  const date1904 = workbook.getElementsByTagName('workbookPr')[0]?.getAttribute('date1904') === '1';
  const firstSheet = workbook.getElementsByTagName('sheet')[0];
  const rid = firstSheet?.getAttributeNS(NS_REL, 'id') ?? firstSheet?.getAttribute('r:id');
  const rels = xml(files, 'xl/_rels/workbook.xml.rels');
  const target = Array.from(rels?.getElementsByTagName('Relationship') ?? []).find((r) => r.getAttribute('Id') === rid)?.getAttribute('Target');
  const sheetPath = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/worksheets/sheet1.xml';
  const sheet = xml(files, sheetPath);
  if (!sheet) throw new TableError('errors.table.noSheet');
  const shared = Array.from(xml(files, 'xl/sharedStrings.xml')?.getElementsByTagName('si') ?? []).map(textOf);

  const grid: Cell[][] = [];
  for (const row of Array.from(sheet.getElementsByTagNameNS(NS_MAIN, 'row').length ? sheet.getElementsByTagNameNS(NS_MAIN, 'row') : sheet.getElementsByTagName('row'))) {
    const r = Number(row.getAttribute('r')) - 1;
    const cells: Cell[] = [];
    let nextCol = 0;
    for (const c of Array.from(row.getElementsByTagName('c'))) {
      const ref = c.getAttribute('r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const type = c.getAttribute('t') ?? 'n';
      const v = c.getElementsByTagName('v')[0]?.textContent ?? '';
      const f = c.getElementsByTagName('f')[0]?.textContent;
      let cell: Cell;
      if (type === 's') cell = { text: shared[Number(v)] ?? '' };
      else if (type === 'inlineStr') cell = { text: textOf(c.getElementsByTagName('is')[0]) };
      else if (type === 'str' || type === 'e') cell = { text: v || (f ? `=${f}` : '') };
      else if (type === 'b') cell = { text: v === '1' ? 'TRUE' : 'FALSE' };
      else if (v === '' && f) cell = { text: `=${f}` };
      else cell = v === '' ? { text: '' } : { text: String(Number(v)), number: Number(v) };
      cells[col] = cell;
    }
    grid[r] = Array.from({ length: cells.length }, (_, i) => cells[i] ?? { text: '' });
  }
  const headerRow = grid[0] ?? [];
  const rows: Cell[][] = [];
  for (let i = 1; i < grid.length; i++) rows.push(grid[i] ?? []);
  // Trailing empty rows Excel keeps after deletions are not data.
  while (rows.length && rows[rows.length - 1]!.every((c) => !c.text.trim())) rows.pop();
  return { headers: headerRow.map((c) => c.text.trim()), rows, date1904 };
}

/** Excel serial day number → yyyy-MM-dd (1900 system with its phantom 1900-02-29, or 1904 system). */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const epoch = Date.UTC(1899, 11, 30) - (days < 61 && !date1904 ? -86_400_000 : 0);
  const d = new Date(epoch + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 cannot carry most control characters.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Write one sheet of text cells (IDs stay text: never numbers Excel could round). */
export function writeXlsx(headers: string[], rows: string[][], sheetName = '档案'): Uint8Array {
  const line = (cells: string[], r: number) =>
    `<row r="${r}">${cells
      .map((v, c) => (v === '' ? '' : `<c r="${colName(c)}${r}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`))
      .join('')}</row>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS_MAIN}"><sheetData>${[headers, ...rows].map((r, i) => line(r, i + 1)).join('')}</sheetData></worksheet>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets><sheet name="${esc(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>`),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  return zipSync(files, { level: 6 });
}
