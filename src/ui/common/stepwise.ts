import { useEffect, useState } from 'preact/hooks';

/**
 * How many items of a long list to draw now: `step` at first, `step` more per task until all `length` are drawn.
 * A table of a few hundred rows drawn in one render is a task of 30–50 ms on a quiet machine and several times that
 * on a loaded one (bench T9: no UI task > 100 ms); drawn in steps, each task stays short and the page answers
 * between them. A component that shows a new list afresh mounts anew (a `key`), and starts again from `step`.
 */
export function useStepwise(length: number, step: number): number {
  const [drawn, setDrawn] = useState(step);
  useEffect(() => {
    if (drawn >= length) return undefined;
    const timer = setTimeout(() => setDrawn((n) => n + step), 0);
    return () => clearTimeout(timer);
  }, [drawn, length, step]);
  return Math.min(drawn, length);
}
