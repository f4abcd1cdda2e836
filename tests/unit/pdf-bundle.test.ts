import * as lib from '@cantoo/pdf-lib';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { type ImageCodec, loadFiles, mergeToLimit } from '../../src/pdf/bundle';
import { exifRotation, jpegSize } from '../../src/pdf/exif';
import { bundledPack } from '../../src/rules/bundled';
import { checkUpload, PROBE_BYTES } from '../../src/validate/upload';

const LIMIT = bundledPack().businesses.find((b) => b.id === 'info-change')!.bundles[0]!.upload.maxBytes!;

/** A noisy "scan" (noise defeats JPEG compression, like paper grain in a phone photo), fixed seed. */
function scan(width: number, height: number, seed: number, quality = 92): Uint8Array<ArrayBuffer> {
  let s = seed;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const v = (s >> 16) & 0xff;
    data[i * 4] = v;
    data[i * 4 + 1] = (v + i) & 0xff;
    data[i * 4 + 2] = 255 - v;
    data[i * 4 + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ data, width, height }, quality).data);
}

/** The same JPEG with an APP1 EXIF segment saying orientation `o` (big-endian TIFF, one IFD0 entry). */
function withOrientation(bytes: Uint8Array, o: number): Uint8Array<ArrayBuffer> {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, o, 0, 0, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  return new Uint8Array([0xff, 0xd8, ...app1, ...bytes.subarray(2)]);
}

/** Node stand-in for the workbench's OffscreenCanvas codec: decode, nearest-neighbour downscale, EXIF turn, encode. */
function nodeCodec(): ImageCodec & { opened: number[] } {
  const opened: number[] = [];
  return {
    opened,
    async open(bytes, _mime, maxSide) {
      opened.push(maxSide);
      const img = jpeg.decode(bytes, { useTArray: true });
      const scale = Math.min(1, maxSide / Math.max(img.width, img.height));
      const w = Math.max(1, Math.round(img.width * scale));
      const h = Math.max(1, Math.round(img.height * scale));
      const turn = exifRotation(bytes);
      const [tw, th] = turn % 180 ? [h, w] : [w, h];
      const data = Buffer.alloc(w * h * 4);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const from = (Math.floor(y / scale) * img.width + Math.floor(x / scale)) * 4;
          // Where (x, y) lands after turning the picture clockwise by `turn`.
          const [tx, ty] = turn === 90 ? [h - 1 - y, x] : turn === 180 ? [w - 1 - x, h - 1 - y] : turn === 270 ? [y, w - 1 - x] : [x, y];
          data.set(img.data.subarray(from, from + 4), (ty * tw + tx) * 4);
        }
      return { encode: async (quality) => new Uint8Array(jpeg.encode({ data, width: tw, height: th }, Math.round(quality * 100)).data), close: () => undefined };
    },
  };
}
const codec = nodeCodec();

/** A photo-like "document": light paper, dark text bars, some grain (bytes a pixel like a phone photo's). */
function page(width: number, height: number, seed: number): Uint8Array<ArrayBuffer> {
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) >> 8) / 0x800000;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const text = y % 40 < 14 && x % 30 < 22 && x > width / 10 && x < (width * (7 + ((y >> 6) % 3))) / 10;
      const v = Math.max(0, Math.min(255, (text ? 40 : 235) + (random() - 0.5) * 36));
      data.writeUInt32BE(((v << 24) | (v << 16) | ((v - 6) << 8) | 0xff) >>> 0, (y * width + x) * 4);
    }
  return new Uint8Array(jpeg.encode({ data, width, height }, 92).data);
}

/** The longer side of every image XObject in a PDF. */
function imageSides(doc: lib.PDFDocument): number[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is lib.PDFRawStream => o instanceof lib.PDFRawStream && o.dict.get(lib.PDFName.of('Subtype')) === lib.PDFName.of('Image'))
    .map((o) => Math.max(Number(o.dict.get(lib.PDFName.of('Width'))?.toString()), Number(o.dict.get(lib.PDFName.of('Height'))?.toString())));
}

async function pdfOf(pages: number, label: string): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await lib.PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([300 + i, 400]).drawText(`${label}-${i}`);
  return new Uint8Array(await doc.save());
}

const probe = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, head: bytes.subarray(0, PROBE_BYTES), tail: bytes.subarray(Math.max(0, bytes.length - PROBE_BYTES)) });

