import type { PanelPrefs } from './protocol';
import type { PortalId } from '../portals/origins';

/**
 * The panel's layout per portal, in storage.local (no applicant data): written by the background when the
 * user opens, closes or moves the panel; read by the top frame's content script straight from storage, so
 * the pill is placed without waiting for the service worker (issue 13.5, T3).
 *
 * Collapsed until the user opens it: the open panel is an extension frame, a renderer of its own that a
 * portal page should not pay for unasked. Once opened it stays open on that portal.
 */
export const DEFAULT_PREFS: PanelPrefs = { collapsed: true, side: 'right' };

export const panelPrefsKey = (portal: PortalId) => `panel:${portal}`;

/** What storage holds, checked field by field (any other shape, or nothing, is the default). */
export function toPrefs(stored: unknown): PanelPrefs {
  const o: object = typeof stored === 'object' && stored !== null ? stored : {};
  return {
    collapsed: 'collapsed' in o && typeof o.collapsed === 'boolean' ? o.collapsed : DEFAULT_PREFS.collapsed,
    side: 'side' in o && (o.side === 'left' || o.side === 'right') ? o.side : DEFAULT_PREFS.side,
  };
}
