import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { BUSINESS_IDS, BUSINESS_NAMES, type BusinessId, isBusinessId } from '../../domain/ids';
import { send } from '../../messaging/client';

/** Setting key of the business last looked up: the popup reopens on it, across browser restarts. */
export const LOOKUP_BUSINESS_KEY = 'lookupBusiness';

export function PopupApp() {
  const [business, setBusiness] = useState<BusinessId | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    send('ui:getSetting', { key: LOOKUP_BUSINESS_KEY })
      .then((rec) => setBusiness(isBusinessId(rec?.value) ? rec.value : 'initial'))
      .catch((e: unknown) => setError(String(e)));
  }, []);

  const choose = (value: string) => {
    if (!isBusinessId(value)) return;
    setBusiness(value);
    send('ui:putSetting', { key: LOOKUP_BUSINESS_KEY, value }).catch((e: unknown) => setError(String(e)));
  };

  return (
    <main>
      <h1>{t('popup.title')}</h1>
      {error && <p class="error">{error}</p>}
      <h2>{t('popup.lookup')}</h2>
      <div class="row">
        <label for="business">{t('popup.chooseBusiness')}</label>
        <select
          id="business"
          data-jzs-business-select=""
          value={business ?? ''}
          onChange={(e) => choose(e.currentTarget.value)}
        >
          {BUSINESS_IDS.map((id) => (
            <option key={id} value={id}>
              {BUSINESS_NAMES[id].zh}
            </option>
          ))}
        </select>
      </div>
      <div class="links">
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('popup.openWorkbench')}
        </button>
        {business && (
          <button
            type="button"
            onClick={() =>
              browser.tabs.create({ url: browser.runtime.getURL(`/checklist.html?business=${business}`) })
            }
          >
            {t('popup.printChecklist')}
          </button>
        )}
      </div>
    </main>
  );
}
