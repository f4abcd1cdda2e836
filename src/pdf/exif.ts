/**
 * The EXIF orientation of a JPEG (tag 0x0112 in IFD0 of the APP1 "Exif" segment, EXIF 2.32 §4.6.4) as the
 * clockwise rotation that shows it upright. Phone photos are stored sideways with orientation 6 or 8.
 * Mirrored orientations (2, 4, 5, 7) are read as their rotation part.
 */
import type { Rotation } from './rotation';

const ROTATION: Readonly<Record<number, Rotation>> = { 1: 0, 2: 0, 3: 180, 4: 180, 5: 90, 6: 90, 7: 270, 8: 270 };

/** Each marker segment before the image data: its marker byte and the offset of its length field. */
function* segments(bytes: Uint8Array): Generator<{ marker: number; at: number; view: DataView }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xda) return; // start of scan: the image data follows
    yield { marker, at: i + 2, view };
    i += 2 + view.getUint16(i + 2);
  }
}

export function exifOrientation(bytes: Uint8Array): number {
  for (const { marker, at, view } of segments(bytes)) {
    if (marker === 0xe1 && at + 6 <= view.byteLength && view.getUint32(at + 2) === 0x45786966) return fromTiff(view, at + 8);
  }
  return 1;
}

/** Start-of-frame markers (ITU-T T.81 Table B.1: SOF0–SOF15 except DHT C4, JPG C8, DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** The stored (not EXIF-turned) pixel size of a JPEG, from its frame header; undefined if it has none. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  for (const { marker, at, view } of segments(bytes)) {
    if (SOF.has(marker) && at + 7 <= view.byteLength) return { height: view.getUint16(at + 3), width: view.getUint16(at + 5) };
  }
  return undefined;
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
