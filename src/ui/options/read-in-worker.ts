import type { WorkerReply } from '../../profiles/io/import-worker';
import type { ReadResult } from '../../profiles/io/read';
import { TableError } from '../../profiles/io/table';

/**
 * Read an import file in a Web Worker (src/profiles/io/import-worker.ts) so that the page — and the popup, which
 * may share its renderer — keeps answering whatever the file holds. The worker is ended after each file.
 */
export function readInWorker(file: File, onProgress: (fraction: number) => void): Promise<ReadResult> {
  return file.arrayBuffer().then(
    (buffer) =>
      new Promise<ReadResult>((resolve, reject) => {
        const worker = new Worker(new URL('../../profiles/io/import-worker.ts', import.meta.url), { type: 'module' });
        const done = () => worker.terminate();
        const grid: ReadResult['grid'] = [];
        worker.onmessage = (event: MessageEvent<WorkerReply>) => {
          const reply = event.data;
          if ('progress' in reply) onProgress(reply.progress);
          else if ('rows' in reply) {
            for (const row of reply.rows) grid.push(row);
          } else if ('done' in reply) {
            done();
            resolve({ ...reply.done, grid });
          } else {
            done();
            reject(new TableError(reply.error.code, reply.error.params));
          }
        };
        worker.onerror = () => {
          done();
          reject(new TableError('import.err.reader'));
        };
        const bytes = new Uint8Array(buffer);
        worker.postMessage({ bytes, fileName: file.name }, [bytes.buffer]);
      }),
  );
}
