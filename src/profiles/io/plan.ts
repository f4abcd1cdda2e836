import type { ImportItem } from '../store';
import type { Profile, ProfileData } from '../schema';
import type { RowResult } from './rows';

/** What to do with a row whose ID number is already stored or repeats an earlier row. */
export type DuplicatePolicy = 'update' | 'skip' | 'keep-both';

type PlanItem = Extract<ImportItem, { kind: 'create' | 'update' }>;

export interface ImportPlan {
  items: PlanItem[];
  created: number;
  updated: number;
  skipped: number;
  rejected: RowResult[];
  /** Per row: what happens to it. */
  outcome: Map<number, 'create' | 'update' | 'skip' | 'reject'>;
}

/** Keep the stored value where the row cell is empty (a row never blanks out a field). */
function merge(base: ProfileData, row: ProfileData): ProfileData {
  const out: ProfileData = { ...base };
  for (const [k, v] of Object.entries(row)) if (v !== undefined && v !== '') (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * Turn validated rows into one batch. Default (`update`): a row whose ID number is stored, or repeats an
 * earlier row, updates that record with its non-empty values (contract.md).
 */
export function planImport(rows: readonly RowResult[], existing: ReadonlyMap<string, Profile>, policy: DuplicatePolicy): ImportPlan {
  const items: PlanItem[] = [];
  const outcome: ImportPlan['outcome'] = new Map();
  const rejected: RowResult[] = [];
  const pending = new Map<string, number>(); // ID number → index in items
  let created = 0;
  let updated = 0;
  let skipped = 0;
  for (const r of rows) {
    if (r.blank) continue;
    if (r.errors.length) {
      rejected.push(r);
      outcome.set(r.row, 'reject');
      continue;
    }
    const key = (r.data.idNumber ?? '').toUpperCase();
    const stored = existing.get(key);
    const earlier = pending.get(key);
    const duplicate = stored !== undefined || earlier !== undefined;
    if (duplicate && policy === 'skip') {
      skipped++;
      outcome.set(r.row, 'skip');
      continue;
    }
    if (duplicate && policy === 'update') {
      if (earlier !== undefined) {
        const item = items[earlier]!;
        item.body = { ...item.body, data: merge(item.body.data as ProfileData, r.data), ...(r.notes ? { notes: r.notes } : {}) };
      } else {
        items.push({
          kind: 'update',
          id: stored!.id,
          expectedRevision: stored!.revision,
          body: { data: merge(stored!.data, r.data), businesses: stored!.businesses, notes: r.notes || stored!.notes },
        });
        pending.set(key, items.length - 1);
        updated++;
      }
      outcome.set(r.row, 'update');
      continue;
    }
    items.push({ kind: 'create', body: { data: r.data, notes: r.notes ?? '' } });
    if (!pending.has(key)) pending.set(key, items.length - 1);
    created++;
    outcome.set(r.row, 'create');
  }
  return { items, created, updated, skipped, rejected, outcome };
}
