import { render } from 'preact';
import '../../i18n/zh-panel';
import { t } from '../../i18n';
import { loadLanguage } from '../../i18n/setting';
import type { PanelPrefs } from '../../messaging/protocol';
import { BASE_CSS, injectCss } from '../common/base-css';
import { CHECKLIST_CSS } from '../components/ChecklistList';
import { PANEL_CSS } from './panel-css';
import { QUEUE_BAR_CSS } from '../components/QueueBar';
import { PanelApp } from './PanelApp';

/**
 * Which side the content script docked the frame on: `#panel-right`, `#panel-left` (a fragment change does not
 * reload). The frame exists only while the panel is open; the collapsed pill is the content script's.
 */
function fromHash(hash: string): PanelPrefs {
  return { collapsed: false, side: hash.endsWith('-left') ? 'left' : 'right' };
}

/** The on-page panel: an extension page framed into the portal tab's top frame (issue 13, issue 12.1). */
export async function mountPanel(el: HTMLElement): Promise<void> {
  // English only when chosen: the frame's heap counts against the page (issue 13.5); a change reloads.
  if ((await loadLanguage(() => location.reload())) === 'en') await import('../../i18n/en');
  injectCss(document, BASE_CSS + CHECKLIST_CSS + QUEUE_BAR_CSS + PANEL_CSS);
  document.title = t('overlay.title');
  const draw = () => render(<PanelApp prefs={fromHash(location.hash)} />, el);
  window.addEventListener('hashchange', draw);
  draw();
}
