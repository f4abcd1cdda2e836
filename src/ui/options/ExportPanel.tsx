import { format } from 'date-fns';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { parseBackup, toBackup, toCsv, toXlsx } from '../../profiles/io/export';
import { download } from '../common/download';

/** 导出与备份: CSV (BOM, formulas defused), XLSX, a versioned JSON backup, and restore from it. */
export function ExportPanel({ onRestored }: { onRestored: () => void }) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const stamp = () => format(new Date(), 'yyyyMMdd-HHmm');

  const exportAs = async (kind: 'csv' | 'xlsx' | 'backup') => {
    const all = await send('ui:profiles.all', {});
    if (!all.length) {
      setMessage({ kind: 'error', text: t('export.empty') });
      return;
    }
    if (kind === 'csv') download(`建造师档案-${stamp()}.csv`, toCsv(all), 'text/csv;charset=utf-8');
    else if (kind === 'xlsx') download(`建造师档案-${stamp()}.xlsx`, toXlsx(all), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    else download(`建造师档案备份-${stamp()}.json`, toBackup(all, new Date()), 'application/json');
  };

  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const backup = parseBackup(await file.text(), file.name);
      if (backup.profiles.length) await send('ui:profiles.commit', { items: backup.profiles.map((profile) => ({ kind: 'restore' as const, profile })) });
      setMessage({ kind: 'ok', text: t('export.restored', { n: backup.profiles.length }) });
      onRestored();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section class="panel" data-jzs-export-panel="">
      <h2>{t('export.title')}</h2>
      <div class="row">
        <button type="button" data-jzs-action="export-csv" onClick={() => void exportAs('csv')}>
          {t('export.csv')}
        </button>
        <button type="button" data-jzs-action="export-xlsx" onClick={() => void exportAs('xlsx')}>
          {t('export.xlsx')}
        </button>
        <button type="button" data-jzs-action="export-backup" onClick={() => void exportAs('backup')}>
          {t('export.backup')}
        </button>
        <label class="file">
          {t('export.restore')} <input type="file" accept=".json,application/json" data-jzs-restore="" onChange={(e) => void restore(e.currentTarget)} />
        </label>
      </div>
      <p class="muted">{t('export.note')}</p>
      {message && <p class={message.kind} role="status" data-jzs-export-message={message.kind}>{message.text}</p>}
    </section>
  );
}
