import { getLang, joinClauses, t } from '../../i18n';
import { type ChecklistView, type ConditionView, type ItemView, type MaterialStatus, progress, statusOf, type UploadRule } from '../../rules/status';
import { formatsText } from '../../validate/upload';
import { tx, Zh, ZhRuns } from './Zh';

export interface ChecklistListProps {
  view: ChecklistView;
  active: ReadonlySet<string>;
  done: ReadonlySet<string>;
  /** When given, the situations are shown as checkboxes (radio buttons for a one-of group) the user can set;
   * callers apply it with toggleCondition (src/rules/status.ts) so a radio choice clears the group's others. */
  onToggleCondition?: ((id: string, on: boolean) => void) | undefined;
  /** Show every 说明 open (printing, look-up) or folded (overlay). */
  notes: 'open' | 'folded';
  /** Materials a paged table on the page does not list (the panel): not yet given is not known, so not 待准备. */
  unlisted?: ReadonlySet<string> | undefined;
  /** What our upload checks found per material (the panel): shown on the item. */
  itemNotes?: ReadonlyMap<string, ReadonlyArray<{ severity: 'error' | 'warning' | 'ok'; message: string }>> | undefined;
}

const ICON: Record<MaterialStatus, string> = { done: '✓', missing: '○', 'not-needed': '–' };

/** 一式两份 as the seed writes it (§四 遗失补证 第1项), not 一式2份: counts of copies in Chinese numerals. */
const copiesZh = (n: number): string => ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'][n] ?? String(n);

export function uploadText(u: UploadRule): string {
  const parts: string[] = [];
  const formats = formatsText(u.accept, t('upload.video'));
  // Formats no source names are shown as our advice (issue 14.5).
  parts.push(u.advice ? t('upload.advice', { formats }) : t('upload.accept', { formats }));
  if (u.maxBytes) parts.push(t('upload.maxBytes', { mb: +(u.maxBytes / 1024 / 1024).toFixed(2) }));
  if (u.single) parts.push(t('upload.single'));
  if (u.audio) parts.push(t('upload.audio'));
  return parts.join(t('checklist.sep'));
}

/**
 * A material's 说明: the seed's Chinese; in English its translation first (the portal terms it quotes marked as
 * Chinese), then the Chinese it translates — the words the service hall will use.
 */
function Note({ zh, en, folded = false }: { zh: string; en: string | undefined; folded?: boolean }) {
  // Folded, the <details class="note"> around it is the note's box.
  const cls = folded ? undefined : 'note';
  if (getLang() !== 'en' || !en) {
    return (
      <div class={cls} lang="zh-CN">
        {zh}
      </div>
    );
  }
  return (
    <div class={cls} data-jzs-note-en="">
      <ZhRuns text={en} />
      <div class="note-original" lang="zh-CN">
        {zh}
      </div>
    </div>
  );
}

