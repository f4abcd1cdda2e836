/// <reference lib="webworker" />
/**
 * The import file reader, off the page's thread: the workbench and the popup may share one renderer, so a slow
 * or hostile file must never run on it. Messages: in `{ bytes, fileName }`; out `{ progress }`, then `{ result }`
 * or `{ error: { code, params } }` (a catalogue key: the page translates it).
 */
import { readImportFile } from './read';
import { CodedError } from '../../i18n/problem';
import type { TableError } from './table';

export type WorkerReply =
  | { progress: number }
  | { result: ReturnType<typeof readImportFile> }
  | { error: { code: TableError['code']; params: TableError['params'] } };

const post = (reply: WorkerReply) => postMessage(reply);

onmessage = (event: MessageEvent<{ bytes: Uint8Array; fileName: string }>) => {
  const { bytes, fileName } = event.data;
  let last = 0;
  try {
    const result = readImportFile(bytes, fileName, (fraction) => {
      if (fraction - last < 0.02 && fraction < 1) return;
      last = fraction;
      post({ progress: fraction });
    });
    post({ result });
  } catch (err) {
    post({ error: err instanceof CodedError ? { code: err.code, params: err.params } : { code: 'import.err.reader', params: {} } });
  }
};
