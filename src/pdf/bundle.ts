/**
 * The PDF bundle tool's core (issue 15): scans (JPEG/PNG, phone photos with EXIF rotation) and PDFs → ONE PDF
 * under a size limit (个人信息更改: 2 MB, from the rule data), pages in the clerk's order and rotation. The PDF
 * library (@cantoo/pdf-lib) is passed in, loaded by the workbench with a dynamic import only; image
 * re-encoding is an injected codec (OffscreenCanvas in the browser), how far to shrink is sizing.ts.
 * Everything stays in memory.
 */
import type * as PdfLibModule from '@cantoo/pdf-lib';
import { CodedError } from '../i18n/problem';
import { exifRotation, jpegSize } from './exif';
import { clearMarks, mark } from './marks';
import { type Rotation, turn } from './rotation';
import { chooseSetting, type Dims, LEGIBLE_SIDE, MARGIN as FILL_SHARE, MAX_SIDE, nextSetting, QUALITY, type Setting } from './sizing';

export type PdfLib = typeof PdfLibModule;
export type { Rotation } from './rotation';
export type { Setting } from './sizing';

export interface SourceFile {
  name: string;
  /** Over an ArrayBuffer (a File's bytes): what Blob and ImageDecoder take. */
  bytes: Uint8Array<ArrayBuffer>;
}

interface LoadedFile extends SourceFile {
  kind: 'jpeg' | 'png' | 'pdf';
  /** Clockwise degrees the image's EXIF orientation asks for (JPEG). */
  exif: Rotation;
  pdf?: PdfLibModule.PDFDocument | undefined;
}

export interface PageItem {
  /** Stable key for the UI. */
  key: string;
  file: number;
  /** Page index in a PDF; 0 for an image. */
  index: number;
  /** Clockwise rotation the clerk added. */
  rotate: Rotation;
}

export interface Loaded {
  files: LoadedFile[];
  pages: PageItem[];
}

/** An image decoded upright (EXIF applied) and scaled, ready to be encoded as JPEG at any quality. */
export interface Scaled {
  encode(quality: number): Promise<Uint8Array>;
  /** Frees the pixels (twenty 12-megapixel photos would otherwise hold ~1 GB); safe to call twice. */
  close(): void;
}

/** Opens images for re-encoding (OffscreenCanvas in the browser, a plain-JS codec in the unit tests). */
export interface ImageCodec {
  /** How many images it opens at once (decoding is the slow part; browsers decode off the page's thread). */
  readonly parallel?: number;
  /** The image upright, its longer side `maxSide` (never enlarged). */
  open(bytes: Uint8Array<ArrayBuffer>, mime: 'image/jpeg' | 'image/png', maxSide: number): Promise<Scaled>;
}

export interface Merged {
  bytes: Uint8Array;
  /** 'original': images embedded as they were; else the re-encoding that made it fit. */
  setting: 'original' | Setting;
  pages: number;
}

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 18;

function kindOf(bytes: Uint8Array): LoadedFile['kind'] | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-') ? 'pdf' : undefined;
}

/** A PDF that declares encryption (/Encrypt in its trailer or cross-reference stream). */
function isEncrypted(bytes: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(bytes.length > 400_000 ? bytes.subarray(bytes.length - 400_000) : bytes);
  return /\/Encrypt\s/.test(text);
}

/** Read every file; an encrypted, corrupt or unknown file is refused by its name (nothing else is loaded). */
export async function loadFiles(lib: PdfLib, files: readonly SourceFile[]): Promise<Loaded> {
  const start = performance.now();
  const loaded: LoadedFile[] = [];
  const pages: PageItem[] = [];
  for (const [i, f] of files.entries()) {
    const kind = kindOf(f.bytes);
    if (!kind) throw new CodedError('pdf.errors.type', { file: f.name });
    if (kind === 'pdf') {
      if (isEncrypted(f.bytes)) throw new CodedError('pdf.errors.encrypted', { file: f.name });
      let pdf: PdfLibModule.PDFDocument;
      try {
        pdf = await lib.PDFDocument.load(f.bytes, { throwOnInvalidObject: true, updateMetadata: false });
      } catch (err) {
        if (err instanceof Error && /encrypt/i.test(err.message)) throw new CodedError('pdf.errors.encrypted', { file: f.name });
        throw new CodedError('pdf.errors.corrupt', { file: f.name });
      }
      if (pdf.getPageCount() === 0) throw new CodedError('pdf.errors.corrupt', { file: f.name });
      loaded.push({ ...f, kind, exif: 0, pdf });
      for (let p = 0; p < pdf.getPageCount(); p++) pages.push({ key: `${i}:${p}`, file: i, index: p, rotate: 0 });
    } else {
      loaded.push({ ...f, kind, exif: kind === 'jpeg' ? exifRotation(f.bytes) : 0 });
      pages.push({ key: `${i}:0`, file: i, index: 0, rotate: 0 });
    }
  }
  mark('load', start);
  return { files: loaded, pages };
}

