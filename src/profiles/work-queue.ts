/**
 * The clerk's work queue (issue 17.6), pure: the applicants of an import (in the sheet's order), of a
 * selection or of a search, walked one after another by 「下一位」. It holds opaque profile ids only. The
 * position is where the clerk is in it; picking someone outside the queue (from a search) keeps both the
 * queue and the position, and the end is an end: no silent wrap to the first.
 */
import { isRecord } from '../domain/records';
export type QueueSource = 'import' | 'selection' | 'search' | 'list';

export interface WorkQueue {
  ids: string[];
  /** Index of the applicant the clerk is at (0-based). */
  index: number;
  source: QueueSource;
}

/** What the UI shows: `[data-jzs-queue]` with data-position (1-based) and data-total. */
export interface QueueView {
  position: number;
  total: number;
  source: QueueSource;
  /** The current applicant is the one at `position` (false: picked from outside the queue). */
  current: boolean;
  atEnd: boolean;
}

const SOURCES: readonly QueueSource[] = ['import', 'selection', 'search', 'list'];

/** A stored queue as it was written (storage.session holds what any version of the extension wrote). */
export function isWorkQueue(v: unknown): v is WorkQueue {
  if (!isRecord(v)) return false;
  const q = v; // read field by field below (a narrowed parameter does not stay narrowed inside the callback)
  return (
    Array.isArray(q.ids) &&
    q.ids.every((id) => typeof id === 'string') &&
    typeof q.index === 'number' &&
    Number.isInteger(q.index) &&
    q.index >= 0 &&
    q.index < q.ids.length &&
    SOURCES.some((s) => s === q.source)
  );
}

export function queueOf(ids: readonly string[], source: QueueSource, start = 0): WorkQueue {
  // A profile listed twice (a selection built twice) is walked once.
  return { ids: [...new Set(ids)], index: start, source };
}

export function queueView(q: WorkQueue, activeId: string | null | undefined): QueueView {
  return { position: q.index + 1, total: q.ids.length, source: q.source, current: q.ids[q.index] === activeId, atEnd: q.index >= q.ids.length - 1 };
}

/** The active applicant changed: if they are in the queue the position follows, else it stays. */
export function follow(q: WorkQueue, activeId: string): WorkQueue {
  const at = q.ids.indexOf(activeId);
  return at < 0 || at === q.index ? q : { ...q, index: at };
}

/** The queue without profiles that no longer exist; the position stays on the same applicant or the one before. */
export function without(q: WorkQueue, gone: ReadonlySet<string>): WorkQueue {
  if (!q.ids.some((id) => gone.has(id))) return q;
  const before = q.ids.slice(0, q.index + 1).filter((id) => !gone.has(id)).length;
  return { ...q, ids: q.ids.filter((id) => !gone.has(id)), index: Math.max(0, before - 1) };
}

/** The next position, or undefined at the end. */
export function advance(q: WorkQueue): WorkQueue | undefined {
  return q.index + 1 < q.ids.length ? { ...q, index: q.index + 1 } : undefined;
}
