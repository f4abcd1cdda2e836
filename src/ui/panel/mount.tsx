import { render } from 'preact';
import '../../i18n/all';
import { t } from '../../i18n';
import { loadLanguage } from '../../i18n/setting';
import type { PanelPrefs } from '../../messaging/protocol';
import { BASE_CSS, injectCss } from '../common/base-css';
import { CHECKLIST_CSS } from '../components/ChecklistList';
import { PANEL_CSS } from './panel-css';
import { QUEUE_BAR_CSS } from '../components/QueueBar';
import { PanelApp } from './PanelApp';

/** How the content script shows the frame: `#panel-right`, `#pill-left` … (a fragment change does not reload). */
function fromHash(hash: string): { mode: 'panel' | 'pill'; prefs: PanelPrefs } {
  const [mode, side] = hash.replace(/^#/, '').split('-');
  const s: PanelPrefs['side'] = side === 'left' ? 'left' : 'right';
  return mode === 'pill' ? { mode: 'pill', prefs: { collapsed: true, side: s } } : { mode: 'panel', prefs: { collapsed: false, side: s } };
}

/** The on-page panel: an extension page framed into the portal tab's top frame (issue 13, issue 12.1). */
export async function mountPanel(el: HTMLElement): Promise<void> {
  await loadLanguage(() => location.reload());
  injectCss(document, BASE_CSS + CHECKLIST_CSS + QUEUE_BAR_CSS + PANEL_CSS);
  document.title = t('overlay.title');
  const draw = () => render(<PanelApp {...fromHash(location.hash)} />, el);
  window.addEventListener('hashchange', draw);
  draw();
}
