import { format } from 'date-fns';
import { Component } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { currentCorrectionDeadline } from '../../cases/deadlines';
import { casesCsv, casesXlsx } from '../../cases/export';
import type { CaseFilter, CasePage, CaseRow, CaseSortKey } from '../../cases/table';
import { CASE_STATUSES, type CaseStatus, isCaseStatus } from '../../domain/case-status';
import { BUSINESS_IDS, BUSINESS_NAMES, type BusinessId, isBusinessId } from '../../domain/ids';
import { withItem } from '../../domain/sets';
import { shanghaiDateOf } from '../../domain/calendar';
import { getLang, t } from '../../i18n';
import { send } from '../../messaging/client';
import { describe } from '../../i18n/problem';
import type { ProfileSummary } from '../../profiles/schema';
import { download } from '../common/download';
import { tx, Zh } from '../components/Zh';
import { maskId } from '../components/ProfileList';
import { CaseCleanup } from './CaseCleanup';
import { EmployerSelect } from './EmployerSelect';

const PAGE = 50;
const COLUMNS: CaseSortKey[] = ['name', 'employer', 'business', 'status', 'materials', 'submittedOn', 'updatedAt'];
/** Widths of the selection box, the COLUMNS and the notes (the notes take the rest). */
const CASE_COLUMN_WIDTHS = ['2.2em', '9%', '17%', '10%', '8%', '6%', '9.5%', '9.5%', undefined];

export const businessName = (b: BusinessId) => (getLang() === 'en' ? BUSINESS_NAMES[b].en : BUSINESS_NAMES[b].zh);
const statusName = (s: CaseStatus) => t(`cases.status.${s}`);

/** The packet page for some cases (one packet per case, checklist.html, contract.md). */
export function packetUrl(ids: readonly string[]): string {
  return ids.length === 1 ? `checklist.html?case=${ids[0]}` : `checklist.html?cases=${ids.join(',')}`;
}

/**
 * 办件: every case across applicants, paged by the background (filter and sort over all cases there, one page
 * of rows here), with a selection that can span pages and batch actions on it.
 */
