/**
 * Messages between the PDF tool's page and its codec worker (codec-worker.ts; the page side is worker-codec.ts).
 * Every request carries a call number answered once; `picture` names an image the worker holds scaled between
 * its `open` and its `close`. Bytes travel transferred, never copied twice and never stored.
 */
export type CodecRequest =
  | { call: number; picture: number; open: { bytes: Uint8Array<ArrayBuffer>; mime: 'image/jpeg' | 'image/png'; maxSide: number } }
  | { call: number; picture: number; encode: { quality: number } }
  | { call: number; picture: number; close: true };

/** A `jzs-pdf:<stage>` measure taken in the worker, its start on the shared clock (timeOrigin + startTime). */
export interface StageMark {
  name: string;
  at: number;
  duration: number;
}

export type CodecReply =
  | { ready: boolean }
  | { call: number; bytes?: Uint8Array<ArrayBuffer>; marks: StageMark[] }
  | { call: number; error: { name: string; message: string }; marks: StageMark[] };
