import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { MessageError, type PackStatus } from '../../messaging/protocol';
import { download } from '../common/download';
import { describe } from '../../i18n/problem';
import { tx, Zh } from '../components/Zh';


/**
 * 规则包: which pack is in force; import a newer one (refused with a Chinese error naming the bad field's
 * path, the pack in force stays); revert to the bundled pack; export the pack in force.
 */
export function RulePackPanel() {
  const [status, setStatus] = useState<PackStatus | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[] } | undefined>();
  const [busy, setBusy] = useState(false);
  // A pack that changes page recognition waits here until the user has seen the changes and confirmed.
  const [pending, setPending] = useState<{ fileName: string; text: string; changes: string[] } | undefined>();

  useEffect(() => {
    send('ui:packStatus', {}).then(setStatus, (e: unknown) => setMessage({ kind: 'error', text: describe(e) }));
  }, []);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await importFile(file.name, await file.text(), false);
  };

  const importFile = async (fileName: string, text: string, confirmPages: boolean) => {
    setBusy(true);
    setMessage(undefined);
    setPending(undefined);
    try {
      const next = await send('ui:importPack', { fileName, text, confirmPages });
      setStatus(next);
      setMessage({ kind: 'ok', text: t('options.packImported_ok', { version: next.version }) });
    } catch (err) {
      const details = err instanceof MessageError ? err.details : [];
      if (err instanceof MessageError && err.code === 'options.packPagesTitle') setPending({ fileName, text, changes: details });
      else setMessage({ kind: 'error', text: describe(err), details });
    } finally {
      setBusy(false);
    }
  };
  const changeText = (c: string) =>
    t(c.startsWith('+') ? 'options.packPageAdded' : c.startsWith('=') ? 'options.packPageReverted' : 'options.packPageChanged', { id: c.slice(1) });

  const revert = async () => {
    setBusy(true);
    try {
      const next = await send('ui:revertPack', {});
      setStatus(next);
      setMessage({ kind: 'ok', text: t('options.packReverted', { version: next.version }) });
    } catch (err) {
      setMessage({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  const exportPack = async () => {
    const { fileName, text } = await send('ui:exportPack', {});
    download(fileName, text, 'application/json');
  };

  return (
    <section class="panel" data-jzs-rule-pack="">
      <h2>{t('options.packTitle')}</h2>
      {status && (
        <div data-jzs-pack-version={status.version} data-jzs-pack-source={status.source}>
          <p>{tx('options.packActive', { title: <Zh>{status.title}</Zh>, version: status.version, effectiveFrom: status.effectiveFrom })}</p>
          <p class="muted">
            {status.source === 'bundled'
              ? t('options.packBundled')
              : t('options.packImported', { fileName: status.fileName ?? '', importedAt: status.importedAt ?? '' })}
          </p>
        </div>
      )}
      <div class="row">
        <label class="file">
          {t('options.packImport')}{' '}
          <input type="file" accept=".json,application/json" data-jzs-pack-file="" disabled={busy} onChange={(e) => void onFile(e.currentTarget)} />
        </label>
        <button type="button" disabled={busy || status?.source !== 'imported'} data-jzs-action="revert-pack" onClick={() => void revert()}>
          {t('options.packRevert')}
        </button>
        <button type="button" disabled={busy} data-jzs-action="export-pack" onClick={() => void exportPack()}>
          {t('options.packExport')}
        </button>
      </div>
      {pending && (
        <div class="warning" role="alert" data-jzs-pack-pages="">
          <p>{t('options.packPagesTitle', { count: pending.changes.length })}</p>
          <ul>
            {pending.changes.map((c) => (
              <li key={c} data-jzs-pack-page={c.slice(1)}>
                {changeText(c)}
              </li>
            ))}
          </ul>
          <button type="button" disabled={busy} data-jzs-action="confirm-pack-pages" onClick={() => void importFile(pending.fileName, pending.text, true)}>
            {t('options.packPagesConfirm')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setPending(undefined)}>
            {t('options.packPagesCancel')}
          </button>
        </div>
      )}
      {message && (
        <div class={message.kind === 'ok' ? 'ok' : 'error'} role={message.kind === 'error' ? 'alert' : 'status'} data-jzs-pack-message={message.kind}>
          {message.text}
          {message.details && message.details.length > 1 && (
            <ul>
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
