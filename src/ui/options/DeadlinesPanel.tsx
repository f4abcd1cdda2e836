import { format } from 'date-fns';
import { useEffect, useState } from 'preact/hooks';
import type { Deadline } from '../../cases/deadlines';
import { BUSINESS_NAMES } from '../../domain/ids';
import { getLang, t } from '../../i18n';
import { describe } from '../../i18n/problem';
import { send } from '../../messaging/client';
import { csvCell } from '../../profiles/io/export';
import { writeXlsx } from '../../profiles/io/xlsx';
import { download } from '../common/download';
import { useShanghaiDay } from '../common/shanghai-day';
import { useStepwise } from '../common/stepwise';
import { EmployerSelect } from './EmployerSelect';
import { afterText, type DeadlineContext, kindText, leftText } from '../components/deadline-text';

const HORIZONS = [30, 90, 180, 365];
const HEADERS = ['日期', '剩余天数', '事项', '申请人', '聘用单位', '业务'];

/** A deadline's row in an export: Chinese texts (like the headers), whatever the UI language. */
const cells = (d: Deadline, ctx: DeadlineContext) => [
  d.date,
  // A day a 待补正 began is not a number of days left.
  d.since ? '' : String(d.daysLeft),
  [kindText(d, ctx.maxAge, 'zh'), afterText(d, ctx, 'zh')].filter(Boolean).join(' '),
  d.name,
  d.employer,
  d.business ? BUSINESS_NAMES[d.business].zh : '',
];

/**
 * 期限提醒: registration expiry and the renewal window, contracts too short for the planned submission day,
 * 65th birthdays, 待补正 cases — most urgent first, in Jinan's calendar (computed in the background).
 */
const PAGE = 100;

export function DeadlinesPanel({ version }: { version: number }) {
  const [planDate, setPlanDate] = useState<string | undefined>();
  const [horizon, setHorizon] = useState(90);
  const [employer, setEmployer] = useState<string | undefined>();
  const [data, setData] = useState<{ today: string; rows: Deadline[]; employers: string[]; renewalDays: number; maxAge: number } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [reminder, setReminder] = useState<boolean | undefined>();
  // Shown a page at a time (10,000 cases can hold thousands of 待补正 rows: one big table slows every
  // re-render of the workbench); most urgent first, so the first page is what matters.
  const [shown, setShown] = useState(PAGE);
  const en = getLang() === 'en';
  // Asked again when the day turns in Jinan while the workbench stays open (days left, 65th birthdays).
  const day = useShanghaiDay();
  // Drawn 25 rows per task: after a big import the list can hold hundreds of rows (bench T9).
  const drawn = useStepwise(Math.min(data?.rows.length ?? 0, shown), 25);

  useEffect(() => {
    send('ui:deadlines', { planDate, horizonDays: horizon, employer }).then(
      (d) => (setData(d), setError(undefined)),
      (e: unknown) => setError(describe(e)),
    );
  }, [planDate, horizon, employer, version, day]);
  useEffect(() => void send('ui:deadlines.reminder', {}).then((r) => setReminder(r.on)), []);

  const ctx: DeadlineContext = { maxAge: data?.maxAge ?? 0, plan: planDate ?? data?.today ?? '' };
  const exportAs = (kind: 'csv' | 'xlsx') => {
    if (!data) return;
    const stamp = format(new Date(), 'yyyyMMdd-HHmm');
    if (kind === 'csv') download(`${t('export.fileName.deadlines', { stamp })}.csv`, `\uFEFF${[HEADERS, ...data.rows.map((d) => cells(d, ctx))].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
    else download(`${t('export.fileName.deadlines', { stamp })}.xlsx`, writeXlsx(HEADERS, data.rows.map((d) => cells(d, ctx)), '期限'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  return (
    <section class="panel" id="deadlines" data-jzs-deadlines-panel="">
      <h2>
        {t('deadlines.title')} <span class="muted">{data && t('deadlines.count', { n: data.rows.length })}</span>
      </h2>
      <div class="row">
        <label>
          {t('deadlines.planDate')} <input type="date" data-jzs-plan-date="" value={planDate ?? data?.today ?? ''} onInput={(e) => setPlanDate(e.currentTarget.value || undefined)} />
        </label>
        <label>
          {t('deadlines.horizon')}{' '}
          <select data-jzs-deadline-horizon="" value={horizon} onChange={(e) => setHorizon(Number(e.currentTarget.value))}>
            {HORIZONS.map((h) => (
              <option key={h} value={h}>
                {t('deadlines.days', { n: h })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('deadlines.employer')}{' '}
          <EmployerSelect hook={{ 'data-jzs-deadline-employer': '' }} employers={data?.employers} value={employer} onChange={setEmployer} allLabel={t('deadlines.all')} />
        </label>
        <button type="button" data-jzs-action="export-deadlines-csv" disabled={!data?.rows.length} onClick={() => exportAs('csv')}>
          {t('deadlines.exportCsv')}
        </button>
        <button type="button" data-jzs-action="export-deadlines-xlsx" disabled={!data?.rows.length} onClick={() => exportAs('xlsx')}>
          {t('deadlines.exportXlsx')}
        </button>
      </div>
      <label class="row">
        <input
          type="checkbox"
          data-jzs-deadline-reminder=""
          checked={reminder ?? false}
          disabled={reminder === undefined}
          onChange={(e) => void send('ui:deadlines.reminder', { on: e.currentTarget.checked }).then((r) => setReminder(r.on))}
        />{' '}
        {t('deadlines.reminder')}
      </label>
      {error && <p class="error">{error}</p>}
      {data && data.rows.length === 0 && <p class="muted">{t('deadlines.none')}</p>}
      {data && data.rows.length > 0 && (
        <table class="cases deadlines">
          <thead>
            <tr>
              {(['date', 'left', 'kind', 'name', 'employer', 'business'] as const).map((c) => (
                <th key={c}>{t(`deadlines.col.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.slice(0, drawn).map((d) => (
              <tr key={`${d.kind}:${d.profileId}:${d.caseId ?? ''}`} data-jzs-deadline="" data-kind={d.kind} data-date={d.date} data-profile={d.profileId} class={d.since ? 'soon' : d.daysLeft < 0 ? 'passed' : d.daysLeft <= 30 ? 'soon' : undefined}>
                <td>{d.date}</td>
                <td>{leftText(d)}</td>
                <td>
                  {kindText(d, data.maxAge)}
                  {afterText(d, ctx) && <div class="muted small" data-jzs-deadline-after="">{afterText(d, ctx)}</div>}
                </td>
                <td lang="zh-CN">{d.name}</td>
                <td lang="zh-CN">{d.employer}</td>
                <td>{d.business ? (en ? BUSINESS_NAMES[d.business].en : BUSINESS_NAMES[d.business].zh) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.rows.length > shown && (
        <button type="button" data-jzs-action="deadlines-more" onClick={() => setShown(shown + PAGE)}>
          {t('deadlines.more', { n: Math.min(PAGE, data.rows.length - shown), left: data.rows.length - shown })}
        </button>
      )}
      {data && <p class="muted">{t('deadlines.note', { days: data.renewalDays })}</p>}
    </section>
  );
}
