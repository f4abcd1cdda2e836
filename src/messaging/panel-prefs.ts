import type { PanelPrefs } from './protocol';
import type { PortalId } from '../portals/origins';

/**
 * The panel's layout per portal (storage.local, written by the background; no applicant data).
 *
 * Open until the user collapses it: contract.md's hooks (the checklist, the fill button) are looked for on a
 * page as it loads, in the panel's frame. Once the USER collapses it, the frame goes (its renderer's memory
 * with it) and the content script's pill stands in, remembered per portal. The top frame's content script
 * places the panel with this at once, before the report's answer brings the stored layout.
 */
export const DEFAULT_PREFS: PanelPrefs = { collapsed: false, side: 'right' };

export const panelPrefsKey = (portal: PortalId) => `panel:${portal}`;

/** What storage holds, checked field by field (another shape, or nothing, counts as unset). */
export function toPrefs(stored: unknown): PanelPrefs {
  const o: object = typeof stored === 'object' && stored !== null ? stored : {};
  return {
    collapsed: 'collapsed' in o && typeof o.collapsed === 'boolean' ? o.collapsed : DEFAULT_PREFS.collapsed,
    side: 'side' in o && (o.side === 'left' || o.side === 'right') ? o.side : DEFAULT_PREFS.side,
  };
}
