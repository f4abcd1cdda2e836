import { t } from '../i18n';
import type { FillItem, FillResult } from '../fill/types';
import type { FillPreview } from '../messaging/protocol';

export interface FillState {
  preview?: FillPreview | undefined;
  overwrite: ReadonlySet<string>;
  results?: FillResult[] | undefined;
  busy: boolean;
  error?: string | undefined;
}

export interface FillPanelProps {
  state: FillState;
  onFill: () => void;
  onToggle: (id: string, on: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
  /** The popup has its own button. */
  hideFillButton?: boolean | undefined;
}

/** Values shown only after the user asked to fill (the preview), and only in the top frame's overlay. */
function Item({ item, checked, onToggle }: { item: FillItem; checked: boolean; onToggle: FillPanelProps['onToggle'] }) {
  return (
    <li data-jzs-fill-item={item.id} data-action={item.action} data-key={item.key} class={item.action}>
      <b>{item.label}</b>：{item.action === 'conflict' ? `「${item.current}」→「${item.proposed}」` : item.proposed}{' '}
      <span class="meta">{item.reason ? t(`fill.reasons.${item.reason}`) : t(`fill.actions.${item.action}`)}</span>
      {item.action === 'conflict' && (
        <label>
          <input type="checkbox" data-jzs-overwrite={item.id} checked={checked} onChange={(e) => onToggle(item.id, e.currentTarget.checked)} />
          {t('fill.overwrite')}
        </label>
      )}
    </li>
  );
}

export function FillPanel({ state, onFill, onToggle, onConfirm, onCancel, hideFillButton }: FillPanelProps) {
  const { preview, results } = state;
  const count = (o: FillResult['outcome']) => results?.filter((r) => r.outcome === o).length ?? 0;
  return (
    <section class="fill" data-jzs-fill-panel="">
      {!preview && !hideFillButton && (
        <button type="button" class="fill-btn" data-jzs-action="fill" disabled={state.busy} onClick={onFill}>
          {t('fill.button')}
        </button>
      )}
      {state.error && <div class="error" data-jzs-fill-error="">{state.error}</div>}
      {preview && (
        <div data-jzs-fill-preview={preview.planId}>
          <div>{t('fill.preview', { name: preview.profile.name })}</div>
          <ul>
            {preview.items.map((i) => (
              <Item key={i.id} item={i} checked={state.overwrite.has(i.id)} onToggle={onToggle} />
            ))}
          </ul>
          <button type="button" class="fill-btn" data-jzs-action="confirm-fill" disabled={state.busy} onClick={onConfirm}>
            {state.busy ? t('fill.working') : t('fill.confirm')}
          </button>{' '}
          <button type="button" data-jzs-action="cancel-fill" disabled={state.busy} onClick={onCancel}>
            {t('fill.cancel')}
          </button>
        </div>
      )}
      {results && (
        <div data-jzs-fill-results="" data-ok={count('ok')} data-mismatch={count('mismatch')} data-failed={count('failed')}>
          <div>{t('fill.results', { ok: count('ok'), mismatch: count('mismatch'), failed: count('failed') })}</div>
          <ul>
            {results
              .filter((r) => r.outcome !== 'ok')
              .map((r) => (
                <li key={r.id} class={r.outcome} data-jzs-fill-result={r.key} data-outcome={r.outcome}>
                  <b>{r.label}</b>：{r.note ?? t('fill.mismatch', { readBack: r.readBack, proposed: r.proposed })}
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}
