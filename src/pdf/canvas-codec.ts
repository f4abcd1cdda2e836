/**
 * The browser's image codec for the PDF tool: createImageBitmap applies the EXIF orientation (its default,
 * imageOrientation 'from-image'), an OffscreenCanvas scales, convertToBlob encodes JPEG. Bitmaps are closed
 * at once: twenty 12-megapixel photos would otherwise hold ~1 GB of pixels.
 */
import type { ImageCodec } from './bundle';

export const canvasCodec: ImageCodec = {
  async encode(bytes, mime, { maxSide, quality }) {
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: mime }));
    try {
      const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
      const w = Math.max(1, Math.round(bitmap.width * scale));
      const h = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      // White under transparent PNG areas (JPEG has no alpha).
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, h);
      ctx.drawImage(bitmap, 0, 0, w, h);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      return new Uint8Array(await blob.arrayBuffer());
    } finally {
      bitmap.close();
    }
  },
};
