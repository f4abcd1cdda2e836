/// <reference lib="webworker" />
/**
 * The import file reader, off the page's thread: the workbench and the popup may share one renderer, so a slow
 * or hostile file must never run on it. Messages: in `{ bytes, fileName }`; out `{ progress }`, the grid in
 * slices `{ rows }` (each slice is cloned into the page as its own short task, never one long one), then
 * `{ done }` with the rest of the result, or `{ error: { code, params } }` (a catalogue key: the page translates).
 */
import { CodedError } from '../../i18n/problem';
import { type ReadResult, readImportFile } from './read';
import type { Cell } from './table';

export type WorkerReply =
  | { progress: number }
  | { rows: Cell[][] }
  | { done: Omit<ReadResult, 'grid'> }
  | { error: { code: CodedError['code']; params: CodedError['params'] } };

/** Rows per message: cloning a slice costs the page a few milliseconds. */
const SLICE = 500;

const post = (reply: WorkerReply) => postMessage(reply);

onmessage = (event: MessageEvent<{ bytes: Uint8Array; fileName: string }>) => {
  const { bytes, fileName } = event.data;
  let last = 0;
  try {
    const { grid, ...rest } = readImportFile(bytes, fileName, (fraction) => {
      if (fraction - last < 0.02 && fraction < 1) return;
      last = fraction;
      post({ progress: fraction });
    });
    for (let i = 0; i < grid.length; i += SLICE) post({ rows: grid.slice(i, i + SLICE) });
    post({ done: rest });
  } catch (err) {
    post({ error: err instanceof CodedError ? { code: err.code, params: err.params } : { code: 'import.err.reader', params: {} } });
  }
};
