import type { ComponentChildren } from 'preact';
import { format } from 'date-fns';
import { joinList, t } from '../../i18n';
import type { RestoreGroup, RestorePreview } from '../../profiles/restore';
import { ZhRuns } from '../components/Zh';

export interface RestoreReview {
  session: string;
  fileName: string;
  exportedAt: string;
  preview: RestorePreview;
  overwriteNewer: boolean;
  removeMissing: boolean;
  restoreInvalid: boolean;
  restoreTwins: boolean;
}

function Names({ group }: { group: RestoreGroup }) {
  if (!group.names.length) return null;
  const rest = group.n - group.names.length;
  return (
    <div class="names">
      <ZhRuns text={joinList(group.names.map((n) => n || t('profiles.unknown')))} />
      {rest > 0 && ` ${t('restore.more', { n: rest })}`}
    </div>
  );
}

/** One of the restore's choices: a ticked box and what it does. */
function Choice({ option, on, set, children }: { option: string; on: boolean; set: (on: boolean) => void; children: ComponentChildren }) {
  return (
    <label>
      <input type="checkbox" data-jzs-restore-option={option} checked={on} onChange={(e) => set(e.currentTarget.checked)} /> {children}
    </label>
  );
}

/**
 * What a restore would change, before anything is written (issue 17.5): new profiles (including ones
 * deleted since the backup), different ones (and which of them were edited after the backup), unchanged,
 * and the store's profiles the backup lacks. Overwriting newer edits and deleting the missing ones are
 * choices, off by default.
 */
export function RestorePreviewView({
  review,
  busy,
  onChange,
  onConfirm,
  onCancel,
}: {
  review: RestoreReview;
  busy: boolean;
  onChange: (r: RestoreReview) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { preview: p } = review;
  const nothing = p.added.n === 0 && p.changed.n === 0 && p.missing.n === 0;
  return (
    <div
      class="restore-preview"
      role="region"
      aria-label={t('restore.title')}
      data-jzs-restore-preview=""
      data-added={p.added.n}
      data-changed={p.changed.n}
      data-newer={p.newer.n}
      data-unchanged={p.unchanged}
      data-missing={p.missing.n}
      data-invalid={p.invalid.n}
      data-twins={p.twins.n}
    >
      <h3>{t('restore.title')}</h3>
      <p>{t('restore.summary', { file: review.fileName, at: format(new Date(review.exportedAt), 'yyyy-MM-dd HH:mm'), n: p.total })}</p>
      {nothing ? (
        <p class="muted">{t('restore.nothing')}</p>
      ) : (
        <ul>
          <li data-jzs-restore-group="added">
            {t('restore.added', { n: p.added.n })}
            <Names group={p.added} />
          </li>
          <li data-jzs-restore-group="changed">
            {t('restore.changed', { n: p.changed.n })}
            <Names group={p.changed} />
            {p.newer.n > 0 && (
              <div class="warn">
                {t('restore.newer', { n: p.newer.n })}
                <Names group={p.newer} />
                <Choice option="overwrite-newer" on={review.overwriteNewer} set={(on) => onChange({ ...review, overwriteNewer: on })}>
                  {t('restore.overwriteNewer', { n: p.newer.n })}
                </Choice>
              </div>
            )}
          </li>
          {p.invalid.n > 0 && (
            <li data-jzs-restore-group="invalid" class="warn">
              {t('restore.invalid', { n: p.invalid.n })}
              <Names group={p.invalid} />
              <Choice option="restore-invalid" on={review.restoreInvalid} set={(on) => onChange({ ...review, restoreInvalid: on })}>
                {t('restore.restoreInvalid', { n: p.invalid.n })}
              </Choice>
            </li>
          )}
          {p.twins.n > 0 && (
            <li data-jzs-restore-group="twins" class="warn">
              {t('restore.twins', { n: p.twins.n })}
              <Names group={p.twins} />
              <Choice option="restore-twins" on={review.restoreTwins} set={(on) => onChange({ ...review, restoreTwins: on })}>
                {t('restore.restoreTwins', { n: p.twins.n })}
              </Choice>
            </li>
          )}
          <li data-jzs-restore-group="unchanged">{t('restore.unchanged', { n: p.unchanged })}</li>
          {p.missing.n > 0 && (
            <li data-jzs-restore-group="missing">
              {t('restore.missing', { n: p.missing.n })}
              <Names group={p.missing} />
              <Choice option="remove-missing" on={review.removeMissing} set={(on) => onChange({ ...review, removeMissing: on })}>
                {t('restore.removeMissing', { n: p.missing.n })}
              </Choice>
            </li>
          )}
        </ul>
      )}
      <div class="row">
        {!nothing && (
          <button type="button" class="primary" data-jzs-action="confirm-restore" disabled={busy} onClick={onConfirm}>
            {t('restore.confirm')}
          </button>
        )}
        <button type="button" data-jzs-action="cancel-restore" disabled={busy} onClick={onCancel}>
          {t('restore.cancel')}
        </button>
      </div>
    </div>
  );
}
