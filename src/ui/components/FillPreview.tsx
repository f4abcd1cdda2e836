import { useState } from 'preact/hooks';
import { splitBidi } from '../../domain/bidi';
import { AFTER_CHOICE_MS, type FillItem, type FillReport, type FillResult } from '../../fill/types';
import { FIELD_NAMES } from '../../domain/fields';
import { getLang, t } from '../../i18n';
import type { ProfileWarning } from '../../validate/profile-warnings';
import { describe } from '../../i18n/problem';
import type { FillPreview as Preview } from '../../messaging/protocol';
import { SeenButton } from './SeenButton';
import { tx, Zh } from './Zh';

/**
 * The fill preview, its confirm and the report: rendered only in extension pages (the popup, and the panel's
 * extension-origin frame inside the portal tab — helper `panel`), never in a DOM a portal page can reach
 * (issue 12.1). Data comes in through props; the host sends `ui:fill.plan` and confirms in its own page (see useFill).
 */
export interface FillState {
  preview?: Preview | undefined;
  overwrite: ReadonlySet<string>;
  report?: FillReport | undefined;
  busy: boolean;
  /** A refusal from the background ({ code, params }) or anything thrown: shown through `fillProblem`. */
  error?: unknown;
  /** A click that did not come from a person (a script's synthetic event) was ignored. */
  untrusted?: boolean | undefined;
  /** The fill was done but its record could not be kept in the profile's fill log. */
  logUnsaved?: boolean | undefined;
}

export interface FillPreviewProps {
  state: FillState;
  onToggle: (id: string, on: boolean) => void;
  onReplaceAll: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  /** Told when a script, not a person, clicked (the click is ignored). */
  onUntrusted: () => void;
}

/** The user's words for a refusal or failure: its catalogue code, else "unexpected" — never raw text. */
export const fillProblem = (err: unknown): string => describe(err);

/**
 * A profile value as it will be written, isolated from the text around it, with any bidi control character
 * shown as a visible mark (so the preview cannot read differently from what is written).
 */
