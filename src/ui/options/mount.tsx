import { render } from 'preact';
import { t } from '../../i18n';
import { loadLanguage } from '../../i18n/setting';
import { BASE_CSS, injectCss } from '../common/base-css';

export async function mountWorkbench(el: HTMLElement): Promise<void> {
  await loadLanguage(() => location.reload());
  injectCss(document, `${BASE_CSS} body { padding: 16px 24px; }`);
  render(
    <main>
      <h1>{t('options.title')}</h1>
    </main>,
    el,
  );
}
