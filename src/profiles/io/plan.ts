import type { ImportItem } from '../store';
import { FIELD_KEYS, type FieldKey } from '../../domain/ids';
import { type Profile, type ProfileData, type ProfileDataInput, setField } from '../schema';
import type { RowResult } from './rows';

/** What to do with a row whose ID number is already stored or repeats an earlier row under the same name. */
export type DuplicatePolicy = 'update' | 'skip' | 'keep-both';

/** The clerk's answer for a conflicting row (same ID number, another name): by default, not imported. */
export type ConflictChoice = 'skip' | 'import';

type PlanItem = Extract<ImportItem, { kind: 'create' | 'update' }>;

/** `unchanged`: the row's ID number is stored (or earlier in the file) and the row would change none of its values. */
export type Outcome = 'create' | 'update' | 'unchanged' | 'skip' | 'reject' | 'conflict';

/** Why a row is a conflict: the other name its ID number carries, and where (stored, or an earlier sheet row). */
export interface Conflict {
  otherName: string;
  stored: boolean;
  /** Sheet rows of the file that carry the same ID number under another name. */
  sheetRows: number[];
  /** In a workbook of several sheets, the sheet of each of those rows. */
  sheets?: string[] | undefined;
}

/** A row repeating an earlier row's ID number (same name) with other values in some fields. */
export interface Repeat {
  /** Sheet rows above it with the same ID number whose values differ. */
  sheetRows: number[];
  /** In a workbook of several sheets, the sheet of each of those rows. */
  sheets?: string[] | undefined;
  fields: FieldKey[];
}

/** The sheets of rows, when they come from a workbook of several sheets (a sheet row alone would not say where). */
const sheetsOf = (rows: readonly RowResult[]) => (rows.some((r) => r.sheet) ? { sheets: rows.map((r) => r.sheet?.name ?? '') } : {});

/** One applicant of the work queue the import forms: a written item (by index), or a stored profile left as it is. */
export type QueueSlot = { item: number } | { id: string };

export interface ImportPlan {
  items: PlanItem[];
  created: number;
  updated: number;
  /** Stored applicants the rows leave exactly as they are: nothing is written for them (no new revision). */
  unchanged: number;
  skipped: number;
  rejected: RowResult[];
  conflicts: Map<number, Conflict>;
  /** Per row (N): what happens to it. */
  outcome: Map<number, Outcome>;
  /** Per row (N): an earlier row of the file is the same applicant with other values (repeatsOf). */
  repeats: Map<number, Repeat>;
  /**
   * The sheet's applicants in its order, for the work queue: those written, and those already stored that the
   * skip policy leaves untouched — they are still the sheet's applicants, to be walked with 「下一位」.
   */
  queue: QueueSlot[];
}

/** The work queue's profile ids once the items are written (`saved[i]` is the id written for items[i]). */
export function queueIds(queue: readonly QueueSlot[], saved: readonly string[]): string[] {
  return queue.flatMap((slot) => {
    const id = 'id' in slot ? slot.id : saved[slot.item];
    return id === undefined ? [] : [id];
  });
}

/** Whether a merge changed nothing: every field and the notes as they were. */
function sameBody(a: { data: ProfileDataInput; notes?: string | undefined }, b: { data: ProfileDataInput; notes?: string | undefined }): boolean {
  return (a.notes ?? '') === (b.notes ?? '') && FIELD_KEYS.every((k) => a.data[k] === b.data[k]);
}

/** Keep the stored value where the row cell is empty (a row never blanks out a field). */
function merge(base: ProfileDataInput, row: ProfileData): ProfileDataInput {
  const out: ProfileDataInput = { ...base };
  for (const k of FIELD_KEYS) {
    const v = row[k];
    if (v !== undefined && v !== '') setField(out, k, v);
  }
  return out;
}

const idKey = (r: RowResult) => (r.data.idNumber ?? '').toUpperCase();

/**
 * Same ID number, different names (contract.md): a conflict on every such row, in the file or against the stored
 * record — never merged silently. Rows whose names agree with each other and with the stored record are not.
 */
export function findConflicts(rows: readonly RowResult[], existing: ReadonlyMap<string, Profile>): Map<number, Conflict> {
  const groups = new Map<string, RowResult[]>();
  for (const r of rows) {
    if (r.blank || r.errors.length) continue;
    const list = groups.get(idKey(r));
    if (list) list.push(r);
    else groups.set(idKey(r), [r]);
  }
  const out = new Map<number, Conflict>();
  for (const [key, list] of groups) {
    // The usual case, one row and nothing stored: no conflict, and no Set built for it (10,000-row files, T9).
    if (list.length === 1 && !existing.has(key)) continue;
    const storedName = existing.get(key)?.data.name;
    const names = new Set(list.map((r) => r.data.name));
    if (storedName !== undefined) names.add(storedName);
    if (names.size < 2) continue;
    for (const r of list) {
      const others = list.filter((o) => o !== r && o.data.name !== r.data.name);
      const stored = storedName !== undefined && storedName !== r.data.name;
      if (!stored && !others.length) continue;
      out.set(r.row, { otherName: stored ? storedName : (others[0]?.data.name ?? ''), stored, sheetRows: others.map((o) => o.sheetRow), ...sheetsOf(others) });
    }
  }
  return out;
}

