import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { FIELD_KEYS, type FieldKey } from '../../domain/ids';
import { FIELDS, FIELDS_BY_GROUP } from '../../domain/fields';
import { VOCABULARIES } from '../../domain/vocabularies';
import { getLang, isMessageKey, type MessageKey, type Params, t } from '../../i18n';
import { send } from '../../messaging/client';
import { MessageError, type FillLogEntry } from '../../messaging/protocol';
import type { Profile, ProfileData } from '../../profiles/schema';
import { ProfileCases } from './ProfileCases';
import { fieldText, isStrict, parseField, type StoredValue } from '../../validate/field';
import { describe } from '../../i18n/problem';
import { todayInShanghai } from '../../domain/calendar';
import { profileWarnings } from '../../validate/profile-warnings';
import type { ProfileRules } from '../../rules/profile-rules';

/** The editor's texts by field (a field left out is empty). */
type Draft = Partial<Record<FieldKey, string>>;

/** Fields chosen from a short list (their vocabulary's canonical texts are the option values). */
const SELECTS = new Set<FieldKey>(['gender', 'retired']);

/** The text each input starts with: stored values in words (是/否 as the select's values; 无固定期限). */
function toDraft(data: ProfileData): Draft {
  const d: Draft = {};
  for (const [, keys] of FIELDS_BY_GROUP) for (const k of keys) d[k] = fieldText(k, data[k], k === 'retired' ? 'zh' : getLang());
  return d;
}

/**
 * Set (or, with undefined, clear) one field of profile data, by the type the field stores. (Like setField in
 * profiles/schema.ts, which lives beside the zod schema: importing it would put zod into the popup's bundle.)
 */
function setField(data: ProfileData, key: FieldKey, value: StoredValue | undefined): void {
  if (key === 'retired') {
    if (typeof value === 'boolean') data.retired = value;
    else delete data.retired;
  } else if (typeof value === 'string') data[key] = value;
  else delete data[key];
}

/** A validator's message (catalogue key `v.<code>`), or the bare code when the catalogue lacks it. */
function validatorText(code: string, params: Params | undefined): string {
  const key = `v.${code}`;
  return isMessageKey(key) ? t(key, params) : code;
}

const PLACEHOLDERS: Partial<Record<string, MessageKey>> = {
  date: 'profiles.placeholder.date',
  month: 'profiles.placeholder.month',
  integer: 'profiles.placeholder.integer',
};
function placeholderOf(key: FieldKey): string {
  const def = FIELDS[key];
  if (def.openEnded) return t('profiles.placeholder.openEnded');
  const k = PLACEHOLDERS[def.type];
  return k ? t(k) : '';
}

/** Before the background answered: no rule-pack warnings yet (never a number assumed here). */
const NO_RULES: ProfileRules = { checks: [] };

/**
 * Validate a draft: canonical data, or per-field errors that block saving; warnings are shown only. `rules`: the
 * rule pack's checks for this applicant (`ui:profiles.rules`).
 */
export function readDraft(draft: Draft, now: Date, rules: ProfileRules = NO_RULES): { data: ProfileData; errors: Partial<Record<FieldKey, string>>; warnings: Partial<Record<FieldKey, string>> } {
  const data: ProfileData = {};
  const errors: Partial<Record<FieldKey, string>> = {};
  const warnings: Partial<Record<FieldKey, string>> = {};
  for (const key of FIELD_KEYS) {
    const text = (draft[key] ?? '').trim();
    if (!text) continue;
    const r = parseField(key, text, now);
    const err = r.findings.find((f) => f.severity === 'error');
    const blocking = err && isStrict(key);
    if (blocking) errors[key] = validatorText(err.code, err.params);
    else if (r.findings[0]) warnings[key] = validatorText(r.findings[0].code, r.findings[0].params);
    if (r.value !== undefined) setField(data, key, r.value);
  }
  if (!data.name) errors.name = t('profiles.required');
  // The pages' field checks (contract ending, implausible dates, what the ID number tells), shown, never blocking.
  for (const w of profileWarnings(data, now, todayInShanghai(now), rules)) if (!errors[w.field]) warnings[w.field] ??= t(w.code, w.params);
  return { data, errors, warnings };
}