export function Value({ text }: { text: string }) {
  const parts = splitBidi(text);
  return (
    <bdi class="value" dir="ltr" lang="zh-CN" data-jzs-value="">
      {parts.map((p, i) =>
        p.control ? (
          <mark key={i} class="bidi" data-jzs-bidi={p.text} title={t('fill.controls', { codes: p.text })}>
            [{p.text}]
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </bdi>
  );
}

/** Act only on a person's input: a script's `.click()` or dispatched event is not trusted (issue 12.2). */
function trusted<E extends Event>(onUntrusted: () => void, act: (e: E) => void): (e: E) => void {
  return (e) => (e.isTrusted ? act(e) : onUntrusted());
}

function What({ item }: { item: FillItem }) {
  if (item.action === 'skip' || item.proposed === undefined) return <span class="meta">{t('fill.unchanged')}</span>;
  if (item.action === 'conflict' || item.action === 'clear') {
    return (
      <>
        {item.action === 'clear'
          ? tx('fill.changeToClear', { from: <Value text={item.current} /> })
          : tx('fill.change', { from: <Value text={item.current} />, to: <Value text={item.proposed} /> })}
      </>
    );
  }
  return <Value text={item.proposed} />;
}

function Item({ item, checked, props }: { item: FillItem; checked: boolean; props: FillPreviewProps }) {
  const choice = item.action === 'conflict' || item.action === 'clear';
  return (
    <li data-jzs-fill-item={item.id} data-action={item.action} data-key={item.key} data-reason={item.reason} data-previous={item.previous ? 'true' : undefined} data-after={item.after} class={item.action}>
      {tx('checklist.labelled', { label: <b lang="zh-CN">{item.label}</b>, text: <What item={item} /> })}{' '}
      <span class="meta">
        {item.reason ? t(`fill.reasons.${item.reason}`) : item.after ? t(`fill.after.${item.after}`, { seconds: AFTER_CHOICE_MS / 1000 }) : t(`fill.actions.${item.action}`)}
        {item.previous && ` · ${t('fill.fromPrevious')}`}
      </span>
      {choice && (
        <label>
          <input
            type="checkbox"
            data-jzs-overwrite={item.id}
            checked={checked}
            onClick={trusted(props.onUntrusted, (e) => e.currentTarget instanceof HTMLInputElement && props.onToggle(item.id, e.currentTarget.checked))}
          />
          {item.action === 'clear' ? t('fill.clear') : t('fill.overwrite')}
        </label>
      )}
    </li>
  );
}

/** The chosen profile's warnings (contract, implausible dates, ID number): the clerk checks before writing. */
function Warnings({ warnings }: { warnings: readonly ProfileWarning[] }) {
  return (
    <div class="warn" data-jzs-fill-warnings={warnings.length} role="note">
      {t('fill.warningsTitle')}
      <ul>
        {warnings.map((w) => (
          <li key={`${w.field}:${w.code}`} data-jzs-fill-warning={w.field} data-code={w.code}>
            {tx('checklist.labelled', { label: <b>{FIELD_NAMES[w.field][getLang()]}</b>, text: t(w.code, w.params) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Results({ report }: { report: FillReport }) {
  const count = (o: FillResult['outcome']) => report.results.filter((r) => r.outcome === o).length;
  const refused = count('refused') + count('failed');
  return (
    <div data-jzs-fill-results="" data-ok={count('ok')} data-mismatch={count('mismatch')} data-failed={refused} data-navigated={String(report.navigated)} role="status">
      {report.navigated && (
        <div class="error" data-jzs-fill-navigated="">
          {t('fill.navigated')}
        </div>
      )}
      <div>{t('fill.results', { ok: count('ok'), mismatch: count('mismatch'), refused })}</div>
      <ul>
        {report.results
          .filter((r) => r.outcome !== 'ok')
          .map((r) => (
            <li key={r.id} class={r.outcome} data-jzs-fill-result={r.key} data-outcome={r.outcome} data-reason={r.reason}>
              {tx('checklist.labelled', {
                label: <b lang="zh-CN">{r.label}</b>,
                text:
                  r.outcome === 'mismatch'
                    ? tx('fill.mismatch', { shown: <Value text={r.readBack ?? ''} />, profile: <Value text={r.proposed ?? ''} /> })
                    : t(`fill.refused.${r.reason ?? 'error'}`),
              })}
            </li>
          ))}
      </ul>
    </div>
  );
}

export function FillPreview(props: FillPreviewProps) {
  const { state } = props;
  const { preview, report } = state;
  // The preview whose confirm was refused because the page hid or covered the panel (SeenButton): the message
  // belongs to that preview and goes with it.
  const [hiddenPlan, setHiddenPlan] = useState<string | undefined>(undefined);
  const hidden = !!preview && hiddenPlan === preview.planId;
  const previous = preview?.items.some((i) => i.previous && (i.action === 'conflict' || i.action === 'clear'));
  return (
    <section class="fill" data-jzs-fill-panel="">
      {state.error !== undefined && (
        <div class="error" data-jzs-fill-error="" role="alert">
          {fillProblem(state.error)}
        </div>
      )}
      {state.untrusted && <div class="error">{t('fill.untrusted')}</div>}
      {hidden && (
        <div class="error" role="alert" data-jzs-fill-obscured="">
          {t('fill.obscured')}
        </div>
      )}
      {preview && (
        <div data-jzs-fill-preview={preview.planId}>
          {preview.onPage && (
            <div class="warn" data-jzs-fill-onpage={preview.onPage.id}>
              {tx('fill.onPage', { name: <Zh>{preview.onPage.name}</Zh> })}
            </div>
          )}
          {preview.unreadFrames && (
            <div class="warn" role="note" data-jzs-fill-unread-frames="">
              {t('fill.unreadFrames')}
            </div>
          )}
          {preview.warnings?.length ? <Warnings warnings={preview.warnings} /> : null}
          {previous && (
            <p>
              <button type="button" data-jzs-action="replace-all" disabled={state.busy} onClick={trusted(props.onUntrusted, props.onReplaceAll)}>
                {t('fill.replaceAll')}
              </button>{' '}
              <span class="meta">{tx('fill.replaceAllHelp', { name: <Zh>{preview.profile.name}</Zh> })}</span>
            </p>
          )}
          {/* The list's own title right above it: the profile's warnings and the replace-all offer come first, so they
              no longer read as the list's first lines (review, 2026-12-02). */}
          <div id={`jzs-fill-list-${preview.planId}`}>{tx('fill.preview', { name: <Zh>{preview.profile.name}</Zh> })}</div>
          <ul aria-labelledby={`jzs-fill-list-${preview.planId}`}>
            {preview.items.map((i) => (
              <Item key={i.id} item={i} checked={state.overwrite.has(i.id)} props={props} />
            ))}
          </ul>
          <SeenButton class="fill-btn" action="confirm-fill" disabled={state.busy} onClick={props.onConfirm} onUntrusted={props.onUntrusted} onHidden={() => setHiddenPlan(preview.planId)}>
            {state.busy ? t('fill.working') : t('fill.confirm')}
          </SeenButton>{' '}
          <button type="button" data-jzs-action="cancel-fill" disabled={state.busy} onClick={props.onCancel}>
            {t('fill.cancel')}
          </button>
        </div>
      )}
      {report && <Results report={report} />}
      {report && state.logUnsaved && (
        <p class="warning" role="alert" data-jzs-fill-log-unsaved="">
          {t('fill.logUnsaved')}
        </p>
      )}
    </section>
  );
}
