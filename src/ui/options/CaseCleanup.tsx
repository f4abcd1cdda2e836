import { format } from 'date-fns';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { toBackup } from '../../profiles/io/export';
import { download } from '../common/download';

/**
 * Archive or delete cases finished N months ago (shared office PCs should not keep data forever). A full
 * backup (profiles and cases) downloads first, so a purge can be undone by restoring it; a purge also asks.
 */
export function CaseCleanup({ onDone }: { onDone: () => void }) {
  const [months, setMonths] = useState(12);
  const [message, setMessage] = useState<string | undefined>();

  const backupFirst = async () => {
    const [profiles, cases] = await Promise.all([send('ui:profiles.all', {}), send('ui:cases.all', {})]);
    download(`${t('export.fileName.cleanupBackup', { stamp: format(new Date(), 'yyyyMMdd-HHmm') })}.json`, toBackup(profiles, new Date(), cases), 'application/json');
  };

  const run = async (mode: 'archive' | 'purge') => {
    const { matched } = await send('ui:cases.cleanup', { months, mode: 'count' });
    if (!matched) return setMessage(t('cases.cleanupCount', { n: 0 }));
    await backupFirst();
    if (mode === 'purge' && !confirm(t('cases.confirmPurge', { n: matched, months }))) return;
    const done = await send('ui:cases.cleanup', { months, mode });
    setMessage(t(mode === 'archive' ? 'cases.archived' : 'cases.purged', { n: done.matched }));
    onDone();
  };

  return (
    <details class="cleanup" data-jzs-case-cleanup="">
      <summary>{t('cases.cleanupTitle')}</summary>
      <p class="muted">{t('cases.cleanupNote')}</p>
      <div class="row">
        <label>
          {t('cases.months')} <input type="number" min={1} max={120} value={months} onInput={(e) => setMonths(Math.max(1, Math.min(120, Number(e.currentTarget.value) || 1)))} />
        </label>
        <button type="button" onClick={() => void send('ui:cases.cleanup', { months, mode: 'count' }).then((r) => setMessage(t('cases.cleanupCount', { n: r.matched })))}>
          {t('cases.count2')}
        </button>
        <button type="button" data-jzs-action="archive-cases" onClick={() => void run('archive')}>
          {t('cases.archive')}
        </button>
        <button type="button" data-jzs-action="purge-cases" onClick={() => void run('purge')}>
          {t('cases.purge')}
        </button>
      </div>
      {message && <p class="ok" role="status">{message}</p>}
    </details>
  );
}
