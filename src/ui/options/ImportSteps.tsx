/** The import panel's steps (issue 16.3), each a small component over the reducer state in import-state.ts. */
import { useMemo } from 'preact/hooks';
import { FIELD_KEYS } from '../../domain/ids';
import { FIELD_NAMES } from '../../domain/fields';
import { getLang, joinClauses, joinList, t, type MessageKey } from '../../i18n';
import { importTemplate } from '../../profiles/io/export';
import { autoMap, type ColumnKey, EXTRA_COLUMNS, sharedFields } from '../../profiles/io/mapping';
import type { ConflictChoice, ImportPlan } from '../../profiles/io/plan';
import { HEADER_SEARCH_ROWS, type ReadResult, sheetOf } from '../../profiles/io/read';
import { rejectedCsv } from '../../profiles/io/rejected';
import type { RowIssue, RowResult } from '../../profiles/io/rows';
import type { Table } from '../../profiles/io/table';
import type { SheetEmployer } from '../../profiles/io/sheet-employer';
import { unmappedDateColumns } from '../../profiles/io/unread-columns';
import { download } from '../common/download';
import { useStepwise } from '../common/stepwise';
import { maskId } from '../components/ProfileList';
import { ZhRuns } from '../components/Zh';
import { employerOf, type ImportAction, type ImportState, type Report, isMapped } from './import-state';

const PREVIEW_PAGE = 100;
/**
 * Rows drawn per task when a page of the preview appears: a page of 100 rows drawn at once (with the mapping) is
 * a task of 40–50 ms on a quiet machine, several times that on a loaded one (bench T9: no UI task > 100 ms).
 */
const ROWS_PER_TASK = 20;
const SAMPLES = 3;
const COLUMN_KEYS: readonly ColumnKey[] = [...FIELD_KEYS, ...EXTRA_COLUMNS];
const OUTCOME_TEXT: Record<string, MessageKey> = { reject: 'import.rejected', update: 'import.willUpdate', unchanged: 'import.willKeep', skip: 'import.willSkip', conflict: 'import.willConflict', create: 'import.willCreate' };

const describeIssue = (i: RowIssue) => {
  const message = t(i.code, i.params);
  return i.refused === undefined ? message : t('import.cell.refused', { message, text: i.refused });
};
/**
 * 第 R 行「列」：message — R is the row Excel shows (contract.md). A column whose header does not name its field
 * (one the clerk mapped by hand: 「联系方式」 → 手机) is followed by the field it is imported as.
 */
function cellMessage(r: RowResult, i: RowIssue): string {
  if (!i.column) return inSheet(r, describeIssue(i));
  const params = { row: r.sheetRow, column: i.column, message: describeIssue(i) };
  if (!i.field || autoMap([i.column])[0] === i.field) return inSheet(r, t('import.cellMessage', params));
  return inSheet(r, t('import.cellMessageField', { ...params, field: columnName(i.field) }));
}

/** A message about a row of a workbook of several sheets names the sheet first: row numbers repeat across sheets. */
const inSheet = (r: RowResult, message: string) => (r.sheet ? t('import.inSheet', { sheet: r.sheet.name, message }) : message);

/** Other rows named in a message: 「工作表「一公司」第 5 行」 when they carry their sheet, else their numbers. */
const rowsAt = (sheetRows: readonly number[], sheets: readonly string[] | undefined) =>
  sheets ? joinList(sheetRows.map((row, k) => t('import.rowInSheet', { sheet: sheets[k] ?? '', row }))) : undefined;

function columnName(k: ColumnKey): string {
  if (k === 'notes') return t('profiles.notes');
  if (k === 'contractPeriod') return t('import.periodColumn');
  return getLang() === 'en' ? FIELD_NAMES[k].en : FIELD_NAMES[k].zh;
}

/** The select's value back as a column key, or null for 「不导入」 (and for anything not offered). */
const toColumnKey = (value: string): ColumnKey | null => COLUMN_KEYS.find((k) => k === value) ?? null;

