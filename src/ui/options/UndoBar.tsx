import { format } from 'date-fns';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { RestorePointView } from '../../profiles/restore-points';
import { errorText } from '../common/error-text';

function describePoint(p: RestorePointView) {
  return { what: t(`undo.kinds.${p.kind}`), at: format(new Date(p.at), 'yyyy-MM-dd HH:mm'), created: p.created, replaced: p.replaced };
}

/**
 * 「撤销」 of the last import, restore or bulk delete (issue 17.5): the store kept a restore point before
 * each; this puts the newest back, after saying what that does. `version` changes when the store did.
 */
export function UndoBar({ version, onUndone }: { version: number; onUndone: () => void }) {
  const [point, setPoint] = useState<RestorePointView | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    send('ui:undo.latest', {}).then(setPoint, (err: unknown) => setMessage({ kind: 'error', text: errorText(err) }));
  }, [version]);

  const undo = async () => {
    if (!point || !confirm(t('undo.confirm', describePoint(point)))) return;
    setBusy(true);
    try {
      const done = await send('ui:undo.apply', { id: point.id });
      setMessage({ kind: 'ok', text: t('undo.done', done) });
      onUndone();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
      setPoint(await send('ui:undo.latest', {}).catch(() => null));
    } finally {
      setBusy(false);
    }
  };

  if (!point && !message) return null;
  return (
    <div class="undo-bar" data-jzs-undo-bar="">
      {point && (
        <>
          <span data-jzs-undo-kind={point.kind}>{t('undo.label', describePoint(point))}</span>
          <button type="button" data-jzs-action="undo" disabled={busy} onClick={() => void undo()}>
            {t('undo.button')}
          </button>
        </>
      )}
      {message && (
        <span class={message.kind} role="status" data-jzs-undo-message={message.kind}>
          {message.text}
        </span>
      )}
    </div>
  );
}
