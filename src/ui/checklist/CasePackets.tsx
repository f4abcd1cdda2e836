import { useEffect, useState } from 'preact/hooks';
import type { Case } from '../../cases/schema';
import { BUSINESS_NAMES } from '../../domain/ids';
import { getLang, joinList, t } from '../../i18n';
import { describe } from '../../i18n/problem';
import { send } from '../../messaging/client';
import { type ChecklistPage, MessageError } from '../../messaging/protocol';
import type { Profile } from '../../profiles/schema';
import { shanghaiDateOf, todayInShanghai } from '../../domain/calendar';
import { ChecklistList } from '../components/ChecklistList';
import { RuleChecks } from '../components/RuleChecks';
import { Offices } from './Offices';
import { progress } from '../../rules/status';
import { maskId } from '../components/ProfileList';
import { Zh, ZhRuns } from '../components/Zh';
import type { Deadline } from '../../cases/deadlines';
import { afterText, kindText, leftText } from '../components/deadline-text';

/** How far ahead a packet's cover looks for the applicant's deadlines (the workbench's 期限提醒 default). */
const PACKET_HORIZON_DAYS = 90;

type DeadlineAnswer = { today: string; rows: Deadline[]; maxAge: number };

interface Packet {
  c: Case;
  /** Undefined when the applicant's profile was deleted (its cases stay, so an undo can bring it back). */
  p: Profile | undefined;
  page: ChecklistPage;
}

/** The applicant of a case, or undefined when the profile is gone: one such case must not blank the batch. */
const profileOf = (id: string) =>
  send('ui:profiles.get', { id }).catch((e: unknown) => {
    if (e instanceof MessageError && e.code === 'errors.profiles.notFound') return undefined;
    throw e;
  });

/**
 * checklist.html?case=<id> (or ?cases=a,b,c for a batch): one A4 packet per case — a cover sheet (applicant,
 * business, employer, dates, status) then the business's checklist with the case's ticks and the steps.
 */
