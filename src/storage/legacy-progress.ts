/**
 * 0.1.0's 「办理中的业务」 (three states on each profile) → case bodies. Lives in storage (not cases/ or
 * profiles/) because the v4 upgrade runs it inside the database's versionchange transaction; restoring a
 * 0.1.0 backup uses the same function, so both paths give the same cases.
 */
import { isCaseStatus, type CaseStatus } from '../domain/case-status';
import { isBusinessId, type BusinessId } from '../domain/ids';
import { isRecord } from '../domain/records';

const FROM_PROGRESS: Readonly<Record<string, CaseStatus>> = { preparing: 'preparing', submitted: 'submitted', done: 'done' };

export interface LegacyCaseBody {
  business: BusinessId;
  status: CaseStatus;
  statusSince: string;
  conditions: string[];
  ready: string[];
  notes: string;
  archived: boolean;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Entries that are not a business progress of 0.1.0's shape are skipped, never guessed. */
export function casesFromProgress(list: unknown, fallbackDate: string): LegacyCaseBody[] {
  if (!Array.isArray(list)) return [];
  const out: LegacyCaseBody[] = [];
  const items: readonly unknown[] = list;
  for (const p of items) {
    if (!isRecord(p)) continue;
    const status = typeof p.status === 'string' ? FROM_PROGRESS[p.status] : undefined;
    if (!isBusinessId(p.business) || !status || !isCaseStatus(status)) continue;
    out.push({
      business: p.business,
      status,
      statusSince: typeof p.updatedAt === 'string' ? p.updatedAt : fallbackDate,
      conditions: strings(p.conditions),
      ready: strings(p.ready),
      notes: '',
      archived: false,
    });
  }
  return out;
}
