/** The import panel's messaging and checking steps (impure shell around the pure reducer in import-state.ts). */
import { send } from '../../messaging/client';
import { IMPORT_CHUNK } from '../../messaging/schemas';
import type { ColumnKey } from '../../profiles/io/mapping';
import type { CheckPart } from '../../profiles/io/sheet-session';
import { type ImportPlan, queueIds } from '../../profiles/io/plan';
import type { ImportItem } from '../../profiles/store';
import type { RowResult } from '../../profiles/io/rows';
import { withRuleWarnings } from '../../profiles/io/rule-warnings';
import type { Profile } from '../../profiles/schema';
import { todayInShanghai } from '../../domain/calendar';
import type { SheetWorker } from './read-in-worker';

/**
 * Check every row of the parts (each sheet to import below its header row with its mapping) in the file's worker,
 * add the rule pack's warnings (a 学历 below what a business asks) on the cell their value came from
 * (`headerOf`: a row's column header text), then look up the stored profiles sharing an ID number with a valid row.
 * Undefined when a newer check (another header row, mapping or choice of sheets) superseded this one.
 */
export async function checkRows(
  sheet: SheetWorker,
  parts: CheckPart[],
  headerOf: (row: RowResult, key: ColumnKey) => string = () => '',
): Promise<{ rows: RowResult[]; existing: Map<string, Profile> } | undefined> {
  const now = new Date();
  const [checked, rules] = await Promise.all([sheet.check(parts, now, todayInShanghai(now)), send('ui:profiles.rules', {}).catch(() => undefined)]);
  if (!checked) return undefined;
  const rows = rules ? withRuleWarnings(checked, (r) => headerOf(r, 'education'), rules) : checked;
  performance.mark('jzs-import-checked');
  const ids = [...new Set(rows.flatMap((r) => (!r.errors.length && r.data.idNumber ? [r.data.idNumber] : [])))];
  const stored = ids.length ? await send('ui:profiles.byIdNumbers', { idNumbers: ids }) : [];
  performance.mark('jzs-import-stored');
  return { rows, existing: new Map(stored.map((p) => [(p.data.idNumber ?? '').toUpperCase(), p])) };
}

/**
 * Write the plan's items, all or nothing: sent in chunks to a background session (no one message — one structured
 * clone — carries 10,000 profiles, bench T9), then one commit writes them all in one transaction. A failure on the
 * way drops the session: nothing is written.
 */
export async function commitItems(items: readonly ImportItem[], onProgress: (fraction: number) => void): Promise<string[]> {
  if (!items.length) return [];
  const session = crypto.randomUUID();
  const total = items.length;
  try {
    for (let at = 0; at < total; at += IMPORT_CHUNK) {
      await send('ui:import.stage', { session, total, items: items.slice(at, at + IMPORT_CHUNK) });
      onProgress(Math.min(total, at + IMPORT_CHUNK) / total);
    }
    performance.mark('jzs-import-sent');
    return (await send('ui:import.commit', { session })).ids;
  } catch (err) {
    void send('ui:import.cancel', { session }).catch(() => undefined);
    throw err;
  }
}

/**
 * Commit an import's plan, then make the sheet's applicants the work queue in the sheet's order. The background
 * queues what it wrote; when the skip policy left stored applicants of the sheet untouched, they are the sheet's
 * too, and the queue is set again with them in their places (README: 「下一位」 walks the applicants of an import).
 */
export async function commitPlan(plan: Pick<ImportPlan, 'items' | 'queue'>, onProgress: (fraction: number) => void): Promise<void> {
  const saved = await commitItems(plan.items, onProgress);
  if (!plan.queue.some((slot) => 'id' in slot)) return;
  const ids = queueIds(plan.queue, saved);
  if (ids.length) await send('ui:queue.set', { ids, source: 'import' });
}
