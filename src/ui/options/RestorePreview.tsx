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

/** What each group of profiles held back unless ticked says, and its tick (the option's text). */
const HELD_TEXT = {
  invalid: ['restore.invalid', 'restore.restoreInvalid'],
  twins: ['restore.twins', 'restore.restoreTwins'],
} as const;

/** A group of profiles the restore holds back unless ticked (an invalid ID number, an applicant stored twice): shown only when it has any. */
function HeldBack({ name, group, option, on, set }: { name: keyof typeof HELD_TEXT; group: RestoreGroup; option: string; on: boolean; set: (on: boolean) => void }) {
  if (group.n === 0) return null;
  const [said, tick] = HELD_TEXT[name];
  return (
    <li data-jzs-restore-group={name} class="warn">
      {t(said, { n: group.n })}
      <Names group={group} />
      <Choice option={option} on={on} set={set}>
        {t(tick, { n: group.n })}
      </Choice>
    </li>
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
          <HeldBack name="invalid" group={p.invalid} option="restore-invalid" on={review.restoreInvalid} set={(on) => onChange({ ...review, restoreInvalid: on })} />
          <HeldBack name="twins" group={p.twins} option="restore-twins" on={review.restoreTwins} set={(on) => onChange({ ...review, restoreTwins: on })} />
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
