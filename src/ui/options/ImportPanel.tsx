import { useMemo, useState } from 'preact/hooks';
import { FIELD_KEYS } from '../../domain/ids';
import { FIELD_NAMES } from '../../domain/fields';
import { getLang, t, type MessageKey, type Params } from '../../i18n';
import { send } from '../../messaging/client';
import { todayInShanghai } from '../../validate/dates';
import { importTemplate } from '../../profiles/io/export';
import { type ColumnKey, EXTRA_COLUMNS, autoMap } from '../../profiles/io/mapping';
import { type ConflictChoice, type DuplicatePolicy, type ImportPlan, planImport } from '../../profiles/io/plan';
import { HEADER_SEARCH_ROWS, type ReadResult, findHeaderRow, tableAt } from '../../profiles/io/read';
import { rejectedCsv } from '../../profiles/io/rejected';
import { type RowIssue, type RowResult, validateTable } from '../../profiles/io/rows';
import type { Table } from '../../profiles/io/table';
import { CodedError, describe } from '../../i18n/problem';
import type { Profile } from '../../profiles/schema';
import { download } from '../common/download';
import { maskId } from '../components/ProfileList';
import { readInWorker } from './read-in-worker';

type Stage = 'idle' | 'reading' | 'preview' | 'saving' | 'done';
const PREVIEW_PAGE = 100;
const SAMPLES = 3;

interface Report {
  imported: number;
  skipped: number;
  rejected: RowResult[];
}

const describeIssue = (i: RowIssue) => t(i.code, i.params);
/** 第 R 行「列」：message — R is the row Excel shows (contract.md). */
const cellMessage = (r: RowResult, i: RowIssue) => (i.column ? t('import.cellMessage', { row: r.sheetRow, column: i.column, message: describeIssue(i) }) : describeIssue(i));
const errorText = (err: unknown) => (err instanceof CodedError ? describe(err) : t('import.err.reader'));

function columnName(k: ColumnKey, en: boolean): string {
  if (k === 'notes') return t('profiles.notes');
  if (k === 'contractPeriod') return t('import.periodColumn');
  return en ? FIELD_NAMES[k].en : FIELD_NAMES[k].zh;
}

/** The first few non-empty values of each column, for the mapping step. */
function samplesOf(table: Table): string[][] {
  return table.headers.map((_, i) => {
    const out: string[] = [];
    for (const row of table.rows) {
      const text = row[i]?.text.trim();
      if (text) out.push(text.length > 24 ? `${text.slice(0, 24)}…` : text);
      if (out.length >= SAMPLES) break;
    }
    return out;
  });
}

function conflictText(plan: ImportPlan, r: RowResult): string | undefined {
  const c = plan.conflicts.get(r.row);
  if (!c) return undefined;
  return c.stored ? t('import.conflictStored', { name: c.otherName }) : t('import.conflictFile', { rows: c.sheetRows.join('、'), name: c.otherName });
}

