/**
 * mulberry32: a small, fast generator giving the same sequence for a seed on every machine, so generated
 * fixtures (mutated replicas, phone photos, layout variants) are the same in every run.
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;

/** One item of a non-empty list, chosen by the generator. */
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] ?? (list[0] as T); // why: non-empty lists only

/** The generator with `pick` bound to it, for corpora that draw many choices: `r.next()`, `r.pick(list)`. */
export function seeded(seed: number): { next: Rand; pick: <T>(list: readonly T[]) => T } {
  const next = rng(seed);
  return { next, pick: (list) => pick(next, list) };
}

/** A copy of the list in an order chosen by the generator (Fisher–Yates). */
export function shuffle<T>(r: Rand, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
