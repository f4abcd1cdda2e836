import Papa, { type ParseResult, type Parser } from 'papaparse';
import { decodeText, type Encoding } from './decode';
import { unneutralise } from './csv';
import type { Cell, Table } from './table';
import { TableError } from './table';
import { isLegacyXls, isXlsx, readXlsx } from './xlsx';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 20_000;

export interface ReadResult extends Table {
  kind: 'csv' | 'xlsx';
  encoding?: Encoding | undefined;
  date1904: boolean;
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Read an import file into a table, keeping the page responsive: CSV is parsed in chunks with a pause
 * between them (no task near 100 ms on a 10,000-row file). Size and row caps give a clear message.
 */
export async function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<ReadResult> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new TableError('errors.table.tooBig', { file: fileName, size: (bytes.length / 1024 / 1024).toFixed(1), max: MAX_FILE_BYTES / 1024 / 1024 });
  }
  if (isLegacyXls(bytes)) throw new TableError('errors.table.legacyXls', { file: fileName });
  let table: ReadResult;
  if (isXlsx(bytes)) {
    table = { ...readXlsx(bytes), kind: 'xlsx' };
  } else {
    const { text, encoding } = decodeText(bytes);
    table = { ...(await parseCsvChunked(text, onProgress)), kind: 'csv', encoding, date1904: false };
  }
  if (table.headers.every((h) => !h)) throw new TableError('errors.table.noHeader', { file: fileName });
  if (table.rows.length > MAX_ROWS) {
    throw new TableError('errors.table.tooManyRows', { file: fileName, rows: table.rows.length, max: MAX_ROWS });
  }
  onProgress(1);
  return table;
}

/** The chunked twin of parseCsv (csv.ts): same rules, yielding to the UI between chunks. */
export function parseCsvChunked(text: string, onProgress: (fraction: number) => void): Promise<Table> {
  return new Promise((resolve) => {
    const records: string[][] = [];
    let quoteErrorAt: number | undefined;
    Papa.parse<string[]>(text, {
      skipEmptyLines: false,
      delimiter: '',
      chunkSize: 128 * 1024,
      chunk(result: ParseResult<string[]>, parser: Parser) {
        const base = records.length;
        const q = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
        if (q && quoteErrorAt === undefined) quoteErrorAt = base + (q.row ?? 0);
        records.push(...result.data);
        onProgress(Math.min(0.99, (result.meta.cursor ?? 0) / Math.max(1, text.length)));
        parser.pause();
        void yieldToUi().then(() => parser.resume());
      },
      complete() {
        const headers = (records[0] ?? []).map((h) => h.trim());
        const rows: Cell[][] = [];
        let fatal: Table['fatal'];
        for (let i = 1; i < records.length; i++) {
          if (quoteErrorAt !== undefined && i >= quoteErrorAt) {
            fatal = { row: i, problem: { code: 'errors.table.unclosedQuote', params: { row: i } } };
            break;
          }
          const rec = records[i]!;
          if (i === records.length - 1 && rec.length === 1 && rec[0] === '') break;
          rows.push(rec.map((v) => ({ text: unneutralise(v) })));
        }
        resolve({ headers, rows, fatal });
      },
    });
  });
}
