/**
 * Which top-level parts of the pages catalogue (`assets/i18n/pages.<lang>.json`) the on-page panel frame shows:
 * its own texts, the fill preview and queue, the case offer, and the messages of the errors its requests can
 * answer with. The build (wxt.config.ts, `panelTexts`) serves `pages.<lang>.json?panel` with only these parts, so
 * the workbench's texts (import, restore, PDF, backups…: most of the catalogue) stay out of the panel's frame,
 * whose heap and compile time count against the portal page (issue 13.5, bench T1/T4).
 * `tests/unit/panel-texts.test.ts` checks that every key the panel's modules name is in one of them.
 */
export const PANEL_TEXT_PARTS = ['cases', 'deadlines', 'errors', 'fill', 'fillPopup', 'panel', 'profileWarn', 'queue', 'v'] as const;

/** The panel's part of a pages catalogue (`catalogue`: the parsed JSON). */
export function panelTexts(catalogue: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(PANEL_TEXT_PARTS.flatMap((part) => (part in catalogue ? [[part, catalogue[part]]] : [])));
}
