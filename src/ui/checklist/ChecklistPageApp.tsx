import { useEffect, useState } from 'preact/hooks';
import { BUSINESS_IDS, BUSINESS_NAMES, type BusinessId, isBusinessId, isOpaqueId } from '../../domain/ids';
import { getLang, t } from '../../i18n';
import { send } from '../../messaging/client';
import type { ChecklistPage } from '../../messaging/protocol';
import { ChecklistList } from '../components/ChecklistList';
import { RuleChecks } from '../components/RuleChecks';
import { Offices } from './Offices';
import { todayInShanghai } from '../../domain/calendar';
import { toggleCondition } from '../../rules/status';
import { describe } from '../../i18n/problem';
import { tx, Zh, ZhRuns } from '../components/Zh';
import { NotFound } from '../../profiles/errors';
import { currentCaseOf } from '../../domain/case-status';
import { impliedConditions } from '../../cases/implied-conditions';

export interface ChecklistPageProps {
  business: string | null;
  conditions: string[];
  name: string;
  /** `&profile=<id>`: print that applicant's name, situations and readiness ticks (contract.md). */
  profile: string | null;
  now: Date;
}

/** The printable checklist (checklist.html?business=<id>[&conditions=a,b][&name=…]): A4, everything open. */
export function ChecklistPageApp(props: ChecklistPageProps) {
  const [business, setBusiness] = useState<BusinessId | undefined>(isBusinessId(props.business) ? props.business : undefined);
  const [page, setPage] = useState<ChecklistPage | undefined>(undefined);
  const [conditions, setConditions] = useState<ReadonlySet<string>>(new Set(props.conditions));
  const [name, setName] = useState(props.name);
  const [error, setError] = useState<string | undefined>(undefined);
  const [ready, setReady] = useState<ReadonlySet<string>>(new Set());
  const en = getLang() === 'en';

  useEffect(() => {
    if (!business) return;
    send('ui:checklist', { business }).then(setPage, (e: unknown) => setError(describe(e)));
  }, [business]);

  useEffect(() => {
    if (!props.profile || !business) return;
    // A link cut short or typed by hand: say the profile is not there (the checklist still shows), not that
    // "an item of the request is invalid".
    if (!isOpaqueId(props.profile)) {
      setError(describe(new NotFound(props.profile)));
      return;
    }
    // The applicant's readiness ticks live on their current case of this business (open, newest): a finished
    // or archived case's ticks are an earlier round's and would print stale materials as 已备齐.
    // Without such a case, the situations the profile states (退休, another employer at the exam) apply.
    Promise.all([send('ui:profiles.get', { id: props.profile }), send('ui:cases.ofProfile', { profileId: props.profile }), send('ui:checklist', { business })]).then(
      ([p, cases, sheet]) => {
        setName(p.data.name ?? '');
        const progress = currentCaseOf(cases, business);
        setReady(new Set(progress?.ready ?? []));
        if (props.conditions.length === 0) setConditions(new Set(progress ? progress.conditions : impliedConditions(sheet.checklist, p.data, todayInShanghai(props.now))));
      },
      (e: unknown) => setError(describe(e)),
    );
  }, [props.profile, business]);

  // Keep the address shareable: what is on screen is what the URL says.
  useEffect(() => {
    if (!business) return;
    const params = new URLSearchParams({ business });
    if (conditions.size) params.set('conditions', [...conditions].join(','));
    if (props.profile) params.set('profile', props.profile);
    else if (name) params.set('name', name);
    history.replaceState(null, '', `?${params}`);
    document.title = `${t('checklistPage.title')} · ${en ? BUSINESS_NAMES[business].en : BUSINESS_NAMES[business].zh}`;
  }, [business, conditions, name, en]);

  const view = page?.checklist;
  return (
    <main>
      <div class="toolbar no-print">
        <label>
          {t('checklistPage.chooseBusiness')}{' '}
          <select
            data-jzs-business-select=""
            value={business ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isBusinessId(v)) {
                setBusiness(v);
                setConditions(new Set());
              }
            }}
          >
            {!business && <option value="">—</option>}
            {BUSINESS_IDS.map((id) => (
              <option key={id} value={id}>
                {en ? BUSINESS_NAMES[id].en : BUSINESS_NAMES[id].zh}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('checklistPage.applicantName')}{' '}
          <input data-jzs-name-input="" value={name} maxLength={40} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="button" class="primary" data-jzs-action="print" onClick={() => window.print()}>
          {t('checklistPage.print')}
        </button>
      </div>
      {!business && (props.business ? <p class="error">{t('checklistPage.unknownBusiness', { business: props.business })}</p> : <p class="muted" data-jzs-choose-business="">{t('checklistPage.chooseBusinessFirst')}</p>)}
      {error && <p class="error">{error}</p>}
      {view && page && view.business.id === business && (
        <article class="sheet">
          <h1>{t('checklistPage.heading', { business: { zh: view.business.name, en: view.business.nameEn } })}</h1>
          <table class="info">
            <tbody>
              <tr>
                <th>{t('checklistPage.applicant')}</th>
                <td data-jzs-applicant-name="">{name}</td>
                <th>{t('checklistPage.printedOn')}</th>
                <td>{todayInShanghai(props.now)}</td>
              </tr>
            </tbody>
          </table>
          {en && view.business.summaryEn ? (
            // The translation, then the seed's list as written (what an official would recognise).
            <p class="summary" data-jzs-summary-en="">
              {view.business.summaryEn} (<Zh>{view.business.summary}</Zh>)
            </p>
          ) : (
            <p class="summary" lang="zh-CN">
              {view.business.summary}
            </p>
          )}
          <ChecklistList
            view={view}
            active={conditions}
            done={ready}
            notes="open"
            onToggleCondition={(id, on) => setConditions(toggleCondition(view.conditions, conditions, id, on))}
          />
          <RuleChecks view={view} conditions={conditions} />
          <h2>{t('checklistPage.steps')}</h2>
          <ol class="steps">
            {view.steps.map((s) => (
              <li key={s.id} data-jzs-step={s.id}>
                {en ? <ZhRuns text={s.textEn} /> : s.text}
              </li>
            ))}
          </ol>
          <Offices offices={page.offices} />
          <footer class="sources">
            {/* One mention of the pack: its version, since when and when it was last compared with its sources. */}
            {t('checklistPage.pack', { version: page.pack.version, effectiveFrom: page.pack.effectiveFrom, date: view.lastVerified })} ·{' '}
            {tx('checklist.labelled', { label: t('checklistPage.source'), text: <Zh>{page.pack.sources.map((s) => s.title).join('；')}</Zh> })}
          </footer>
        </article>
      )}
    </main>
  );
}
