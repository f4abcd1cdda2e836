import { useMemo, useState } from 'preact/hooks';
import { FIELD_KEYS } from '../../domain/ids';
import { FIELD_NAMES } from '../../domain/fields';
import { getLang, t } from '../../i18n';
import { describe } from '../../i18n/problem';
import { send } from '../../messaging/client';
import { type ColumnKey, autoMap } from '../../profiles/io/mapping';
import { type DuplicatePolicy, planImport } from '../../profiles/io/plan';
import { type ReadResult, readImportFile } from '../../profiles/io/read';
import { type RowResult, validateTable } from '../../profiles/io/rows';
import type { Profile } from '../../profiles/schema';
import { maskId } from '../components/ProfileList';

type Stage = 'idle' | 'reading' | 'preview' | 'saving' | 'done';
const PREVIEW_PAGE = 100;

interface Report {
  imported: number;
  skipped: number;
  rejected: RowResult[];
}

/** 导入: file → columns → preview of every row → duplicate handling → one all-or-nothing commit. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const [stage, setStage] = useState<Stage>('idle');
  const [fileName, setFileName] = useState('');
  const [table, setTable] = useState<ReadResult | undefined>();
  const [mapping, setMapping] = useState<Array<ColumnKey | null>>([]);
  const [rows, setRows] = useState<RowResult[]>([]);
  const [existing, setExisting] = useState<Map<string, Profile>>(new Map());
  const [policy, setPolicy] = useState<DuplicatePolicy>('update');
  const [progress, setProgress] = useState(0);
  const [page, setPage] = useState(0);
  const [report, setReport] = useState<Report | undefined>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const en = getLang() === 'en';

  const mapped = mapping.includes('name') && mapping.includes('idNumber');
  const rowsWithFatal = useMemo(
    () => (table?.fatal ? [...rows, { row: table.fatal.row, blank: false, data: {}, errors: [{ column: '', message: describe(table.fatal.problem) }], warnings: [] }] : rows),
    [rows, table],
  );
  const plan = useMemo(() => planImport(rowsWithFatal, existing, policy), [rowsWithFatal, existing, policy]);

  const revalidate = async (t0: ReadResult, m: Array<ColumnKey | null>) => {
    setProgress(0);
    const checked = await validateTable(t0, m, new Date(), setProgress);
    const ids = [...new Set(checked.filter((r) => !r.errors.length && r.data.idNumber).map((r) => r.data.idNumber!))];
    const stored = ids.length ? await send('ui:profiles.byIdNumbers', { idNumbers: ids }) : [];
    setExisting(new Map(stored.map((p) => [(p.data.idNumber ?? '').toUpperCase(), p])));
    setRows(checked);
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
      const read = await readImportFile(new Uint8Array(await file.arrayBuffer()), file.name, setProgress);
      const m = autoMap(read.headers);
      setTable(read);
      setMapping(m);
      await revalidate(read, m);
      setStage('preview');
      performance.mark('jzs-import-preview');
    } catch (err) {
      setStage('idle');
      setMessage({ kind: 'error', text: describe(err) });
    }
  };

  const changeMapping = (i: number, key: ColumnKey | null) => {
    if (!table) return;
    // A key maps one column: taking it here frees it elsewhere.
    const next = mapping.map((k, j) => (j === i ? key : k === key && key !== null ? null : k));
    setMapping(next);
    void revalidate(table, next);
  };

  const reset = () => {
    setTable(undefined);
    setRows([]);
    setMapping([]);
    setExisting(new Map());
    setReport(undefined);
    setMessage(undefined);
    setPage(0);
    setPolicy('update');
  };

  const confirm = async () => {
    performance.mark('jzs-import-commit');
    setStage('saving');
    try {
      if (plan.items.length) await send('ui:profiles.commit', { items: plan.items });
      setReport({ imported: plan.created + plan.updated, skipped: plan.skipped, rejected: plan.rejected });
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

  const outcomeText = (r: RowResult) => {
    if (r.blank) return t('import.blank');
    const o = plan.outcome.get(r.row);
    return o === 'reject' ? t('import.rejected') : o === 'update' ? t('import.willUpdate') : o === 'skip' ? t('import.willSkip') : t('import.willCreate');
  };
  const shown = rowsWithFatal.slice(page * PREVIEW_PAGE, (page + 1) * PREVIEW_PAGE);
  const pages = Math.max(1, Math.ceil(rowsWithFatal.length / PREVIEW_PAGE));

  return (
    <section class="panel" data-jzs-import-panel="" data-stage={stage}>
      <h2>{t('import.title')}</h2>
      <label class="file">
        {t('import.file')}{' '}
        <input type="file" data-jzs-import="" accept=".csv,.xlsx,.txt,text/csv" disabled={stage === 'reading' || stage === 'saving'} onChange={(e) => void onFile(e.currentTarget)} />
      </label>
      {(stage === 'reading' || stage === 'saving') && (
        <div class="progress">
          {stage === 'reading' ? t('import.reading') : t('import.saving')} <progress data-jzs-import-progress="" value={stage === 'saving' ? undefined : progress} max={1} />
        </div>
      )}
      {message && <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'} data-jzs-import-message={message.kind}>{message.text}</p>}

      {stage === 'preview' && table && (
        <div class="preview" data-jzs-import-preview="">
          <p class="muted">
            {fileName}
            {table.encoding && ` · ${t('import.encoding', { encoding: table.encoding })}`}
          </p>
          {table.fatal && <p class="error" data-jzs-import-fatal={table.fatal.row}>{t('import.fatal', { message: describe(table.fatal.problem) })}</p>}
          <h3>{t('import.mapping')}</h3>
          <table class="mapping">
            <thead>
              <tr>
                <th>{t('import.column')}</th>
                <th>{t('import.field')}</th>
              </tr>
            </thead>
            <tbody>
              {table.headers.map((h, i) => (
                <tr key={`${i}:${h}`}>
                  <td>{h || `#${i + 1}`}</td>
                  <td>
                    <select data-jzs-map-column={i} value={mapping[i] ?? ''} onChange={(e) => changeMapping(i, (e.currentTarget.value || null) as ColumnKey | null)}>
                      <option value="">{t('import.skipColumn')}</option>
                      {[...FIELD_KEYS, 'notes' as const].map((k) => (
                        <option key={k} value={k}>
                          {k === 'notes' ? t('profiles.notes') : en ? FIELD_NAMES[k].en : FIELD_NAMES[k].zh}
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
          <h3>
            {t('import.preview', {
              rows: rowsWithFatal.length,
              ok: plan.created + plan.updated + plan.skipped,
              create: plan.created,
              update: plan.updated,
              skip: plan.skipped,
              rejected: plan.rejected.length,
            })}
          </h3>
          <table class="rows">
            <thead>
              <tr>
                <th>{t('import.row')}</th>
                <th>{FIELD_NAMES.name.zh}</th>
                <th>{FIELD_NAMES.idNumber.zh}</th>
                <th>{t('import.result')}</th>
                <th>{t('import.messages')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.row} data-jzs-preview-row={r.row} class={r.errors.length ? 'bad' : r.warnings.length ? 'warn' : ''}>
                  <td>{r.row}</td>
                  <td>{r.data.name ?? r.shown?.name}</td>
                  <td>{r.data.idNumber ? maskId(r.data.idNumber) : r.shown?.idNumber}</td>
                  <td>{outcomeText(r)}</td>
                  <td>
                    {[...r.errors, ...r.warnings].map((i) => (
                      <div key={i.column + i.message} class={r.errors.includes(i) ? 'error' : 'warning'}>
                        {i.column ? `「${i.column}」` : ''}
                        {i.message}
                      </div>
                    ))}
                  </td>
                </tr>
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
          <ul>
            {report.rejected.map((r) => (
              <li key={r.row} class="error" data-jzs-import-error="" data-row={r.row}>
                {r.errors.map((e) => (e.column ? t('import.rowError', { row: r.row, column: e.column, message: e.message }) : e.message)).join('；')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
