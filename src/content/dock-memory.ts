import type { OpenMode } from './dock';
import type { PortalId } from '../portals/origins';

/**
 * Where the open panel went on each page of a portal (page id and business: one page shows a different form per
 * business), at which window width (storage.local, written by the top frame's content script; page ids and
 * widths only, no applicant data). Choosing the placement measures the page's controls — a forced layout, and a
 * second one with the page shifted aside — on the path to the panel (bench T3). The same page at the same width
 * mostly lays out the same way: when neither lane beside the form was free and shifting did not fit, the next
 * load puts the panel in the page's flow at once (which covers nothing), measures in the task after the panel
 * is in (panel-host.ts), and moves it beside the form or shifts the page if this time that fits.
 */
export type DockMemory = Readonly<Record<string, { width: number; mode: OpenMode }>>;

export const dockMemoryKey = (portal: PortalId) => `panel-dock:${portal}`;

/** Pages remembered per portal at most (the built-in definitions name 16 pages, some with several businesses). */
const MAX_PAGES = 64;

const isMode = (v: unknown): v is OpenMode => v === 'beside' || v === 'shift' || v === 'top';

/** What storage holds, read defensively: anything malformed is forgotten (it is only a hint). */
export function toDockMemory(stored: unknown): DockMemory {
  if (typeof stored !== 'object' || stored === null) return {};
  const out: Record<string, { width: number; mode: OpenMode }> = {};
  for (const [page, v] of Object.entries(stored)) {
    if (typeof v !== 'object' || v === null) continue;
    const width: unknown = Reflect.get(v, 'width');
    const mode: unknown = Reflect.get(v, 'mode');
    if (typeof width === 'number' && Number.isFinite(width) && isMode(mode)) out[page] = { width, mode };
  }
  return out;
}

/** The placement remembered for this page at this window width, if any. */
export function dockHint(memory: DockMemory, page: string, width: number): OpenMode | undefined {
  const seen = Object.hasOwn(memory, page) ? memory[page] : undefined;
  return seen && seen.width === width ? seen.mode : undefined;
}

/** The memory with this placement in it, or undefined when it already says so (nothing to write). */
export function remember(memory: DockMemory, page: string, width: number, mode: OpenMode): DockMemory | undefined {
  if (dockHint(memory, page, width) === mode) return undefined;
  const others = Object.entries(memory).filter(([p]) => p !== page);
  // The oldest entries go first (insertion order), so a portal's memory stays small.
  return Object.fromEntries([...others.slice(Math.max(0, others.length - MAX_PAGES + 1)), [page, { width, mode }]]);
}
