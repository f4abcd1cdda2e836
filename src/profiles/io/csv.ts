import Papa from 'papaparse';
import { type Cell, type Grid, textOfFormula } from './table';

/**
 * Parse CSV text into a grid: record i is sheet row i + 1 (what Excel shows when it opens the file), blank lines
 * included (contract.md). Cells stay text: a cell starting with = stays "=…" (no formula is ever evaluated); the
 * apostrophe our own export puts before =+-@ to defuse formulas is removed again, so exported files re-import
 * unchanged.
 *
 * An unclosed quote is an error at the row where the quote opens, not a merged row: everything from there on
 * cannot be split reliably, so it is not read.
 */
export function parseCsv(text: string): Grid {
  // One line ending throughout: Papa takes the file's first for all, so a file saved with CRLF and a last line added
  // with LF (another editor) read its last quoted cell as a broken quote, and the rows from there were not read. A
  // line break inside a cell is LF in Excel anyway.
  const result = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), { skipEmptyLines: false, delimiter: '' });
  const records = result.data;
  const quoteError = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  const stopAt = quoteError?.row ?? Number.POSITIVE_INFINITY;
  const grid: Cell[][] = [];
  let fatal: Grid['fatal'];
  for (let i = 0; i < records.length; i++) {
    if (i >= stopAt) {
      fatal = { sheetRow: i + 1, code: 'import.err.quote', params: { row: i + 1 } };
      break;
    }
    const record = records[i] ?? [];
    // A trailing newline yields one empty record at the end: not a row.
    if (i === records.length - 1 && record.length === 1 && record[0] === '') break;
    grid.push(record.length === 1 && record[0] === '' ? [] : record.map((v) => ({ text: unneutralise(v) })));
  }
  return { grid, fatal, notices: [] };
}

/**
 * Our export writes '=SUM(…) for a cell =SUM(…); read it back as written. Any other cell that is Excel's text
 * formula ="…" is the text Excel shows: HR and government systems export ID numbers and phones as
 * `="370102…"` so that Excel keeps every digit (textOfFormula).
 */
export function unneutralise(v: string): string {
  return /^'+[=+\-@\t\r]/.test(v) ? v.slice(1) : textOfFormula(v);
}
