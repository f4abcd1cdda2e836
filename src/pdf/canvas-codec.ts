/**
 * The browser's image codec for the PDF tool. A JPEG is decoded already scaled down where the browser can:
 * WebCodecs `ImageDecoder` with a desired size makes Chromium's JPEG decoder (libjpeg-turbo) scale in the
 * DCT by n/8, so a 12-megapixel photo wanted at 1200 px is decoded at 3/8 (1500 px) and never at full size —
 * measured (T11, 20 photos of 4000×3000): 1/8 takes about half the CPU of a full decode, and the rest is the
 * entropy decoding no scale avoids. Chromium picks the largest n/8 whose size does not exceed the desired one,
 * so the desired size is rounded UP to the next n/8 step: asked for 717 px it decoded 500 px, and the pages
 * came out at 500 px. createImageBitmap with resize options and `<img>` decode at full size first (4–15× slower,
 * measured). Elsewhere, and for PNG, createImageBitmap decodes it whole. Either way the picture is drawn
 * upright (EXIF applied) and scaled on an OffscreenCanvas, and encoded as JPEG from there at any quality.
 * Decoded pictures are closed at once: twenty 12-megapixel photos would otherwise hold ~1 GB of pixels.
 */
import type { ImageCodec, Scaled } from './bundle';
import { exifRotation, jpegSize } from './exif';
import { mark } from './marks';
import { dctScaledSize } from './sizing';

type Picture = { width: number; height: number; source: CanvasImageSource; close(): void };

/** The JPEG decoded at (at least) about `maxSide`, or undefined where this browser cannot (or would not turn it upright). */
async function scaledJpeg(bytes: Uint8Array<ArrayBuffer>, maxSide: number): Promise<Picture | undefined> {
  const size = jpegSize(bytes);
  if (typeof ImageDecoder === 'undefined' || !size) return undefined;
  const wanted = dctScaledSize(size.width, size.height, maxSide);
  const decoder = new ImageDecoder({ data: bytes, type: 'image/jpeg', desiredWidth: wanted.width, desiredHeight: wanted.height });
  try {
    const { image } = await decoder.decode();
    // The frame must carry the photo's EXIF turn (Chromium sets `rotation`, which createImageBitmap applies); a
    // browser that leaves it out would draw the photo sideways, and one that decodes smaller than asked would
    // lose detail the setting claims: take the slow path there.
    const turned: unknown = Reflect.get(image, 'rotation');
    const flipped: unknown = Reflect.get(image, 'flip');
    const short = Math.max(image.codedWidth, image.codedHeight) < Math.min(maxSide, Math.max(size.width, size.height));
    if ((typeof turned === 'number' ? turned : 0) !== exifRotation(bytes) || flipped === true || short) {
      image.close();
      return undefined;
    }
    // Drawn through an ImageBitmap, not the VideoFrame itself: a canvas that drew a VideoFrame keeps its pixels
    // until garbage collection, close() or not (measured: +130 MiB over 20 photos at 1500 px; +7 MiB this way).
    const shown = { width: image.displayWidth, height: image.displayHeight };
    const bitmap = await createImageBitmap(image).finally(() => image.close());
    if (bitmap.width !== shown.width || bitmap.height !== shown.height) {
      bitmap.close();
      return undefined;
    }
    return { width: bitmap.width, height: bitmap.height, source: bitmap, close: () => bitmap.close() };
  } catch {
    return undefined;
  } finally {
    decoder.close();
  }
}

async function wholeImage(bytes: Uint8Array<ArrayBuffer>, mime: string): Promise<Picture> {
  const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
  return { width: bitmap.width, height: bitmap.height, source: bitmap, close: () => bitmap.close() };
}

/** The picture drawn upright at `maxSide` (never enlarged) on white (JPEG has no alpha; PNGs may). */
function drawn(picture: Picture, maxSide: number): OffscreenCanvas {
  const scale = Math.min(1, maxSide / Math.max(picture.width, picture.height));
  const w = Math.max(1, Math.round(picture.width * scale));
  const h = Math.max(1, Math.round(picture.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(picture.source, 0, 0, w, h);
  return canvas;
}

export const canvasCodec: ImageCodec = {
  // One decode per core (each ImageDecoder decodes on a thread-pool thread, measured), 2 to 4: a few scaled
  // pictures in memory at a time.
  parallel: Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2)),
  async open(bytes, mime, maxSide): Promise<Scaled> {
    let start = performance.now();
    const picture = (mime === 'image/jpeg' ? await scaledJpeg(bytes, maxSide) : undefined) ?? (await wholeImage(bytes, mime));
    mark('decode', start);
    start = performance.now();
    let pixels: OffscreenCanvas;
    try {
      pixels = drawn(picture, maxSide);
    } finally {
      picture.close();
    }
    mark('draw', start);
    return {
      async encode(quality) {
        const at = performance.now();
        const blob = await pixels.convertToBlob({ type: 'image/jpeg', quality });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        mark('encode', at);
        return bytes;
      },
      close() {
        // A zero-size canvas gives its pixel buffer back now rather than at the next garbage collection.
        pixels.width = 0;
        pixels.height = 0;
      },
    };
  },
};
