/**
 * The PDF bundle tool's core (issue 15): scans (JPEG/PNG, phone photos with EXIF rotation) and PDFs → ONE PDF
 * under a size limit (个人信息更改: 2 MB, from the rule data), pages in the clerk's order and rotation. The PDF
 * library (@cantoo/pdf-lib) is passed in, loaded by the workbench with a dynamic import only; image
 * re-encoding is an injected codec (OffscreenCanvas in the browser). Everything stays in memory.
 */
import type * as PdfLibModule from '@cantoo/pdf-lib';
import { CodedError } from '../i18n/problem';
import { exifRotation } from './exif';
import { type Rotation, turn } from './rotation';

export type PdfLib = typeof PdfLibModule;
export type { Rotation } from './rotation';

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

/** Re-encodes an image upright (EXIF applied), its longer side at most maxSide, as JPEG of `quality`. */
export interface ImageCodec {
  /** How many images it re-encodes at once (decoding is the slow part; browsers decode off the page's thread). */
  readonly parallel?: number;
  encode(bytes: Uint8Array<ArrayBuffer>, mime: 'image/jpeg' | 'image/png', o: { maxSide: number; quality: number }): Promise<Uint8Array>;
}

export interface Setting {
  maxSide: number;
  quality: number;
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

/** Re-encode every image page's file for a setting (a few at a time), into `cache`. */
async function encodeAll(loaded: Loaded, pages: readonly PageItem[], setting: Setting, codec: ImageCodec, cache: Map<number, Uint8Array>, progress: () => void): Promise<void> {
  const todo = [...new Set(pages.filter((p) => fileOf(loaded, p).kind !== 'pdf').map((p) => p.file))].filter((i) => !cache.has(i));
  const next = async (): Promise<void> => {
    const i = todo.shift();
    if (i === undefined) return;
    const f = loaded.files[i];
    if (f) cache.set(i, await codec.encode(f.bytes, f.kind === 'png' ? 'image/png' : 'image/jpeg', setting));
    progress();
    return next();
  };
  await Promise.all(Array.from({ length: Math.max(1, codec.parallel ?? 1) }, next));
}

async function build(lib: PdfLib, loaded: Loaded, pages: readonly PageItem[], encoded: ReadonlyMap<number, Uint8Array> | undefined): Promise<Uint8Array> {
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
  return doc.save({ useObjectStreams: true });
}

/** JPEG bytes a pixel at quality 0.8 for photos of paper (measured on phone photos: 0.18–0.25). */
const BYTES_PER_PIXEL = 0.25;
const MIN_SIDE = 500;

/**
 * The longest side to start from: the bytes left for images (limit minus what PDF pages take) shared among
 * the images, at BYTES_PER_PIXEL, for a 4:3 picture. Chosen to fit at the first try (each try decodes every
 * photo again), at the best size that still does.
 */
export function startSide(limit: number, fixedBytes: number, images: number): number {
  const perImage = Math.max(20_000, (limit * 0.92 - fixedBytes) / Math.max(1, images));
  const pixels = perImage / BYTES_PER_PIXEL;
  return Math.min(3000, Math.sqrt((pixels * 4) / 3));
}

/**
 * The next setting after a try whose images took `imageBytes` where `allowance` was left for them: the side
 * shrunk by the square root of the overshoot (bytes follow the pixel count) with a margin, and the quality a
 * step lower. Undefined when the smallest sensible setting was tried.
 */
export function nextSetting(prev: Setting, imageBytes: number, allowance: number): Setting | undefined {
  if (prev.maxSide <= MIN_SIDE && prev.quality <= 0.4) return undefined;
  const shrink = Math.min(0.9, Math.sqrt((Math.max(1, allowance) * 0.9) / Math.max(1, imageBytes)));
  return { maxSide: Math.max(MIN_SIDE, Math.round(prev.maxSide * shrink)), quality: Math.max(0.4, Math.round((prev.quality - 0.1) * 100) / 100) };
}

/**
 * Merge the pages in order; if the result is over `limit`, re-encode the images (never the PDF pages) until it
 * fits. When the images alone are over the limit, the plain merge is not even tried (it cannot fit, and would
 * hold a copy of every photo). Refuses (pdf.errors.cannotFit) when even the smallest setting does not fit.
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
  const imageFiles = new Set(pages.filter((p) => fileOf(loaded, p).kind !== 'pdf').map((p) => p.file));
  const imageBytes = [...imageFiles].reduce((n, i) => n + (loaded.files[i]?.bytes.length ?? 0), 0);
  let fixed: number;
  if (imageBytes <= limit || !codec) {
    onProgress(0, 'original');
    const original = await build(lib, loaded, pages, undefined);
    onProgress(1, 'original');
    if (original.length <= limit) return { bytes: original, setting: 'original', pages: pages.length };
    if (!codec || !imageFiles.size) throw new CodedError('pdf.errors.cannotFit', { size: original.length, limit });
    fixed = Math.max(0, original.length - imageBytes);
  } else {
    // What the PDF pages (and the document itself) take, without the images.
    fixed = (await build(lib, loaded, pages.filter((p) => !imageFiles.has(p.file)), undefined)).length;
  }
  let setting: Setting | undefined = { maxSide: Math.round(startSide(limit, fixed, imageFiles.size)), quality: 0.8 };
  for (let tries = 0; setting && tries < 8; tries++) {
    const at = setting;
    const encoded = new Map<number, Uint8Array>();
    let done = 0;
    onProgress(0, at);
    await encodeAll(loaded, pages, at, codec, encoded, () => onProgress(++done / (imageFiles.size + 1), at));
    const bytes = await build(lib, loaded, pages, encoded);
    if (bytes.length <= limit) {
      onProgress(1, at);
      return { bytes, setting: at, pages: pages.length };
    }
    setting = nextSetting(at, bytes.length - fixed, limit - fixed);
  }
  throw new CodedError('pdf.errors.cannotFit', { size: imageBytes + fixed, limit });
}
