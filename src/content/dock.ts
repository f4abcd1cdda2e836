/**
 * Where the top frame's panel goes (pure): beside the form in free space, else with the page shifted aside,
 * else above the page in its flow, else — or when the user closed it — a pill in a spot with no control.
 * Every placement is checked after it is applied (the shell measures again): the open panel never lies over a
 * form control nor over what the page shows to read (its text and pictures); the pill never over a control, and
 * over no text either where the first screen has such a spot.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Side = 'right' | 'left';
export type Dock =
  | { mode: 'beside'; side: Side }
  | { mode: 'shift'; side: Side }
  | { mode: 'top' }
  | { mode: 'pill'; left: number; top: number };
/** The open panel's placements (all but the pill), and what a page's placement memory holds. */
export type OpenDock = Exclude<Dock, { mode: 'pill' }>;
export type OpenMode = OpenDock['mode'];

export const PANEL_WIDTH = 340;
export const GAP = 8;
export const PILL = { width: 200, height: 40 };

export const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The lane a fixed panel occupies on one side, in page coordinates over every scroll position: full height, and
 * — the page scrolling sideways by up to `maxScrollX` — from the right lane's left edge to the page's end, or
 * from the page's start to the left lane's right edge at the farthest scroll. Content past the window's edge
 * comes under a fixed panel when the page is scrolled to it.
 */
export function laneOf(side: Side, viewportWidth: number, maxScrollX = 0): Box {
  return side === 'right'
    ? { left: viewportWidth - PANEL_WIDTH - GAP, top: -Infinity, right: Infinity, bottom: Infinity }
    : { left: -Infinity, top: -Infinity, right: PANEL_WIDTH + GAP + Math.max(0, maxScrollX), bottom: Infinity };
}

/**
 * Does a side lane hold nothing the panel must not cover (controls, and for the open panel the page's text and
 * pictures; page coordinates; the lane spans every scroll position)?
 */
export function laneIsFree(side: Side, viewportWidth: number, boxes: readonly Box[], maxScrollX = 0): boolean {
  const lane = laneOf(side, viewportWidth, maxScrollX);
  return !boxes.some((c) => overlaps(lane, c));
}

/** The open placements to try, best first: the remembered side, then the other one. */
export function openLadder(preferred: Side): OpenDock[] {
  const other: Side = preferred === 'right' ? 'left' : 'right';
  return [
    { mode: 'beside', side: preferred },
    { mode: 'beside', side: other },
    { mode: 'shift', side: preferred },
    { mode: 'top' },
  ];
}

/**
 * A spot for the pill (page coordinates, it scrolls with the page) where it covers no control: near the top
 * corner of the remembered side first, then scanning the first screen in steps.
 */
export function pillSpot(
  viewport: { width: number; height: number; scrollX: number; scrollY: number },
  controls: readonly Box[],
  side: Side,
): { left: number; top: number } | undefined {
  const xs: number[] = [];
  const first = viewport.scrollX + GAP;
  const last = viewport.scrollX + viewport.width - PILL.width - GAP;
  for (let i = 0; first + i * 40 <= last; i++) xs.push(side === 'left' ? first + i * 40 : last - i * 40);
  for (let y = viewport.scrollY + GAP; y + PILL.height <= viewport.scrollY + viewport.height; y += 24) {
    for (const x of xs) {
      const box = { left: x - 2, top: y - 2, right: x + PILL.width + 2, bottom: y + PILL.height + 2 };
      if (!controls.some((c) => overlaps(box, c))) return { left: x, top: y };
    }
  }
  return undefined;
}
