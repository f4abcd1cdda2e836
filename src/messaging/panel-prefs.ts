import type { PanelPrefs } from './protocol';

/**
 * The panel's layout per portal (storage.local, written by the background; no applicant data).
 *
 * Collapsed until the user opens it: the open panel is an extension frame, a renderer of its own that a
 * portal page should not pay for unasked (issue 13.5). Once opened it stays open on that portal. The top
 * frame's content script draws the pill with this at once, before the report's answer brings the stored one.
 */
export const DEFAULT_PREFS: PanelPrefs = { collapsed: true, side: 'right' };
