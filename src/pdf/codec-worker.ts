/// <reference lib="webworker" />
/**
 * The PDF tool's codec worker: decode → upright draw at the chosen size → JPEG encode (canvas-codec.ts, the same
 * code the page would run) off the workbench page's thread, so the page keeps answering during a merge (T11
 * measured ~370 ms of drawing and encoding on the page's thread before). Holds the scaled pictures the page has
 * open, nothing else; the scans live in memory only.
 */
import { canvasCodec } from './canvas-codec';
import type { CodecReply, CodecRequest, StageMark } from './codec-protocol';
import type { Scaled } from './bundle';

const open = new Map<number, Scaled>();
const reply = (message: CodecReply, transfer: Transferable[] = []) => postMessage(message, transfer);

/** The stage measures taken since the last reply, handed to the page's timeline (DevTools, the bench). */
function takeMarks(): StageMark[] {
  const marks = performance
    .getEntriesByType('measure')
    .filter((e) => e.name.startsWith('jzs-pdf:'))
    .map((e) => ({ name: e.name, at: performance.timeOrigin + e.startTime, duration: e.duration }));
  performance.clearMeasures();
  return marks;
}

async function handle(request: CodecRequest): Promise<void> {
  const { call, picture } = request;
  try {
    if ('open' in request) {
      open.set(picture, await canvasCodec.open(request.open.bytes, request.open.mime, request.open.maxSide));
      reply({ call, marks: takeMarks() });
    } else if ('encode' in request) {
      const scaled = open.get(picture);
      if (!scaled) throw new Error(`picture ${String(picture)} is not open`);
      const encoded = await scaled.encode(request.encode.quality);
      // Over an ArrayBuffer of its own (a copy of ~100 KB), which the transfer list can hand over whole.
      const bytes = new Uint8Array(encoded);
      reply({ call, bytes, marks: takeMarks() }, [bytes.buffer]);
    } else {
      open.get(picture)?.close();
      open.delete(picture);
    }
  } catch (err) {
    const error = err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
    reply({ call, error, marks: takeMarks() });
  }
}

onmessage = (event: MessageEvent<CodecRequest>) => void handle(event.data);

// Whether this browser draws and encodes in a worker at all (OffscreenCanvas with a 2d context, createImageBitmap):
// if not, the page falls back to its own codec.
const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : undefined;
reply({ ready: typeof createImageBitmap === 'function' && !!canvas?.getContext('2d') && typeof canvas.convertToBlob === 'function' });
