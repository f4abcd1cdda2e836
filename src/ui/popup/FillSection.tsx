import { useState } from 'preact/hooks';
import { FillPanel, type FillState } from '../../content/fill-panel';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { ProfileSummary } from '../../profiles/schema';
import type { QueueView } from '../../profiles/work-queue';
import { withItem } from '../../domain/sets';
import { errorText } from '../common/error-text';
import { QueueBar } from '../components/QueueBar';

/**
 * 「填写当前页面」 from the popup: preview here, confirm here; the portal tab's overlay shows the read-back.
 * 「下一位」 moves along the work queue (an import in sheet order, a selection, a search), keeping the tab
 * (page, business); at the end it says so instead of starting again.
 */
export function FillSection({
  active,
  onActive,
  queue,
  onQueue,
}: {
  active: ProfileSummary | null;
  onActive: (p: ProfileSummary) => void;
  queue: QueueView | null;
  onQueue: (q: QueueView | null) => void;
}) {
  const [state, setState] = useState<FillState>({ overwrite: new Set(), busy: false });
  const [note, setNote] = useState<{ kind: 'ok' | 'warn' | 'error'; text: string } | undefined>(undefined);
  const update = (next: Partial<FillState>) => setState((s) => ({ ...s, ...next }));
  const fail = (err: unknown) => update({ busy: false, error: errorText(err) });

  const plan = () => {
    setNote(undefined);
    update({ busy: true, error: undefined, results: undefined, preview: undefined });
    send('ui:fill.plan', {}).then((preview) => update({ busy: false, preview, overwrite: new Set() }), fail);
  };

  const next = () => {
    setNote(undefined);
    update({ busy: true, error: undefined, results: undefined, preview: undefined });
    send('ui:fill.next', {}).then(
      (r) => {
        onQueue(r.queue);
        if (r.end) {
          setNote({ kind: 'warn', text: t('queue.end', { total: r.queue.total }) });
          update({ busy: false });
          return;
        }
        onActive(r.active);
        setNote({ kind: 'ok', text: t('fillPopup.nextDone', { name: r.active.name }) });
        update({ busy: false, preview: r.preview, error: r.error, overwrite: new Set() });
      },
      (err: unknown) => {
        setNote({ kind: 'error', text: errorText(err) });
        update({ busy: false });
      },
    );
  };

  return (
    <section class="fill-section" data-jzs-popup-fill="">
      <div class="row">
        {!state.preview && (
          <button type="button" class="primary" data-jzs-action="fill" disabled={!active || state.busy} onClick={plan}>
            {t('fillPopup.fill')}
          </button>
        )}
      </div>
      <QueueBar queue={queue} busy={state.busy} onNext={next} notice={note} />
      {!active && <p class="muted">{t('fillPopup.needActive')}</p>}
      {(state.preview || state.results || state.error) && (
        <FillPanel
          hideFillButton
          state={state}
          onFill={plan}
          onToggle={(id, on) => update({ overwrite: withItem(state.overwrite, id, on) })}
          onConfirm={() => {
            if (!state.preview) return;
            update({ busy: true });
            send('ui:fill.apply', { planId: state.preview.planId, overwrite: [...state.overwrite] }).then(
              ({ results }) => update({ busy: false, preview: undefined, results }),
              (err: unknown) => update({ busy: false, preview: undefined, error: errorText(err) }),
            );
          }}
          onCancel={() => update({ preview: undefined, overwrite: new Set() })}
        />
      )}
    </section>
  );
}