/** An image on an A4 page (landscape when the image is wider), fitted within the margins, centred. */
function placeImage(doc: PdfLibModule.PDFDocument, img: PdfLibModule.PDFImage, uprightRotation: Rotation, lib: PdfLib): void {
  // A quarter turn shows the image's height across: pick the page orientation from how it will be seen.
  const turned = uprightRotation === 90 || uprightRotation === 270;
  const wide = turned ? img.height > img.width : img.width > img.height;
  const size = wide !== turned ? { w: A4.h, h: A4.w } : { w: A4.w, h: A4.h };
  const page = doc.addPage([size.w, size.h]);
  const scale = Math.min((size.w - 2 * MARGIN) / img.width, (size.h - 2 * MARGIN) / img.height, 1e9);
  const w = img.width * scale;
  const h = img.height * scale;
  page.drawImage(img, { x: (size.w - w) / 2, y: (size.h - h) / 2, width: w, height: h });
  page.setRotation(lib.degrees(uprightRotation));
}

/** The file a page comes from (pages are made by loadFiles from its files, so it is there). */
function fileOf(loaded: Loaded, p: PageItem): LoadedFile {
  const f = loaded.files[p.file];
  if (!f) throw new CodedError('pdf.errors.noPages');
  return f;
}

/** The pages' image files, each once, in page order. */
function imageFilesOf(loaded: Loaded, pages: readonly PageItem[]): number[] {
  return [...new Set(pages.filter((p) => fileOf(loaded, p).kind !== 'pdf').map((p) => p.file))];
}

/** Picks the setting from the first picture (opened at the side it was asked for); the others wait for it. */
type Settle = (first: Scaled, openedAt: number) => Promise<{ at: Setting; first?: Uint8Array | undefined }>;

/**
 * Re-encode the image files: each is decoded at `openSide` as soon as a decoder is free (`parallel` at once,
 * in file order), and encoded once `settle` has chosen the setting from the first one. A picture opened at
 * another side than the one chosen is opened again. `done` is called after each image.
 */
async function encodeImages(loaded: Loaded, files: readonly number[], codec: ImageCodec, openSide: number, settle: Settle, done: (at: Setting) => void): Promise<{ at: Setting; encoded: Map<number, Uint8Array> }> {
  const encoded = new Map<number, Uint8Array>();
  let decide: (s: Awaited<ReturnType<Settle>>) => void = () => undefined;
  let fail: (err: unknown) => void = () => undefined;
  const chosen = new Promise<Awaited<ReturnType<Settle>>>((resolve, reject) => ((decide = resolve), (fail = reject)));
  // Once the setting is chosen, images are opened at its side straight away. (A failure here is the first
  // image's, reported by its own call.)
  let side = openSide;
  chosen.then(({ at }) => (side = at.maxSide), () => undefined);
  const one = async (i: number): Promise<void> => {
    const f = loaded.files[i];
    if (!f) return;
    const mime = f.kind === 'png' ? 'image/png' : 'image/jpeg';
    const isFirst = i === files[0];
    let picture: Scaled | undefined;
    try {
      const openedAt = side;
      picture = await codec.open(f.bytes, mime, openedAt);
      if (isFirst) decide(await settle(picture, openedAt));
      const { at, first } = await chosen;
      if (isFirst && first) encoded.set(i, first);
      else {
        if (at.maxSide !== openedAt) {
          picture.close();
          picture = await codec.open(f.bytes, mime, at.maxSide);
        }
        encoded.set(i, await picture.encode(at.quality));
      }
      done(at);
    } catch (err) {
      if (isFirst) fail(err);
      throw err;
    } finally {
      picture?.close();
    }
  };
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) await one(i);
  };
  await Promise.all(Array.from({ length: Math.max(1, codec.parallel ?? 1) }, worker));
  return { at: (await chosen).at, encoded };
}

/** The setting for the first pass, predicted from the first picture encoded at the best and the least quality. */
function predicting(images: readonly Dims[], allowance: number): Settle {
  return async (first, openedAt) => {
    const best = await first.encode(QUALITY.best);
    const least = await first.encode(QUALITY.least);
    const at = chooseSetting({ first: images[0] ?? { width: openedAt, height: openedAt }, side: openedAt, best: best.length, least: least.length }, images, allowance);
    const same = at.maxSide === openedAt;
    return { at, first: same && at.quality === QUALITY.best ? best : same && at.quality === QUALITY.least ? least : undefined };
  };
}

