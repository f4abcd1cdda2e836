/**
 * T11's page script (bundled by the bench with esbuild, run in a blank page of headless Chromium): generates
 * phone-photo-like JPEGs in the browser, then merges them either with the product's PDF core
 * (`mergeToLimit` + the codec in its worker, as the workbench's PDF tool calls them) or with pdf-lib's plain merge
 * (every JPEG embedded as it is: the baseline, which does not meet the 2 MB limit).
 */
import * as lib from '@cantoo/pdf-lib';
import { loadFiles, mergeToLimit } from '../../src/pdf/bundle';
import { canvasCodec } from '../../src/pdf/canvas-codec';
import { jpegSize } from '../../src/pdf/exif';
import { STAGES } from '../../src/pdf/marks';
import { startCodec } from '../../src/pdf/worker-codec';
import { dctScaledSize } from '../../src/pdf/sizing';
import { rng } from '../helpers/rng';


/** An EXIF APP1 segment holding only Orientation (big-endian TIFF, one IFD0 entry), as phones write it. */
function exifOrientation(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = body.length + 2;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...body]);
}

/**
 * A 4000×3000 "phone photo" of a paper document on a desk: a lit gradient, a slightly turned white sheet with
 * lines of text, and sensor noise — a photo's texture, so that JPEG sizes are a photo's (≈ 3 MB), not a
 * flat drawing's. Every second one is stored sideways with EXIF orientation 6, as phones held upright do.
 */
async function photo(index: number, quality: number, noise: number): Promise<Uint8Array<ArrayBuffer>> {
  const random = rng(1000 + index);
  const w = 4000;
  const h = 3000;
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const desk = ctx.createLinearGradient(0, 0, w, h);
  desk.addColorStop(0, `hsl(${30 + index * 7}, 35%, 42%)`);
  desk.addColorStop(1, `hsl(${25 + index * 5}, 30%, 22%)`);
  ctx.fillStyle = desk;
  ctx.fillRect(0, 0, w, h);
  ctx.save();
  ctx.translate(w / 2, h / 2);
  ctx.rotate((random() - 0.5) * 0.12);
  ctx.fillStyle = '#f4f2ec';
  ctx.fillRect(-1300, -1400, 2600, 2800);
  ctx.fillStyle = '#222';
  ctx.font = 'bold 90px sans-serif';
  ctx.fillText(`证明材料 ${index + 1}`, -1100, -1150);
  for (let y = -950; y < 1250; y += 70) {
    const len = 800 + random() * 1300;
    for (let x = -1100; x < -1100 + len; x += 40 + random() * 30) ctx.fillRect(x, y, 24 + random() * 18, 34);
  }
  ctx.restore();
  const img = ctx.getImageData(0, 0, w, h);
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (random() - 0.5) * noise;
    d[i] = d[i]! + n;
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n;
  }
  ctx.putImageData(img, 0, 0);
  const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer());
  if (index % 2 === 0) return jpeg;
  const exif = exifOrientation(6);
  const out = new Uint8Array(jpeg.length + exif.length);
  out.set(jpeg.subarray(0, 2));
  out.set(exif, 2);
  out.set(jpeg.subarray(2), 2 + exif.length);
  return out;
}

let inputs: Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }> = [];

const api = {
  /** Generate `count` photos near `target` bytes each (the noise is tuned on the first one). */
  async generate(count: number, target: number): Promise<number[]> {
    let noise = 24;
    for (let tries = 0; tries < 6; tries++) {
      const size = (await photo(0, 0.9, noise)).length;
      if (Math.abs(size - target) / target < 0.08) break;
      noise *= Math.max(0.5, Math.min(2, target / size)) ** 1.5;
    }
    inputs = [];
    for (let i = 0; i < count; i++) inputs.push({ name: `IMG_${String(2400 + i)}.jpg`, bytes: await photo(i, 0.9, noise) });
    return inputs.map((f) => f.bytes.length);
  },

  /**
   * The product: the workbench PDF tool's core, to the limit, as its merge button calls it (the files are read
   * when the clerk adds them; loadFiles is timed here too). `stages`: the per-image durations summed per stage
   * (from the core's performance measures; decodes overlap, so their sum exceeds the wall time).
   */
  async ours(limit: number): Promise<{ ms: number; bytes: number; setting: string; pages: number; stages: Record<string, number> }> {
    const t0 = performance.now();
    const loaded = await loadFiles(lib, inputs);
    const load = performance.now() - t0;
    // The worker script is the bench's esbuild bundle of src/pdf/codec-worker.ts, served by its route (the
    // workbench names the same entry through Vite); started and ended per merge, as the merge button does.
    const codec = await startCodec(() => new Worker('/t11-codec-worker.js', { type: 'module' }));
    // Measuring the page's fallback codec instead would misreport the path a click takes in Chromium.
    if (!codec.inWorker) throw new Error('T11: the codec worker did not start');
    let merged: Awaited<ReturnType<typeof mergeToLimit>>;
    try {
      merged = await mergeToLimit(lib, loaded, loaded.pages, limit, codec);
    } finally {
      codec.close();
    }
    const ms = performance.now() - t0;
    const setting = merged.setting === 'original' ? 'original' : `${merged.setting.maxSide}px q${merged.setting.quality.toFixed(2)}`;
    const stages: Record<string, number> = { load };
    for (const stage of STAGES.filter((s) => s !== 'load')) stages[stage] = performance.getEntriesByName(`jzs-pdf:${stage}`).reduce((n, e) => n + e.duration, 0);
    return { ms, bytes: merged.bytes.length, setting, pages: merged.pages, stages };
  },

  /**
   * Not goals, floors to read ours against: only decoding every photo, as many at once as the codec runs,
   * nothing drawn, encoded or written — at the size our merge decodes for `maxSide` (the same n/8 request), or
   * with `maxSide` 0 at the smallest size the decoder offers (1/8: nearly no inverse-DCT work left, so about
   * the entropy decoding alone, which any way of shrinking a JPEG must do).
   */
  async decodeOnly(maxSide: number): Promise<number> {
    const t0 = performance.now();
    const todo = [...inputs];
    const next = async (): Promise<void> => {
      const f = todo.shift();
      if (!f) return;
      const size = jpegSize(f.bytes) ?? { width: 4000, height: 3000 };
      const want = dctScaledSize(size.width, size.height, maxSide || 1);
      const decoder = new ImageDecoder({ data: f.bytes, type: 'image/jpeg', desiredWidth: want.width, desiredHeight: want.height });
      (await decoder.decode()).image.close();
      decoder.close();
      return next();
    };
    await Promise.all(Array.from({ length: canvasCodec.parallel ?? 1 }, next));
    return performance.now() - t0;
  },

  /** The baseline: pdf-lib's plain merge — each JPEG embedded as it is on its own page, saved. */
  async plain(): Promise<{ ms: number; bytes: number }> {
    const t0 = performance.now();
    const doc = await lib.PDFDocument.create();
    for (const f of inputs) {
      const img = await doc.embedJpg(f.bytes);
      const page = doc.addPage([img.width, img.height]);
      page.drawImage(img, { x: 0, y: 0, width: img.width, height: img.height });
    }
    const bytes = await doc.save({ useObjectStreams: true });
    return { ms: performance.now() - t0, bytes: bytes.length };
  },
};

Object.assign(globalThis, { jzsT11: api });