/** The first few non-empty values of each column, for the mapping step. */
export function samplesOf(table: Table): string[][] {
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

/** 与第 R 行是同一身份证号，但「手机、专业类别」不同 — the clerk decides which row is right. */
function repeatText(plan: ImportPlan, r: RowResult): string | undefined {
  const repeat = plan.repeats.get(r.row);
  if (!repeat) return undefined;
  const names = repeat.fields.map((k) => FIELD_NAMES[k]);
  const fields = { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') };
  const at = rowsAt(repeat.sheetRows, repeat.sheets);
  return at ? t('import.repeatDiffersAt', { rows: at, fields }) : t('import.repeatDiffers', { rows: repeat.sheetRows, fields });
}

function conflictText(plan: ImportPlan, r: RowResult): string | undefined {
  const c = plan.conflicts.get(r.row);
  if (!c) return undefined;
  if (c.stored) return t('import.conflictStored', { name: c.otherName });
  const at = rowsAt(c.sheetRows, c.sheets);
  return at ? t('import.conflictFileAt', { rows: at, name: c.otherName }) : t('import.conflictFile', { rows: joinList(c.sheetRows), count: c.sheetRows.length, name: c.otherName });
}

/** Step 1: the file input, the template, progress and the panel's message. */
export function FileStep({ state: s, onFile }: { state: ImportState; onFile: (file: File) => void }) {
  const busy = s.stage === 'reading' || s.stage === 'saving';
  const choose = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file) onFile(file);
  };
  return (
    <>
      <label class="file">
        {t('import.file')} <input type="file" data-jzs-import="" accept=".csv,.xlsx,.txt,text/csv" disabled={busy} onChange={(e) => choose(e.currentTarget)} />
      </label>
      <p class="muted">
        <button type="button" class="link" data-jzs-action="import-template" onClick={() => download(`${t('export.fileName.importTemplate')}.xlsx`, importTemplate(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>
          {t('import.template')}
        </button>{' '}
        {t('import.templateHint')}
      </p>
      {busy && (
        <div class="progress">
          {s.stage === 'reading' ? t('import.reading') : t('import.saving')} <progress data-jzs-import-progress="" value={s.stage === 'saving' ? undefined : s.progress} max={1} />
        </div>
      )}
      {s.message && (
        <p class={s.message.kind} role={s.message.kind === 'error' ? 'alert' : 'status'} data-jzs-import-message={s.message.kind}>
          {s.message.text}
        </p>
      )}
    </>
  );
}

interface MappingProps {
  state: ImportState;
  read: ReadResult;
  table: Table;
  onHeaderRow: (row: number) => void;
  onMap: (column: number, key: ColumnKey | null) => void;
  onEmployer: (sheet: number, employer: string | undefined) => void;
}

interface OfferProps {
  sheet: number;
  /** What the sheet says of its employer: one offered, or the names that disagree (said, so that no offer has a reason). */
  found: SheetEmployer | undefined;
  employer: string | undefined;
  onEmployer: (sheet: number, employer: string | undefined) => void;
}

/**
 * A sheet whose title or name names an employer and which has no employer column: the employer is offered for its
 * rows, with the value and where it was read, and taken only when the clerk ticks it (sheet-employer.ts).
 */
function EmployerOffer({ sheet, found, employer, onEmployer }: OfferProps) {
  if (found === undefined) return null;
  if ('conflict' in found) {
    return (
      <p class="warning" data-jzs-sheet-employer-conflict={sheet}>
        <ZhRuns text={t('import.employerConflict', { names: joinList(found.conflict.map((c) => `「${c}」`)) })} />
      </p>
    );
  }
  const { value, title } = found;
  return (
    <div class="row" data-jzs-sheet-employer-offer={value}>
      <label>
        <input type="checkbox" data-jzs-sheet-employer={sheet} checked={employer === value} onChange={(e) => onEmployer(sheet, e.currentTarget.checked ? value : undefined)} />{' '}
        <ZhRuns text={title ? t('import.titleEmployerOffer', { value, row: title.row, title: title.text }) : t('import.sheetEmployerOffer', { value })} />
      </label>
    </div>
  );
}

/**
 * Why a column the clerk may expect imported is not: it holds dates no field is mapped to, or its header (专业) names
 * two fields and its values did not tell which (mapping.ts byValues) — said, not silently 不导入.
 */
function UnmappedWhy({ header, column, mapped, dates }: { header: string; column: number; mapped: boolean; dates: boolean }) {
  const shared = mapped ? undefined : sharedFields(header);
  if (shared) {
    const fields = { zh: shared.map((k) => FIELD_NAMES[k].zh).join('、'), en: shared.map((k) => FIELD_NAMES[k].en).join(' or ') };
    return (
      <div class="warning" data-jzs-map-shared-unclear={column}>
        <ZhRuns text={t('import.sharedUnclear', { header, fields })} />
      </div>
    );
  }
  return dates && !autoMap([header])[0] ? (
    <div class="warning" data-jzs-map-unread-dates={column}>
      {t('import.unmappedDates')}
    </div>
  ) : null;
}

/** Step 2: what the reader found, the header row (choosable) and the column mapping with sample values. */
export function MappingStep({ state: s, read, table, onHeaderRow, onMap, onEmployer }: MappingProps) {
  const samples = useMemo(() => samplesOf(table), [table]);
  const unreadDates = useMemo(() => unmappedDateColumns(table, s.mapping), [table, s.mapping]);
  const shown = sheetOf(read, s.viewing);
  const sheetName = s.sheets[s.viewing]?.name;
  return (
    <>
      <p class="muted">
        <ZhRuns text={s.fileName} />
        {read.encoding && ` · ${t('import.encoding', { encoding: read.encoding })}`}
      </p>
      {read.fatal && <p class="error" data-jzs-import-fatal={read.fatal.sheetRow}>{t('import.fatal', { message: t(read.fatal.code, read.fatal.params) })}</p>}
      {sheetName !== undefined && <h3 data-jzs-sheet-shown={s.viewing}>{t('import.sheetMapping', { sheet: sheetName })}</h3>}
      {!s.sheets.length && <EmployerOffer sheet={0} found={employerOf(read, 0, table.headerRow, s.mapping)} employer={s.employer} onEmployer={onEmployer} />}
      {shown.notices.map((n) => (
        <p key={n.code} class="warning" data-jzs-import-notice={n.code.split('.').pop()}>
          <ZhRuns text={t(n.code, n.params)} />
        </p>
      ))}
      <label class="row">
        {t('import.headerRow')}{' '}
        <input type="number" data-jzs-header-row="" min={1} max={Math.min(HEADER_SEARCH_ROWS, shown.grid.length)} value={table.headerRow} onChange={(e) => onHeaderRow(Number(e.currentTarget.value))} />{' '}
        {t('import.headerRowSuffix')}
      </label>
      {table.headerRow > 1 && <p class="muted" data-jzs-header-found={table.headerRow}>{t('import.headerFound', { row: table.headerRow, above: table.headerRow - 1 })}</p>}
      {table.subHeaderRow !== undefined && (
        <p class="muted" data-jzs-sub-header={table.subHeaderRow}>
          {t('import.subHeader', { row: table.subHeaderRow, header: table.headerRow, first: table.subHeaderRow + 1 })}
        </p>
      )}
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
              <td data-jzs-map-hidden={table.hiddenColumns?.has(i) ? '' : undefined}>
                <ZhRuns text={h || `#${i + 1}`} />
                {table.hiddenColumns?.has(i) && <span class="muted"> {t('import.hiddenColumn')}</span>}
                <AlsoClaims headers={table.headers} mapping={s.mapping} column={i} />
                <UnmappedWhy header={h} column={i} mapped={s.mapping[i] != null} dates={unreadDates.has(i)} />
              </td>
              <td class="muted" data-jzs-map-sample={i}>
                <ZhRuns text={(samples[i] ?? []).join(' · ')} />
              </td>
              <td>
                <select data-jzs-map-column={i} value={s.mapping[i] ?? ''} onChange={(e) => onMap(i, toColumnKey(e.currentTarget.value))}>
                  <option value="">{t('import.skipColumn')}</option>
                  {COLUMN_KEYS.map((k) => (
                    <option key={k} value={k}>
                      {columnName(k)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MappingProblems state={s} />
    </>
  );
}

/** What keeps the confirm disabled: no sheet chosen, or a chosen sheet (or the one table) without name and ID columns. */
function MappingProblems({ state: s }: { state: ImportState }) {
  if (isMapped(s)) return null;
  if (!s.sheets.length) return <p class="error">{t('import.needNameId')}</p>;
  const unmapped = s.sheets.filter((c) => c.chosen && !(c.mapping.includes('name') && c.mapping.includes('idNumber')));
  if (!s.sheets.some((c) => c.chosen)) return <p class="error" data-jzs-import-sheet-problem="">{t('import.sheetNone')}</p>;
  return (
    <>
      {unmapped.map((c) => (
        <p key={c.name} class="error" data-jzs-import-sheet-problem={c.name}>
          <ZhRuns text={t('import.needNameIdSheet', { sheet: c.name })} />
        </p>
      ))}
    </>
  );
}

/**
 * Step 1½, for a workbook of several sheets (one roster per employer or month): every sheet with its data rows,
 * ticked when its headers are recognised; the clerk ticks the ones to import and opens any one's columns.
 */
interface SheetsProps {
  state: ImportState;
  onChoose: (sheet: number, chosen: boolean) => void;
  onView: (sheet: number) => void;
  onEmployer: (sheet: number, employer: string | undefined) => void;
}

export function SheetsStep({ state: s, onChoose, onView, onEmployer }: SheetsProps) {
  if (!s.sheets.length) return null;
  return (
    <fieldset class="sheets" data-jzs-import-sheets={s.sheets.length}>
      <legend>{t('import.sheetsTitle')}</legend>
      <p class="muted">{t('import.sheetsHint', { count: s.sheets.length })}</p>
      {s.sheets.map((c, i) => (
        <div key={`${i}:${c.name}`} class="row" data-jzs-import-sheet={c.name} data-rows={c.rows} data-chosen={c.chosen ? 'true' : 'false'}>
          <label>
            <input type="checkbox" data-jzs-sheet-choice={i} checked={c.chosen} onChange={(e) => onChoose(i, e.currentTarget.checked)} /> <ZhRuns text={c.name} />
          </label>{' '}
          <span class="muted">
            {t('import.sheetRows', { rows: c.rows })}
            {!c.recognised && ` · ${t('import.sheetNoHeader')}`}
          </span>{' '}
          {s.viewing === i ? (
            <span class="muted">{t('import.sheetShown')}</span>
          ) : (
            <button type="button" class="link" data-jzs-sheet-view={i} onClick={() => onView(i)}>
              {t('import.sheetView')}
            </button>
          )}
          {c.chosen && <EmployerOffer sheet={i} found={employerOf(s.read, i, c.table.headerRow, c.mapping)} employer={c.employer} onEmployer={onEmployer} />}
        </div>
      ))}
    </fieldset>
  );
}

/**
 * A column left out whose header names a field another column is imported as (「手机号码」 beside 「手机」): said, so
 * that its values are not dropped without a word; choosing it moves the field here (remap).
 */
function AlsoClaims({ headers, mapping, column }: { headers: readonly string[]; mapping: ReadonlyArray<ColumnKey | null>; column: number }) {
  if (mapping[column]) return null;
  const field = autoMap([headers[column] ?? ''])[0];
  const other = field ? mapping.indexOf(field) : -1;
  if (!field || other < 0) return null;
  return (
    <div class="warning" data-jzs-map-also={column}>
      <ZhRuns text={t('import.alsoColumn', { field: columnName(field), column: headers[other] || `#${other + 1}` })} />
    </div>
  );
}

const DUPLICATE_POLICIES = [
  ['update', 'import.dupUpdate'],
  ['skip', 'import.dupSkip'],
  ['keep-both', 'import.dupKeep'],
] as const;

interface PreviewProps {
  state: ImportState;
  table: Table;
  plan: ImportPlan;
  dispatch: (a: ImportAction) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

const hasProblem = (plan: ImportPlan) => (r: RowResult) => r.errors.length > 0 || r.warnings.length > 0 || r.notices.length > 0 || plan.conflicts.has(r.row) || plan.repeats.has(r.row);

/** Step 3: duplicates policy, conflicts, counts, the 「只看有问题的行」 filter, the rows, confirm or cancel. */
export function PreviewStep({ state: s, table, plan, dispatch, onConfirm, onCancel }: PreviewProps) {
  const warned = s.rows.filter((r) => !r.errors.length && r.warnings.length).length;
  return (
    <>
      <fieldset class="policy">
        <legend>{t('import.duplicates')}</legend>
        {DUPLICATE_POLICIES.map(([p, label]) => (
          <label key={p}>
            <input type="radio" name="dup" data-jzs-duplicate-policy={p} checked={s.policy === p} onChange={() => dispatch({ type: 'policy', policy: p })} />
            {t(label)}
          </label>
        ))}
      </fieldset>
      {plan.conflicts.size > 0 && <p class="warning" data-jzs-import-conflicts={plan.conflicts.size}>{t('import.conflicts', { count: plan.conflicts.size })}</p>}
      {warned > 0 && <p class="muted">{t('import.warnCount', { count: warned })}</p>}
      <h3>{t('import.preview', { rows: s.rows.length, ok: plan.created + plan.updated + plan.unchanged + plan.skipped, create: plan.created, update: plan.updated, unchanged: plan.unchanged, skip: plan.skipped, rejected: plan.rejected.length })}</h3>
      <div class="row">
        <label>
          <input type="checkbox" data-jzs-only-problems="" checked={s.onlyProblems} onChange={(e) => dispatch({ type: 'onlyProblems', value: e.currentTarget.checked })} /> {t('import.onlyProblems')}
        </label>
        {(plan.rejected.length > 0 || plan.conflicts.size > 0) && (
          <button type="button" data-jzs-action="download-rejected" onClick={() => downloadRejected(s, table, plan)}>
            {t('import.downloadRejected')}
          </button>
        )}
      </div>
      <PreviewRows state={s} plan={plan} dispatch={dispatch} />
      <div class="row">
        <button type="button" class="primary" data-jzs-action="confirm-import" disabled={!isMapped(s)} onClick={onConfirm}>
          {t('import.confirm')}
        </button>
        <button type="button" data-jzs-action="cancel-import" onClick={onCancel}>
          {t('import.cancelImport')}
        </button>
      </div>
    </>
  );
}

/** Every row not imported (rejected, or a conflict left out), with its reasons, as a CSV. */
function downloadRejected(s: ImportState, table: Table, plan: ImportPlan): void {
  const left = s.rows.filter((r) => plan.outcome.get(r.row) === 'reject' || plan.outcome.get(r.row) === 'conflict');
  const reason = (r: RowResult) => joinClauses([...r.errors.map((i) => cellMessage(r, i)), conflictText(plan, r) ?? ''].filter(Boolean));
  // A workbook's sheets one under the other, each under its own header line (rows carry their sheet by name).
  const blocks = s.sheets.length ? s.sheets.map((c) => ({ table: c.table, rows: left.filter((r) => r.sheet?.name === c.name) })) : [{ table, rows: left }];
  download(`${t('export.fileName.rejected', { name: s.fileName.replace(/\.[^.]+$/, '') })}.csv`, rejectedCsv(blocks, t('import.reasonHeader'), reason), 'text/csv;charset=utf-8');
}

/** The preview's table of rows, a page at a time, filtered to the rows with a problem when asked. */
function PreviewRows({ state: s, plan, dispatch }: { state: ImportState; plan: ImportPlan; dispatch: (a: ImportAction) => void }) {
  const listed = s.onlyProblems ? s.rows.filter(hasProblem(plan)) : s.rows;
  const shown = listed.slice(s.page * PREVIEW_PAGE, (s.page + 1) * PREVIEW_PAGE);
  const pages = Math.max(1, Math.ceil(listed.length / PREVIEW_PAGE));
  const choose = (row: number, choice: ConflictChoice) => dispatch({ type: 'choose', row, choice });
  return (
    <>
      <RowsTable key={`${s.page}:${s.onlyProblems}`} rows={shown} plan={plan} choices={s.choices} onChoose={choose} />
      {pages > 1 && (
        <div class="row pager">
          <button type="button" disabled={s.page === 0} onClick={() => dispatch({ type: 'page', page: s.page - 1 })}>
            {t('profiles.prev')}
          </button>
          <span>{t('profiles.pageOf', { page: s.page + 1, pages })}</span>
          <button type="button" disabled={s.page + 1 >= pages} onClick={() => dispatch({ type: 'page', page: s.page + 1 })}>
            {t('profiles.more')}
          </button>
        </div>
      )}
    </>
  );
}

/** One page of rows, drawn ROWS_PER_TASK at a time when it appears (a new page or filter mounts it afresh). */
function RowsTable({ rows, plan, choices, onChoose }: { rows: RowResult[]; plan: ImportPlan; choices: ImportState['choices']; onChoose: (row: number, c: ConflictChoice) => void }) {
  const drawn = useStepwise(rows.length, ROWS_PER_TASK);
  return (
    <table class="rows" data-jzs-preview-rows={drawn === rows.length ? 'complete' : 'drawing'}>
      <thead>
        <tr>
          <th>{t('import.sheetRow')}</th>
          <th>{columnName('name')}</th>
          <th>{columnName('idNumber')}</th>
          <th>{t('import.result')}</th>
          <th>{t('import.messages')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, drawn).map((r) => (
          <PreviewRow key={r.row} r={r} plan={plan} choice={choices.get(r.row) ?? 'skip'} onChoose={onChoose} />
        ))}
      </tbody>
    </table>
  );
}

function outcomeText(plan: ImportPlan, r: RowResult): string {
  if (r.trailer) return t('import.trailer');
  if (r.blank) return t('import.blank');
  return t(OUTCOME_TEXT[plan.outcome.get(r.row) ?? 'create'] ?? 'import.willCreate');
}

function PreviewRow({ r, plan, choice, onChoose }: { r: RowResult; plan: ImportPlan; choice: ConflictChoice; onChoose: (row: number, c: ConflictChoice) => void }) {
  const conflict = conflictText(plan, r);
  const repeat = repeatText(plan, r);
  return (
    <tr data-jzs-preview-row={r.row} data-sheet-row={r.sheetRow} data-sheet={r.sheet?.name} data-outcome={r.trailer ? 'trailer' : r.blank ? 'blank' : plan.outcome.get(r.row)} class={r.errors.length ? 'bad' : r.warnings.length || conflict || repeat ? 'warn' : ''}>
      <td>{r.sheet ? <ZhRuns text={t('import.rowInSheet', { sheet: r.sheet.name, row: r.sheetRow })} /> : r.sheetRow}</td>
      <td>
        <ZhRuns text={r.data.name ?? r.shown?.name ?? ''} />
      </td>
      <td>{r.data.idNumber ? maskId(r.data.idNumber) : r.shown?.idNumber}</td>
      <td>{outcomeText(plan, r)}</td>
      <td>
        {r.errors.map((i) => (
          <div key={`e${i.column}${i.code}`} class="error">
            <ZhRuns text={cellMessage(r, i)} />
          </div>
        ))}
        {r.warnings.map((i) => (
          <div key={`w${i.column}${i.code}`} class="warning" data-jzs-cell-warning={i.column}>
            <ZhRuns text={cellMessage(r, i)} />
          </div>
        ))}
        {r.notices.map((i) => (
          <div key={`n${i.column}${i.code}`} class="muted">
            <ZhRuns text={cellMessage(r, i)} />
          </div>
        ))}
        {repeat && (
          <div class="warning" data-jzs-import-repeat={r.row}>
            <ZhRuns text={repeat} />
          </div>
        )}
        {conflict && (
          <div class="warning">
            <ZhRuns text={conflict} />{' '}
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

/** Step 4: what the commit did, with every rejected row by the row number Excel shows (contract.md). */
export function ReportStep({ report, read, fileName }: { report: Report; read?: ReadResult; fileName?: string }) {
  return (
    <div class="report" data-jzs-import-report="" data-imported={report.imported} data-unchanged={report.unchanged} data-rejected={report.rejected.length} data-skipped={report.skipped}>
      {fileName && (
        <p class="muted" data-jzs-import-file="">
          <ZhRuns text={t('import.reportFile', { file: fileName })} />
        </p>
      )}
      <p class="ok">{t('import.report', { imported: report.imported - report.unchanged, unchanged: report.unchanged, rejected: report.rejected.length, skipped: report.skipped })}</p>
      {read?.fatal && <p class="error">{t('import.fatal', { message: t(read.fatal.code, read.fatal.params) })}</p>}
      <ul>
        {report.rejected.map((r) => (
          <li key={r.row} class="error" data-jzs-import-error="" data-row={r.sheet?.row ?? r.row} data-sheet-row={r.sheetRow} data-sheet={r.sheet?.name}>
            <ZhRuns text={joinClauses(r.errors.map((e) => cellMessage(r, e)))} />
          </li>
        ))}
      </ul>
    </div>
  );
}
