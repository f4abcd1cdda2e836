import type { OpenMode } from './dock';
import type { PortalId } from '../portals/origins';

/**
 * Where the open panel went on each page of a portal (page id and business: one page shows a different form per
 * business), at which window width (storage.local, written by the top frame's content script; page ids and
 * widths only, no applicant data). Choosing the placement measures the page's controls — a forced layout, and a
 * second one with the page shifted aside — on the path to the panel (bench T3). The same page at the same width
 * mostly lays out the same way: when neither lane beside the form was free and shifting did not fit, the next
 * load puts the panel in the page's flow at once (which covers nothing), measures in the task after the panel
 * is in (panel-host.ts), and moves it beside the form or shifts the page if this time that fits. Shifting is
 * tried again only when the controls lie otherwise than when it last did not fit: the trial lays out the page
 * and every frame in it twice (shifted, and back), ~20 ms of the page's CPU on the bench's page (issue 13.5).
 */
export interface DockSeen {
  width: number;
  mode: OpenMode;
  /**
   * With 'top': the controls' layout across the page when that was measured (`controlGeometry`, dock.ts). The
   * check after the panel is in measures the controls again (one layout) and, finding the same layout, knows the
   * answer without shifting the page to try (a second layout of the page and of every frame in it).
   */
  controls?: string | undefined;
}

export type DockMemory = Readonly<Record<string, DockSeen>>;

export const dockMemoryKey = (portal: PortalId) => `panel-dock:${portal}`;

/** Pages remembered per portal at most (the built-in definitions name 16 pages, some with several businesses). */
const MAX_PAGES = 64;

const isMode = (v: unknown): v is OpenMode => v === 'beside' || v === 'shift' || v === 'top';

/** What storage holds, read defensively: anything malformed is forgotten (it is only a hint). */
export function toDockMemory(stored: unknown): DockMemory {
  if (typeof stored !== 'object' || stored === null) return {};
  const out: Record<string, DockSeen> = {};
  for (const [page, v] of Object.entries(stored)) {
    if (typeof v !== 'object' || v === null) continue;
    const width: unknown = Reflect.get(v, 'width');
    const mode: unknown = Reflect.get(v, 'mode');
    const controls: unknown = Reflect.get(v, 'controls');
    if (typeof width !== 'number' || !Number.isFinite(width) || !isMode(mode)) continue;
    out[page] = mode === 'top' && typeof controls === 'string' ? { width, mode, controls } : { width, mode };
  }
  return out;
}

/** The placement remembered for this page at this window width, if any. */
export function dockHint(memory: DockMemory, page: string, width: number): DockSeen | undefined {
  const seen = Object.hasOwn(memory, page) ? memory[page] : undefined;
  return seen && seen.width === width ? seen : undefined;
}

/**
 * The memory with this placement in it, or undefined when it already says so (nothing to write). `controls`:
 * the controls' layout when the placement was 'top' (kept only then).
 */
export function remember(memory: DockMemory, page: string, width: number, mode: OpenMode, controls?: string): DockMemory | undefined {
  const kept = mode === 'top' ? controls : undefined;
  const seen = dockHint(memory, page, width);
  if (seen?.mode === mode && seen.controls === kept) return undefined;
  const others = Object.entries(memory).filter(([p]) => p !== page);
  const entry: DockSeen = kept === undefined ? { width, mode } : { width, mode, controls: kept };
  // The oldest entries go first (insertion order), so a portal's memory stays small.
  return Object.fromEntries([...others.slice(Math.max(0, others.length - MAX_PAGES + 1)), [page, entry]]);
}
