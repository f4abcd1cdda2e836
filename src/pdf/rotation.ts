/** Clockwise page turns, in quarter turns (the PDF /Rotate values). */
export type Rotation = 0 | 90 | 180 | 270;

const TURNS: readonly Rotation[] = [0, 90, 180, 270];

/** Two clockwise turns added. */
export const turn = (a: Rotation, b: Rotation): Rotation => TURNS[((a + b) / 90) % 4] ?? 0;
