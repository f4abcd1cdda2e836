/**
 * The EXIF orientation of a JPEG (tag 0x0112 in IFD0 of the APP1 "Exif" segment, EXIF 2.32 §4.6.4) as the
 * clockwise rotation that shows it upright. Phone photos are stored sideways with orientation 6 or 8.
 * Mirrored orientations (2, 4, 5, 7) are read as their rotation part.
 */
import type { Rotation } from './bundle';

const ROTATION: Readonly<Record<number, Rotation>> = { 1: 0, 2: 0, 3: 180, 4: 180, 5: 90, 6: 90, 7: 270, 8: 270 };

export function exifOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    const length = view.getUint16(i + 2);
    if (marker === 0xda) break; // start of scan: no EXIF before the image data
    if (marker === 0xe1 && view.getUint32(i + 4) === 0x45786966) return fromTiff(view, i + 10);
    i += 2 + length;
  }
  return 1;
}

function fromTiff(view: DataView, tiff: number): number {
  if (tiff + 8 > view.byteLength) return 1;
  const little = view.getUint16(tiff) === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > view.byteLength) return 1;
  const entries = view.getUint16(ifd, little);
  for (let e = 0; e < entries; e++) {
    const at = ifd + 2 + e * 12;
    if (at + 12 > view.byteLength) return 1;
    if (view.getUint16(at, little) === 0x0112) return view.getUint16(at + 8, little);
  }
  return 1;
}

export function exifRotation(bytes: Uint8Array): Rotation {
  return ROTATION[exifOrientation(bytes)] ?? 0;
}
