import { format } from 'date-fns';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { isEncryptedBackup, parseEncryptedBackup, toEncryptedBackup } from '../../profiles/io/encrypted-backup';
import { type Backup, BackupError, parseBackup, toBackup, toCsv, toXlsx } from '../../profiles/io/export';
import { download } from '../common/download';
import { Case } from '../../cases/schema';
import { errorText } from '../common/error-text';
import { CodedError } from '../../i18n/problem';
import { useHeld } from '../components/useHeld';
import { RESTORE_CHUNK } from '../../messaging/schemas';
import { type RestoreReview, RestorePreviewView } from './RestorePreview';

/** 导出与备份: CSV (BOM, formulas defused), XLSX, a versioned JSON backup, and restore from it. */
/** A version-2 backup's cases, checked here before anything is written (a bad one names where it is wrong). */
function backupCasesOf(backup: Backup, fileName: string): Case[] {
  const parsed = Case.array().safeParse(backup.cases ?? []);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = `cases${(first?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
  throw new BackupError('backup.invalid', { file: fileName, where, problem: first?.message ?? '' });
}

export function ExportPanel({ onRestored }: { onRestored: () => void }) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [backupPass, setBackupPass] = useState('');
  const [pending, setPending] = useState<{ name: string; text: string } | undefined>();
  const [restorePass, setRestorePass] = useState('');
  const [review, setReview] = useState<RestoreReview | undefined>(undefined);
  const [progress, setProgress] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [backupCases, setBackupCases] = useState<Case[]>([]);
  const stamp = () => format(new Date(), 'yyyyMMdd-HHmm');
  // The backup under review is staged in the background's memory: kept while the clerk reads (useHeld).
  useHeld(
    review?.session,
    (session) => send('ui:restore.held', { session }).then((r) => r.held),
    () => {
      setReview(undefined);
      setMessage({ kind: 'error', text: errorText(new CodedError('restore.expired')) });
    },
  );

  // An export the background refuses (the store locked itself meanwhile) says why; before, the button did nothing.
  const failed = (err: unknown) => setMessage({ kind: 'error', text: errorText(err) });
  const exportAs = async (kind: 'csv' | 'xlsx' | 'backup') => {
    const all = await send('ui:profiles.all', {});
    if (!all.length) {
      setMessage({ kind: 'error', text: t('export.empty') });
      return;
    }
    if (kind === 'csv') download(`${t('export.fileName.table', { stamp: stamp() })}.csv`, toCsv(all), 'text/csv;charset=utf-8');
    else if (kind === 'xlsx') download(`${t('export.fileName.table', { stamp: stamp() })}.xlsx`, toXlsx(all), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    else download(`${t('export.fileName.backup', { stamp: stamp() })}.json`, toBackup(all, new Date(), await send('ui:cases.all', {})), 'application/json');
  };

  // Restore: read and check the file here, hand its profiles to the background in chunks, see what would
  // change, and only then write (all or nothing, with a restore point for 「撤销」).
  const apply = async (read: () => Promise<Backup> | Backup, fileName: string) => {
    setMessage(undefined);
    try {
      const backup = await read();
      // A version-2 backup carries the cases too: restored after its profiles (the router validates each).
      setBackupCases(backupCasesOf(backup, fileName));
      setPending(undefined);
      setRestorePass('');
      if (!backup.profiles.length) return setMessage({ kind: 'ok', text: t('restore.nothing') });
      const session = crypto.randomUUID();
      const total = backup.profiles.length;
      for (let at = 0; at < total; at += RESTORE_CHUNK) {
        setProgress(t('restore.reading', { done: at, total }));
        await send('ui:restore.stage', { session, total, profiles: backup.profiles.slice(at, at + RESTORE_CHUNK) });
      }
      setProgress(undefined);
      setReview({ session, fileName, exportedAt: backup.exportedAt, preview: await send('ui:restore.preview', { session }), overwriteNewer: false, removeMissing: false, restoreInvalid: false, restoreTwins: false });
    } catch (err) {
      setProgress(undefined);
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };

  const commitRestore = async (r: RestoreReview) => {
    setBusy(true);
    try {
      const done = await send('ui:restore.commit', { session: r.session, overwriteNewer: r.overwriteNewer, removeMissing: r.removeMissing, restoreInvalid: r.restoreInvalid, restoreTwins: r.restoreTwins });
      if (backupCases.length) await send('ui:cases.restore', { cases: backupCases });
      setReview(undefined);
      setMessage({ kind: 'ok', text: t('restore.done', done) });
      onRestored();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
      // The store moved since the preview: show the preview again as it is now (the backup is still staged).
      if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'restore.storeChanged') {
        const preview = await send('ui:restore.preview', { session: r.session }).catch(() => undefined);
        setReview(preview ? { ...r, preview } : undefined);
      } else setReview(undefined);
    } finally {
      setBusy(false);
    }
  };

  const cancelRestore = (r: RestoreReview) => {
    setReview(undefined);
    setMessage({ kind: 'ok', text: t('restore.cancelled') });
    void send('ui:restore.cancel', { session: r.session }).catch(() => undefined);
  };

  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = await file.text();
    // An encrypted backup needs its passphrase first.
    if (isEncryptedBackup(text)) setPending({ name: file.name, text });
    else await apply(() => parseBackup(text, file.name), file.name);
  };

  const exportEncrypted = async () => {
    if (backupPass.length < 8) return setMessage({ kind: 'error', text: t('backupEnc.short') });
    const all = await send('ui:profiles.all', {});
    if (!all.length) return setMessage({ kind: 'error', text: t('export.empty') });
    download(`${t('export.fileName.encrypted', { stamp: stamp() })}.json`, await toEncryptedBackup(all, backupPass, new Date(), undefined, await send('ui:cases.all', {})), 'application/json');
    setBackupPass('');
  };

  return (
    <section class="panel" data-jzs-export-panel="">
      <h2>{t('export.title')}</h2>
      <div class="row">
        <button type="button" data-jzs-action="export-csv" onClick={() => void exportAs('csv').catch(failed)}>
          {t('export.csv')}
        </button>
        <button type="button" data-jzs-action="export-xlsx" onClick={() => void exportAs('xlsx').catch(failed)}>
          {t('export.xlsx')}
        </button>
        <button type="button" data-jzs-action="export-backup" onClick={() => void exportAs('backup').catch(failed)}>
          {t('export.backup')}
        </button>
        <label class="file">
          {t('export.restore')} <input type="file" accept=".json,application/json" data-jzs-restore="" onChange={(e) => void restore(e.currentTarget)} />
        </label>
      </div>
      <div class="row">
        <strong>{t('backupEnc.title')}</strong>
        <label>
          {t('backupEnc.passphrase')} <input type="password" autoComplete="new-password" data-jzs-backup-pass="" value={backupPass} onInput={(e) => setBackupPass(e.currentTarget.value)} />
        </label>
        <button type="button" data-jzs-action="export-encrypted" onClick={() => void exportEncrypted().catch(failed)}>
          {t('backupEnc.export')}
        </button>
      </div>
      {pending && (
        <div class="row" data-jzs-restore-pass-prompt="">
          {t('backupEnc.restorePass')}{' '}
          <input type="password" data-jzs-restore-pass="" value={restorePass} onInput={(e) => setRestorePass(e.currentTarget.value)} />
          <button type="button" class="primary" data-jzs-action="restore-encrypted" onClick={() => void apply(() => parseEncryptedBackup(pending.text, restorePass, pending.name), pending.name)}>
            {t('backupEnc.restore')}
          </button>
        </div>
      )}
      {progress && (
        <p class="muted" role="status">
          {progress}
        </p>
      )}
      {review && (
        <RestorePreviewView
          review={review}
          busy={busy}
          onChange={setReview}
          onConfirm={() => void commitRestore(review)}
          onCancel={() => cancelRestore(review)}
        />
      )}
      <p class="muted">{t('export.note')}</p>
      {message && <p class={message.kind} role="status" data-jzs-export-message={message.kind}>{message.text}</p>}
    </section>
  );
}