/**
 * The rule pack's profile checks for this applicant, asked again when the profile is saved and when its cases
 * change (`casesKey`: their businesses, statuses and situations).
 */
function useProfileRules(profile: Profile | undefined, casesKey: string): ProfileRules {
  const [rules, setRules] = useState<ProfileRules>(NO_RULES);
  useEffect(() => {
    let live = true;
    send('ui:profiles.rules', profile ? { profileId: profile.id } : {}).then(
      (r) => live && setRules(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [profile?.id, profile?.revision, casesKey]);
  return rules;
}

/** An editor group's heading (catalogue `profiles.groups.<group>`). */
function groupTitle(group: string): string {
  const key = `profiles.groups.${group}`;
  return isMessageKey(key) ? t(key) : group;
}

export interface ProfileEditorProps {
  /** The profile to edit, or undefined for a new one. */
  profile: Profile | undefined;
  onSaved: (p: Profile) => void;
  onCancel?: (() => void) | undefined;
  /** Only these fields (quick edit in the popup); all when omitted. */
  only?: FieldKey[] | undefined;
  /** The workbench's store version and its bump: the applicant's cases follow the 办件 table and it follows them. */
  casesVersion?: number | undefined;
  onCasesChanged?: (() => void) | undefined;
}

export function ProfileEditor({ profile, onSaved, onCancel, only, casesVersion, onCasesChanged }: ProfileEditorProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(profile?.data ?? {}));
  const [notes, setNotes] = useState(profile?.notes ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [conflict, setConflict] = useState<Profile | undefined>();
  const [busy, setBusy] = useState(false);
  const en = getLang() === 'en';
  const [casesKey, setCasesKey] = useState('');
  const rules = useProfileRules(profile, casesKey);
  const checked = readDraft(draft, new Date(), rules);
  // 保存 stays clickable: pressed with errors, it says which fields stop it, beside itself, and takes the person to
  // the first (before, a greyed button said nothing, and the errors could be a screen above — review, 2026-12-03).
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const ids = useId();
  // The quick edit saves only its own fields (the others as stored): only theirs can stop it.
  const blocking = (only ?? FIELDS_BY_GROUP.flatMap(([, keys]) => keys)).filter((k) => checked.errors[k]);

  useEffect(() => {
    setDraft(toDraft(profile?.data ?? {}));
    setNotes(profile?.notes ?? '');
    setConflict(undefined);
    setMessage(undefined);
  }, [profile?.id, profile?.revision]);

  const save = async () => {
    const [first] = blocking;
    if (first) {
      setTried(true);
      form.current?.querySelector<HTMLElement>(`[data-jzs-edit-field="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      // Quick edit changes some fields only: keep the others as stored.
      const data: ProfileData = only && profile ? { ...profile.data } : checked.data;
      if (only && profile) for (const k of only) setField(data, k, checked.data[k]);
      // Businesses in progress are cases now (src/cases); a profile body keeps none.
      const body = { data, notes };
      const saved = profile ? await send('ui:profiles.update', { id: profile.id, body, revision: profile.revision }) : await send('ui:profiles.create', { body });
      setMessage({ kind: 'ok', text: profile ? t('profiles.saved') : t('profiles.created') });
      onSaved(saved);
    } catch (err) {
      if (err instanceof MessageError && err.code === 'errors.profiles.revisionConflict' && profile) {
        setConflict(await send('ui:profiles.get', { id: profile.id }));
      }
      setMessage({ kind: 'error', text: describe(err) });
    } finally {
      setBusy(false);
    }
  };

  /** A field with an error says so to assistive technology, and points at its message. */
  const invalid = (key: FieldKey) => (checked.errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${ids}-${key}` } : {});
  const fieldName = (key: FieldKey) => (en ? FIELDS[key].name.en : FIELDS[key].name.zh);

  const field = (key: FieldKey) => (
    <label class="field" key={key}>
      <span class="label">{fieldName(key)}</span>
      {SELECTS.has(key) ? (
        <select data-jzs-edit-field={key} {...invalid(key)} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}>
          <option value="">{t('profiles.unknown')}</option>
          {VOCABULARIES[FIELDS[key].vocabulary ?? 'yes-no'].choices.map((c) => (
            <option key={c.zh} value={c.zh}>
              {en ? c.en : c.zh}
            </option>
          ))}
        </select>
      ) : (
        <input
          data-jzs-edit-field={key}
          {...invalid(key)}
          value={draft[key]}
          placeholder={placeholderOf(key)}
          onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
        />
      )}
      {checked.errors[key] && (
        <span class="error" id={`${ids}-${key}`}>
          {checked.errors[key]}
        </span>
      )}
      {!checked.errors[key] && checked.warnings[key] && <span class="warning" data-jzs-field-warning={key}>{checked.warnings[key]}</span>}
    </label>
  );

  return (
    <form
      ref={form}
      class="editor"
      data-jzs-editor={profile?.id ?? 'new'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {(only ? [{ group: '', keys: only }] : FIELDS_BY_GROUP.map(([group, keys]) => ({ group, keys }))).map(({ group, keys }) => (
        <fieldset key={group}>
          {group && <legend>{groupTitle(group)}</legend>}
          <div class="grid">{keys.map(field)}</div>
        </fieldset>
      ))}
      {!only && (
        <>
          <fieldset>
            <legend>{t('profiles.notes')}</legend>
            <textarea data-jzs-edit-field="notes" rows={3} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
          </fieldset>
          {profile && (
            <ProfileCases
              profileId={profile.id}
              version={casesVersion}
              onChanged={onCasesChanged}
              onCases={(cs) => setCasesKey(cs.map((c) => `${c.business}:${c.status}:${c.archived}:${c.conditions.join()}`).join('|'))}
            />
          )}
          {profile && <FillLog profileId={profile.id} revision={profile.revision} />}
        </>
      )}
      {message && <p class={message.kind === 'ok' ? 'ok' : 'error'} role="status">{message.text}</p>}
      {conflict && (
        <p class="warning">
          {t('profiles.conflict')}{' '}
          <button type="button" onClick={() => onSaved(conflict)}>
            {t('profiles.reload')}
          </button>
        </p>
      )}
      {tried && blocking.length > 0 && (
        <p class="error" role="alert" data-jzs-editor-blocked={blocking.join(' ')}>
          {t('profiles.fixFirst', { n: blocking.length, fields: blocking.map(fieldName) })}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" data-jzs-action="save-profile" disabled={busy}>
          {t('profiles.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('profiles.cancel')}
          </button>
        )}
        {profile && (
          <span class="muted">
            {t('profiles.revision', { n: profile.revision })} · {t('profiles.updated', { at: profile.updatedAt.slice(0, 16).replace('T', ' ') })}
          </span>
        )}
      </div>
    </form>
  );
}

/** When this applicant's data was filled into which portal pages (issue 5). */
function FillLog({ profileId, revision }: { profileId: string; revision: number }) {
  const [log, setLog] = useState<FillLogEntry[]>([]);
  useEffect(() => {
    send('ui:fill.log', { profileId }).then(setLog, () => setLog([]));
  }, [profileId, revision]);
  if (!log.length) return null;
  return (
    <fieldset data-jzs-fill-log={log.length}>
      <legend>{t('fillPopup.log')}</legend>
      <ul class="log">
        {log.slice(0, 10).map((e) => (
          <li key={e.at} data-navigated={e.navigated ? 'true' : undefined}>
            {t('fillPopup.logLine', { at: e.at.slice(0, 16).replace('T', ' '), pages: e.pages.join(t('checklist.sep')), n: e.fields.length })}
            {e.failed > 0 && t('fillPopup.logNotWritten', { n: e.failed })}
            {e.navigated && t('fillPopup.logNavigated')}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export const EDITOR_CSS = `
form.editor fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 6px 10px 10px; }
form.editor legend { font-weight: 600; padding: 0 4px; }
form.editor .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 6px 12px; }
form.editor .field { display: flex; flex-direction: column; font-size: 13px; }
form.editor .field .label { color: var(--muted); font-size: 12px; }
form.editor .field input, form.editor .field select { padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; }
form.editor .field .error, form.editor .field .warning { font-size: 12px; }
form.editor textarea { width: 100%; }
form.editor .business { border-top: 1px dashed var(--line); padding: 6px 0; }
form.editor .ticks label { display: inline-flex; gap: 3px; margin: 2px 10px 2px 0; font-size: 12px; }
`;
