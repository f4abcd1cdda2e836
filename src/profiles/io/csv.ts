import Papa from 'papaparse';
import type { Cell, Table } from './table';

/**
 * Parse CSV text. Every physical line after the header is a row number, blank lines included
 * (contract.md), so we parse record by record and keep track of lines. Cells stay text: a cell starting
 * with = stays "=…" (no formula is ever evaluated); the apostrophe our own export puts before =+-@ to
 * defuse formulas is removed again, so exported files re-import unchanged.
 *
 * An unclosed quote is an error at the row where the quote opens, not a merged row: everything from there
 * on cannot be split reliably, so it is not read.
 */
export function parseCsv(text: string): Table {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: '' });
  const records = result.data;
  const quoteError = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  const headerRecord = records[0] ?? [];
  const headers = headerRecord.map((h) => h.trim());
  const rows: Cell[][] = [];
  let fatal: Table['fatal'];
  const stopAt = quoteError?.row ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < records.length; i++) {
    if (i >= stopAt) {
      fatal = { row: i, problem: { code: 'errors.table.unclosedQuote', params: { row: i } } };
      break;
    }
    const record = records[i]!;
    // A trailing newline yields one empty record at the end: not a row.
    if (i === records.length - 1 && record.length === 1 && record[0] === '') break;
    rows.push(record.map((v) => ({ text: unneutralise(v) })));
  }
  return { headers, rows, fatal };
}

/** Our export writes '=SUM(…) for a cell =SUM(…); read it back as written. */
export function unneutralise(v: string): string {
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

export type { Cell };