export function CasePackets({ ids, now }: { ids: string[]; now: Date }) {
  const [packets, setPackets] = useState<Packet[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [deadlines, setDeadlines] = useState<DeadlineAnswer | undefined>();
  const en = getLang() === 'en';
  useEffect(() => {
    // Asked beside the packets: a packet still prints when the deadlines cannot be read, and says why.
    send('ui:deadlines', { horizonDays: PACKET_HORIZON_DAYS }).then(setDeadlines, (e: unknown) => setError(describe(e)));
    void (async () => {
      const cases = await send('ui:cases.get', { ids });
      const out: Packet[] = [];
      for (const c of cases) out.push({ c, p: await profileOf(c.profileId), page: await send('ui:checklist', { business: c.business }) });
      setPackets(out);
      document.title = `${t('packet.cover')} · ${joinList(out.map((x) => x.p?.data.name ?? ''))}`;
    })().catch((e: unknown) => setError(describe(e)));
  }, [ids.join()]);
  return (
    <main>
      <div class="toolbar no-print">
        <span>{packets && t('packet.count', { n: packets.length })}</span>
        <button type="button" class="primary" data-jzs-action="print" onClick={() => window.print()}>
          {t('packet.print')}
        </button>
      </div>
      {error && <p class="error">{error}</p>}
      {packets?.map(({ c, p, page }) => (
        <article class="sheet packet" key={c.id} data-jzs-packet={c.id} data-business={c.business} data-status={c.status}>
          <h1>
            {t('packet.cover')} · {en ? BUSINESS_NAMES[c.business].en : BUSINESS_NAMES[c.business].zh}
          </h1>
          <table class="info cover">
            <tbody>
              <tr>
                <th>{t('packet.applicant')}</th>
                <td data-jzs-applicant-name="">{p ? <Zh>{p.data.name ?? ''}</Zh> : <span class="warning" data-jzs-profile-gone="">{t('packet.profileGone')}</span>}</td>
                <th>{t('packet.idNumber')}</th>
                <td>{maskId(p?.data.idNumber ?? '')}</td>
              </tr>
              <tr>
                <th>{t('packet.employer')}</th>
                <td colSpan={3}>
                  <Zh>{p?.data.employerName ?? ''}</Zh>
                </td>
              </tr>
              <tr>
                <th>{t('packet.business')}</th>
                <td>{en ? BUSINESS_NAMES[c.business].en : BUSINESS_NAMES[c.business].zh}</td>
                <th>{t('packet.status')}</th>
                <td data-jzs-packet-status={c.status}>
                  {t(`cases.status.${c.status}`)}
                  <ReadyButMissing c={c} page={page} />
                </td>
              </tr>
              <tr>
                <th>{t('packet.submittedOn')}</th>
                <td>{c.submittedOn ?? '—'}</td>
                <th>{t('packet.updatedAt')}</th>
                <td>{shanghaiDateOf(c.updatedAt)}</td>
              </tr>
              <tr>
                <th>{t('packet.printedOn')}</th>
                <td colSpan={3}>{todayInShanghai(now)}</td>
              </tr>
              {deadlines && <CoverDeadlines c={c} answer={deadlines} />}
              {c.correction && (
                <tr>
                  <th>{t('packet.correction')}</th>
                  <td colSpan={3}>
                    <Zh>{c.correction.text}</Zh>
                  </td>
                </tr>
              )}
              {c.notes && (
                <tr>
                  <th>{t('packet.notes')}</th>
                  <td colSpan={3}>
                    <Zh>{c.notes}</Zh>
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <h2>{t('packet.checklist')}</h2>
          <ChecklistList view={page.checklist} active={new Set(c.conditions)} done={new Set(c.ready)} notes="open" />
          {/* The rules the applicant's documents must meet (a contract a full year past submission …), as on the checklist. */}
          <RuleChecks view={page.checklist} conditions={new Set(c.conditions)} />
          <h2>{t('packet.steps')}</h2>
          <ol class="steps">
            {page.checklist.steps.map((s) => (
              <li key={s.id}>{en ? <ZhRuns text={s.textEn} /> : s.text}</li>
            ))}
          </ol>
          {/* Where to go and whom to call: the applicant takes the packet to the window. */}
          <Offices offices={page.offices} />
        </article>
      ))}
    </main>
  );
}

/**
 * The applicant's dates that decide whether this case can still be filed (a 延续 after its last filing day, a
 * registration that expired, the age limit, a contract too short, a 补正 deadline): the workbench's 期限提醒 rows of
 * this applicant and case, passed ones first, so a packet is not handed over for a business the window already
 * refuses. The renewal window only on a 延续's packet.
 */
function CoverDeadlines({ c, answer }: { c: Case; answer: DeadlineAnswer }) {
  const rows = answer.rows.filter((d) => d.profileId === c.profileId && (d.caseId === undefined || d.caseId === c.id) && (d.kind !== 'renewal-window' || c.business === 'renewal'));
  const ctx = { maxAge: answer.maxAge, plan: answer.today };
  return (
    <tr>
      <th>{t('packet.deadlines')}</th>
      <td colSpan={3} data-jzs-packet-deadlines={rows.length}>
        {rows.length === 0 && <span class="muted">{t('packet.noDeadlines', { n: PACKET_HORIZON_DAYS })}</span>}
        {rows.map((d) => {
          const after = afterText(d, ctx);
          return (
            <div key={`${d.kind}:${d.caseId ?? ''}`} data-jzs-deadline="" data-kind={d.kind} data-date={d.date} class={d.daysLeft < 0 && !d.since ? 'warning' : undefined}>
              {d.date} · {kindText(d, answer.maxAge)} · {leftText(d)}
              {after && ` — ${after}`}
            </div>
          );
        })}
      </td>
    </tr>
  );
}

/** A case marked 材料齐全 whose checklist still has missing items says so on its cover sheet (the ticks win). */
function ReadyButMissing({ c, page }: { c: Case; page: ChecklistPage }) {
  if (c.status !== 'ready') return null;
  const { needed, done } = progress(page.checklist, new Set(c.conditions), new Set(c.ready));
  return done < needed ? (
    <div class="warning" data-jzs-case-incomplete={needed - done}>
      {t('cases.readyButMissing', { n: needed - done })}
    </div>
  ) : null;
}