function Item(props: { item: ItemView } & ChecklistListProps) {
  const { item, view, active, done, notes } = props;
  const status = statusOf(item, active, done);
  const en = getLang() === 'en';
  const condition = item.condition ? view.conditions.find((c) => c.id === item.condition) : undefined;
  const where = joinClauses(item.submit.map((s) => `${t(`submit.${s.channel}`)}·${t(`submit.${s.form}`)}`));
  const choosing = status !== 'not-needed' && item.requirement === 'conditional' && !!item.alternatives?.length && !item.alternatives.some((c) => active.has(c));
  const unread = status === 'missing' && props.unlisted?.has(item.id) === true;
  return (
    <li class={`item ${status}`} data-jzs-material={item.id} data-status={status} data-jzs-unread={unread ? '' : undefined}>
      <div class="item-head">
        <span class="icon" aria-hidden="true">
          {ICON[status]}
        </span>
        <span class="name">
          {en ? (
            <>
              <ZhRuns text={item.nameEn} /> (<Zh>{item.name}</Zh>)
            </>
          ) : (
            item.name
          )}
        </span>
        {item.copies && <span class="tag">{t('checklist.copies', { n: en ? item.copies : copiesZh(item.copies) })}</span>}
        <span class={`tag ${item.requirement}`}>
          {item.requirement === 'required'
            ? // A not-needed item never shows 必需 (变更 + 单位更名).
              t(status === 'not-needed' ? 'checklist.notNeededNow' : 'checklist.required')
            : // One of a group still to choose (注销 reasons): 「请选择其一 · 注销原因：…」, not 「请选择其一：条件：注销原因：…」.
              t(choosing ? 'checklist.chooseOne' : 'checklist.conditional', { condition: condition ? (en ? condition.nameEn : condition.name) : (item.condition ?? '') })}
        </span>
        <span class="status-text">{t(unread ? 'checklist.unlisted' : `checklist.${status === 'not-needed' ? 'notNeeded' : status}`)}</span>
      </div>
      {notes === 'open' ? (
        <Note zh={item.note} en={item.noteEn} />
      ) : (
        <details class="note">
          {/* Named with its material: a screen reader tabbing through the list heard 「说明」 eight times. */}
          <summary aria-label={t('checklist.labelled', { label: t('checklist.noteToggle'), text: en ? item.nameEn : item.name })}>{t('checklist.noteToggle')}</summary>
          <Note zh={item.note} en={item.noteEn} folded />
        </details>
      )}
      {item.editorialNote && (
        // This div is the note's box: in English the translation, then the note as written.
        <div class="editorial" data-jzs-editorial-note="">
          <Note zh={item.editorialNote} en={item.editorialNoteEn} folded />
        </div>
      )}
      <div class="meta">
        {where}
        {item.upload && ` · ${uploadText(item.upload)}`}
      </div>
      {item.source.doc !== 'seed' && (
        <div class="meta basis" data-jzs-basis={item.source.inferred ? 'inferred' : 'stated'}>
          {tx('checklist.basis', { doc: <Zh>{item.source.doc}</Zh>, section: <Zh>{item.source.section}</Zh> })}
          {item.source.inferred && ` · ${t('checklist.inferred')}`}
        </div>
      )}
      {props.itemNotes?.get(item.id)?.map((n) => (
        <div class={`upload-note ${n.severity}`} key={n.message} data-jzs-upload-note={item.id} data-severity={n.severity}>
          {t('panel.uploadNote', { message: n.message })}
        </div>
      ))}
      {item.subItems.length > 0 && (
        <ol class="sub">
          {item.subItems.map((s) => (
            <Item key={s.id} {...props} item={s} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** A situation: a checkbox, or a radio button when exactly one of its group applies (注销 reasons). */
function ConditionInput({
  condition: c,
  view,
  active,
  onToggleCondition,
}: { condition: ConditionView } & Pick<ChecklistListProps, 'view' | 'active' | 'onToggleCondition'>) {
  const en = getLang() === 'en';
  return (
    <label class={c.refusal ? 'refusal-option' : undefined}>
      <input
        type={c.oneOf ? 'radio' : 'checkbox'}
        name={c.oneOf ? `jzs-${view.business.id}-${c.oneOf}` : undefined}
        data-jzs-condition={c.id}
        checked={active.has(c.id)}
        disabled={!onToggleCondition}
        onChange={(e) => onToggleCondition?.(c.id, e.currentTarget.checked)}
      />
      {en ? <ZhRuns text={c.nameEn} /> : c.name}
    </label>
  );
}

/** The checklist of one business with the contract's hooks ([data-jzs-material][data-status]). */
export function ChecklistList(props: ChecklistListProps) {
  const { view, active, done, onToggleCondition } = props;
  const en = getLang() === 'en';
  const count = progress(view, active, done);
  return (
    <section class="checklist" data-jzs-checklist={view.business.id} data-complete={String(count.done === count.needed)}>
      {view.conditions.length > 0 && (
        <fieldset class="conditions">
          <legend>{t('checklist.conditions')}</legend>
          {view.conditions.map((c) => (
            <ConditionInput key={c.id} condition={c} view={view} active={active} onToggleCondition={onToggleCondition} />
          ))}
          {view.conditions
            .filter((c) => c.refusal && active.has(c.id))
            .map((c) => (
              <div key={c.id} class="refusal" role="alert" data-jzs-refusal={c.id}>
                {t('checklist.labelled', { label: t('checklist.refusal'), text: en ? c.nameEn : c.name })}
              </div>
            ))}
        </fieldset>
      )}
      <ol class="materials">
        {view.items.map((item) => (
          <Item key={item.id} item={item} {...props} />
        ))}
      </ol>
      {view.lastVerified && (
        <div class="meta verified" data-jzs-last-verified={view.lastVerified}>
          {t('checklist.lastVerified', { version: view.packVersion, date: view.lastVerified })}
        </div>
      )}
      {view.bundles.map((b) => (
        <div class="bundle" key={b.id} data-jzs-bundle={b.id}>
          <strong>
            {tx('checklist.labelled', { label: t('checklist.bundle'), text: en ? <ZhRuns text={b.nameEn} /> : b.name })}
          </strong>
          <Note zh={b.note} en={b.noteEn} />
          <div class="meta">{uploadText(b.upload)}</div>
        </div>
      ))}
    </section>
  );
}

export const CHECKLIST_CSS = `
.checklist .conditions { border: 1px solid #d5dee8; border-radius: 6px; padding: 4px 8px 6px; margin: 0 0 8px; }
.checklist .conditions legend { font-size: 12px; color: #52606d; padding: 0 4px; }
.checklist .conditions label { display: inline-flex; align-items: center; gap: 3px; margin-right: 10px; font-size: 12px; }
.checklist .conditions input { width: 24px; height: 24px; margin: 0; flex: none; }
.checklist ol { margin: 0; padding-left: 0; list-style: none; }
.checklist ol.sub { padding-left: 18px; margin-top: 4px; }
.checklist .item { border-bottom: 1px dashed #e4e9f0; padding: 5px 0; }
.checklist .item-head { display: flex; flex-wrap: wrap; align-items: center; gap: 5px; }
.checklist .icon { width: 1.2em; text-align: center; font-weight: bold; }
.checklist .done .icon, .checklist .done .status-text { color: #067647; }
.checklist .missing .icon, .checklist .missing .status-text { color: #b54708; }
.checklist .not-needed .name, .checklist .not-needed .status-text, .checklist .not-needed .icon { color: #52606d; font-weight: normal; }
.checklist .not-needed .tag, .checklist .not-needed .tag.conditional { color: #52606d; border-color: #c5d3e3; }
.checklist .name { font-weight: 600; }
.checklist .tag { font-size: 11px; border: 1px solid #c5d3e3; border-radius: 3px; padding: 0 4px; color: #52606d; }
.checklist .tag.conditional { border-color: #f1c27d; color: #93370d; }
.checklist .status-text { margin-left: auto; font-size: 12px; }
.checklist .note { font-size: 12px; color: #323f4b; margin: 2px 0 0 1.6em; white-space: pre-wrap; }
.checklist details.note summary { cursor: pointer; color: #0b5cad; }
.checklist .note-original { color: #52606d; margin-top: 2px; }
.checklist .meta { font-size: 11px; color: #616e7c; margin-left: 1.6em; }
.checklist .editorial { font-size: 12px; margin-left: 1.6em; color: #7a4d00; }
.checklist .refusal { color: #b42318; font-weight: 600; }
.checklist .bundle { margin-top: 8px; padding: 6px 8px; background: #f0f5fb; border-radius: 6px; font-size: 12px; }
`;
