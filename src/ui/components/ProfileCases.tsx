import { useEffect, useState } from 'preact/hooks';
import type { Case } from '../../cases/schema';
import { CASE_STATUSES, type CaseStatus, isCaseStatus } from '../../domain/case-status';
import { BUSINESS_IDS, BUSINESS_NAMES, type BusinessId, isBusinessId } from '../../domain/ids';
import { getLang, t } from '../../i18n';
import { send } from '../../messaging/client';
import { describe } from '../../i18n/problem';
import type { ChecklistPage } from '../../messaging/protocol';
import { type ChecklistView, progress } from '../../rules/status';

const toggled = (list: readonly string[], id: string, on: boolean) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id));

export interface ProfileCasesProps {
  profileId: string;
  onCases?: ((cases: readonly Case[]) => void) | undefined;
  /** Bumped when another part of the page changed cases (the workbench's 办件 table): read them again. */
  version?: number | undefined;
  /** A case was added or changed here: the rest of the page (办件 table, 期限提醒) reads it again. */
  onChanged?: (() => void) | undefined;
}

/**
 * An applicant's cases inside the profile editor (what 0.1.0 kept as 「办理中的业务」 in the profile): status,
 * situations and readiness ticks. Each change is saved at once through the cases store, checked against the
 * revision shown.
 */
export function ProfileCases({ profileId, onCases, version, onChanged }: ProfileCasesProps) {
  const [cases, setCases] = useState<Case[] | undefined>();
  // The editor's warnings follow the applicant's open cases (their businesses and situations).
  useEffect(() => {
    if (cases) onCases?.(cases);
  }, [cases]);
  const [views, setViews] = useState<Partial<Record<BusinessId, ChecklistPage>>>({});
  const [error, setError] = useState<string | undefined>();
  const [adding, setAdding] = useState('');
  // A status chosen but not yet set, per case: set by its button, as 添加业务 below (and for the same reason).
  const [choosing, setChoosing] = useState<Partial<Record<string, CaseStatus>>>({});
  const en = getLang() === 'en';
  const load = () => void send('ui:cases.ofProfile', { profileId }).then(setCases, (e: unknown) => setError(describe(e)));
  useEffect(load, [profileId, version]);
  useEffect(() => {
    for (const c of cases ?? []) {
      if (!views[c.business]) void send('ui:checklist', { business: c.business }).then((v) => setViews((old) => ({ ...old, [c.business]: v })));
    }
  }, [cases?.map((c) => c.business).join()]);

  /** Save one change; the rest of the page hears of it only when it was saved. */
  const saved = async (write: () => Promise<unknown>) => {
    try {
      await write();
      setError(undefined);
      onChanged?.();
    } catch (err) {
      setError(describe(err));
    }
    load();
  };
  const patch = (c: Case, p: { status?: CaseStatus; conditions?: string[]; ready?: string[] }) =>
    saved(() => send('ui:cases.update', { items: [{ id: c.id, revision: c.revision }], patch: p }));

  return (
    <fieldset class="businesses" data-jzs-profile-cases={profileId}>
      <legend>{t('cases.ofProfile')}</legend>
      {cases?.length === 0 && <p class="muted">{t('cases.noneOfProfile')}</p>}
      {cases?.map((c) => {
        const view = views[c.business]?.checklist;
        return (
          <div class="business" key={c.id} data-jzs-progress-business={c.business}>
            <strong>{en ? BUSINESS_NAMES[c.business].en : BUSINESS_NAMES[c.business].zh}</strong>{' '}
            <StatusChoice
              c={c}
              chosen={choosing[c.id]}
              onChoose={(status) => setChoosing((old) => ({ ...old, [c.id]: status === c.status ? undefined : status }))}
              onSet={(status) => void patch(c, { status }).then(() => setChoosing((old) => ({ ...old, [c.id]: undefined })))}
            />{' '}
            <a href={`checklist.html?case=${c.id}`} target="_blank" rel="noopener">
              {t('profiles.printChecklist')}
            </a>
            {view && <Progress c={c} view={view} />}
            {view && (
              <div class="ticks">
                {view.conditions.map((cond) => (
                  <label key={cond.id}>
                    <input type="checkbox" checked={c.conditions.includes(cond.id)} onChange={(e) => void patch(c, { conditions: toggled(c.conditions, cond.id, e.currentTarget.checked) })} />
                    {en ? cond.nameEn : cond.name}
                  </label>
                ))}
                <div class="muted">{t('cases.ready')}</div>
                {view.items.flatMap((m) => [m, ...m.subItems]).map((m) => (
                  <label key={m.id}>
                    <input type="checkbox" data-jzs-ready={m.id} checked={c.ready.includes(m.id)} onChange={(e) => void patch(c, { ready: toggled(c.ready, m.id, e.currentTarget.checked) })} />
                    {en ? m.nameEn : m.name}
                  </label>
                ))}
              </div>
            )}
          </div>
        );
      })}
      {/* Chosen, then added by the button: a closed select changes on each arrow key, so adding on change made a
          keyboard user arrowing through the list create a case per key press. */}
      <div class="row">
        <select data-jzs-add-business="" aria-label={t('profiles.addBusiness')} value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
          <option value="">{t('profiles.addBusiness')}</option>
          {BUSINESS_IDS.map((id) => (
            <option key={id} value={id}>
              {en ? BUSINESS_NAMES[id].en : BUSINESS_NAMES[id].zh}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-jzs-action="add-business"
          disabled={!isBusinessId(adding)}
          onClick={() => isBusinessId(adding) && void saved(() => send('ui:cases.create', { profileId, business: adding })).then(() => setAdding(''))}
        >
          {t('profiles.add')}
        </button>
      </div>
      {error && <p class="error">{error}</p>}
    </fieldset>
  );
}

/**
 * A case's status: chosen in the list, then set by its button. A closed select changes on each arrow key, so
 * saving on change made a keyboard user arrowing from 准备材料 to 已办结 save every status on the way (and what
 * each one implies, such as a submission date).
 */
function StatusChoice({ c, chosen, onChoose, onSet }: { c: Case; chosen: CaseStatus | undefined; onChoose: (s: CaseStatus) => void; onSet: (s: CaseStatus) => void }) {
  return (
    <>
      <select data-jzs-case-status-choice={c.id} aria-label={t('cases.statusLabel')} value={chosen ?? c.status} onChange={(e) => {
        const status = e.currentTarget.value;
        if (isCaseStatus(status)) onChoose(status);
      }}>
        {CASE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`cases.status.${s}`)}
          </option>
        ))}
      </select>
      {chosen && (
        <button type="button" data-jzs-action="set-case-status" onClick={() => onSet(chosen)}>
          {t('cases.setStatus')}
        </button>
      )}
    </>
  );
}

/** Materials n/m under the case's situations; 材料齐全 with items still missing says how many (the ticks win). */
function Progress({ c, view }: { c: Case; view: ChecklistView }) {
  const { needed, done } = progress(view, new Set(c.conditions), new Set(c.ready));
  return (
    <span class="muted" data-jzs-case-materials={`${done}/${needed}`}>
      {' '}
      {done}/{needed}
      {c.status === 'ready' && done < needed && (
        <span class="warning" data-jzs-case-incomplete={needed - done}>
          {' '}
          {t('cases.readyButMissing', { n: needed - done })}
        </span>
      )}
    </span>
  );
}
