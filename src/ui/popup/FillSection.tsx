import { useState } from 'preact/hooks';
import { FillPanel, type FillState } from '../../content/fill-panel';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { ProfileSummary } from '../../profiles/schema';
import { withItem } from '../../domain/sets';

/**
 * 「填写当前页面」 from the popup: preview here, confirm here; the portal tab's overlay shows the read-back.
 * 「下一位」 moves to the next applicant of the list the clerk picked from, keeping the tab (page, business).
 */
export function FillSection({ active, onActive }: { active: ProfileSummary | null; onActive: (p: ProfileSummary) => void }) {
  const [state, setState] = useState<FillState>({ overwrite: new Set(), busy: false });
  const [note, setNote] = useState<string | undefined>(undefined);
  const update = (next: Partial<FillState>) => setState((s) => ({ ...s, ...next }));
  const fail = (err: unknown) => update({ busy: false, error: err instanceof Error ? err.message : String(err) });

  const plan = () => {
    setNote(undefined);
    update({ busy: true, error: undefined, results: undefined, preview: undefined });
    send('ui:fill.plan', {}).then((preview) => update({ busy: false, preview, overwrite: new Set() }), fail);
  };

  return (
    <section class="fill-section" data-jzs-popup-fill="">
      <div class="row">
        {!state.preview && (
          <button type="button" class="primary" data-jzs-action="fill" disabled={!active || state.busy} onClick={plan}>
            {t('fillPopup.fill')}
          </button>
        )}
        <button
          type="button"
          data-jzs-action="next-applicant"
          disabled={state.busy}
          onClick={() => {
            update({ busy: true, error: undefined, results: undefined, preview: undefined });
            send('ui:fill.next', {}).then(({ active: next, preview, error }) => {
              onActive(next);
              setNote(t('fillPopup.nextDone', { name: next.name }));
              update({ busy: false, preview, error, overwrite: new Set() });
            }, fail);
          }}
        >
          {t('fillPopup.next')}
        </button>
      </div>
      {!active && <p class="muted">{t('fillPopup.needActive')}</p>}
      {note && <p class="ok">{note}</p>}
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
              (err: unknown) => update({ busy: false, preview: undefined, error: err instanceof Error ? err.message : String(err) }),
            );
          }}
          onCancel={() => update({ preview: undefined, overwrite: new Set() })}
        />
      )}
    </section>
  );
}