/** 导入: file → header row and columns → preview of every row → duplicates and conflicts → one all-or-nothing commit. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const [stage, setStage] = useState<Stage>('idle');
  const [fileName, setFileName] = useState('');
  const [read, setRead] = useState<ReadResult | undefined>();
  const [table, setTable] = useState<Table | undefined>();
  const [mapping, setMapping] = useState<Array<ColumnKey | null>>([]);
  const [rows, setRows] = useState<RowResult[]>([]);
  const [existing, setExisting] = useState<Map<string, Profile>>(new Map());
  const [policy, setPolicy] = useState<DuplicatePolicy>('update');
  const [choices, setChoices] = useState<Map<number, ConflictChoice>>(new Map());
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [progress, setProgress] = useState(0);
  const [page, setPage] = useState(0);
  const [report, setReport] = useState<Report | undefined>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const en = getLang() === 'en';

  const mapped = mapping.includes('name') && mapping.includes('idNumber');
  const plan = useMemo(() => planImport(rows, existing, policy, choices), [rows, existing, policy, choices]);
  const samples = useMemo(() => (table ? samplesOf(table) : []), [table]);

  const revalidate = async (tbl: Table, m: Array<ColumnKey | null>, date1904: boolean) => {
    setProgress(0);
    const now = new Date();
    const checked = await validateTable(tbl, { mapping: m, now, today: todayInShanghai(now), date1904 }, setProgress);
    performance.mark('jzs-import-checked');
    const ids = [...new Set(checked.flatMap((r) => (!r.errors.length && r.data.idNumber ? [r.data.idNumber] : [])))];
    const stored = ids.length ? await send('ui:profiles.byIdNumbers', { idNumbers: ids }) : [];
    performance.mark('jzs-import-stored');
    setExisting(new Map(stored.map((p) => [(p.data.idNumber ?? '').toUpperCase(), p])));
    setChoices(new Map());
    setRows(checked);
  };

  const applyHeaderRow = async (source: ReadResult, headerRow: number) => {
    const tbl = tableAt(source, headerRow);
    const m = autoMap(tbl.headers);
    setTable(tbl);
    setMapping(m);
    setPage(0);
    await revalidate(tbl, m, source.date1904);
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    performance.mark('jzs-import-start');
    reset();
    setFileName(file.name);
    setStage('reading');
    try {
      const source = await readInWorker(file, setProgress);
      performance.mark('jzs-import-read');
      setRead(source);
      await applyHeaderRow(source, findHeaderRow(source.grid));
      setStage('preview');
      performance.mark('jzs-import-preview');
    } catch (err) {
      setStage('idle');
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };

  const changeHeaderRow = (value: number) => {
    if (!read || !Number.isInteger(value) || value < 1 || value > Math.min(HEADER_SEARCH_ROWS, read.grid.length)) return;
    applyHeaderRow(read, value).catch((err: unknown) => setMessage({ kind: 'error', text: errorText(err) }));
  };

  const changeMapping = (i: number, key: ColumnKey | null) => {
    if (!table || !read) return;
    // A key maps one column: taking it here frees it elsewhere.
    const next = mapping.map((k, j) => (j === i ? key : k === key && key !== null ? null : k));
    setMapping(next);
    void revalidate(table, next, read.date1904);
  };

  const choose = (row: number, choice: ConflictChoice) => setChoices(new Map(choices).set(row, choice));

  const reset = () => {
    setRead(undefined);
    setTable(undefined);
    setRows([]);
    setMapping([]);
    setExisting(new Map());
    setChoices(new Map());
    setReport(undefined);
    setMessage(undefined);
    setPage(0);
    setPolicy('update');
    setOnlyProblems(false);
  };

  const confirm = async () => {
    performance.mark('jzs-import-commit');
    setStage('saving');
    try {
      const sending = plan.items.length ? send('ui:profiles.commit', { items: plan.items }) : Promise.resolve(undefined);
      performance.mark('jzs-import-sent');
      await sending;
      const notImported = plan.rejected.length + [...plan.outcome.values()].filter((o) => o === 'conflict').length;
      setReport({ imported: plan.created + plan.updated, skipped: plan.skipped + notImported - plan.rejected.length, rejected: plan.rejected });
      setStage('done');
      performance.mark('jzs-import-done');
      onImported();
    } catch (err) {
      setStage('preview');
      setMessage({ kind: 'error', text: t('import.failed', { message: describe(err) }) });
    }
  };

  const cancel = () => {
    reset();
    setStage('idle');
    setMessage({ kind: 'ok', text: t('import.cancelled') });
  };

  /** Every row not imported (rejected, or a conflict left out), with its reasons, as a CSV. */
  const downloadRejected = () => {
    if (!table) return;
    const left = rows.filter((r) => plan.outcome.get(r.row) === 'reject' || plan.outcome.get(r.row) === 'conflict');
    const reason = (r: RowResult) => [...r.errors.map((i) => cellMessage(r, i)), conflictText(plan, r) ?? ''].filter(Boolean).join('；');
    download(`未导入-${fileName.replace(/\.[^.]+$/, '')}.csv`, rejectedCsv(table, left, t('import.reasonHeader'), reason), 'text/csv;charset=utf-8');
  };

  const outcomeText = (r: RowResult) => {
    if (r.blank) return t('import.blank');
    const o = plan.outcome.get(r.row);
    const key: Record<string, MessageKey> = { reject: 'import.rejected', update: 'import.willUpdate', skip: 'import.willSkip', conflict: 'import.willConflict', create: 'import.willCreate' };
    return t(key[o ?? 'create'] ?? 'import.willCreate');
  };
  const problem = (r: RowResult) => r.errors.length > 0 || r.warnings.length > 0 || r.notices.length > 0 || plan.conflicts.has(r.row);
  const listed = onlyProblems ? rows.filter(problem) : rows;
  const shown = listed.slice(page * PREVIEW_PAGE, (page + 1) * PREVIEW_PAGE);
  const pages = Math.max(1, Math.ceil(listed.length / PREVIEW_PAGE));
  const warned = rows.filter((r) => !r.errors.length && r.warnings.length).length;
  const notice = (code: MessageKey, params?: Params) => t(code, params);

  return (
    <section class="panel" data-jzs-import-panel="" data-stage={stage}>
      <h2>{t('import.title')}</h2>
      <label class="file">
        {t('import.file')}{' '}
        <input type="file" data-jzs-import="" accept=".csv,.xlsx,.txt,text/csv" disabled={stage === 'reading' || stage === 'saving'} onChange={(e) => void onFile(e.currentTarget)} />
      </label>
      <p class="muted">
        <button type="button" class="link" data-jzs-action="import-template" onClick={() => download('建造师档案导入模板.xlsx', importTemplate(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>
          {t('import.template')}
        </button>{' '}
        {t('import.templateHint')}
      </p>
      {(stage === 'reading' || stage === 'saving') && (
        <div class="progress">
          {stage === 'reading' ? t('import.reading') : t('import.saving')} <progress data-jzs-import-progress="" value={stage === 'saving' ? undefined : progress} max={1} />
        </div>
      )}
      {message && <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'} data-jzs-import-message={message.kind}>{message.text}</p>}

      {stage === 'preview' && table && read && (
        <div class="preview" data-jzs-import-preview="">
          <p class="muted">
            {fileName}
            {read.encoding && ` · ${t('import.encoding', { encoding: read.encoding })}`}
          </p>
          {read.fatal && <p class="error" data-jzs-import-fatal={read.fatal.sheetRow}>{t('import.fatal', { message: notice(read.fatal.code, read.fatal.params) })}</p>}
          {read.notices.map((n) => (
            <p key={n.code} class="warning" data-jzs-import-notice={n.code.split('.').pop()}>
              {notice(n.code, n.params)}
            </p>
          ))}
          <label class="row">
            {t('import.headerRow')}{' '}
            <input type="number" data-jzs-header-row="" min={1} max={Math.min(HEADER_SEARCH_ROWS, read.grid.length)} value={table.headerRow} onChange={(e) => changeHeaderRow(Number(e.currentTarget.value))} />{' '}
            {t('import.headerRowSuffix')}
          </label>
          {table.headerRow > 1 && <p class="muted" data-jzs-header-found={table.headerRow}>{t('import.headerFound', { row: table.headerRow, above: table.headerRow - 1 })}</p>}
          <h3>{t('import.mapping')}</h3>
          <table class="mapping">
            <thead>
              <tr>
                <th>{t('import.column')}</th>
                <th>{t('import.sample')}</th>
                <th>{t('import.field')}</th>
              </tr>
            </thead>
            <tbody>
              {table.headers.map((h, i) => (
                <tr key={`${i}:${h}`}>
                  <td>{h || `#${i + 1}`}</td>
                  <td class="muted" data-jzs-map-sample={i}>
                    {(samples[i] ?? []).join(' · ')}
                  </td>
                  <td>
                    <select data-jzs-map-column={i} value={mapping[i] ?? ''} onChange={(e) => changeMapping(i, toColumnKey(e.currentTarget.value))}>
                      <option value="">{t('import.skipColumn')}</option>
                      {[...FIELD_KEYS, ...EXTRA_COLUMNS].map((k) => (
                        <option key={k} value={k}>
                          {columnName(k, en)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!mapped && <p class="error">{t('import.needNameId')}</p>}
          <fieldset class="policy">
            <legend>{t('import.duplicates')}</legend>
            {(['update', 'skip', 'keep-both'] as const).map((p) => (
              <label key={p}>
                <input type="radio" name="dup" data-jzs-duplicate-policy={p} checked={policy === p} onChange={() => setPolicy(p)} />
                {t(p === 'update' ? 'import.dupUpdate' : p === 'skip' ? 'import.dupSkip' : 'import.dupKeep')}
              </label>
            ))}
          </fieldset>
          {plan.conflicts.size > 0 && <p class="warning" data-jzs-import-conflicts={plan.conflicts.size}>{t('import.conflicts', { count: plan.conflicts.size })}</p>}
          {warned > 0 && <p class="muted">{t('import.warnCount', { count: warned })}</p>}
          <h3>
            {t('import.preview', {
              rows: rows.length,
              ok: plan.created + plan.updated + plan.skipped,
              create: plan.created,
              update: plan.updated,
              skip: plan.skipped,
              rejected: plan.rejected.length,
            })}
          </h3>
          <div class="row">
            <label>
              <input type="checkbox" data-jzs-only-problems="" checked={onlyProblems} onChange={(e) => (setOnlyProblems(e.currentTarget.checked), setPage(0))} /> {t('import.onlyProblems')}
            </label>
            {(plan.rejected.length > 0 || plan.conflicts.size > 0) && (
              <button type="button" data-jzs-action="download-rejected" onClick={downloadRejected}>
                {t('import.downloadRejected')}
              </button>
            )}
          </div>
          <table class="rows">
            <thead>
              <tr>
                <th>{t('import.sheetRow')}</th>
                <th>{columnName('name', en)}</th>
                <th>{columnName('idNumber', en)}</th>
                <th>{t('import.result')}</th>
                <th>{t('import.messages')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <PreviewRow key={r.row} r={r} plan={plan} outcome={outcomeText(r)} choice={choices.get(r.row) ?? 'skip'} onChoose={choose} />
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <div class="row pager">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('profiles.prev')}
              </button>
              <span>{t('profiles.pageOf', { page: page + 1, pages })}</span>
              <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                {t('profiles.more')}
              </button>
            </div>
          )}
          <div class="row">
            <button type="button" class="primary" data-jzs-action="confirm-import" disabled={!mapped} onClick={() => void confirm()}>
              {t('import.confirm')}
            </button>
            <button type="button" data-jzs-action="cancel-import" onClick={cancel}>
              {t('import.cancelImport')}
            </button>
          </div>
        </div>
      )}

      {stage === 'done' && report && (
        <div class="report" data-jzs-import-report="" data-imported={report.imported} data-rejected={report.rejected.length} data-skipped={report.skipped}>
          <p class="ok">{t('import.report', { imported: report.imported, rejected: report.rejected.length, skipped: report.skipped })}</p>
          {read?.fatal && <p class="error">{t('import.fatal', { message: t(read.fatal.code, read.fatal.params) })}</p>}
          <ul>
            {report.rejected.map((r) => (
              <li key={r.row} class="error" data-jzs-import-error="" data-row={r.row} data-sheet-row={r.sheetRow}>
                {r.errors.map((e) => cellMessage(r, e)).join('；')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function toColumnKey(value: string): ColumnKey | null {
  return (FIELD_KEYS as readonly string[]).includes(value) || (EXTRA_COLUMNS as readonly string[]).includes(value) ? (value as ColumnKey) : null; // checked just before
}

function PreviewRow({ r, plan, outcome, choice, onChoose }: { r: RowResult; plan: ImportPlan; outcome: string; choice: ConflictChoice; onChoose: (row: number, c: ConflictChoice) => void }) {
  const conflict = conflictText(plan, r);
  return (
    <tr data-jzs-preview-row={r.row} data-sheet-row={r.sheetRow} data-outcome={r.blank ? 'blank' : plan.outcome.get(r.row)} class={r.errors.length ? 'bad' : r.warnings.length || conflict ? 'warn' : ''}>
      <td>{r.sheetRow}</td>
      <td>{r.data.name ?? r.shown?.name}</td>
      <td>{r.data.idNumber ? maskId(r.data.idNumber) : r.shown?.idNumber}</td>
      <td>{outcome}</td>
      <td>
        {r.errors.map((i) => (
          <div key={`e${i.column}${i.code}`} class="error">
            {cellMessage(r, i)}
          </div>
        ))}
        {r.warnings.map((i) => (
          <div key={`w${i.column}${i.code}`} class="warning" data-jzs-cell-warning={i.column}>
            {cellMessage(r, i)}
          </div>
        ))}
        {r.notices.map((i) => (
          <div key={`n${i.column}${i.code}`} class="muted">
            {cellMessage(r, i)}
          </div>
        ))}
        {conflict && (
          <div class="warning">
            {conflict}{' '}
            <select data-jzs-conflict-choice={r.row} value={choice} onChange={(e) => onChoose(r.row, e.currentTarget.value === 'import' ? 'import' : 'skip')}>
              <option value="skip">{t('import.conflictSkip')}</option>
              <option value="import">{t('import.conflictImport')}</option>
            </select>
          </div>
        )}
      </td>
    </tr>
  );
}
