/**
 * One import file held off the page's thread (issue 17, bench T9): the worker reads the file once, keeps its grid,
 * and validates it again for every header row or column mapping the clerk chooses. The page receives the grid and
 * the row results in slices, each cloned into the page as a short task of its own, so that neither reading nor
 * checking 10,000 rows ever holds the workbench (or the popup sharing its renderer). Pure of the worker globals:
 * `post` is the channel, so the protocol is unit-tested without a Worker.
 */
import { CodedError } from '../../i18n/problem';
import type { ColumnKey } from './mapping';
import { MAX_ROWS, type ReadResult, readImportFile, sheetOf, tableAt } from './read';
import { type RowContext, type RowResult, tableContext, validateRow } from './rows';
import { type Cell, sheetRowOf, type Table } from './table';

/** One sheet to check: which sheet (0 for a file of one), its header row and its column mapping. */
export interface CheckPart {
  sheet: number;
  headerRow: number;
  mapping: Array<ColumnKey | null>;
  /**
   * The employer the clerk accepted from the sheet's name for every row of a sheet without an employer column
   * (sheet-employer.ts): offered, never taken unasked.
   */
  employer?: string | undefined;
  /** The sheet row of the title or caption the employer was read from, when not from the sheet's name. */
  employerRow?: number | undefined;
}

/** A check of the held file: which sheets with which header row and mapping, and the clock of the page that asked. */
export interface CheckRequest {
  /** Increases with every check the page asks for: a newer one supersedes an unfinished older one. */
  id: number;
  /** The sheets to import, in tab order; their rows are numbered on (RowResult.row) and carry the sheet. */
  parts: CheckPart[];
  /** The page's `Date.now()` (the worker's clock is the same machine's; passed so one check uses one instant). */
  now: number;
  /** Today in Asia/Shanghai, yyyy-MM-dd. */
  today: string;
}

export type SheetRequest = { read: { bytes: Uint8Array; fileName: string } } | { check: CheckRequest };

export type SheetReply =
  | { progress: number }
  | { rows: Cell[][]; sheet?: number | undefined }
  | { done: Omit<ReadResult, 'grid'> }
  | { checked: { id: number; results: RowResult[]; progress: number } }
  | { checkDone: { id: number } }
  | { error: { code: CodedError['code']; params: CodedError['params']; check?: number | undefined } };

/** Rows per message: cloning a slice of 100 rows or results costs the page about a millisecond. */
export const SLICE = 100;

const problemOf = (err: unknown) => (err instanceof CodedError ? { code: err.code, params: err.params } : { code: 'import.err.reader' as const, params: {} });

/**
 * Let newer messages in between slices (a newer check supersedes this one). A message to itself, not
 * `setTimeout(0)`, which browsers clamp to 4 ms once nested: 40 slices would wait 160 ms for nothing.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

export class SheetSession {
  private read: ReadResult | undefined;
  private latest = 0;

  constructor(private readonly post: (reply: SheetReply) => void) {}

  handle(request: SheetRequest): Promise<void> {
    if ('read' in request) {
      this.readFile(request.read.bytes, request.read.fileName);
      return Promise.resolve();
    }
    return this.check(request.check);
  }

  private readFile(bytes: Uint8Array, fileName: string): void {
    let last = 0;
    try {
      const read = readImportFile(bytes, fileName, (fraction) => {
        if (fraction - last < 0.02 && fraction < 1) return;
        last = fraction;
        this.post({ progress: fraction });
      });
      this.read = read;
      const { grid, sheets, ...rest } = read;
      // Each grid once: a workbook's sheets tagged with their index (the primary grid is one of them).
      if (!sheets) for (let i = 0; i < grid.length; i += SLICE) this.post({ rows: grid.slice(i, i + SLICE) });
      sheets?.forEach((sheet, k) => {
        for (let i = 0; i < sheet.grid.length; i += SLICE) this.post({ rows: sheet.grid.slice(i, i + SLICE), sheet: k });
      });
      this.post({ done: sheets ? { ...rest, sheets: sheets.map((sheet) => ({ ...sheet, grid: [] })) } : rest });
    } catch (err) {
      this.post({ error: problemOf(err) });
    }
  }

  private async check(request: CheckRequest): Promise<void> {
    this.latest = Math.max(this.latest, request.id);
    const { id } = request;
    try {
      const blocks = this.blocksOf(request);
      const total = blocks.reduce((sum, b) => sum + b.table.rows.length, 0);
      let done = 0;
      for (const { table, ctx, sheet } of blocks) {
        for (let at = 0; at < table.rows.length; at += SLICE) {
          if (id !== this.latest) return;
          const results: RowResult[] = [];
          for (let i = at; i < Math.min(table.rows.length, at + SLICE); i++) {
            const result = validateRow(done + i + 1, sheetRowOf(table, i), table.rows[i] ?? [], ctx);
            results.push(sheet ? { ...result, sheet: { name: sheet, row: i + 1 } } : result);
          }
          this.post({ checked: { id, results, progress: (done + Math.min(table.rows.length, at + SLICE)) / Math.max(1, total) } });
          await nextTask();
        }
        done += table.rows.length;
      }
      if (id === this.latest) this.post({ checkDone: { id } });
    } catch (err) {
      this.post({ error: { ...problemOf(err), check: id } });
    }
  }

  /** Each part's table and row context; the rows of all parts together within the import's limit. */
  private blocksOf(request: CheckRequest): Array<{ table: Table; ctx: RowContext; sheet: string | undefined }> {
    const read = this.read;
    if (!read) throw new CodedError('import.err.reader');
    const blocks = request.parts.map((part) => {
      const table = tableAt(sheetOf(read, part.sheet), part.headerRow);
      const ctx = tableContext(table, { mapping: part.mapping, now: new Date(request.now), today: request.today, date1904: read.date1904, sheetEmployer: part.employer, sheetEmployerRow: part.employerRow });
      return { table, ctx, sheet: read.sheets?.[part.sheet]?.name };
    });
    if (blocks.reduce((sum, b) => sum + b.table.rows.length, 0) > MAX_ROWS) throw new CodedError('import.err.tooManyRows', { max: MAX_ROWS });
    return blocks;
  }
}
