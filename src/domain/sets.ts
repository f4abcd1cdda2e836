/**
 * Small helpers for sets held as immutable UI state (ticked conditions, overwrite ticks, selected rows): a
 * new set is made for every change so Preact and our own redraw checks see it.
 */

/** A copy of `set` with `item` added (`on`) or removed. */
export function withItem<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}

export function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
