import { render } from 'preact';
import { loadLanguage } from '../../i18n/setting';
import { BASE_CSS, injectCss } from '../common/base-css';
import { PopupApp } from './PopupApp';

const POPUP_CSS = `body { width: 380px; min-height: 200px; padding: 12px; }
.row { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
.links { display: flex; gap: 8px; margin-top: 12px; }`;

export async function mountPopup(el: HTMLElement): Promise<void> {
  await loadLanguage(() => location.reload());
  injectCss(document, BASE_CSS + POPUP_CSS);
  render(<PopupApp />, el);
}