export function CasesPanel({ version, onChanged }: { version: number; onChanged: () => void }) {
  const [filter, setFilter] = useState<CaseFilter>({});
  const [sort, setSort] = useState<{ key: CaseSortKey; dir: 'asc' | 'desc' }>({ key: 'updatedAt', dir: 'desc' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<CasePage | undefined>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [batchStatus, setBatchStatus] = useState<CaseStatus>('submitted');
  const [batchBusiness, setBatchBusiness] = useState<BusinessId>('renewal');
  const [editing, setEditing] = useState<string | undefined>();
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const refresh = () => setTick((n) => n + 1);
  const changedRef = useRef(onChanged);
  changedRef.current = onChanged;
  // One set of row actions for the panel's life: rows whose case, tick and editor did not change skip rendering.
  const rowActions = useMemo<RowActions>(
    () => ({
      toggle: (id, on) => setSelected((s) => withItem(s, id, on)),
      edit: (id) => setEditing((e) => (e === id ? undefined : id)),
      saved: () => {
        setEditing(undefined);
        setTick((n) => n + 1);
        changedRef.current();
      },
    }),
    [],
  );

  // A layout effect: the query goes out in the same task as the click that changed it, not a frame later.
  useLayoutEffect(() => {
    const mine = ++seq.current;
    // Marks along a query's path (`tests/bench/cases-trace.ts` reads them): sent, answered, then rendered.
    performance.mark('jzs-cases-query');
    send('ui:cases.query', { ...filter, sort: sort.key, dir: sort.dir, offset, limit: PAGE }).then(
      (p) => {
        performance.mark('jzs-cases-answer');
        if (mine === seq.current) setPage(p);
      },
      (err: unknown) => mine === seq.current && setMessage({ kind: 'error', text: describe(err) }),
    );
  }, [filter, sort, offset, tick, version]);

  // A mark per rendered page of rows (after paint): `npm run bench` T10 times first render and filters by it.
  useEffect(() => {
    if (page) performance.mark('jzs-cases-rendered');
  }, [page]);

  const setF = (patch: Partial<CaseFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setOffset(0);
  };
  const sortBy = (key: CaseSortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));

  /** The selected cases with the revisions the clerk saw (fetched fresh: the selection may span pages). */
  const selectedCases = () => send('ui:cases.get', { ids: [...selected] });

  const patchSelected = async (patch: { status?: CaseStatus; business?: BusinessId }) => {
    try {
      const current = await selectedCases();
      const { updated } = await send('ui:cases.update', { items: current.map((c) => ({ id: c.id, revision: c.revision })), patch });
      setMessage({ kind: 'ok', text: t('cases.updated', { n: updated }) });
      refresh();
      onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: describe(err) });
    }
  };

  const exportSelected = async (kind: 'csv' | 'xlsx') => {
    // The rows as the table shows them (names, employers, n/m), for the selected ids, across pages.
    const rows = await allSelectedRows(selected, sort);
    const stamp = format(new Date(), 'yyyyMMdd-HHmm');
    if (kind === 'csv') download(`${t('export.fileName.cases', { stamp })}.csv`, casesCsv(rows), 'text/csv;charset=utf-8');
    else download(`${t('export.fileName.cases', { stamp })}.xlsx`, casesXlsx(rows), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  const pages = Math.max(1, Math.ceil((page?.total ?? 0) / PAGE));
  return (
    <section class="panel" id="cases" data-jzs-cases-panel="">
      <h2>
        {t('cases.title')} <span class="muted" data-jzs-case-count={page?.total ?? ''}>{page && t('cases.count', { n: page.total })}</span>
      </h2>
      <div class="row filters">
        <label>
          {t('cases.filterStatus')}{' '}
          <select data-jzs-case-filter="status" value={filter.statuses?.[0] ?? ''} onChange={(e) => setF({ statuses: isCaseStatus(e.currentTarget.value) ? [e.currentTarget.value] : undefined })}>
            <option value="">{t('cases.all')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusName(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.filterBusiness')}{' '}
          <select data-jzs-case-filter="business" value={filter.businesses?.[0] ?? ''} onChange={(e) => setF({ businesses: isBusinessId(e.currentTarget.value) ? [e.currentTarget.value] : undefined })}>
            <option value="">{t('cases.all')}</option>
            {BUSINESS_IDS.map((b) => (
              <option key={b} value={b}>
                {businessName(b)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.filterEmployer')}{' '}
          <EmployerSelect hook={{ 'data-jzs-case-filter': 'employer' }} employers={page?.employers} value={filter.employer} onChange={(employer) => setF({ employer })} allLabel={t('cases.all')} />
        </label>
        <input type="search" data-jzs-case-filter="name" placeholder={t('cases.filterName')} value={filter.text ?? ''} onInput={(e) => setF({ text: e.currentTarget.value || undefined })} />
        <label>
          <input type="checkbox" checked={filter.includeArchived ?? false} onChange={(e) => setF({ includeArchived: e.currentTarget.checked || undefined })} /> {t('cases.includeArchived')}
        </label>
      </div>
      {/* The whole page hears of a new case: 期限提醒 and an open profile editor read cases too. */}
      <NewCase onCreated={() => (onChanged(), setMessage({ kind: 'ok', text: t('cases.created') }))} onError={(err) => setMessage({ kind: 'error', text: describe(err) })} />
      <div class="row batch" data-jzs-case-batch={selected.size}>
        <span>{t('cases.selected', { n: selected.size })}</span>
        <button type="button" data-jzs-action="select-case-page" onClick={() => setSelected(new Set([...selected, ...(page?.rows ?? []).map((r) => r.id)]))}>
          {t('cases.selectPage')}
        </button>
        <button type="button" data-jzs-action="select-case-all" onClick={() => void send('ui:cases.ids', filter).then((ids) => setSelected(new Set(ids)))}>
          {t('cases.selectAll', { n: page?.total ?? 0 })}
        </button>
        <button type="button" disabled={!selected.size} onClick={() => setSelected(new Set())}>
          {t('cases.clear')}
        </button>
        <span class="sep" />
        <select data-jzs-batch-status="" aria-label={t('cases.col.status')} value={batchStatus} onChange={(e) => isCaseStatus(e.currentTarget.value) && setBatchStatus(e.currentTarget.value)}>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusName(s)}
            </option>
          ))}
        </select>
        <button type="button" data-jzs-action="batch-status" disabled={!selected.size} onClick={() => void patchSelected({ status: batchStatus })}>
          {t('cases.setStatus')}
        </button>
        <select data-jzs-batch-business="" aria-label={t('cases.col.business')} value={batchBusiness} onChange={(e) => isBusinessId(e.currentTarget.value) && setBatchBusiness(e.currentTarget.value)}>
          {BUSINESS_IDS.map((b) => (
            <option key={b} value={b}>
              {businessName(b)}
            </option>
          ))}
        </select>
        <button type="button" data-jzs-action="batch-business" disabled={!selected.size} onClick={() => void patchSelected({ business: batchBusiness })}>
          {t('cases.setBusiness')}
        </button>
        <button type="button" data-jzs-action="export-cases-csv" disabled={!selected.size} onClick={() => void exportSelected('csv')}>
          {t('cases.exportCsv')}
        </button>
        <button type="button" data-jzs-action="export-cases-xlsx" disabled={!selected.size} onClick={() => void exportSelected('xlsx')}>
          {t('cases.exportXlsx')}
        </button>
        <button type="button" data-jzs-action="print-packets" disabled={!selected.size} onClick={() => window.open(packetUrl([...selected]), '_blank', 'noopener')}>
          {t('cases.print')}
        </button>
      </div>
      {message && (
        <p class={message.kind} role="status" data-jzs-case-message={message.kind}>
          {message.text}
        </p>
      )}
      {/* Fixed layout: the columns' widths come from here, not from measuring every cell's text — a new page of
          50 rows cost ~8 ms more layout than one of 14 (bench T10, traced). */}
      <table class="cases case-rows">
        <colgroup>
          {CASE_COLUMN_WIDTHS.map((w, i) => (
            <col key={i} style={w ? { width: w } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>
              <span class="sr">{t('cases.col.select')}</span>
            </th>
            {COLUMNS.map((c) => (
              <th key={c} aria-sort={sort.key === c ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" class="link" data-jzs-case-sort={c} title={t('cases.sortBy', { col: t(`cases.col.${c}`) })} onClick={() => sortBy(c)}>
                  {t(`cases.col.${c}`)}
                  {sort.key === c ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
            <th>{t('cases.col.notes')}</th>
          </tr>
        </thead>
        {/* One listener for all rows (the tick and the name's button carry their case id): a row has no handlers
            of its own to attach or swap when a filter rewrites it. */}
        <tbody onChange={(e) => rowEvent(e, rowActions)} onClick={(e) => rowEvent(e, rowActions)}>
          {/* Keyed by place, not by case: a new page or filter rewrites the texts of the rows already drawn
              instead of dropping and building 50 rows (the rows hold no state of their own; the editor is keyed by case). */}
          {page?.rows.map((r, place) => (
            <CaseRowView key={place} row={r} selected={selected.has(r.id)} editing={editing === r.id} saved={rowActions.saved} />
          ))}
        </tbody>
      </table>
      {page && page.total === 0 && <p class="muted">{t('cases.none')}</p>}
      {pages > 1 && (
        <div class="row pager">
          <button type="button" data-jzs-action="cases-prev" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('cases.prev')}
          </button>
          <span>{t('cases.pageOf', { page: offset / PAGE + 1, pages })}</span>
          <button type="button" data-jzs-action="cases-next" disabled={offset + PAGE >= (page?.total ?? 0)} onClick={() => setOffset(offset + PAGE)}>
            {t('cases.next')}
          </button>
        </div>
      )}
      <CaseCleanup onDone={() => (refresh(), onChanged())} />
    </section>
  );
}

/** Rows of selected cases on other pages: walk the filtered list in pages of 200 (the most one query returns). */
async function allSelectedRows(selected: ReadonlySet<string>, sort: { key: CaseSortKey; dir: 'asc' | 'desc' }): Promise<CaseRow[]> {
  const out: CaseRow[] = [];
  for (let offset = 0; ; offset += 200) {
    const p = await send('ui:cases.query', { includeArchived: true, sort: sort.key, dir: sort.dir, offset, limit: 200 });
    out.push(...p.rows.filter((r) => selected.has(r.id)));
    if (offset + 200 >= p.total || out.length >= selected.size) return out;
  }
}

interface RowActions {
  toggle: (id: string, on: boolean) => void;
  edit: (id: string) => void;
  saved: () => void;
}
interface RowProps {
  row: CaseRow;
  selected: boolean;
  editing: boolean;
  saved: () => void;
}

/** A click or change inside the rows, delegated: a case's tick (`data-jzs-case-select`) or its name's button (`data-case-edit`). */
function rowEvent(e: Event, actions: RowActions): void {
  const el = e.target;
  if (e.type === 'change' && el instanceof HTMLInputElement && el.dataset.jzsCaseSelect) actions.toggle(el.dataset.jzsCaseSelect, el.checked);
  if (e.type === 'click' && el instanceof Element) {
    const id = el.closest<HTMLElement>('button[data-case-edit]')?.dataset.caseEdit;
    if (id) actions.edit(id);
  }
}

/**
 * One case's row, rendered again only when its case, its tick or its editor changed: a filter, a tick or the
 * batch controls re-render the panel, and 50 rows re-rendered for nothing stood between the click and the query.
 */
class CaseRowView extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.row !== this.props.row || next.selected !== this.props.selected || next.editing !== this.props.editing || next.saved !== this.props.saved;
  }

  override render() {
    return <CaseRowCells {...this.props} />;
  }
}

function CaseRowCells(props: RowProps) {
  const r = props.row;
  return (
    <>
      <tr data-jzs-case={r.id} data-business={r.business} data-status={r.status} data-profile={r.profileId} class={props.selected ? 'selected' : undefined}>
        <td>
          <input type="checkbox" data-jzs-case-select={r.id} aria-label={r.name} lang="zh-CN" checked={props.selected} />
        </td>
        <td>
          {/* The name is data, marked Chinese on the button itself (one element less a row than a Zh span). */}
          <button type="button" class="link" data-case-edit={r.id} lang={r.name ? 'zh-CN' : undefined}>
            {r.name || t('profiles.unknown')}
          </button>
        </td>
        <td lang="zh-CN">{r.employer}</td>
        <td>{businessName(r.business)}</td>
        <td class={`st st-${r.status}`}>
          {statusName(r.status)}
          {/* 材料齐全 is the clerk's word; the ticks may say otherwise (set by hand, or a situation added since). */}
          {r.status === 'ready' && r.materials.done < r.materials.needed && (
            <div class="warning" data-jzs-case-incomplete={r.materials.needed - r.materials.done}>
              {t('cases.readyButMissing', { n: r.materials.needed - r.materials.done })}
            </div>
          )}
        </td>
        <td data-jzs-case-materials={`${r.materials.done}/${r.materials.needed}`}>
          {r.materials.done}/{r.materials.needed}
        </td>
        <td>{r.submittedOn ?? ''}</td>
        <td>{shanghaiDateOf(r.updatedAt)}</td>
        <td class="notes">
          {r.correction && <span class="warning">{tx('checklist.labelled', { label: t('cases.correction'), text: <Zh>{r.correction}</Zh> })} </span>}
          {r.notes}
        </td>
      </tr>
      {props.editing && (
        <tr class="edit">
          <td colSpan={9}>
            <CaseEditor key={r.id} id={r.id} onSaved={props.saved} />
          </td>
        </tr>
      )}
    </>
  );
}

/** One case: status, submission date, notes; the packet link. */
function CaseEditor({ id, onSaved }: { id: string; onSaved: () => void }) {
  const [c, setC] = useState<{
    revision: number;
    status: CaseStatus;
    statusSince: string;
    submittedOn?: string | undefined;
    notes: string;
    correction?: { text: string; deadline?: string | undefined; recordedAt: string } | undefined;
  }>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void send('ui:cases.get', { ids: [id] }).then(([got]) => got && setC(got));
  }, [id]);
  if (!c) return null;
  // Only this round's 补正期限: an earlier round's deadline stays with its text, not as the current one.
  const deadline = currentCorrectionDeadline(c);
  const save = async () => {
    try {
      await send('ui:cases.update', { items: [{ id, revision: c.revision }], patch: { status: c.status, notes: c.notes, submittedOn: c.submittedOn ?? null } });
      onSaved();
    } catch (err) {
      setError(describe(err));
    }
  };
  return (
    <div class="case-editor" data-jzs-case-editor={id}>
      <div class="row">
        <select value={c.status} onChange={(e) => isCaseStatus(e.currentTarget.value) && setC({ ...c, status: e.currentTarget.value })}>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusName(s)}
            </option>
          ))}
        </select>
        <label>
          {t('cases.submittedOn')} <input type="date" value={c.submittedOn ?? ''} onInput={(e) => setC({ ...c, submittedOn: e.currentTarget.value || undefined })} />
        </label>
        <a href={packetUrl([id])} target="_blank" rel="noopener">
          {t('cases.packet')}
        </a>
      </div>
      {c.correction && (
        <p class="warning">
          {tx('checklist.labelled', { label: t('cases.correction'), text: <Zh>{c.correction.text}</Zh> })} {deadline && t('cases.correctionDeadline', { date: deadline })}
        </p>
      )}
      <label class="block">
        {t('cases.notes')}
        <textarea rows={2} value={c.notes} maxLength={10_000} onInput={(e) => setC({ ...c, notes: e.currentTarget.value })} />
      </label>
      <button type="button" class="primary" data-jzs-action="save-case" onClick={() => void save()}>
        {t('cases.save')}
      </button>
      {error && <p class="error">{error}</p>}
    </div>
  );
}

/** A new case: pick the applicant by search, then the business. */
/**
 * 新建办件: find the applicant, pick one, choose the business. The choice is cleared when the search changes (before,
 * a person picked earlier stayed chosen, unseen, and 创建 made the case for them), each hit shows the masked ID
 * number beside the name (two 张磊 at one employer were two identical buttons), the picked one says it is pressed,
 * and a search that finds nobody or fails says so.
 */
function NewCase({ onCreated, onError }: { onCreated: () => void; onError: (err: unknown) => void }) {
  const [query, setQuery] = useState('');
  // The hits and the search they answer (no 「没有找到」 while a new search is on its way).
  const [found, setFound] = useState<{ query: string; items: ProfileSummary[] }>({ query: '', items: [] });
  const hits = found.items;
  const [profile, setProfile] = useState<ProfileSummary | undefined>();
  const [business, setBusiness] = useState<BusinessId>('renewal');
  useEffect(() => {
    setProfile(undefined);
    if (!query.trim()) return setFound({ query, items: [] });
    let live = true;
    send('ui:profiles.search', { query, limit: 8 }).then(
      (r) => live && setFound({ query, items: r.items }),
      (err: unknown) => live && (setFound({ query, items: [] }), onError(err)),
    );
    return () => {
      live = false;
    };
  }, [query]);
  return (
    <details class="new-case">
      <summary>{t('cases.new')}</summary>
      <div class="row">
        <input type="search" data-jzs-new-case-search="" aria-label={t('cases.pickProfile')} placeholder={t('cases.pickProfile')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        {hits.map((p) => (
          <button type="button" key={p.id} data-jzs-new-case-pick={p.id} aria-pressed={profile?.id === p.id} class={profile?.id === p.id ? 'primary' : undefined} onClick={() => setProfile(p)}>
            <Zh>{p.name}</Zh> <span class="idno">{maskId(p.idNumber)}</span> {p.employer && <>· <Zh>{p.employer}</Zh></>}
          </button>
        ))}
        {query.trim() && found.query === query && !hits.length && <span class="muted" data-jzs-new-case-none="">{t('profiles.noMatch')}</span>}
      </div>
      <div class="row">
        <select value={business} onChange={(e) => isBusinessId(e.currentTarget.value) && setBusiness(e.currentTarget.value)}>
          {BUSINESS_IDS.map((b) => (
            <option key={b} value={b}>
              {businessName(b)}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="primary"
          data-jzs-action="create-case"
          disabled={!profile}
          onClick={() => profile && void send('ui:cases.create', { profileId: profile.id, business }).then(onCreated, onError)}
        >
          {t('cases.create')}
        </button>
      </div>
    </details>
  );
}

export const CASES_CSS = `
table.cases { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }
table.cases th, table.cases td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
table.cases th button.link { font-weight: 600; }
table.cases tr.selected { background: #eef5fd; }
table.deadlines tr.passed td:first-child, table.deadlines tr.passed td:nth-child(2) { color: var(--bad); font-weight: 600; }
table.deadlines tr.soon td:nth-child(2) { color: var(--warn); font-weight: 600; }
table.cases td.notes { max-width: 280px; }
table.case-rows { table-layout: fixed; }
/* The cases panel on a compositing layer of its own: a filter, sort or page step redraws its rows, count and
   pager in that layer instead of re-recording the whole workbench (profiles, deadlines) with them (bench T10,
   traced). translateZ(0), not will-change, which would give up LCD text in the layer. */
section#cases { transform: translateZ(0); }
/* The rows' ticks drawn by this CSS, not by the platform's theme, still native checkboxes to keyboards and
   screen readers: a page of 50 themed boxes cost ~2–5 ms of page CPU per filter step (bench T10, measured with
   tests/bench/cases-toggle.ts). Like Chromium's own box; in forced-colours mode the system's box returns. */
table.case-rows td input[type='checkbox'] { appearance: none; width: 13px; height: 13px; margin: 4px 0 0; border: 1px solid #767676; border-radius: 2px; background: #fff; cursor: pointer; vertical-align: top; }
table.case-rows td input[type='checkbox']:checked { border-color: var(--blue); background: var(--blue) url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12'%3E%3Cpath d='M2.5 6.2l2.4 2.4 4.6-5' fill='none' stroke='white' stroke-width='1.8'/%3E%3C/svg%3E") center / 11px no-repeat; }
@media (forced-colors: active) { table.case-rows td input[type='checkbox'] { appearance: auto; } }
table.case-rows td { overflow-wrap: anywhere; }
button.link { border: 0; background: none; padding: 0; color: var(--blue); cursor: pointer; text-align: left; }
.st-needs-correction { color: var(--bad); font-weight: 600; }
.st-done { color: var(--good); }
.st-returned { color: var(--muted); }
.batch { background: #f3f6fa; padding: 4px 8px; border-radius: 6px; }
.batch .sep { flex: 0 0 12px; }
.case-editor textarea { width: 100%; }
label.block { display: block; }
ol.pdf-pages { font-size: 13px; padding-left: 1.6em; }
ol.pdf-pages li { margin: 2px 0; }
ol.pdf-pages button { padding: 0 6px; }
[data-jzs-pdf-progress] { width: 240px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;
