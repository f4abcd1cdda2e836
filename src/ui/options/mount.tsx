import { render } from 'preact';
import '../../i18n/all';
import { t } from '../../i18n';
import { loadLanguage } from '../../i18n/setting';
import { BASE_CSS, injectCss } from '../common/base-css';
import { CHECKLIST_CSS } from '../components/ChecklistList';
import { EDITOR_CSS } from '../components/ProfileEditor';
import { PROFILE_LIST_CSS } from '../components/ProfileList';
import { QUEUE_BAR_CSS } from '../components/QueueBar';
import { WorkbenchApp } from './WorkbenchApp';

const WORKBENCH_CSS = `
body { padding: 16px 24px; background: #f5f7fa; }
main { max-width: 1280px; margin: 0 auto; }
header.top { display: flex; align-items: center; gap: 12px; }
header.top .lang { margin-left: auto; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.panel h2 { margin-top: 0; }
.row { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 6px 0; }
.columns { display: grid; grid-template-columns: minmax(320px, 1fr) 2fr; gap: 16px; }
table.mapping, table.rows { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
table.mapping td, table.mapping th, table.rows td, table.rows th { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
table.rows tr.bad { background: #fff4f3; }
table.rows tr.warn { background: #fffaeb; }
.policy label { display: block; font-size: 13px; }
.progress progress { width: 240px; vertical-align: middle; }
.undo-bar { position: sticky; top: 0; z-index: 2; display: flex; gap: 10px; align-items: center; background: #fffaeb; border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; margin: 8px 0; }
.restore-preview ul { margin: 4px 0; }
.restore-preview .names { color: var(--muted); font-size: 12px; }
`;

export async function mountWorkbench(el: HTMLElement): Promise<void> {
  await loadLanguage(() => location.reload());
  injectCss(document, BASE_CSS + PROFILE_LIST_CSS + QUEUE_BAR_CSS + EDITOR_CSS + CHECKLIST_CSS + WORKBENCH_CSS);
  document.title = t('options.title');
  render(<WorkbenchApp />, el);
}
