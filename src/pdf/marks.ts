/**
 * The PDF tool's stages on the page's performance timeline (`jzs-pdf:<stage>` measures): DevTools' Performance
 * panel shows where a merge's time goes, and the bench (T11) sums them. Cleared when a merge starts, so they
 * never pile up.
 */
export const STAGES = ['load', 'decode', 'draw', 'encode', 'embed', 'save'] as const;
export type Stage = (typeof STAGES)[number];

/** Record `stage` as running from `start` (a performance.now() reading) until now. */
export function mark(stage: Stage, start: number): void {
  performance.measure(`jzs-pdf:${stage}`, { start, end: performance.now() });
}

export function clearMarks(): void {
  for (const s of STAGES) performance.clearMeasures(`jzs-pdf:${s}`);
}
