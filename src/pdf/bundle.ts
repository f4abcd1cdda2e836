/**
 * The PDF bundle tool's core (issue 15): scans (JPEG/PNG, phone photos with EXIF rotation) and PDFs → ONE PDF
 * under a size limit (个人信息更改: 2 MB, from the rule data), pages in the clerk's order and rotation. The PDF
 * library (@cantoo/pdf-lib) is passed in, loaded by the workbench with a dynamic import only; image
 * re-encoding is an injected codec (OffscreenCanvas in the browser). Everything stays in memory.
 */
import type * as PdfLibModule from '@cantoo/pdf-lib';
import { CodedError } from '../i18n/problem';
import { exifRotation } from './exif';

export type PdfLib = typeof PdfLibModule;
export type Rotation = 0 | 90 | 180 | 270;

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
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
  encode(bytes: Uint8Array, mime: 'image/jpeg' | 'image/png', o: { maxSide: number; quality: number }): Promise<Uint8Array>;
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
        if (/encrypt/i.test(String((err as Error).message))) throw new CodedError('pdf.errors.encrypted', { file: f.name });
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

async function build(lib: PdfLib, loaded: Loaded, pages: readonly PageItem[], setting: Merged['setting'], codec: ImageCodec | undefined, cache: Map<string, Uint8Array>, progress: (done: number) => void): Promise<Uint8Array> {
  const doc = await lib.PDFDocument.create();
  let done = 0;
  for (const p of pages) {
    const f = loaded.files[p.file]!;
    if (f.kind === 'pdf' && f.pdf) {
      const [copied] = await doc.copyPages(f.pdf, [p.index]);
      const page = doc.addPage(copied!);
      page.setRotation(lib.degrees((page.getRotation().angle + p.rotate) % 360));
    } else if (setting === 'original' || !codec) {
      const img = f.kind === 'jpeg' ? await doc.embedJpg(f.bytes) : await doc.embedPng(f.bytes);
      // Embedded as it is, the JPEG's EXIF orientation is ignored by PDF viewers: the page turns instead.
      placeImage(doc, img, ((f.exif + p.rotate) % 360) as Rotation, lib);
    } else {
      const key = `${p.file}:${setting.maxSide}:${setting.quality}`;
      let jpeg = cache.get(key);
      if (!jpeg) {
        jpeg = await codec.encode(f.bytes, f.kind === 'png' ? 'image/png' : 'image/jpeg', setting);
        cache.set(key, jpeg);
      }
      // Re-encoded upright (the codec applies EXIF): only the clerk's rotation remains.
      placeImage(doc, await doc.embedJpg(jpeg), p.rotate, lib);
    }
    progress(++done);
  }
  return doc.save({ useObjectStreams: true });
}

/** Settings tried from the estimate down: smaller and lower quality until the result fits. */
export function ladder(start: number): Setting[] {
  const out: Setting[] = [];
  let side = start;
  for (let step = 0; step < 10; step++) {
    out.push({ maxSide: Math.round(side), quality: Math.max(0.35, 0.8 - 0.08 * step) });
    side *= 0.85;
  }
  return out.filter((s) => s.maxSide >= 500);
}

/**
 * The longest side to start from: the bytes left for images (limit minus what PDF pages take) shared among
 * the images, at about 0.2 bytes a pixel (JPEG quality 0.8 on scanned paper), for a 4:3 picture.
 */
export function startSide(limit: number, fixedBytes: number, images: number): number {
  const perImage = Math.max(20_000, (limit * 0.92 - fixedBytes) / Math.max(1, images));
  const pixels = perImage / 0.2;
  return Math.min(3000, Math.sqrt((pixels * 4) / 3));
}

/**
 * Merge the pages in order; if the result is over `limit`, re-encode the images (never the PDF pages) until it
 * fits. Refuses (pdf.errors.cannotFit) when even the smallest setting does not fit.
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
  const cache = new Map<string, Uint8Array>();
  const report = (setting: Merged['setting']) => (done: number) => onProgress(done / pages.length, setting);
  const original = await build(lib, loaded, pages, 'original', codec, cache, report('original'));
  if (original.length <= limit) return { bytes: original, setting: 'original', pages: pages.length };
  const imagePages = pages.filter((p) => loaded.files[p.file]!.kind !== 'pdf');
  if (!codec || !imagePages.length) throw new CodedError('pdf.errors.cannotFit', { size: original.length, limit });
  const imageBytes = imagePages.reduce((n, p) => n + loaded.files[p.file]!.bytes.length, 0);
  const fixed = Math.max(0, original.length - imageBytes);
  for (const setting of ladder(startSide(limit, fixed, imagePages.length))) {
    const bytes = await build(lib, loaded, pages, setting, codec, cache, report(setting));
    if (bytes.length <= limit) return { bytes, setting, pages: pages.length };
    cache.clear(); // the next setting re-encodes from the originals
  }
  throw new CodedError('pdf.errors.cannotFit', { size: original.length, limit });
}
