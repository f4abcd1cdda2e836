import { describe, expect, it } from 'vitest';
import type { CodecReply, CodecRequest } from '../../src/pdf/codec-protocol';
import { type CodecWorker, startCodec } from '../../src/pdf/worker-codec';

/**
 * A stand-in for the codec worker: says `ready`, then answers each request as `answer` says (the real worker
 * runs canvas-codec.ts, which needs a browser; tests/e2e/pdf.test.ts and the T11 bench run it).
 */
class FakeWorker implements CodecWorker {
  onmessage: ((event: MessageEvent<CodecReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly requests: CodecRequest[] = [];
  terminated = false;

  constructor(ready: boolean | 'crash', private readonly answer: (r: CodecRequest) => CodecReply | undefined = () => undefined) {
    queueMicrotask(() => (ready === 'crash' ? this.onerror?.(new ErrorEvent('error')) : this.emit({ ready })));
  }

  postMessage(message: CodecRequest, transfer: Transferable[]): void {
    // What was transferred is gone from the sender, as with a real worker.
    for (const t of transfer) if (t instanceof ArrayBuffer) structuredClone(t, { transfer: [t] });
    this.requests.push(message);
    const reply = this.answer(message);
    if (reply) queueMicrotask(() => this.emit(reply));
  }

  terminate(): void {
    this.terminated = true;
  }

  private emit(data: CodecReply): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
}

const jpeg = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

describe('the PDF codec in a worker', () => {
  it('falls back to the page codec when no worker can start, or it cannot draw there, or it fails to load', async () => {
    expect((await startCodec(() => { throw new Error('no workers'); })).inWorker).toBe(false);
    const unable = new FakeWorker(false);
    expect((await startCodec(() => unable)).inWorker).toBe(false);
    expect(unable.terminated).toBe(true);
    expect((await startCodec(() => new FakeWorker('crash'))).inWorker).toBe(false);
  });

  it('sends each scan as a transferred copy, keeps the original, and returns the JPEG the worker encoded', async () => {
    const worker = new FakeWorker(true, (r) => ('open' in r ? { call: r.call, marks: [] } : 'encode' in r ? { call: r.call, bytes: new Uint8Array([r.encode.quality * 100]), marks: [] } : undefined));
    const codec = await startCodec(() => worker);
    expect(codec.inWorker).toBe(true);
    expect(codec.parallel).toBe(2);
    const bytes = jpeg();
    const picture = await codec.open(bytes, 'image/jpeg', 1200);
    expect([...bytes]).toEqual([...jpeg()]); // the loaded file still has its bytes
    expect(await picture.encode(0.6)).toEqual(new Uint8Array([60]));
    picture.close();
    picture.close();
    expect(worker.requests.filter((r) => 'close' in r)).toHaveLength(1);
    codec.close();
    expect(worker.terminated).toBe(true);
    await expect(codec.open(jpeg(), 'image/jpeg', 1200)).rejects.toThrow();
  });

  it("rejects with the worker's error (a photo it cannot decode) and when the worker dies mid-merge", async () => {
    const failing = await startCodec(() => new FakeWorker(true, (r) => ({ call: r.call, error: { name: 'InvalidStateError', message: 'The source image could not be decoded.' }, marks: [] })));
    await expect(failing.open(jpeg(), 'image/jpeg', 1200)).rejects.toMatchObject({ name: 'InvalidStateError', message: 'The source image could not be decoded.' });
    const silent = new FakeWorker(true);
    const dying = await startCodec(() => silent);
    const opening = dying.open(jpeg(), 'image/jpeg', 1200);
    silent.onerror?.(new ErrorEvent('error'));
    await expect(opening).rejects.toThrow(/stopped/);
  });
});