describe('PDF bundle tool', () => {
  it('reads EXIF orientation from phone photos', () => {
    const base = scan(16, 8, 1);
    expect(exifRotation(base)).toBe(0);
    expect(exifRotation(withOrientation(base, 6))).toBe(90);
    expect(exifRotation(withOrientation(base, 3))).toBe(180);
    expect(exifRotation(withOrientation(base, 8))).toBe(270);
    // The stored size, read from the frame header (behind the EXIF segment too): the decoder is asked for less.
    expect(jpegSize(base)).toEqual({ width: 16, height: 8 });
    expect(jpegSize(withOrientation(scan(40, 30, 2), 6))).toEqual({ width: 40, height: 30 });
    expect(jpegSize(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeUndefined();
  });

  it('keeps the page order and rotation (PDF pages, EXIF-rotated photo, the clerk\'s turns)', async () => {
    const files = [
      { name: '申请表.pdf', bytes: await pdfOf(2, 'form') },
      { name: '身份证.jpg', bytes: withOrientation(scan(80, 60, 2), 6) },
      { name: '证书.pdf', bytes: await pdfOf(1, 'cert') },
    ];
    const loaded = await loadFiles(lib, files);
    expect(loaded.pages.map((p) => p.key)).toEqual(['0:0', '0:1', '1:0', '2:0']);
    // The clerk moves the certificate first and turns the form's second page.
    const order = [loaded.pages[3]!, loaded.pages[0]!, { ...loaded.pages[1]!, rotate: 90 as const }, loaded.pages[2]!];
    const out = await mergeToLimit(lib, loaded, order, LIMIT, codec);
    expect(out.setting).toBe('original');
    const doc = await lib.PDFDocument.load(out.bytes);
    expect(doc.getPageCount()).toBe(4);
    expect(doc.getPages().map((p) => Math.round(p.getWidth()))).toEqual([300, 300, 301, expect.any(Number)]);
    expect(doc.getPages().map((p) => p.getRotation().angle)).toEqual([0, 0, 90, 90]); // the photo upright by EXIF
  });

  // Encoding noisy JPEGs in plain JS takes ~20 s: one time zone is enough (no date enters here).
  it.runIf(process.env.TZ === 'Asia/Shanghai')('recompresses photos until the result is under 2 MB, and the upload check accepts it', async () => {
    const photos = Array.from({ length: 6 }, (_, i) => ({ name: `scan-${i + 1}.jpg`, bytes: scan(640, 480, 10 + i, 97) }));
    const total = photos.reduce((n, p) => n + p.bytes.length, 0);
    expect(total).toBeGreaterThan(LIMIT); // the control: a plain merge would be too big
    const loaded = await loadFiles(lib, [{ name: '申请表.pdf', bytes: await pdfOf(1, 'form') }, ...photos]);
    const progress: number[] = [];
    const out = await mergeToLimit(lib, loaded, loaded.pages, LIMIT, codec, (f) => progress.push(f));
    expect(out.bytes.length).toBeLessThanOrEqual(LIMIT);
    expect(out.setting).not.toBe('original');
    // The setting shown to the clerk never claims a longer side than the photos have.
    expect(out.setting !== 'original' && out.setting.maxSide).toBeLessThanOrEqual(640);
    expect(progress.at(-1)).toBe(1);
    const doc = await lib.PDFDocument.load(out.bytes);
    expect(doc.getPageCount()).toBe(7);
    const rule = bundledPack().businesses.find((b) => b.id === 'info-change')!.bundles[0]!.upload;
    expect(checkUpload([probe('个人信息更改.pdf', out.bytes)], rule)).toEqual([]);
  }, 120_000);

  // Plain-JS JPEG work again (~10 s): one time zone.
  it.runIf(process.env.TZ === 'Asia/Shanghai')('fits photos in one pass predicted from the first, and every page has the side the setting claims', async () => {
    // "Documents": light paper, dark text bars, grain — 1400×1050, some stored sideways (EXIF 6).
    const photos = Array.from({ length: 9 }, (_, i) => {
      const bytes = page(1400, 1050, 40 + i);
      return { name: `IMG_${i}.jpg`, bytes: i % 2 ? withOrientation(bytes, 6) : bytes };
    });
    const limit = 1_000_000; // tighter than 2 MB, so that nine photos must shrink
    const loaded = await loadFiles(lib, photos);
    const counting = nodeCodec();
    const out = await mergeToLimit(lib, loaded, loaded.pages, limit, counting);
    expect(out.bytes.length).toBeLessThanOrEqual(limit);
    if (out.setting === 'original') throw new Error('expected a re-encoding');
    // One pass: each photo opened once, at the chosen side (the first one perhaps twice: opened before the choice).
    expect(counting.opened.length).toBeLessThanOrEqual(photos.length + 1);
    expect(counting.opened.slice(1).every((side) => side === (out.setting !== 'original' && out.setting.maxSide))).toBe(true);
    const doc = await lib.PDFDocument.load(out.bytes);
    expect(doc.getPageCount()).toBe(9);
    // The pages' images really are that size (the decoder used to round a 717 px request down to 500 px).
    const sides = imageSides(doc);
    expect(sides).toHaveLength(9);
    expect(sides.every((side) => side === Math.min(1400, out.setting !== 'original' ? out.setting.maxSide : 0))).toBe(true);
    // Sideways photos come out upright on portrait pages; the others on landscape ones.
    expect(doc.getPages().map((p) => (p.getWidth() > p.getHeight() ? 'landscape' : 'portrait'))).toEqual(photos.map((_, i) => (i % 2 ? 'portrait' : 'landscape')));
  }, 120_000);

  it('refuses an encrypted and a corrupt PDF, naming the file', async () => {
    const good = await pdfOf(1, 'ok');
    const encrypted = new Uint8Array([...good.subarray(0, good.length - 6), ...new TextEncoder().encode('trailer\n<< /Encrypt 9 0 R >>\n%%EOF\n')]);
    await expect(loadFiles(lib, [{ name: 'ok.pdf', bytes: good }, { name: '加密的户口簿.pdf', bytes: encrypted }])).rejects.toMatchObject({
      code: 'pdf.errors.encrypted',
      params: { file: '加密的户口簿.pdf' },
    });
    const corrupt = good.subarray(0, Math.floor(good.length / 3));
    await expect(loadFiles(lib, [{ name: '坏的证书.pdf', bytes: corrupt }])).rejects.toMatchObject({ code: 'pdf.errors.corrupt', params: { file: '坏的证书.pdf' } });
    await expect(loadFiles(lib, [{ name: 'notes.txt', bytes: new TextEncoder().encode('hello') }])).rejects.toMatchObject({ code: 'pdf.errors.type', params: { file: 'notes.txt' } });
  });
});
