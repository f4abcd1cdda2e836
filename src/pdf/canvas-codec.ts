/**
 * The browser's image codec for the PDF tool. A JPEG is decoded already scaled down where the browser can
 * (WebCodecs `ImageDecoder` with a desired size: the JPEG decoder then scales in the DCT, so a 12-megapixel
 * phone photo wanted at 800 px is never decoded at full size — the difference between ~30 ms and ~120 ms a
 * photo, and 2 MB instead of 48 MB of pixels). Elsewhere, and for PNG, createImageBitmap decodes it whole.
 * Either way the picture is drawn upright (EXIF applied), scaled on an OffscreenCanvas and encoded as JPEG.
 * Decoded pictures are closed at once: twenty 12-megapixel photos would otherwise hold ~1 GB of pixels.
 */
import type { ImageCodec } from './bundle';
import { exifRotation, jpegSize } from './exif';

type Picture = { width: number; height: number; draw(ctx: OffscreenCanvasRenderingContext2D, w: number, h: number): void; close(): void };

/** The JPEG decoded at about `maxSide`, or undefined where this browser cannot (or would not turn it upright). */
async function scaledJpeg(bytes: Uint8Array, maxSide: number): Promise<Picture | undefined> {
  const size = jpegSize(bytes);
  if (typeof ImageDecoder === 'undefined' || !size) return undefined;
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height));
  const decoder = new ImageDecoder({ data: bytes, type: 'image/jpeg', desiredWidth: Math.ceil(size.width * scale), desiredHeight: Math.ceil(size.height * scale) });
  try {
    const { image } = await decoder.decode();
    // The frame must carry the photo's EXIF turn (Chromium sets `rotation`; drawImage applies it); a browser
    // that leaves it out would draw the photo sideways: take the slow path there.
    const turned: unknown = Reflect.get(image, 'rotation');
    const flipped: unknown = Reflect.get(image, 'flip');
    if ((typeof turned === 'number' ? turned : 0) !== exifRotation(bytes) || flipped === true) {
      image.close();
      return undefined;
    }
    return { width: image.displayWidth, height: image.displayHeight, draw: (ctx, w, h) => ctx.drawImage(image, 0, 0, w, h), close: () => image.close() };
  } catch {
    return undefined;
  } finally {
    decoder.close();
  }
}

async function wholeImage(bytes: Uint8Array, mime: string): Promise<Picture> {
  // A copy typed as ArrayBuffer-backed (Blob wants BufferSource over an ArrayBuffer, not a SharedArrayBuffer).
  const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: mime }));
  return { width: bitmap.width, height: bitmap.height, draw: (ctx, w, h) => ctx.drawImage(bitmap, 0, 0, w, h), close: () => bitmap.close() };
}

export const canvasCodec: ImageCodec = {
  // One decode per core (each ImageDecoder decodes on its own thread), 2 to 4: a few scaled frames in memory.
  parallel: Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2)),
  async encode(bytes, mime, { maxSide, quality }) {
    const picture = (mime === 'image/jpeg' ? await scaledJpeg(bytes, maxSide) : undefined) ?? (await wholeImage(bytes, mime));
    try {
      const scale = Math.min(1, maxSide / Math.max(picture.width, picture.height));
      const w = Math.max(1, Math.round(picture.width * scale));
      const h = Math.max(1, Math.round(picture.height * scale));
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      // White under transparent PNG areas (JPEG has no alpha).
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, h);
      picture.draw(ctx, w, h);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      return new Uint8Array(await blob.arrayBuffer());
    } finally {
      picture.close();
    }
  },
};
