/**
 * The import panel's state as a pure reducer (issue 16.3): every step of the import — file read, header row and
 * column mapping, preview with filters and conflicts, commit and report — is one action here, so the panel's
 * components only render and dispatch, and the transitions are unit-tested without a DOM.
 */
import type { ColumnKey } from '../../profiles/io/mapping';
import type { ConflictChoice, DuplicatePolicy, ImportPlan } from '../../profiles/io/plan';
import { autoMapTable, dataRowsIn, findHeaderRow, hasHeaderRow, type ReadResult, sheetOf, tableAt } from '../../profiles/io/read';
import type { RowResult } from '../../profiles/io/rows';
import type { CheckPart } from '../../profiles/io/sheet-session';
import { offered, type SheetEmployer, sheetEmployer } from '../../profiles/io/sheet-employer';
import type { Table } from '../../profiles/io/table';
import type { Profile } from '../../profiles/schema';

export type Stage = 'idle' | 'reading' | 'preview' | 'saving' | 'done';

export interface Report {
  /**
   * Applicants the file's rows now stand for in the store: created, updated, and unchanged ones. contract.md's
   * data-imported counts new and updated records; a row that matches its record is taken as an update that changed
   * nothing, so re-importing a file still says every row was imported (acceptance tests read it that way).
   */
  imported: number;
  /** Of those, stored applicants the file left as they were (nothing written for them). */
  unchanged: number;
  skipped: number;
  rejected: RowResult[];
}

export interface Message {
  kind: 'ok' | 'error';
  text: string;
}

/** A sheet of a workbook of several: what the sheet list shows of it, whether it is imported, its header and mapping. */
export interface SheetChoice {
  name: string;
  /** Data rows under its header row, blank rows not counted. */
  rows: number;
  /** Its header row maps known columns (hasHeaderRow): imported by default. */
  recognised: boolean;
  chosen: boolean;
  table: Table;
  mapping: Array<ColumnKey | null>;
  /** The employer the clerk accepted from the sheet's name or title (employerOf), for its rows. */
  employer?: string | undefined;
}

export interface ImportState {
  stage: Stage;
  fileName: string;
  read?: ReadResult;
  /** The sheet shown in the mapping step: `table` and `mapping` are its (and `sheets[viewing]`'s, when there are sheets). */
  table?: Table;
  mapping: Array<ColumnKey | null>;
  /** A workbook's sheets (empty for a CSV or a workbook of one sheet), and which of them the mapping step shows. */
  sheets: SheetChoice[];
  viewing: number;
  /** A file of one sheet: the employer the clerk accepted from its name (a workbook's are in `sheets`). */
  employer?: string | undefined;
  rows: RowResult[];
  /** Stored profiles by upper-case ID number, for duplicates and conflicts. */
  existing: Map<string, Profile>;
  policy: DuplicatePolicy;
  choices: Map<number, ConflictChoice>;
  onlyProblems: boolean;
  progress: number;
  page: number;
  report?: Report;
  message?: Message;
}

export type ImportAction =
  | { type: 'start'; fileName: string }
  | { type: 'progress'; value: number }
  | { type: 'read'; read: ReadResult }
  | { type: 'table'; table: Table; mapping: Array<ColumnKey | null> }
  | { type: 'map'; column: number; key: ColumnKey | null }
  | { type: 'sheets'; sheets: SheetChoice[]; viewing: number }
  | { type: 'view'; sheet: number }
  | { type: 'chooseSheet'; sheet: number; chosen: boolean }
  | { type: 'sheetEmployer'; sheet: number; employer: string | undefined }
  | { type: 'checked'; rows: RowResult[]; existing: Map<string, Profile> }
  | { type: 'previewed' }
  | { type: 'policy'; policy: DuplicatePolicy }
  | { type: 'choose'; row: number; choice: ConflictChoice }
  | { type: 'onlyProblems'; value: boolean }
  | { type: 'page'; page: number }
  | { type: 'saving' }
  | { type: 'done'; report: Report }
  | { type: 'failed'; text: string }
  | { type: 'cancelled'; text: string };

