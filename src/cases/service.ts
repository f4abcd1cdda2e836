import type { CaseStatus } from '../domain/case-status';
import { currentCaseOf, FINISHED_STATUSES } from '../domain/case-status';
import type { BusinessId } from '../domain/ids';
import type { ProfileService } from '../profiles/service';
import type { RulePack } from '../rules/schema';
import { progress, type ChecklistView } from '../rules/status';
import { checklistView } from '../rules/view';
import { type InPlay, profileRulesOf, type ProfileRules } from '../rules/profile-rules';
import { casesFromProgress } from '../storage/legacy-progress';
import { SHANGHAI_OFFSET_MS, todayInShanghai } from '../domain/calendar';
import type { Case, CaseBody } from './schema';
import { CodedError } from '../i18n/problem';
import { impliedConditions } from './implied-conditions';
import type { CaseStatusRules } from '../rules/case-statuses';
import { portalOutcome } from './offer';
import type { PortalCase } from './portal-status';
import { type Deadline, type DeadlineQuery, deadlines } from './deadlines';
import { deadlineRules } from './deadline-rules';
import { CaseNotFound, type CaseStore } from './store';
import { type CaseFilter, type CasePage, type CaseQuery, type CaseRow, employersOf, matches, SortedRows, sortRows } from './table';

export interface CasePatch {
  status?: CaseStatus | undefined;
  business?: BusinessId | undefined;
  notes?: string | undefined;
  submittedOn?: string | null | undefined;
  conditions?: string[] | undefined;
  ready?: string[] | undefined;
  archived?: boolean | undefined;
}

/** A body with a patch applied; the status date moves only when the status does. */
export function patched(c: Case, patch: CasePatch, now: Date): CaseBody {
  const { id: _i, profileId: _p, createdAt: _c, updatedAt: _u, revision: _r, ...body } = c;
  const next: CaseBody = { ...body };
  if (patch.status && patch.status !== c.status) {
    next.status = patch.status;
    next.statusSince = now.toISOString();
    // Submitting: Jinan's day, unless the clerk entered one.
    if (patch.status === 'submitted' && !c.submittedOn && patch.submittedOn === undefined) next.submittedOn = todayInShanghai(now);
  }
  if (patch.business) next.business = patch.business;
  if (patch.notes !== undefined) next.notes = patch.notes;
  if (patch.submittedOn !== undefined) next.submittedOn = patch.submittedOn ?? undefined;
  if (patch.conditions) next.conditions = patch.conditions;
  if (patch.ready) next.ready = patch.ready;
  if (patch.archived !== undefined) next.archived = patch.archived;
  return next;
}

/**
 * Months before `now` as an ISO instant: calendar months on Jinan's clock (满 N 个月 counts Jinan's calendar,
 * not the UTC date, which is the day before until 08:00), and the 31st falls back to the month's last day
 * (民法典 第二百零二条).
 */
export function monthsBefore(now: Date, months: number): string {
  const d = new Date(now.getTime() + SHANGHAI_OFFSET_MS); // its UTC fields read Jinan's wall clock
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return new Date(d.getTime() - SHANGHAI_OFFSET_MS).toISOString();
}

/**
 * Cases in the background: the decoded cases are kept in memory after the first read (like the profile
 * search index; dropped on a lock change), so the table's filter, sort and page over 10,000 cases never
 * re-read or re-decrypt the store. Names and employers come from the profile index at query time.
 */
export class CaseService {
  private cache: Map<string, Case> | undefined;
  private loading: Promise<Map<string, Case>> | undefined;
  private generation = 0;
  private views = new Map<string, ChecklistView>();
  /**
   * The table's rows, their sorted orders and employers, built once after any case change (10,000 cases:
   * a filter then reads a sublist already in order, not a rebuild and a sort per query). `names`: the profile
   * index and its change count the names and employers were last read from (unchanged: not read again).
   */
  private table: { pack: string; rows: CaseRow[]; sorted: Map<string, SortedRows>; employers?: string[] | undefined; names?: { index: object; changes: number } | undefined } | undefined;
  /** Materials ready n/m per case, kept across table rebuilds (one edit does not recount 10,000 cases). */
  private materials = new Map<string, { key: string; value: CaseRow['materials'] }>();

