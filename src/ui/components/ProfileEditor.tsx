import { useEffect, useState } from 'preact/hooks';
import { DATE_FIELDS, FIELD_NAMES, type FieldKey } from '../../domain/ids';
import { getLang, type MessageKey, t } from '../../i18n';
import { send } from '../../messaging/client';
import { MessageError, type FillLogEntry } from '../../messaging/protocol';
import type { Profile, ProfileData } from '../../profiles/schema';
import { ProfileCases } from './ProfileCases';
import { validateField } from '../../validate/field';

const GROUPS: Array<[string, FieldKey[]]> = [
  ['basic', ['name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'retired']],
  ['contact', ['mobile', 'phone', 'email', 'address', 'postcode']],
  ['education', ['education', 'school', 'major', 'graduationDate']],
  ['qualification', ['qualificationCertNo', 'qualificationIssueDate', 'specialty', 'registrationNo', 'certIssueDate', 'registrationExpiry']],
  ['employment', ['employerName', 'employerCreditCode', 'examEmployerName', 'contractStart', 'contractEnd', 'dismissalDate', 'submissionDate', 'socialInsuranceEmployer', 'socialInsuranceMonths']],
];
const TYPES: Partial<Record<FieldKey, string>> = {
  idNumber: 'id-number',
  mobile: 'mobile',
  phone: 'phone',
  email: 'email',
  postcode: 'postcode',
  employerCreditCode: 'credit-code',
  socialInsuranceMonths: 'integer',
};

type Draft = Record<FieldKey, string>;

function toDraft(data: ProfileData): Draft {
  const d = {} as Draft;
  for (const [, keys] of GROUPS) for (const k of keys) {
    const v = (data as Record<string, unknown>)[k];
    d[k] = k === 'retired' ? (v === true ? '是' : v === false ? '否' : '') : typeof v === 'string' ? v : '';
  }
  return d;
}

/** Validate a draft: canonical data, or per-field errors that block saving; warnings are shown only. */
export function readDraft(draft: Draft, now: Date): { data: ProfileData; errors: Partial<Record<FieldKey, string>>; warnings: Partial<Record<FieldKey, string>> } {
  const data: ProfileData = {};
  const errors: Partial<Record<FieldKey, string>> = {};
  const warnings: Partial<Record<FieldKey, string>> = {};
  for (const [key, raw] of Object.entries(draft) as Array<[FieldKey, string]>) {
    const text = raw.trim();
    if (!text) continue;
    if (key === 'retired') {
      data.retired = text === '是';
      continue;
    }
    const r = validateField(key, DATE_FIELDS.has(key) ? 'date' : (TYPES[key] ?? 'text'), text, now);
    const err = r.findings.find((f) => f.severity === 'error');
    const blocking = err && (key === 'idNumber' || key === 'name' || DATE_FIELDS.has(key));
    if (blocking) errors[key] = t(`v.${err.code}` as MessageKey, err.params);
    else if (r.findings[0]) warnings[key] = t(`v.${r.findings[0].code}` as MessageKey, r.findings[0].params);
    (data as Record<string, string>)[key] = blocking ? text : (r.value ?? text);
  }
  if (!data.name) errors.name = t('profiles.required');
  return { data, errors, warnings };
}

export interface ProfileEditorProps {
  /** The profile to edit, or undefined for a new one. */
  profile: Profile | undefined;
  onSaved: (p: Profile) => void;
  onCancel?: (() => void) | undefined;
  /** Only these fields (quick edit in the popup); all when omitted. */
  only?: FieldKey[] | undefined;
}

export function ProfileEditor({ profile, onSaved, onCancel, only }: ProfileEditorProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(profile?.data ?? {}));
  const [notes, setNotes] = useState(profile?.notes ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [conflict, setConflict] = useState<Profile | undefined>();
  const [busy, setBusy] = useState(false);
  const en = getLang() === 'en';
  const checked = readDraft(draft, new Date());

  useEffect(() => {
    setDraft(toDraft(profile?.data ?? {}));
    setNotes(profile?.notes ?? '');
    setConflict(undefined);
    setMessage(undefined);
  }, [profile?.id, profile?.revision]);

  const save = async () => {
    if (Object.keys(checked.errors).length) return;
    setBusy(true);
    try {
      // Quick edit changes some fields only: keep the others as stored.
      const data = only && profile ? { ...profile.data, ...Object.fromEntries(only.map((k) => [k, (checked.data as Record<string, unknown>)[k]])) } : checked.data;
      // Businesses in progress are cases now (src/cases); a profile body keeps none.
      const body = { data: data as ProfileData, notes };
      const saved = profile ? await send('ui:profiles.update', { id: profile.id, body, revision: profile.revision }) : await send('ui:profiles.create', { body });
      setMessage({ kind: 'ok', text: profile ? t('profiles.saved') : t('profiles.created') });
      onSaved(saved);
    } catch (err) {
      if (err instanceof MessageError && err.code === 'revision-conflict') {
        setConflict(await send('ui:profiles.get', { id: profile!.id }));
      }
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const field = (key: FieldKey) => (
    <label class="field" key={key}>
      <span class="label">{en ? FIELD_NAMES[key].en : FIELD_NAMES[key].zh}</span>
      {key === 'retired' || key === 'gender' ? (
        <select data-jzs-edit-field={key} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}>
          <option value="">{t('profiles.unknown')}</option>
          {(key === 'retired' ? ['是', '否'] : ['男', '女']).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        <input
          data-jzs-edit-field={key}
          value={draft[key]}
          placeholder={DATE_FIELDS.has(key) ? 'yyyy-MM-dd' : ''}
          onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
        />
      )}
      {checked.errors[key] && <span class="error">{checked.errors[key]}</span>}
      {!checked.errors[key] && checked.warnings[key] && <span class="warning">{checked.warnings[key]}</span>}
    </label>
  );

  return (
    <form
      class="editor"
      data-jzs-editor={profile?.id ?? 'new'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {(only ? [['', only] as [string, FieldKey[]]] : GROUPS).map(([group, keys]) => (
        <fieldset key={group}>
          {group && <legend>{t(`profiles.groups.${group}` as MessageKey)}</legend>}
          <div class="grid">{keys.map(field)}</div>
        </fieldset>
      ))}
      {!only && (
        <>
          <fieldset>
            <legend>{t('profiles.notes')}</legend>
            <textarea data-jzs-edit-field="notes" rows={3} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
          </fieldset>
          {profile && <ProfileCases profileId={profile.id} />}
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
      <div class="row">
        <button type="submit" class="primary" data-jzs-action="save-profile" disabled={busy || Object.keys(checked.errors).length > 0}>
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
          <li key={e.at}>{t('fillPopup.logLine', { at: e.at.slice(0, 16).replace('T', ' '), pages: e.pages.join('、'), n: e.fields.length })}</li>
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
