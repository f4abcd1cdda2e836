/**
 * What restoring a backup would change (issue 17.5: 「恢复备份先看会改变什么」), pure. Compared by id:
 * added (in the backup, not stored: new, or deleted since the backup), changed (stored and different; `newer`
 * the ones edited after the backup, whose edits a restore would lose), unchanged, and missing (stored, not
 * in the backup: created since). The user chooses whether newer edits are overwritten and whether missing
 * profiles are deleted; by default neither (nothing is lost without a question). A backup profile whose ID
 * number fails the check (a file edited by hand or damaged) is held back unless the user asks for it, as an
 * import rejects such a row (contract.md): a wrong ID number is not written over a stored one silently. Nor is an
 * applicant stored under another id (a backup from another PC) given a second profile without the user's tick.
 */
import type { BatchItem } from './store';
import type { Profile } from './schema';

export interface RestoreDiff {
  total: number;
  added: string[];
  changed: string[];
  /** Subset of `changed`: stored version edited after the backup's. */
  newer: string[];
  unchanged: number;
  missing: string[];
  /** Subset of `added` and `changed`: an ID number present in the backup's profile that fails the check. */
  invalid: string[];
  /**
   * Subset of `added`: the ID number is held by another stored profile (the same applicant created separately, as
   * when a backup comes from another office PC). Restored, the applicant would have two profiles, and a fill or an
   * import could take the stale one.
   */
  twins: string[];
}

export interface RestoreChoice {
  overwriteNewer: boolean;
  removeMissing: boolean;
  restoreInvalid: boolean;
  /** Restore `twins` too (the applicant then has two profiles); by default they are held back. */
  restoreTwins?: boolean | undefined;
}

/** A few names per group, enough to recognise what is meant; the counts are complete. */
export const NAMES_SHOWN = 8;

export interface RestoreGroup {
  n: number;
  names: string[];
}

export interface RestorePreview {
  total: number;
  added: RestoreGroup;
  changed: RestoreGroup;
  newer: RestoreGroup;
  unchanged: number;
  missing: RestoreGroup;
  invalid: RestoreGroup;
  twins: RestoreGroup;
}

/** JSON with object keys sorted: two bodies are equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

const bodyKey = (p: Profile) => canonical({ data: p.data, businesses: p.businesses, notes: p.notes });

/** `idOk` says whether an ID number passes the check (validate/id-number.ts, with the day's date). */
export function diffRestore(backup: readonly Profile[], stored: ReadonlyMap<string, Profile>, idOk: (id: string) => boolean): RestoreDiff {
  const diff: RestoreDiff = { total: backup.length, added: [], changed: [], newer: [], unchanged: 0, missing: [], invalid: [], twins: [] };
  const inBackup = new Set<string>();
  const storedIdNumbers = new Set([...stored.values()].flatMap((p) => (p.data.idNumber ? [p.data.idNumber.toUpperCase()] : [])));
  for (const p of backup) {
    inBackup.add(p.id);
    const current = stored.get(p.id);
    const unchanged = !!current && bodyKey(current) === bodyKey(p) && current.createdAt === p.createdAt;
    if (unchanged) diff.unchanged++;
    else if (!current) {
      diff.added.push(p.id);
      if (p.data.idNumber && storedIdNumbers.has(p.data.idNumber.toUpperCase())) diff.twins.push(p.id);
    } else {
      diff.changed.push(p.id);
      if (current.updatedAt > p.updatedAt) diff.newer.push(p.id);
    }
    const id = p.data.idNumber;
    if (!unchanged && id && !idOk(id)) diff.invalid.push(p.id);
  }
  for (const id of stored.keys()) if (!inBackup.has(id)) diff.missing.push(id);
  return diff;
}

/** The batch a restore writes, following the user's choice. */
export function restoreItems(backup: readonly Profile[], diff: RestoreDiff, choice: RestoreChoice): BatchItem[] {
  const take = new Set([...diff.added, ...diff.changed]);
  if (!choice.overwriteNewer) for (const id of diff.newer) take.delete(id);
  if (!choice.restoreInvalid) for (const id of diff.invalid) take.delete(id);
  if (!choice.restoreTwins) for (const id of diff.twins) take.delete(id);
  const items: BatchItem[] = backup.filter((p) => take.has(p.id)).map((profile) => ({ kind: 'restore', profile }));
  if (choice.removeMissing) for (const id of diff.missing) items.push({ kind: 'remove', id });
  return items;
}

export function previewOf(diff: RestoreDiff, nameOf: (id: string) => string): RestorePreview {
  const group = (ids: readonly string[]): RestoreGroup => ({ n: ids.length, names: ids.slice(0, NAMES_SHOWN).map(nameOf) });
  return {
    total: diff.total,
    added: group(diff.added),
    changed: group(diff.changed),
    newer: group(diff.newer),
    unchanged: diff.unchanged,
    missing: group(diff.missing),
    invalid: group(diff.invalid),
    twins: group(diff.twins),
  };
}
