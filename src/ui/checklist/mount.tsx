import { render } from 'preact';
import { t } from '../../i18n';
import { BUSINESS_NAMES, isBusinessId } from '../../domain/ids';
import { loadLanguage } from '../../i18n/setting';
import { BASE_CSS, injectCss } from '../common/base-css';

export async function mountChecklist(el: HTMLElement, url: URL): Promise<void> {
  await loadLanguage(() => location.reload());
  injectCss(document, `${BASE_CSS} body { padding: 16px 24px; }`);
  const business = url.searchParams.get('business');
  render(
    <main>
      <h1>
        {t('checklist.title')}
        {isBusinessId(business) && ` · ${BUSINESS_NAMES[business].zh}`}
      </h1>
    </main>,
    el,
  );
}
