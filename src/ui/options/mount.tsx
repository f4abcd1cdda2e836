import { render } from 'preact';
import { t } from '../../i18n';
import '../../i18n/all';
import { loadLanguage } from '../../i18n/setting';
import { BASE_CSS, injectCss } from '../common/base-css';
import { LanguageSelect } from '../components/LanguageSelect';
import { RulePackPanel } from './RulePackPanel';

const WORKBENCH_CSS = `
body { padding: 16px 24px; background: #f5f7fa; }
header.top { display: flex; align-items: center; gap: 12px; }
header.top .lang { margin-left: auto; }
.panel { background: #fff; border: 1px solid #d5dee8; border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.panel h2 { margin-top: 0; }
.row { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 6px 0; }
`;

export async function mountWorkbench(el: HTMLElement): Promise<void> {
  await loadLanguage(() => location.reload());
  injectCss(document, BASE_CSS + WORKBENCH_CSS);
  document.title = t('options.title');
  render(
    <main>
      <header class="top">
        <h1>{t('options.title')}</h1>
        <LanguageSelect />
      </header>
      <RulePackPanel />
    </main>,
    el,
  );
}