  constructor(
    readonly store: CaseStore,
    private readonly profiles: ProfileService,
    private readonly pack: () => Promise<RulePack>,
  ) {}

  reset(): void {
    this.cache = undefined;
    this.loading = undefined;
    this.table = undefined;
    this.materials.clear();
    this.generation++;
  }

  private async cases(): Promise<Map<string, Case>> {
    if (this.cache) return this.cache;
    const generation = this.generation;
    this.loading ??= this.store.all().then((all) => {
      const map = new Map(all.map((c) => [c.id, c]));
      if (generation === this.generation) this.cache = map;
      return map;
    });
    return this.loading.finally(() => {
      this.loading = undefined;
    });
  }

  private remember(cases: readonly Case[]): void {
    for (const c of cases) this.cache?.set(c.id, c);
    this.table = undefined;
  }

  private view(pack: RulePack, business: BusinessId): ChecklistView {
    const key = `${pack.version}:${business}`;
    let v = this.views.get(key);
    if (!v) {
      v = checklistView(pack, business);
      this.views.set(key, v);
    }
    return v;
  }

  private materialsOf(pack: RulePack, c: Case): CaseRow['materials'] {
    const key = `${pack.version}:${c.revision}`;
    const known = this.materials.get(c.id);
    if (known?.key === key) return known.value;
    const value = progress(this.view(pack, c.business), new Set(c.conditions), new Set(c.ready));
    this.materials.set(c.id, { key, value });
    return value;
  }

  private rowOf(pack: RulePack, c: Case): CaseRow {
    return {
      id: c.id,
      profileId: c.profileId,
      revision: c.revision,
      name: '',
      employer: '',
      business: c.business,
      status: c.status,
      materials: this.materialsOf(pack, c),
      submittedOn: c.submittedOn,
      updatedAt: c.updatedAt,
      notes: c.notes,
      archived: c.archived,
      correction: c.correction?.text,
    };
  }

  /** The table as it stands; names and employers are read from the profiles each time (edited elsewhere). */
  private async current(): Promise<NonNullable<CaseService['table']>> {
    const [cases, index, pack] = await Promise.all([this.cases(), this.profiles.summaries(), this.pack()]);
    let table = this.table;
    if (table?.pack !== pack.version) {
      table = { pack: pack.version, rows: [...cases.values()].map((c) => this.rowOf(pack, c)), sorted: new Map() };
      this.table = table;
    }
    // No profile changed since the names were read: a query costs no pass over the rows.
    if (table.names?.index === index && table.names.changes === index.changes) return table;
    table.names = { index, changes: index.changes };
    let renamed = false;
    for (const r of table.rows) {
      const p = index.summary(r.profileId);
      const name = p?.name ?? '';
      const employer = p?.employer ?? '';
      if (r.name !== name || r.employer !== employer) {
        r.name = name;
        r.employer = employer;
        renamed = true;
      }
    }
    if (renamed) {
      table.sorted.clear();
      table.employers = undefined;
    }
    return table;
  }

  async rows(): Promise<CaseRow[]> {
    return (await this.current()).rows;
  }

  async query(q: CaseQuery): Promise<CasePage> {
    const table = await this.current();
    const order = `${q.sort}:${q.dir}`;
    let sorted = table.sorted.get(order);
    if (!sorted) {
      sorted = new SortedRows(sortRows(table.rows, q.sort, q.dir));
      table.sorted.set(order, sorted);
    }
    table.employers ??= employersOf(table.rows);
    return sorted.page(q, table.employers);
  }

