import type { ReadResult } from '../../profiles/io/read';
import type { RowResult } from '../../profiles/io/rows';
import type { CheckPart, CheckRequest, SheetReply, SheetRequest } from '../../profiles/io/sheet-session';
import { TableError } from '../../profiles/io/table';

interface PendingRead {
  grid: ReadResult['grid'];
  /** A workbook's sheets' grids, by sheet index. */
  sheets: Array<ReadResult['grid']>;
  resolve: (read: ReadResult) => void;
  reject: (err: unknown) => void;
}

interface PendingCheck {
  id: number;
  results: RowResult[];
  resolve: (rows: RowResult[] | undefined) => void;
  reject: (err: unknown) => void;
}

/**
 * One import file in a Web Worker (src/profiles/io/import-worker.ts, protocol in sheet-session.ts), so that the
 * page — and the popup, which may share its renderer — keeps answering whatever the file holds and however many
 * rows it has: the worker reads the file, keeps it, and checks its rows for each header row and mapping asked;
 * grid and results arrive in slices. Ended with `close()` (a new file, cancel, done).
 */
export class SheetWorker {
  private readonly worker = new Worker(new URL('../../profiles/io/import-worker.ts', import.meta.url), { type: 'module' });
  private reading: PendingRead | undefined;
  private checking: PendingCheck | undefined;
  private checks = 0;

  constructor(private readonly onProgress: (fraction: number) => void) {
    this.worker.onmessage = (event: MessageEvent<SheetReply>) => this.receive(event.data);
    this.worker.onerror = () => this.fail(new TableError('import.err.reader'));
  }

  read(file: File): Promise<ReadResult> {
    return file.arrayBuffer().then(
      (buffer) =>
        new Promise<ReadResult>((resolve, reject) => {
          this.reading = { grid: [], sheets: [], resolve, reject };
          const bytes = new Uint8Array(buffer);
          this.send({ read: { bytes, fileName: file.name } }, [bytes.buffer]);
        }),
    );
  }

  /** Every data row of the parts (sheets with header row and mapping) checked; undefined when a newer check superseded this one. */
  check(parts: CheckPart[], now: Date, today: string): Promise<RowResult[] | undefined> {
    this.checking?.resolve(undefined);
    const id = ++this.checks;
    return new Promise<RowResult[] | undefined>((resolve, reject) => {
      this.checking = { id, results: [], resolve, reject };
      const request: CheckRequest = { id, parts, now: now.getTime(), today };
      this.send({ check: request });
    });
  }

  close(): void {
    this.worker.terminate();
    this.reading = undefined;
    this.checking?.resolve(undefined);
    this.checking = undefined;
  }

  private send(request: SheetRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  private receive(reply: SheetReply): void {
    if ('progress' in reply) this.onProgress(reply.progress);
    else if ('rows' in reply) this.receiveRows(reply.rows, reply.sheet);
    else if ('done' in reply) {
      const reading = this.reading;
      this.reading = undefined;
      if (reading) reading.resolve(assemble(reply.done, reading));
    } else if ('checked' in reply) {
      if (reply.checked.id !== this.checking?.id) return;
      this.checking.results.push(...reply.checked.results);
      this.onProgress(reply.checked.progress);
    } else if ('checkDone' in reply) {
      const checking = this.checking;
      if (reply.checkDone.id !== checking?.id) return;
      this.checking = undefined;
      checking.resolve(checking.results);
    } else {
      const { code, params, check } = reply.error;
      if (check !== undefined && check !== this.checking?.id) return;
      this.fail(new TableError(code, params));
    }
  }

  private receiveRows(rows: ReadResult['grid'], sheet: number | undefined): void {
    if (!this.reading) return;
    if (sheet === undefined) this.reading.grid.push(...rows);
    else (this.reading.sheets[sheet] ??= []).push(...rows);
  }

  private fail(err: unknown): void {
    this.reading?.reject(err);
    this.checking?.reject(err);
    this.reading = undefined;
    this.checking = undefined;
  }
}

/** The read file from its slices: each sheet's grid back in place, and the primary sheet's as the file's grid. */
function assemble(done: Omit<ReadResult, 'grid'>, reading: PendingRead): ReadResult {
  if (!done.sheets) return { ...done, grid: reading.grid };
  const sheets = done.sheets.map((sheet, k) => ({ ...sheet, grid: reading.sheets[k] ?? [] }));
  const primary = sheets[done.primary ?? 0];
  return { ...done, sheets, grid: primary?.grid ?? [], notices: primary?.notices ?? done.notices };
}
