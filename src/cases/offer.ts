/**
 * Which case a 办件 shown on a portal page is, and what updating it from the page would change: pure, so the
 * background decides (never the page) and tests check the matching without a browser. Nothing is written
 * here; an offer is applied only on the clerk's click.
 */
import { type CaseStatus, FINISHED_STATUSES } from '../domain/case-status';
import type { BusinessId } from '../domain/ids';
import type { CaseStatusRules } from '../rules/case-statuses';
import type { PortalCase } from './portal-status';
import type { Case } from './schema';
import { mapPortalStatus } from './status-map';

export type PortalOutcome =
  | { kind: 'offer'; caseId: string; revision: number; business: BusinessId; from: CaseStatus; to: CaseStatus; correction?: string | undefined }
  /** The case already says what the page says. */
  | { kind: 'current'; caseId: string; business: BusinessId; status: CaseStatus }
  /** No case of the applicant for this business: the clerk may create one. */
  | { kind: 'no-case'; business: BusinessId }
  /** Several open cases of the applicant for this business: which one is meant is not ours to guess. */
  | { kind: 'ambiguous'; business: BusinessId }
  /** Not a 建造师 business, a status that maps to none (待提交), an unknown status, or text and code disagreeing. */
  | { kind: 'skip'; reason: 'other-business' | 'not-sent' | 'unknown-status' | 'conflict' };

/** The case a portal row is: the one that recorded this application before, else the one open case of its business. */
function caseFor(row: PortalCase, cases: readonly Case[]): Case | 'none' | 'ambiguous' {
  const known = cases.find((c) => c.portal && ((row.ref && c.portal.ref === row.ref) || (row.serial && c.portal.serial === row.serial)));
  if (known) return known;
  const same = cases.filter((c) => c.business === row.business && !c.archived && !c.portal?.ref);
  const open = same.filter((c) => !FINISHED_STATUSES.has(c.status));
  const pool = open.length ? open : same;
  const [only] = pool;
  if (only && pool.length === 1) return only;
  return pool.length ? 'ambiguous' : 'none';
}

export function portalOutcome(row: PortalCase, cases: readonly Case[], rules: CaseStatusRules): PortalOutcome {
  if (!row.business) return { kind: 'skip', reason: 'other-business' };
  const mapped = mapPortalStatus(rules, row.statusText, row.statusCode);
  if (mapped.kind === 'unknown') return { kind: 'skip', reason: 'unknown-status' };
  if (mapped.kind === 'conflict') return { kind: 'skip', reason: 'conflict' };
  if (!mapped.caseStatus) return { kind: 'skip', reason: 'not-sent' };
  const c = caseFor(row, cases);
  if (c === 'none') return { kind: 'no-case', business: row.business };
  if (c === 'ambiguous') return { kind: 'ambiguous', business: row.business };
  const newCorrection = row.correction && row.correction !== c.correction?.text;
  if (c.status === mapped.caseStatus && !newCorrection) return { kind: 'current', caseId: c.id, business: c.business, status: c.status };
  return { kind: 'offer', caseId: c.id, revision: c.revision, business: c.business, from: c.status, to: mapped.caseStatus, correction: row.correction };
}