async function build(lib: PdfLib, loaded: Loaded, pages: readonly PageItem[], encoded: ReadonlyMap<number, Uint8Array> | undefined): Promise<Uint8Array> {
  const start = performance.now();
  const doc = await lib.PDFDocument.create();
  for (const p of pages) {
    const f = fileOf(loaded, p);
    const jpeg = encoded?.get(p.file);
    if (f.kind === 'pdf' && f.pdf) {
      const [copied] = await doc.copyPages(f.pdf, [p.index]);
      if (!copied) continue;
      const page = doc.addPage(copied);
      page.setRotation(lib.degrees((page.getRotation().angle + p.rotate) % 360));
    } else if (jpeg) {
      // Re-encoded upright (the codec applies EXIF): only the clerk's rotation remains.
      placeImage(doc, await doc.embedJpg(jpeg), p.rotate, lib);
    } else {
      const img = f.kind === 'jpeg' ? await doc.embedJpg(f.bytes) : await doc.embedPng(f.bytes);
      // Embedded as it is, the JPEG's EXIF orientation is ignored by PDF viewers: the page turns instead.
      placeImage(doc, img, turn(f.exif, p.rotate), lib);
    }
  }
  mark('embed', start);
  const saving = performance.now();
  const bytes = await doc.save({ useObjectStreams: true });
  mark('save', saving);
  return bytes;
}

/** An image's stored size in pixels from its header (JPEG frame header, PNG IHDR), or undefined. */
function dimsOf(f: LoadedFile): Dims | undefined {
  if (f.kind === 'jpeg') return jpegSize(f.bytes);
  if (f.kind !== 'png' || f.bytes.length < 24) return undefined;
  const view = new DataView(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Merge the pages in order; if the result is over `limit`, re-encode the images (never the PDF pages) so that
 * it fits: one pass whose setting is predicted from the first image (sizing.ts), another only when the
 * prediction missed. When the images alone are over the limit, the plain merge is not even tried (it cannot
 * fit, and would hold a copy of every photo). Refuses (pdf.errors.cannotFit) when even the last resort does
 * not fit. `onProgress` gets the share of images done (the save is the last step) and the setting in use.
 */
export async function mergeToLimit(
  lib: PdfLib,
  loaded: Loaded,
  pages: readonly PageItem[],
  limit: number,
  codec: ImageCodec | undefined,
  onProgress: (fraction: number, setting: Merged['setting']) => void = () => undefined,
): Promise<Merged> {
  if (!pages.length) throw new CodedError('pdf.errors.noPages');
  clearMarks();
  const files = imageFilesOf(loaded, pages);
  const imageFiles = new Set(files);
  const imageBytes = files.reduce((n, i) => n + (loaded.files[i]?.bytes.length ?? 0), 0);
  let fixed: number;
  if (imageBytes <= limit || !codec) {
    onProgress(0, 'original');
    const original = await build(lib, loaded, pages, undefined);
    onProgress(1, 'original');
    if (original.length <= limit) return { bytes: original, setting: 'original', pages: pages.length };
    if (!codec || !files.length) throw new CodedError('pdf.errors.cannotFit', { size: original.length, limit });
    fixed = Math.max(0, original.length - imageBytes);
  } else {
    // What the PDF pages (and the document itself) take, without the images.
    fixed = (await build(lib, loaded, pages.filter((p) => !imageFiles.has(p.file)), undefined)).length;
  }
  // An image without a readable size counts as a large photo (4:3 at MAX_SIDE) in the prediction.
  const dims = files.map((i) => { const f = loaded.files[i]; return (f && dimsOf(f)) ?? { width: MAX_SIDE, height: (MAX_SIDE * 3) / 4 }; });
  const allowance = limit * FILL_SHARE - fixed;
  let settle = predicting(dims, allowance);
  let openSide = Math.min(LEGIBLE_SIDE, Math.max(...dims.map((d) => Math.max(d.width, d.height))));
  for (let tries = 0; tries < 8; tries++) {
    let done = 0;
    const pass = await encodeImages(loaded, files, codec, openSide, settle, (at) => onProgress(++done / (files.length + 1), at));
    const bytes = await build(lib, loaded, pages, pass.encoded);
    if (bytes.length <= limit) {
      onProgress(1, pass.at);
      return { bytes, setting: pass.at, pages: pages.length };
    }
    const next = nextSetting(pass.at, bytes.length - fixed, limit - fixed);
    if (!next) break;
    onProgress(0, next);
    openSide = next.maxSide;
    settle = () => Promise.resolve({ at: next });
  }
  throw new CodedError('pdf.errors.cannotFit', { size: imageBytes + fixed, limit });
}