export const initialImport: ImportState = {
  stage: 'idle',
  fileName: '',
  mapping: [],
  sheets: [],
  viewing: 0,
  rows: [],
  existing: new Map(),
  policy: 'update',
  choices: new Map(),
  onlyProblems: false,
  progress: 0,
  page: 0,
};

/** A key maps one column: taking it for `column` frees it elsewhere. */
export function remap(mapping: readonly (ColumnKey | null)[], column: number, key: ColumnKey | null): Array<ColumnKey | null> {
  return mapping.map((k, j) => (j === column ? key : k === key && key !== null ? null : k));
}

/** What the report says after a commit of `plan`: rows left out (rejected or an unresolved conflict) are not imported. */
export function reportOf(plan: ImportPlan): Report {
  const conflicts = [...plan.outcome.values()].filter((o) => o === 'conflict').length;
  return { imported: plan.created + plan.updated + plan.unchanged, unchanged: plan.unchanged, skipped: plan.skipped + conflicts, rejected: plan.rejected };
}

/**
 * A workbook's sheets as the sheet list shows them (none for a file of one sheet): each with the header row found,
 * its columns mapped as headers map themselves, its data rows counted; those whose headers are recognised chosen.
 */
export function sheetChoices(read: ReadResult): SheetChoice[] {
  return (read.sheets ?? []).map((sheet) => {
    const table = tableAt(sheet, findHeaderRow(sheet.grid));
    const recognised = hasHeaderRow(sheet.grid);
    return { name: sheet.name, rows: dataRowsIn(sheet.grid, table.subHeaderRow ?? table.headerRow), recognised, chosen: recognised, table, mapping: autoMapTable(table) };
  });
}

/**
 * What a sheet says of its employer — from its title or a 填报单位 caption above its header row, or from its name
 * (sheet-employer.ts): one to offer, or the names that disagree — while the sheet has no employer column mapped:
 * with one, the rows have their own and nothing is offered. `sheet` is the sheet's index (0 for a file of one sheet).
 */
export function employerOf(read: ReadResult | undefined, sheet: number, headerRow: number, mapping: ReadonlyArray<ColumnKey | null>): SheetEmployer | undefined {
  if (!read || mapping.includes('employerName')) return undefined;
  const above = sheetOf(read, sheet).grid.slice(0, Math.max(0, headerRow - 1));
  return sheetEmployer(read.sheets?.[sheet]?.name ?? read.sheetName, above);
}

/** The employer a part carries: the one accepted, while its sheet still offers it (and the title row it came from). */
function accepted(read: ReadResult | undefined, sheet: number, headerRow: number, mapping: ReadonlyArray<ColumnKey | null>, employer: string | undefined): Pick<CheckPart, 'employer' | 'employerRow'> {
  const offer = employer === undefined ? undefined : offered(employerOf(read, sheet, headerRow, mapping));
  return offer?.value === employer ? { employer, employerRow: offer?.title?.row } : {};
}

type PartsSource = Pick<ImportState, 'sheets' | 'table' | 'mapping'> & Partial<Pick<ImportState, 'read' | 'employer'>>;

/** The sheets to check and import, each with its header row and mapping (sheet 0 and the one table for a CSV). */
export function partsOf(s: PartsSource): CheckPart[] {
  if (!s.sheets.length) {
    const headerRow = s.table?.headerRow ?? 1;
    return [{ sheet: 0, headerRow, mapping: s.mapping, ...accepted(s.read, 0, headerRow, s.mapping, s.employer) }];
  }
  return s.sheets.flatMap((c, sheet) => (c.chosen ? [{ sheet, headerRow: c.table.headerRow, mapping: c.mapping, ...accepted(s.read, sheet, c.table.headerRow, c.mapping, c.employer) }] : []));
}

/**
 * Both the name and the ID number columns are mapped, in every sheet to import (and at least one sheet is chosen):
 * without them no row can be identified.
 */
