import { deflateSync, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { crc32 } from 'node:zlib';

/**
 * Clerk-style workbooks for tests, written the way Excel writes them: shared strings (with phonetic runs when
 * asked), numbers under number formats (General, `0.00`, dates), merged ranges, rows without `r`, title rows.
 */
export type TestCell =
  | string
  | null
  | { n: number; fmt?: 'general' | '0.00' | 'date' | 'ym' | '0.0' }
  | { s: string; phonetic?: string }
  | { inline: string }
  /** Text in a struck-through font (删除线), as Excel writes it: a cell style whose font has <strike/>. */
  | { struck: string }
  /**
   * Rich text in runs, as Excel writes a cell edited in place: each run with its own properties (<rPr>, struck or
   * not) or none (`props: false`: the cell's font applies); the cell's own font struck when `cellStruck`; a shared
   * string unless `inline`.
   */
  | { rich: RichRun[]; cellStruck?: boolean; inline?: boolean };

export interface RichRun {
  text: string;
  struck?: boolean;
  /** false: a run without <rPr> (the cell's font applies). */
  props?: boolean;
  /** Write the strike as <strike val="0"/> (turned off) rather than leaving it out. */
  strikeOff?: boolean;
}

const runXml = (r: RichRun): string => {
  const strike = r.struck ? (r.props === false ? '' : '<strike/>') : r.strikeOff ? '<strike val="0"/>' : '';
  const props = r.props === false ? '' : `<rPr>${strike}<sz val="11"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>`;
  return `<r>${props}<t xml:space="preserve">${esc(r.text)}</t></r>`;
};

export interface SheetSpec {
  rows: TestCell[][];
  merges?: string[];
  /** Leave out every row's and cell's `r` attribute (allowed by the schema; some writers do). */
  noRefs?: boolean;
  /** Replace the sheet XML entirely (hostile files). */
  rawSheet?: string;
  /** Replace sharedStrings.xml (hostile files); a Uint8Array is stored as given. */
  rawShared?: string | Uint8Array;
  date1904?: boolean;
  /** The first sheet listed is hidden; the data is on the second. */
  hiddenFirst?: boolean;
  /** Rows Excel hides (sheet row numbers from 1: filtered out or hidden by hand), as Excel writes `hidden="1"`. */
  hiddenRows?: number[];
  /** Columns Excel hides (indexes from 0), as Excel writes `<col min max hidden="1">`. */
  hiddenColumns?: number[];
  /** The first sheet's name (default 花名册). */
  name?: string;
  /** Further sheets after the first, in tab order (one roster per employer or month). */
  more?: Array<{ name: string; rows: TestCell[][]; hidden?: boolean; merges?: string[] }>;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const colName = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const STYLE = { general: 0, '0.00': 1, date: 2, ym: 3, '0.0': 4 } as const;

export function buildXlsx(spec: SheetSpec): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const sst = (text: string, phonetic?: string) => {
    const key = `${text}\u0000${phonetic ?? ''}`;
    let i = sharedIndex.get(key);
    if (i === undefined) {
      i = shared.length;
      shared.push(phonetic ? `<si><r><t>${esc(text)}</t></r><rPh sb="0" eb="1"><t>${esc(phonetic)}</t></rPh><phoneticPr fontId="1"/></si>` : `<si><t xml:space="preserve">${esc(text)}</t></si>`);
      sharedIndex.set(key, i);
    }
    return i;
  };
  const sstRaw = (xml: string) => {
    shared.push(xml);
    return shared.length - 1;
  };
  const cellXml = (c: TestCell, ref: string): string => {
    const r = spec.noRefs ? '' : ` r="${ref}"`;
    if (c === null || c === '') return '';
    if (typeof c === 'string') return `<c${r} t="s"><v>${sst(c)}</v></c>`;
    if ('s' in c) return `<c${r} t="s"><v>${sst(c.s, c.phonetic)}</v></c>`;
    if ('struck' in c) return `<c${r} s="5" t="s"><v>${sst(c.struck)}</v></c>`;
    if ('rich' in c) {
      const style = c.cellStruck ? ' s="5"' : '';
      const runs = c.rich.map(runXml).join('');
      if (c.inline) return `<c${r}${style} t="inlineStr"><is>${runs}</is></c>`;
      return `<c${r}${style} t="s"><v>${sstRaw(`<si>${runs}</si>`)}</v></c>`;
    }
    if ('inline' in c) return `<c${r} t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
    return `<c${r} s="${STYLE[c.fmt ?? 'general']}"><v>${c.n}</v></c>`;
  };
  const rowsXml = (sheetRows: TestCell[][]) =>
    sheetRows
      .map((row, i) => {
        const cells = row.map((c, j) => cellXml(c, `${colName(j)}${i + 1}`)).join('');
        if (spec.noRefs) return `<row>${cells || '<c/>'}</row>`;
        const hidden = spec.hiddenRows?.includes(i + 1) ? ' hidden="1"' : '';
        return cells ? `<row r="${i + 1}"${hidden}>${cells}</row>` : '';
      })
      .join('');
  const rows = rowsXml(spec.rows);
  const mergesXml = (list: string[] | undefined) => (list?.length ? `<mergeCells count="${list.length}">${list.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '');
  const merges = mergesXml(spec.merges);
  const cols = spec.hiddenColumns?.length ? `<cols>${spec.hiddenColumns.map((c) => `<col min="${c + 1}" max="${c + 1}" width="0" hidden="1" customWidth="1"/>`).join('')}</cols>` : '';
  const sheet = spec.rawSheet ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}">${cols}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
  const more = spec.more ?? [];
  const moreSheets = more.map((m, k) => `<sheet name="${esc(m.name)}" sheetId="${k + 10}"${m.hidden ? ' state="hidden"' : ''} r:id="rId${k + 10}"/>`).join('');
  const moreRels = more.map((_, k) => `<Relationship Id="rId${k + 10}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k + 10}.xml"/>`).join('');
  const moreParts = Object.fromEntries(more.map((m, k) => [`xl/worksheets/sheet${k + 10}.xml`, strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>${rowsXml(m.rows)}</sheetData>${mergesXml(m.merges)}</worksheet>`)]));
  const sharedXml = spec.rawShared ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS}" count="${shared.length}" uniqueCount="${shared.length}">${shared.join('')}</sst>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="177" formatCode="0.0"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><strike/><sz val="11"/></font></fonts><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="2" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" applyFont="1"/></cellXfs></styleSheet>`;
  const sheets = spec.hiddenFirst
    ? `<sheet name="说明" sheetId="2" state="hidden" r:id="rId9"/><sheet name="花名册" sheetId="1" r:id="rId1"/>`
    : `<sheet name="${esc(spec.name ?? '花名册')}" sheetId="1" r:id="rId1"/>`;
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}${moreSheets}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/>${moreRels}</Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
    'xl/worksheets/sheet9.xml': strToU8(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>`),
    ...moreParts,
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': typeof sharedXml === 'string' ? strToU8(sharedXml) : sharedXml,
  };
  return zipSync(files, { level: 6 });
}

/** One ZIP entry: plain bytes (deflated here), or bytes deflated elsewhere with the size they inflate to. */
export interface RawEntry {
  name: string;
  data?: Uint8Array;
  deflated?: { data: Uint8Array; size: number; crc?: number };
  /** Override the size the central directory declares (a lying header). */
  declaredSize?: number;
}

/** A minimal ZIP writer (APPNOTE 4.3): lets tests put a pre-compressed part (a zip bomb) or a lying size in. */
export function zipRaw(entries: RawEntry[]): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const compressed = e.deflated?.data ?? deflateSync(e.data ?? new Uint8Array(0));
    const size = e.deflated?.size ?? e.data?.length ?? 0;
    const declared = e.declaredSize ?? size;
    const crc = e.deflated?.crc ?? (e.data ? crc32(e.data) : 0);
    const head = new DataView(new ArrayBuffer(30));
    head.setUint32(0, 0x04034b50, true);
    head.setUint16(4, 20, true);
    head.setUint16(8, 8, true);
    head.setUint32(14, crc, true);
    head.setUint32(18, compressed.length, true);
    head.setUint32(22, declared, true);
    head.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, 8, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, compressed.length, true);
    dir.setUint32(24, declared, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    local.push(new Uint8Array(head.buffer), name, compressed);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + compressed.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const parts = [...local, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The parts of a workbook built by buildXlsx, to rebuild it with zipRaw. */
export function partsOf(xlsx: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(xlsx)).map(([name, data]) => ({ name, data }));
}
