import { useEffect, useState } from 'preact/hooks';
import type { PortalOutcome } from '../../cases/offer';
import type { PortalCase } from '../../cases/portal-status';
import { casesOfDocuments } from '../../cases/tab-documents';
import type { CaseStatus } from '../../domain/case-status';
import { BUSINESS_NAMES, type BusinessId } from '../../domain/ids';
import { getLang, t } from '../../i18n';
import { describe } from '../../i18n/problem';
import { send } from '../../messaging/client';
import { SeenButton } from './SeenButton';
import { tx, Zh } from './Zh';

const business = (b: BusinessId) => (getLang() === 'en' ? BUSINESS_NAMES[b].en : BUSINESS_NAMES[b].zh);
const status = (s: CaseStatus) => t(`cases.status.${s}`);

/**
 * The 办件 a portal page shows, set against the current applicant's cases: for each one whose status moved
 * on, an offer to update the case — written only when the clerk clicks (never silently), with the 补正意见.
 * One implementation for both surfaces: the popup (over the portal tab) and the on-page panel's frame.
 */
export function CaseOffers({ cases }: { cases: PortalCase[] }) {
  const [answer, setAnswer] = useState<{ profile: { id: string; name: string } | null; outcomes: PortalOutcome[] } | undefined>();
  const [done, setDone] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void send('ui:cases.portalOffer', { cases }).then(setAnswer, (e: unknown) => setError(describe(e)));
  }, [JSON.stringify(cases)]);
  if (!answer) return error ? <p class="error">{error}</p> : null;

  const apply = async (i: number, row: PortalCase, o: Extract<PortalOutcome, { kind: 'offer' }>) => {
    try {
      const saved = await send('ui:cases.applyPortal', { caseId: o.caseId, revision: o.revision, row });
      setDone({ ...done, [i]: t('cases.portal.updated', { business: business(saved.business), to: status(saved.status) }) });
    } catch (e) {
      setError(describe(e));
    }
  };
  const skipped = answer.outcomes.filter((o) => o.kind === 'skip').length;
  return (
    <section class="case-offers" data-jzs-case-offers={answer.outcomes.length}>
      <h2>{t('cases.portal.title')}</h2>
      {answer.profile ? <p class="muted">{tx('cases.portal.forProfile', { name: <Zh>{answer.profile.name}</Zh> })}</p> : <p class="warning">{t('cases.portal.noActive')}</p>}
      <ul>
        {answer.outcomes.map((o, i) => {
          const row = cases[i];
          if (!row) return null;
          if (done[i]) return <li key={i} class="ok" data-jzs-case-updated={o.kind === 'offer' ? o.caseId : ''}>{done[i]}</li>;
          if (o.kind === 'offer')
            return (
              <li key={i} data-jzs-case-offer={o.caseId} data-from={o.from} data-to={o.to}>
                {tx('cases.portal.offer', { business: business(o.business), status: <Zh>{row.statusText}</Zh>, from: status(o.from) })}{' '}
                <SeenButton class="primary" action="update-case" onClick={() => void apply(i, row, o)} onUntrusted={() => undefined} onHidden={() => setError(t('cases.portal.obscured'))}>
                  {t('cases.portal.update', { to: status(o.to) })}
                </SeenButton>
                {o.correction && <blockquote>{tx('cases.portal.correction', { text: <Zh>{o.correction}</Zh> })}</blockquote>}
              </li>
            );
          if (o.kind === 'current') return <li key={i} class="muted">{t('cases.portal.current', { business: business(o.business), status: status(o.status) })}</li>;
          if (o.kind === 'no-case') return <li key={i} class="muted">{t('cases.portal.noCase', { business: business(o.business) })}</li>;
          if (o.kind === 'ambiguous') return <li key={i} class="warning">{t('cases.portal.ambiguous', { business: business(o.business) })}</li>;
          return null;
        })}
      </ul>
      {skipped > 0 && <p class="muted">{t('cases.portal.skipped', { n: skipped })}</p>}
      {error && <p class="error">{error}</p>}
    </section>
  );
}

/** The portal tab's 办件 (read when the popup opens over it), or nothing when the page shows none. */
export function TabCaseOffers() {
  const [cases, setCases] = useState<PortalCase[]>([]);
  useEffect(() => {
    void send('ui:cases.tabPages', {}).then(
      ({ labels, groups, pages }) => setCases([...casesOfDocuments(pages, labels, groups).values()].flat()),
      () => setCases([]), // no portal tab: nothing to offer
    );
  }, []);
  return cases.length ? <CaseOffers cases={cases} /> : null;
}
