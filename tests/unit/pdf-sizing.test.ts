import { describe, expect, it } from 'vitest';
import { chooseSetting, dctScaledSize, LEGIBLE_SIDE, MAX_SIDE, MIN_SIDE, nextSetting, pixelsAt, QUALITY, type Dims, type Sample } from '../../src/pdf/sizing';

const LIMIT = 2 * 1024 * 1024;
const photo: Dims = { width: 4000, height: 3000 };
/** A phone photo of a page at 1200 px, bytes at q0.8 and q0.5 (the rates T11's photos show: ~0.115 and ~0.065 B/px). */
const sample: Sample = { first: photo, side: 1200, best: 124_000, least: 70_000 };
/** The bytes the model predicts (sizing.ts: linear in the quality, the pixel count, the side^1.5 below the sample's). */
function predicted(s: Sample, images: Dims[], side: number, q: number): number {
  const sampled = pixelsAt(s.first, s.side);
  const perPixel = (s.least + ((s.best - s.least) * (q - QUALITY.least)) / (QUALITY.best - QUALITY.least)) / sampled;
  return images.reduce((n, d) => n + pixelsAt(d, side), 0) * perPixel * Math.max(1, sampled / pixelsAt(s.first, side)) ** 0.25;
}

describe('PDF sizing: one pass predicted from the first photo', () => {
  it('keeps twenty phone photos at the legible side and lowers the quality just enough', () => {
    const images = Array.from({ length: 20 }, () => photo);
    const allowance = LIMIT * 0.92;
    const at = chooseSetting(sample, images, allowance);
    expect(at.maxSide).toBe(LEGIBLE_SIDE);
    expect(at.quality).toBeGreaterThanOrEqual(QUALITY.least);
    expect(at.quality).toBeLessThan(QUALITY.best);
    expect(predicted(sample, images, at.maxSide, at.quality)).toBeLessThanOrEqual(allowance);
    // The best quality that fits: a step higher would not.
    expect(predicted(sample, images, at.maxSide, at.quality + 0.05)).toBeGreaterThan(allowance);
  });

  it('gives a few photos a larger side at the best quality, never beyond MAX_SIDE or the photos themselves', () => {
    const few = chooseSetting(sample, [photo, photo, photo], LIMIT * 0.92);
    expect(few).toEqual({ maxSide: MAX_SIDE, quality: QUALITY.best });
    const small = chooseSetting(sample, [{ width: 800, height: 600 }], LIMIT * 0.92);
    expect(small).toEqual({ maxSide: 800, quality: QUALITY.best });
    // Between: the largest side that fits at the best quality.
    const ten = chooseSetting(sample, Array.from({ length: 10 }, () => photo), LIMIT * 0.92);
    expect(ten.quality).toBe(QUALITY.best);
    expect(ten.maxSide).toBeGreaterThan(LEGIBLE_SIDE);
    expect(ten.maxSide).toBeLessThan(MAX_SIDE);
    expect(predicted(sample, Array.from({ length: 10 }, () => photo), ten.maxSide, QUALITY.best)).toBeLessThanOrEqual(LIMIT * 0.92);
  });

  it('goes below the legible side only when the limit forces it, and says so by the side it reports', () => {
    const many = Array.from({ length: 60 }, () => photo);
    const at = chooseSetting(sample, many, LIMIT * 0.92);
    expect(at.quality).toBe(QUALITY.least);
    expect(at.maxSide).toBeLessThan(LEGIBLE_SIDE);
    expect(at.maxSide).toBeGreaterThanOrEqual(MIN_SIDE);
    expect(predicted(sample, many, at.maxSide, at.quality)).toBeLessThanOrEqual(LIMIT * 0.92);
    // Hopeless: the last resort.
    expect(chooseSetting(sample, Array.from({ length: 2000 }, () => photo), LIMIT * 0.92)).toEqual({ maxSide: MIN_SIDE, quality: QUALITY.last });
  });

  it('after a missed prediction: a quality step when a little over, a smaller side when far over, then gives up', () => {
    expect(nextSetting({ maxSide: 1200, quality: 0.7 }, 2_000_000, 1_900_000)).toEqual({ maxSide: 1200, quality: 0.6 });
    const far = nextSetting({ maxSide: 1200, quality: 0.7 }, 4_000_000, 1_900_000);
    expect(far?.quality).toBe(0.7);
    expect(far?.maxSide).toBeLessThan(1200 * Math.sqrt(1_900_000 / 4_000_000));
    expect(nextSetting({ maxSide: 1200, quality: 0.5 }, 2_000_000, 1_900_000)?.maxSide).toBeLessThan(1200);
    expect(nextSetting({ maxSide: MIN_SIDE, quality: 0.5 }, 4_000_000, 1_900_000)).toEqual({ maxSide: MIN_SIDE, quality: QUALITY.last });
    expect(nextSetting({ maxSide: MIN_SIDE, quality: QUALITY.last }, 4_000_000, 1_900_000)).toBeUndefined();
  });

  it('asks the JPEG decoder for the n/8 size at or above the side wanted, never below it', () => {
    expect(dctScaledSize(4000, 3000, 1200)).toEqual({ width: 1500, height: 1125 });
    // 717 px used to be asked as 717×538, which the decoder rounds DOWN to 1/8: 500 px pages.
    expect(dctScaledSize(4000, 3000, 717)).toEqual({ width: 1000, height: 750 });
    expect(dctScaledSize(4000, 3000, 500)).toEqual({ width: 500, height: 375 });
    expect(dctScaledSize(4032, 3024, 1200)).toEqual({ width: 1512, height: 1134 });
    expect(dctScaledSize(3024, 4032, 1800)).toEqual({ width: 1512, height: 2016 });
    expect(dctScaledSize(800, 600, 1200)).toEqual({ width: 800, height: 600 });
    for (let side = 100; side <= 4000; side += 37) expect(Math.max(...Object.values(dctScaledSize(4000, 3000, side)))).toBeGreaterThanOrEqual(side);
  });
});
