import { render } from 'preact';
import '../../i18n/all';
import { loadLanguage } from '../../i18n/setting';
import { BASE_CSS, injectCss } from '../common/base-css';
import { CHECKLIST_CSS } from '../components/ChecklistList';
import { EDITOR_CSS } from '../components/ProfileEditor';
import { PROFILE_LIST_CSS } from '../components/ProfileList';
import { QUEUE_BAR_CSS } from '../components/QueueBar';
import { PopupApp } from './PopupApp';

const POPUP_CSS = `body { width: 420px; min-height: 200px; max-height: 590px; padding: 12px; }
.row { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
.links { display: flex; gap: 8px; align-items: center; margin-top: 12px; }
.lang { margin-left: auto; font-size: 12px; }
.active-line { margin: 6px 0; }
.fill-section { margin: 6px 0; }
.fill-section .fill ul { padding-left: 16px; font-size: 12px; }
.fill-section li.conflict, .fill-section li.mismatch { color: var(--warn); }
.fill-section li.skip, .fill-section li.same { color: var(--muted); }
.fill-btn { background: var(--blue); color: #fff; }
.small { font-size: 11px; margin: 2px 0; }
ul.profiles { max-height: 220px; }
${PROFILE_LIST_CSS}
${QUEUE_BAR_CSS}
${EDITOR_CSS}
${CHECKLIST_CSS}`;

export async function mountPopup(el: HTMLElement): Promise<void> {
  await loadLanguage(() => location.reload());
  injectCss(document, BASE_CSS + POPUP_CSS);
  render(<PopupApp />, el);
}