  /** Ids of every case a filter matches (「全选」 across pages). */
  async idsMatching(f: CaseFilter): Promise<string[]> {
    return (await this.rows()).filter((r) => matches(r, f)).map((r) => r.id);
  }

  async get(ids: readonly string[]): Promise<Case[]> {
    const cases = await this.cases();
    return ids.map((id) => {
      const c = cases.get(id);
      if (!c) throw new CaseNotFound();
      return c;
    });
  }

  async ofProfile(profileId: string): Promise<Case[]> {
    return [...(await this.cases()).values()].filter((c) => c.profileId === profileId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async all(): Promise<Case[]> {
    return [...(await this.cases()).values()];
  }

  /**
   * What an applicant's records say of their situations, for the on-page panel to offer (a click sets them):
   * the businesses of their open cases, and for `business` the situations of their current case of it, else the
   * ones their own fields imply (退休, another employer at the exam, a late initial registration) — the same as a
   * new case would start with. `today` is the Asia/Shanghai date.
   */
  async situationsOf(profileId: string, business: BusinessId | undefined, now: Date): Promise<{ businesses: BusinessId[]; conditions?: { ids: string[]; from: 'case' | 'profile' } | undefined }> {
    const mine = await this.ofProfile(profileId);
    const businesses = [...new Set(mine.filter((c) => !c.archived && !FINISHED_STATUSES.has(c.status)).map((c) => c.business))];
    if (!business) return { businesses };
    const current = currentCaseOf(mine, business);
    if (current) return { businesses, conditions: { ids: current.conditions, from: 'case' } };
    const profile = await this.profiles.get(profileId);
    return { businesses, conditions: { ids: impliedConditions(this.view(await this.pack(), business), profile.data, todayInShanghai(now)), from: 'profile' } };
  }

  /**
   * The rule pack's profile checks (contract term, minimum 学历) for an applicant: those of their open cases under
   * the situations set on each, and of the business the page they are filled into shows (`page`, with the tab's
   * situations) — else, with neither (no case open, a new profile, an import), of every business.
   */
  async profileRules(profileId: string | undefined, page?: InPlay): Promise<ProfileRules> {
    const open = profileId ? (await this.ofProfile(profileId)).filter((c) => !c.archived && !FINISHED_STATUSES.has(c.status)) : [];
    const inPlay: InPlay[] = open.map((c) => ({ business: c.business, conditions: c.conditions }));
    if (page && !inPlay.some((p) => p.business === page.business)) inPlay.push(page);
    return profileRulesOf(await this.pack(), inPlay);
  }

  async create(profileId: string, business: BusinessId, now: Date): Promise<Case> {
    const profile = await this.profiles.get(profileId); // refuses a profile that does not exist
    // Situations the profile already states (退休, another employer at the exam, a late initial registration) start set.
    const conditions = impliedConditions(this.view(await this.pack(), business), profile.data, todayInShanghai(now));
    const c = await this.store.create(profileId, { business, status: 'preparing', statusSince: now.toISOString(), conditions }, now);
    this.remember([c]);
    return c;
  }

  /** One patch on many cases, all or nothing, each checked against the revision the clerk saw. */
  async update(items: ReadonlyArray<{ id: string; revision: number }>, patch: CasePatch, now: Date): Promise<Case[]> {
    const current = await this.get(items.map((i) => i.id));
    const seen = new Map(items.map((i) => [i.id, i.revision]));
    const saved = await this.store.replace(
      current.map((c) => ({ current: { ...c, revision: seen.get(c.id) ?? c.revision }, body: patched(c, patch, now) })),
      now,
    );
    this.remember(saved);
    return saved;
  }

  async remove(ids: readonly string[]): Promise<number> {
    await this.store.remove(ids);
    for (const id of ids) this.cache?.delete(id);
    this.table = undefined;
    return ids.length;
  }

  async restore(cases: readonly Case[]): Promise<number> {
    this.remember(await this.store.restore(cases));
    return cases.length;
  }

  /** 0.1.0's 「办理中的业务」 of profiles written now (a restored old backup) become cases. */
  async absorbProgress(items: ReadonlyArray<{ profileId: string; progress: unknown; at: string }>, now: Date): Promise<Case[]> {
    const bodies = items.flatMap((i) => casesFromProgress(i.progress, i.at).map((body) => ({ profileId: i.profileId, body })));
    const created = await this.store.createMany(bodies, now);
    this.remember(created);
    return created;
  }

  /**
   * Update a case from what a portal page showed (on the clerk's click): status, the application's number
   * and id, 补正意见 and deadline, the submission day. The outcome is worked out again here, from the
   * stored case: a page or a stale offer cannot set anything the rule data does not say.
   */
  async fromPortal(caseId: string, revision: number, row: PortalCase, rules: CaseStatusRules, now: Date): Promise<Case> {
    const [c] = await this.get([caseId]);
    if (!c) throw new CaseNotFound();
    const outcome = portalOutcome(row, await this.ofProfile(c.profileId), rules);
    if (outcome.kind !== 'offer' || outcome.caseId !== caseId) throw new CodedError('cases.errors.stale');
    const at = now.toISOString();
    const body = patched(c, { status: outcome.to }, now);
    body.portal = { serial: row.serial, ref: row.ref, statusText: row.statusText.slice(0, 40), statusCode: row.statusCode, seenAt: at };
    if (row.correction) body.correction = { text: row.correction.slice(0, 5000), deadline: row.correctionDeadline, recordedAt: at };
    if (!body.submittedOn && row.appliedOn && outcome.to !== 'preparing' && outcome.to !== 'ready') body.submittedOn = row.appliedOn;
    const [saved] = await this.store.replace([{ current: { ...c, revision }, body }], now);
    if (saved) this.remember([saved]);
    return saved ?? c;
  }

  /** The deadlines of every applicant and open case (pure computation in deadlines.ts). */
  async deadlines(q: Omit<DeadlineQuery, 'today'> & { employer?: string | undefined }, now: Date): Promise<{ today: string; rows: Deadline[]; employers: string[]; renewalDays: number; maxAge: number }> {
    const [profiles, cases, pack] = await Promise.all([this.profiles.all(), this.cases(), this.pack()]);
    const today = todayInShanghai(now);
    const people = profiles.map((p) => ({
      id: p.id,
      name: p.data.name ?? '',
      employer: p.data.employerName ?? '',
      registrationExpiry: p.data.registrationExpiry,
      contractEnd: p.data.contractEnd,
      birthDate: p.data.birthDate,
      idNumber: p.data.idNumber,
    }));
    const rules = deadlineRules(pack);
    const rows = deadlines(people, [...cases.values()], rules, { ...q, today }, now);
    const employers = [...new Set(people.map((p) => p.employer))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    return { today, rows: q.employer === undefined ? rows : rows.filter((r) => r.employer === q.employer), employers, renewalDays: rules.renewalLastDaysBefore, maxAge: rules.maxAge };
  }

  /** Cases finished (已办结 / 已退回) more than `months` ago: how many, and archive or delete them. */
  async cleanup(months: number, mode: 'count' | 'archive' | 'purge', now: Date): Promise<{ matched: number; ids: string[] }> {
    const cutoff = monthsBefore(now, months);
    const old = [...(await this.cases()).values()].filter((c) => FINISHED_STATUSES.has(c.status) && c.statusSince < cutoff && (mode !== 'archive' || !c.archived));
    const ids = old.map((c) => c.id);
    if (mode === 'archive' && old.length) await this.update(old.map((c) => ({ id: c.id, revision: c.revision })), { archived: true }, now);
    if (mode === 'purge' && old.length) await this.remove(ids);
    return { matched: old.length, ids };
  }
}