export const isMapped = (s: Pick<ImportState, 'sheets' | 'table' | 'mapping'>) => {
  const parts = partsOf(s);
  return parts.length > 0 && parts.every((p) => p.mapping.includes('name') && p.mapping.includes('idNumber'));
};

/** The header text of the column a row's `key` was read from: its sheet's (by name) in a workbook, else the table's. */
export function headerOf(s: Pick<ImportState, 'sheets' | 'table' | 'mapping'>, row: RowResult, key: ColumnKey): string {
  const choice = row.sheet ? s.sheets.find((c) => c.name === row.sheet?.name) : undefined;
  const mapping = choice?.mapping ?? s.mapping;
  const at = mapping.indexOf(key);
  return at >= 0 ? ((choice?.table ?? s.table)?.headers[at] ?? '') : '';
}

/** The viewed sheet's table and mapping, written back into its entry of `sheets` too. */
function withViewed(s: ImportState, table: Table, mapping: Array<ColumnKey | null>): ImportState {
  const sheets = s.sheets.map((c, i) => (i === s.viewing ? { ...c, table, mapping } : c));
  return { ...s, table, mapping, sheets, progress: 0 };
}

/** The smallest change of the progress bar worth a render. */
const PROGRESS_STEP = 0.02;

export function importReducer(s: ImportState, a: ImportAction): ImportState {
  switch (a.type) {
    case 'start':
      return { ...initialImport, fileName: a.fileName, stage: 'reading' };
    case 'progress':
      // Shown only while reading (saving shows a bar without a value), in steps of 2 %: each change is a render.
      return s.stage === 'reading' && (Math.abs(a.value - s.progress) >= PROGRESS_STEP || (a.value === 1 && s.progress !== 1)) ? { ...s, progress: a.value } : s;
    case 'read':
      return { ...s, read: a.read };
    case 'table':
      return { ...withViewed(s, a.table, a.mapping), page: 0 };
    case 'map':
      return s.table ? withViewed(s, s.table, remap(s.mapping, a.column, a.key)) : s;
    case 'sheets': {
      const shown = a.sheets[a.viewing];
      return shown ? { ...s, sheets: a.sheets, viewing: a.viewing, table: shown.table, mapping: shown.mapping } : s;
    }
    case 'view': {
      const shown = s.sheets[a.sheet];
      return shown ? { ...s, viewing: a.sheet, table: shown.table, mapping: shown.mapping } : s;
    }
    case 'chooseSheet':
      return { ...s, sheets: s.sheets.map((c, i) => (i === a.sheet ? { ...c, chosen: a.chosen } : c)), page: 0 };
    case 'sheetEmployer':
      if (!s.sheets.length) return { ...s, employer: a.employer };
      return { ...s, sheets: s.sheets.map((c, i) => (i === a.sheet ? { ...c, employer: a.employer } : c)) };
    case 'checked':
      // New rows: earlier conflict choices referred to the old validation and are dropped.
      return { ...s, rows: a.rows, existing: a.existing, choices: new Map() };
    case 'previewed':
      return { ...s, stage: 'preview' };
    case 'policy':
      return { ...s, policy: a.policy };
    case 'choose':
      return { ...s, choices: new Map(s.choices).set(a.row, a.choice) };
    case 'onlyProblems':
      return { ...s, onlyProblems: a.value, page: 0 };
    case 'page':
      return { ...s, page: a.page };
    case 'saving':
      return { ...s, stage: 'saving', message: undefined };
    case 'done':
      return { ...s, stage: 'done', report: a.report };
    case 'failed':
      // A failed read leaves nothing to preview; a failed commit or re-check goes back to the preview unchanged.
      return { ...s, stage: s.stage === 'reading' ? 'idle' : s.table ? 'preview' : 'idle', message: { kind: 'error', text: a.text } };
    case 'cancelled':
      return { ...initialImport, message: { kind: 'ok', text: a.text } };
  }
}
