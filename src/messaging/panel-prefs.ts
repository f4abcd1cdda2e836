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

/**
 * What storage holds, read as the background reads it (its schema, panel-wiring.ts): a value with a key we
 * do not write or a field of the wrong kind counts as unset; a field stored alone keeps the default for the
 * other. (The content script carries no zod; a unit test holds the two readings to the same answers.)
 */
export function toPrefs(stored: unknown): PanelPrefs {
  if (typeof stored !== 'object' || stored === null || Object.keys(stored).some((k) => k !== 'collapsed' && k !== 'side')) return DEFAULT_PREFS;
  const collapsed = 'collapsed' in stored ? stored.collapsed : DEFAULT_PREFS.collapsed;
  const side = 'side' in stored ? stored.side : DEFAULT_PREFS.side;
  if (typeof collapsed !== 'boolean' || (side !== 'left' && side !== 'right')) return DEFAULT_PREFS;
  return { collapsed, side };
}
