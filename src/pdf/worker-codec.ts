/**
 * The PDF tool's image codec run in a dedicated worker (codec-worker.ts): decoding, drawing and JPEG encoding
 * leave the workbench page's thread, which keeps the page answering during a merge. At most two images are in
 * flight (memory: each holds a copy of its scan and its scaled pixels). Each scan's bytes are copied once and
 * the copy transferred; nothing is stored. The same ImageCodec as canvas-codec.ts, so bundle.ts is unchanged.
 */
import type { ImageCodec, Scaled } from './bundle';
import { canvasCodec } from './canvas-codec';
import type { CodecReply, CodecRequest, StageMark } from './codec-protocol';

export interface ClosableCodec extends ImageCodec {
  /** False where the page's own codec stands in (no worker could draw and encode). */
  readonly inWorker: boolean;
  /** Ends the worker (and frees whatever it still holds). */
  close(): void;
}

/** What the codec uses of a Worker (a Worker is one; the unit tests pass a stand-in). */
export interface CodecWorker {
  postMessage(message: CodecRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CodecReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

interface Pending {
  resolve: (bytes: Uint8Array | undefined) => void;
  reject: (err: unknown) => void;
}

/** A request that `call` numbers and answers: the protocol's open or encode, without its call and picture numbers. */
type Request = Pick<Extract<CodecRequest, { open: unknown }>, 'open'> | Pick<Extract<CodecRequest, { encode: unknown }>, 'encode'>;

/** The worker's stage measures on this page's timeline, where DevTools and the bench read them (marks.ts). */
function replay(marks: readonly StageMark[]): void {
  for (const m of marks) performance.measure(m.name, { start: m.at - performance.timeOrigin, duration: m.duration });
}

class WorkerCodec implements ClosableCodec {
  readonly parallel = 2;
  readonly inWorker = true;
  private readonly pending = new Map<number, Pending>();
  private calls = 0;
  private pictures = 0;
  private broken: Error | undefined;

  constructor(private readonly worker: CodecWorker) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = () => this.fail(new Error('the image codec worker stopped'));
    worker.onmessageerror = () => this.fail(new Error('the image codec worker sent an unreadable message'));
  }

  async open(bytes: Uint8Array<ArrayBuffer>, mime: 'image/jpeg' | 'image/png', maxSide: number): Promise<Scaled> {
    const picture = ++this.pictures;
    // A copy to hand over: the loaded file keeps its own bytes (a later pass or the plain merge reads them).
    const copy = bytes.slice();
    await this.call(picture, { open: { bytes: copy, mime, maxSide } }, [copy.buffer]);
    let closed = false;
    return {
      encode: async (quality) => {
        const jpeg = await this.call(picture, { encode: { quality } });
        if (!jpeg) throw new Error('the image codec worker sent no JPEG');
        return jpeg;
      },
      close: () => {
        if (closed || this.broken) return;
        closed = true;
        this.post({ call: ++this.calls, picture, close: true });
      },
    };
  }

  close(): void {
    this.worker.terminate();
    this.fail(new Error('the image codec worker was closed'));
  }

  private call(picture: number, request: Request, transfer: Transferable[] = []): Promise<Uint8Array | undefined> {
    if (this.broken) return Promise.reject(this.broken);
    const call = ++this.calls;
    return new Promise((resolve, reject) => {
      this.pending.set(call, { resolve, reject });
      this.post({ call, picture, ...request }, transfer);
    });
  }

  private post(request: CodecRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  private receive(reply: CodecReply): void {
    if (!('call' in reply)) return;
    replay(reply.marks);
    const pending = this.pending.get(reply.call);
    this.pending.delete(reply.call);
    if ('error' in reply) pending?.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    else pending?.resolve(reply.bytes);
  }

  private fail(err: Error): void {
    this.broken ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/**
 * The codec in a worker made by `makeWorker` (the caller names the script, so the bundler sees the URL), once
 * the worker says it can draw and encode there. Where a worker cannot start or cannot do that (a browser without
 * OffscreenCanvas in workers), this falls back to the page's own codec (canvas-codec.ts): slower for the page,
 * same result.
 */
export function startCodec(makeWorker: () => CodecWorker): Promise<ClosableCodec> {
  const inPage: ClosableCodec = { inWorker: false, parallel: canvasCodec.parallel, open: (b, m, s) => canvasCodec.open(b, m, s), close: () => undefined };
  let worker: CodecWorker;
  try {
    worker = makeWorker();
  } catch {
    return Promise.resolve(inPage);
  }
  return new Promise((resolve) => {
    const giveUp = () => (worker.terminate(), resolve(inPage));
    worker.onerror = giveUp;
    worker.onmessage = (event) => {
      if ('ready' in event.data && event.data.ready) resolve(new WorkerCodec(worker));
      else giveUp();
    };
  });
}