/**
 * The same applicant twice in one file (a person spread over two rows under merged 姓名/身份证号 cells, a row
 * pasted again after a correction) with different values in a field: which one is right is the clerk's call,
 * so each later row says which fields differ from which rows — the update policy keeps the later value, which
 * would otherwise replace the earlier one without a word. Conflicts (other names) are said on their own.
 */
export function repeatsOf(rows: readonly RowResult[], conflicts: ReadonlyMap<number, Conflict>): Map<number, Repeat> {
  const seen = new Map<string, RowResult[]>();
  const out = new Map<number, Repeat>();
  for (const r of rows) {
    if (r.blank || r.errors.length || conflicts.has(r.row)) continue;
    const earlier = seen.get(idKey(r)) ?? [];
    const differing = earlier.filter((e) => differentFields(e.data, r.data).length);
    if (differing.length) {
      const fields = FIELD_KEYS.filter((k) => differing.some((e) => differentFields(e.data, r.data).includes(k)));
      out.set(r.row, { sheetRows: differing.map((e) => e.sheetRow), ...sheetsOf(differing), fields });
    }
    seen.set(idKey(r), [...earlier, r]);
  }
  return out;
}

/** Fields both rows fill, with different values. */
function differentFields(a: ProfileData, b: ProfileData): FieldKey[] {
  return FIELD_KEYS.filter((k) => {
    const x = a[k];
    const y = b[k];
    return x !== undefined && x !== '' && y !== undefined && y !== '' && x !== y;
  });
}

/**
 * Turn validated rows into one batch. Default (`update`): a row whose ID number is stored, or repeats an
 * earlier row, updates that record with its non-empty values (contract.md) — when the names agree. A conflict
 * is imported only when the clerk chose `import` for it, and then follows the same policy.
 */
export function planImport(
  rows: readonly RowResult[],
  existing: ReadonlyMap<string, Profile>,
  policy: DuplicatePolicy,
  choices: ReadonlyMap<number, ConflictChoice> = new Map(),
): ImportPlan {
  const items: PlanItem[] = [];
  const outcome: ImportPlan['outcome'] = new Map();
  const rejected: RowResult[] = [];
  const conflicts = findConflicts(rows, existing);
  const pending = new Map<string, number>(); // ID number → index in items
  const queue: QueueSlot[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let skipped = 0;
  for (const r of rows) {
    if (r.blank) continue;
    if (r.errors.length) {
      rejected.push(r);
      outcome.set(r.row, 'reject');
      continue;
    }
    if (conflicts.has(r.row) && choices.get(r.row) !== 'import') {
      outcome.set(r.row, 'conflict');
      continue;
    }
    const key = idKey(r);
    const stored = existing.get(key);
    const earlier = pending.get(key);
    const duplicate = stored !== undefined || earlier !== undefined;
    if (duplicate && policy === 'skip') {
      skipped++;
      outcome.set(r.row, 'skip');
      // Listed again by a later row: the work queue walks a profile once (queueOf).
      if (stored) queue.push({ id: stored.id });
      continue;
    }
    if (duplicate && policy === 'update') {
      const item = earlier !== undefined ? items[earlier] : undefined;
      const before = item?.body ?? stored ?? { data: {} };
      const body = { data: merge(before.data, r.data), notes: r.notes || before.notes };
      // A file imported again unchanged: the stored applicant stays as it is, with no new revision (and is still one
      // of the sheet's applicants for the work queue).
      if (sameBody(body, before)) {
        if (stored && !item) {
          unchanged++;
          queue.push({ id: stored.id });
        }
        outcome.set(r.row, item ? 'update' : 'unchanged');
        continue;
      }
      if (item) {
        item.body = { ...item.body, ...body };
      } else if (stored) {
        items.push({ kind: 'update', id: stored.id, expectedRevision: stored.revision, body: { ...body, businesses: stored.businesses } });
        pending.set(key, items.length - 1);
        queue.push({ item: items.length - 1 });
        updated++;
      }
      outcome.set(r.row, 'update');
      continue;
    }
    items.push({ kind: 'create', body: { data: r.data, notes: r.notes ?? '' } });
    queue.push({ item: items.length - 1 });
    if (!pending.has(key)) pending.set(key, items.length - 1);
    created++;
    outcome.set(r.row, 'create');
  }
  return { items, created, updated, unchanged, skipped, rejected, conflicts, outcome, repeats: repeatsOf(rows, conflicts), queue };
}
