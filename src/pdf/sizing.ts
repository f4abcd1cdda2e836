/**
 * How far the PDF tool shrinks photos to fit an upload limit (issue 15): pure arithmetic on byte counts. The
 * aim is ONE re-encoding pass — each pass decodes every photo again, and decoding 3 MB phone photos is nearly
 * all of the merge's time — so the setting is predicted from the first photo, encoded at two qualities.
 */

export interface Setting {
  /** The longer side of every re-encoded image, in pixels (smaller images keep theirs). */
  maxSide: number;
  quality: number;
}

/** An image's stored size in pixels. */
export interface Dims {
  width: number;
  height: number;
}

/** The first photo (its stored size), opened at `side` and encoded at QUALITY.best and QUALITY.least: its bytes at each. */
export interface Sample {
  first: Dims;
  side: number;
  best: number;
  least: number;
}

/**
 * The longer side a page photo keeps whenever the limit allows it at an acceptable quality: an A4 page at
 * ~100 dpi (297 mm = 11.7 in). A phone photo of an A4 page at that size shows 五号 (10.5 pt) characters about
 * 10 px tall, still legible to a reviewer; at 500 px (what an estimate of 0.25 bytes a pixel used to choose for
 * twenty photos) they are 4 px blobs.
 */
export const LEGIBLE_SIDE = 1200;
/** A4 at ~150 dpi, a document scanner's setting: more costs time and bytes and adds nothing a reviewer reads. */
export const MAX_SIDE = 1800;
export const MIN_SIDE = 500;
/** JPEG qualities: the preferred one, the lowest before the side gives way, the last resort. */
export const QUALITY = { best: 0.8, least: 0.5, last: 0.4 } as const;
/** Share of the limit the prediction may fill: photos differ from the first one a little. */
export const MARGIN = 0.92;

const round2 = (q: number) => Math.round(q * 100) / 100;

/** Output pixels of an image at longer side `side` (never enlarged). */
export function pixelsAt(d: Dims, side: number): number {
  const k = Math.min(1, side / Math.max(d.width, d.height, 1));
  return Math.max(1, Math.round(d.width * k)) * Math.max(1, Math.round(d.height * k));
}

/** The largest side from `from` down to `to` (5 % steps, `to` itself tried last) that `fits`; undefined if none. */
function largestSide(from: number, to: number, fits: (side: number) => boolean): number | undefined {
  for (let side = Math.round(from); side > to; side = Math.round(side * 0.95)) if (fits(side)) return side;
  return fits(to) ? to : undefined;
}

/**
 * The setting predicted to fit `allowance` bytes for all `images`: bytes follow the pixel count, at a byte rate
 * per pixel interpolated between the sample's two qualities (linear in the quality: a rough fit, on the safe
 * side between 0.5 and 0.8 for JPEG's quality curve). In order of preference: the best quality at the
 * largest side from MAX_SIDE down to LEGIBLE_SIDE; LEGIBLE_SIDE at a quality down to QUALITY.least; a smaller side
 * at QUALITY.least (only when the limit forces it); MIN_SIDE at QUALITY.last.
 */
export function chooseSetting(sample: Sample, images: readonly Dims[], allowance: number): Setting {
  const sampled = pixelsAt(sample.first, sample.side);
  const perPixel = (q: number) => (sample.least + ((sample.best - sample.least) * (q - QUALITY.least)) / (QUALITY.best - QUALITY.least)) / sampled;
  // Shrunk further than the sample, a page keeps its text: bytes fall slower than pixels (about as the side
  // to the power 1.5, not 2; measured on the unit tests' pages). Enlarged, they grow slower too: kept at 2.
  const denser = (side: number) => Math.max(1, sampled / pixelsAt(sample.first, side)) ** 0.25;
  const fits = (side: number, q: number) => images.reduce((n, d) => n + pixelsAt(d, side), 0) * perPixel(q) * denser(side) <= allowance;
  const largest = Math.max(1, ...images.map((d) => Math.max(d.width, d.height)));
  const legible = Math.min(LEGIBLE_SIDE, largest);
  const roomy = largestSide(Math.min(MAX_SIDE, largest), legible, (side) => fits(side, QUALITY.best));
  if (roomy !== undefined) return { maxSide: roomy, quality: QUALITY.best };
  for (let q: number = QUALITY.best - 0.05; q >= QUALITY.least - 1e-9; q -= 0.05) if (fits(legible, q)) return { maxSide: legible, quality: round2(q) };
  const forced = largestSide(legible, Math.min(MIN_SIDE, legible), (side) => fits(side, QUALITY.least));
  return forced !== undefined ? { maxSide: forced, quality: QUALITY.least } : { maxSide: Math.min(MIN_SIDE, legible), quality: QUALITY.last };
}

/**
 * The next setting after a pass whose images took `imageBytes` where `allowance` was left for them (the
 * prediction missed): a little over, a quality step down at the same side; more, the side shrunk by the square
 * root of the overshoot (bytes follow the pixel count) with a margin. Undefined when the last resort was tried.
 */
export function nextSetting(prev: Setting, imageBytes: number, allowance: number): Setting | undefined {
  const over = Math.max(1, imageBytes) / Math.max(1, allowance);
  if (over <= 1.25 && prev.quality - 0.1 >= QUALITY.least - 1e-9) return { maxSide: prev.maxSide, quality: round2(prev.quality - 0.1) };
  if (prev.maxSide <= MIN_SIDE) return prev.quality > QUALITY.last ? { maxSide: prev.maxSide, quality: QUALITY.last } : undefined;
  const shrink = Math.min(0.9, Math.sqrt(0.9 / over));
  return { maxSide: Math.max(MIN_SIDE, Math.round(prev.maxSide * shrink)), quality: prev.quality };
}

/**
 * The decode size to ask a JPEG decoder for: the smallest n/8 of the stored size whose longer side reaches
 * `maxSide` (libjpeg-turbo scales in the DCT by n/8; Chromium's picks the largest n/8 not above the size asked).
 */
export function dctScaledSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const eighths = Math.min(8, Math.max(1, Math.ceil((8 * maxSide) / Math.max(width, height, 1) - 1e-9)));
  return { width: Math.ceil((width * eighths) / 8), height: Math.ceil((height * eighths) / 8) };
}
