import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BUSINESS_IDS, BUSINESS_NAMES, type BusinessId, isBusinessId } from '../../domain/ids';
import { getLang, t } from '../../i18n';
import { send } from '../../messaging/client';
import type { ChecklistPage } from '../../messaging/protocol';
import { ChecklistList } from '../components/ChecklistList';
import { LanguageSelect } from '../components/LanguageSelect';
import { ProfilesSection } from './ProfilesSection';
import { TabCaseOffers } from '../components/CaseOffers';
import { UnlockForm } from '../components/UnlockForm';
import { useLock } from '../components/useLock';
import { toggleCondition } from '../../rules/status';
import { describe } from '../../i18n/problem';

/** Setting key of the business last looked up: the popup reopens on it, across browser restarts. */
export const LOOKUP_BUSINESS_KEY = 'lookupBusiness';

const NO_DONE: ReadonlySet<string> = new Set();

export function checklistUrl(business: BusinessId, conditions: ReadonlySet<string>): string {
  const params = new URLSearchParams({ business });
  if (conditions.size) params.set('conditions', [...conditions].join(','));
  return browser.runtime.getURL(`/checklist.html?${params}`);
}

export function PopupApp() {
  const [business, setBusiness] = useState<BusinessId | undefined>(undefined);
  const [page, setPage] = useState<ChecklistPage | undefined>(undefined);
  const [conditions, setConditions] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | undefined>(undefined);
  const en = getLang() === 'en';
  const lock = useLock();

  useEffect(() => {
    send('ui:getSetting', { key: LOOKUP_BUSINESS_KEY })
      .then((rec) => setBusiness(isBusinessId(rec?.value) ? rec.value : 'initial'))
      .catch((e: unknown) => setError(describe(e)));
  }, []);

  useEffect(() => {
    if (!business) return;
    setPage(undefined);
    send('ui:checklist', { business })
      .then(setPage)
      .catch((e: unknown) => setError(describe(e)));
  }, [business]);

  const choose = (value: string) => {
    if (!isBusinessId(value)) return;
    setBusiness(value);
    setConditions(new Set());
    send('ui:putSetting', { key: LOOKUP_BUSINESS_KEY, value }).catch((e: unknown) => setError(describe(e)));
  };

  return (
    <main>
      <h1>{t('popup.title')}</h1>
      {error && <p class="error">{error}</p>}
      {lock.status?.locked && <UnlockForm onUnlocked={lock.set} migrating={!!lock.status.migrating} interrupted={lock.status.interrupted} />}
      {lock.status && !lock.status.locked && <ProfilesSection />}
      {lock.status && !lock.status.locked && <TabCaseOffers />}
      <h2>{t('popup.lookup')}</h2>
      <div class="row">
        <label for="business">{t('popup.chooseBusiness')}</label>
        <select id="business" data-jzs-business-select="" value={business ?? ''} onChange={(e) => choose(e.currentTarget.value)}>
          {BUSINESS_IDS.map((id) => (
            <option key={id} value={id}>
              {en ? BUSINESS_NAMES[id].en : BUSINESS_NAMES[id].zh}
            </option>
          ))}
        </select>
        {business && (
          <button type="button" data-jzs-action="print-checklist" onClick={() => void browser.tabs.create({ url: checklistUrl(business, conditions) })}>
            {t('popup.printChecklist')}
          </button>
        )}
      </div>
      {page && page.checklist.business.id === business && (
        <ChecklistList
          view={page.checklist}
          active={conditions}
          done={NO_DONE}
          notes="open"
          onToggleCondition={(id, on) => setConditions(toggleCondition(page.checklist.conditions, conditions, id, on))}
        />
      )}
      <footer class="links">
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openWorkbench')}
        </button>
        <LanguageSelect />
      </footer>
    </main>
  );
}
