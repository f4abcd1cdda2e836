import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { t } from '../../i18n';
import { CodedError, describe } from '../../i18n/problem';
import type { ColumnKey } from '../../profiles/io/mapping';
import { planImport } from '../../profiles/io/plan';
import { HEADER_SEARCH_ROWS, type ReadResult, autoMapTable, findHeaderRow, sheetOf, tableAt } from '../../profiles/io/read';
import { checkRows, commitPlan } from './import-flow';
import { type ImportAction, type ImportState, headerOf, importReducer, initialImport, partsOf, reportOf, sheetChoices } from './import-state';
import { FileStep, MappingStep, PreviewStep, ReportStep, SheetsStep } from './ImportSteps';
import { SheetWorker } from './read-in-worker';

const errorText = (err: unknown) => (err instanceof CodedError ? describe(err) : t('import.err.reader'));

/** 导入: file → sheets → header row and columns → preview of every row → duplicates and conflicts → one all-or-nothing commit. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const [s, dispatch] = useReducer(importReducer, initialImport);
  const plan = useMemo(() => planImport(s.rows, s.existing, s.policy, s.choices), [s.rows, s.existing, s.policy, s.choices]);
  const onProgress = (value: number) => dispatch({ type: 'progress', value });
  const fail = (err: unknown) => dispatch({ type: 'failed', text: errorText(err) });

  // The file's worker: it holds the file and checks its rows for every header row and mapping (read-in-worker.ts).
  const sheet = useRef<SheetWorker | undefined>(undefined);
  const closeSheet = () => sheet.current?.close();
  useEffect(() => closeSheet, []);
  /** Apply a change of sheets, header row or mapping, and check the rows again as they now are. */
  const recheck = async (state: ImportState, action: ImportAction) => {
    dispatch(action);
    const next = importReducer(state, action);
    const checked = sheet.current && (await checkRows(sheet.current, partsOf(next), (r, key) => headerOf(next, r, key)));
    if (checked) dispatch({ type: 'checked', ...checked });
  };
  const onFile = async (file: File) => {
    performance.mark('jzs-import-start');
    dispatch({ type: 'start', fileName: file.name });
    closeSheet();
    sheet.current = new SheetWorker(onProgress);
    try {
      const read = await sheet.current.read(file);
      performance.mark('jzs-import-read');
      const start = importReducer({ ...initialImport, read }, { type: 'read', read });
      dispatch({ type: 'read', read });
      await recheck(start, firstView(read));
      // The plan over every row and the preview's first rows: two renders, two tasks (bench T9).
      await new Promise((resolve) => setTimeout(resolve, 0));
      dispatch({ type: 'previewed' });
      performance.mark('jzs-import-preview');
    } catch (err) {
      closeSheet();
      fail(err);
    }
  };
  const changeHeaderRow = (value: number) => {
    const shown = s.read && sheetOf(s.read, s.viewing);
    if (!shown || !Number.isInteger(value) || value < 1 || value > Math.min(HEADER_SEARCH_ROWS, shown.grid.length)) return;
    const table = tableAt(shown, value);
    recheck(s, { type: 'table', table, mapping: autoMapTable(table) }).catch(fail);
  };
  const changeMapping = (column: number, key: ColumnKey | null) => {
    if (s.table) recheck(s, { type: 'map', column, key }).catch(fail);
  };
  const chooseSheet = (index: number, chosen: boolean) => recheck(s, { type: 'chooseSheet', sheet: index, chosen }).catch(fail);
  const takeEmployer = (index: number, employer: string | undefined) => recheck(s, { type: 'sheetEmployer', sheet: index, employer }).catch(fail);
  const confirm = async () => {
    performance.mark('jzs-import-commit');
    dispatch({ type: 'saving' });
    try {
      await commitPlan(plan, onProgress);
      closeSheet();
      dispatch({ type: 'done', report: reportOf(plan) });
      performance.mark('jzs-import-done');
      onImported();
    } catch (err) {
      dispatch({ type: 'failed', text: t('import.failed', { message: describe(err) }) });
    }
  };

  return (
    <section class="panel" data-jzs-import-panel="" data-stage={s.stage}>
      <h2>{t('import.title')}</h2>
      <FileStep state={s} onFile={(f) => void onFile(f)} />
      {s.stage === 'preview' && s.table && s.read && (
        <div class="preview" data-jzs-import-preview="">
          <SheetsStep state={s} onChoose={chooseSheet} onView={(index) => dispatch({ type: 'view', sheet: index })} onEmployer={takeEmployer} />
          <MappingStep state={s} read={s.read} table={s.table} onHeaderRow={changeHeaderRow} onMap={changeMapping} onEmployer={takeEmployer} />
          <PreviewStep state={s} table={s.table} plan={plan} dispatch={dispatch} onConfirm={() => void confirm()} onCancel={() => (closeSheet(), dispatch({ type: 'cancelled', text: t('import.cancelled') }))} />
        </div>
      )}
      {s.stage === 'done' && s.report && <ReportStep report={s.report} read={s.read} fileName={s.fileName} />}
    </section>
  );
}

/** What a read file shows first: a workbook's sheets (the first recognised one shown), else its one table under the header found. */
function firstView(read: ReadResult): ImportAction {
  const sheets = sheetChoices(read);
  if (sheets.length) return { type: 'sheets', sheets, viewing: read.primary ?? 0 };
  const table = tableAt(read, findHeaderRow(read.grid));
  return { type: 'table', table, mapping: autoMapTable(table) };
}
