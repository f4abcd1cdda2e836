/**
 * The typed message protocol between the extension's parts. Types only: content scripts import this file
 * without pulling zod in. Names say who sends to whom:
 *   `cs:*`  content script (a portal frame) → background
 *   `ui:*`  extension page (popup, options, checklist) → background
 *   `bg:*`  background → content script (one frame of a tab)
 * The background validates every request against `schemas.ts` and checks the sender's kind before a
 * handler runs (src/background/router.ts).
 */
import type { BusinessId, FieldKey } from '../domain/ids';
import type { PortalId } from '../portals/origins';
import type { FieldDefinitionView, FieldMapView, LabelReading } from '../portals/fields';
import type { PageDefinition } from '../portals/page';
import type { PageReport as StructureReport } from '../portals/page-report';
import type { PortalLabels } from '../cases/portal-status';
import type { PortalStatusGroup } from '../rules/case-statuses';
import type { CheckView, ChecklistView, ContentChecklist, RunnableCheck } from '../rules/status';
import type { Profile, ProfileInput, ProfileSummary } from '../profiles/schema';
import type { ImportItem } from '../profiles/store';
import type { FillItem, FillReport, FillTicket, FrameCollection } from '../fill/types';
import type { ProfileWarning } from '../validate/profile-warnings';
import type { ProfileRules } from '../rules/profile-rules';
import type { LockStatus } from '../security/lock';
import type { Case } from '../cases/schema';
import type { CasePatch } from '../cases/service';
import type { CaseFilter, CasePage, CaseQuery } from '../cases/table';
import type { PortalCase } from '../cases/portal-status';
import type { PortalOutcome } from '../cases/offer';
import type { Deadline } from '../cases/deadlines';
import type { BusinessId as CaseBusinessId } from '../domain/ids';
import type { RestorePointView } from '../profiles/restore-points';
import type { RestoreChoice, RestorePreview } from '../profiles/restore';
import type { QueueSource, QueueView } from '../profiles/work-queue';
import type { Params } from '../i18n';

export interface PageRulesRequest {
  portal: PortalId;
  page: string;
  business?: BusinessId;
  /** The frame has no English texts yet: send them if the user chose English. */
  withCatalogue?: boolean;
  /** The page's label texts: their readings come with the rules (`readings`), on the same hop. */
  labels?: string[];
}

/**
 * The language the user chose, resolved by the background (content scripts never read storage). The English
 * texts come along when asked for; Chinese ones are bundled.
 */
export interface LanguageView {
  lang: 'zh' | 'en';
  catalogue?: Record<string, unknown> | undefined;
}

export interface Named<I extends string = string> {
  id: I;
  nameZh: string;
  nameEn: string;
}

/** A field as a page needs it: portal data (labels, ids) and the field table's facts (src/domain/fields.ts). */
export type { FieldDefinitionView, FieldMapView } from '../portals/fields';

/**
 * What the active applicant's records say for the panel (extension origin only; a content script never gets it):
 * their open cases' businesses, and the situations of one business — their current case's, else what their
 * fields imply. `profile` null: no applicant chosen.
 */
export interface PanelSituations {
  profile: { id: string; name: string } | null;
  businesses: BusinessId[];
  conditions?: { ids: string[]; from: 'case' | 'profile' } | undefined;
}

/** What a content script gets for its page: names, the business's checklist (steps on this portal), fields. */
export interface PageRules {
  packVersion: string;
  portal: Named<PortalId>;
  page: Named;
  business?: Named<BusinessId>;
  checklist?: ChecklistView;
  fields: FieldDefinitionView[];
  /** Cross-field checks to run here: the business's, or the ones that hold for any business. */
  checks: CheckView[];
  language: LanguageView;
  /** The page definitions of an imported rule pack (absent with the bundled pack, which the script carries). */
  pages?: PageDefinition[];
  /** Fields this page should show for this business (its definition's `expects`). */
  expected: FieldKey[];
  /** The readings of the request's `labels`, in their order (src/content/label-cache.ts). */
  readings?: LabelReading[];
  /** Only these keys are mapped on this page (a company form's 联系人 is not the applicant). */
  onlyFields?: FieldKey[] | undefined;
  /** The validator messages (`v.*`) in Chinese: hints show only once the rules are in, so the content script
   * gets them here instead of bundling them (its size is budgeted); English ones come with `language`. */
  /** assets/i18n/hints.zh-CN.json (checklist, upload and validator texts) in Chinese: they show only once the
   * rules are in, so the content script gets them here instead of bundling them (its size is budgeted);
   * English ones come with `language`. */
  hints: Record<string, unknown>;
  /** The page can show 办件 (its definition's `cases`): its frame then reports when its text changes. */
  cases?: true | undefined;
}

/**
 * A portal frame's rules: the same, cut to what a content script reads — the checklist's materials
 * (ContentChecklist), the fields without the label texts the background reads, the checks in the user's
 * language without their sources. The panel gets the whole with `ui:panel.rules`.
 */
export type ContentPageRules = Omit<PageRules, 'checklist' | 'fields' | 'checks'> & {
  checklist?: ContentChecklist | undefined;
  fields: FieldMapView[];
  checks: RunnableCheck[];
};

/**
 * The panel frame's rules of a page: the names and the business's checklist it draws — not the fields, checks
 * and hint texts a portal frame maps and validates with (the panel has its own catalogue).
 */
export type PanelRules = Pick<PageRules, 'packVersion' | 'portal' | 'page' | 'business' | 'checklist' | 'cases'>;

export interface OfficeView {
  role: string;
  roleEn: string;
  name: string;
  address?: string | undefined;
  phone?: string | undefined;
  url?: string | undefined;
}

export interface PackStatus {
  version: string;
  effectiveFrom: string;
  title: string;
  source: 'bundled' | 'imported';
  bundledVersion: string;
  fileName?: string | undefined;
  importedAt?: string | undefined;
  sources: Array<{ id: string; title: string; note?: string | undefined }>;
}

/** The full checklist for look-up and printing: all steps, offices, and the pack it came from. */
export interface ChecklistPage {
  checklist: ChecklistView;
  offices: OfficeView[];
  pack: PackStatus;
}

export interface SettingRecord {
  key: string;
  value: string;
}

/** What a fill would do, shown for confirmation in an extension page (popup, the panel frame). */
export interface FillPreview {
  planId: string;
  profile: { id: string; name: string };
  tabTitle: string;
  items: FillItem[];
  /** What the page showing this preview needs to confirm it itself (one script per frame, no other hop). */
  ticket: FillTicket;
  /** What looks wrong in the chosen profile (the pages' field checks, issue 17.7): shown, never blocking. */
  warnings?: ProfileWarning[] | undefined;
  /** Whose values the page holds now, from this tab's fill log (another applicant than `profile`). */
  onPage?: { id: string; name: string } | undefined;
  /** A frame of the tab (the e-form) was still loading or unread when the wait ended: its fields are not listed. */
  unreadFrames?: true | undefined;
}

export interface FillLogEntry {
  at: string;
  portal: string;
  pages: string[];
  fields: string[];
  ok: number;
  mismatched: number;
  /** Confirmed but not written (refused by the checks at confirm). */
  failed: number;
  /** Which fields were not written, and why (catalogue `fill.refused.<reason>`); absent in older entries. */
  refused?: Array<{ key: string; reason: string }> | undefined;
  /** The tab had moved on since the preview: nothing was written. */
  navigated?: boolean | undefined;
}

/** One validation finding of a frame, as the panel lists it (page values only, never profile values). */
export interface ReportedFinding {
  key: FieldKey;
  name: string;
  severity: 'error' | 'warning';
  message: string;
}

/** What an upload check of ours found on a file the user chose for a material. */
export interface ReportedUpload {
  material: string;
  severity: 'error' | 'warning' | 'ok';
  message: string;
}

/**
 * Facts one portal frame reports about its page, for the top frame's panel (via the background): what the
 * page is, what our checks found, what its own tables show. Never a profile value.
 */
export interface PageReport {
  /** Per-document nonce: a report from a newer document of the same frame replaces the older one. */
  doc: string;
  /** null: the frame's document is gone or shows no page we know. */
  page: string | null;
  business?: BusinessId | undefined;
  /** How the page was recognised: its own definition, only its family, or only the portal (src/portals/detect.ts). */
  level?: 'page' | 'family' | 'portal' | undefined;
  findings: ReportedFinding[];
  /** Fields the rules expect here that the page does not show (their display names). */
  missing: string[];
  /** Page fields mapped to field keys: 0 means there is nothing to fill here. */
  mapped: number;
  /** Materials the page's own upload table shows with a file. */
  shown: string[];
  /** Whether the page has a material table at all. */
  readsTable: boolean;
  /** A material table shows one page of several (第1页/共3页): materials it does not list here are unread, not missing. */
  pagedTable?: true | undefined;
  /** The validators could not be loaded into the frame (src/content/checker.ts): its fields were not checked. */
  unchecked?: true | undefined;
  uploads: ReportedUpload[];
  /**
   * On a page that can show 办件 (PageRules.cases): a hash of its text as last read. The panel frame reads the
   * 办件 from the page's markup itself (src/ui/panel/use-tab-cases.ts), again whenever this changes.
   */
  cases?: number | undefined;
  /** The portal's own material list (申报须知, 事项详情), as the page names them. */
  portalMaterials?: string[] | undefined;
}

/** What the background answers a frame's report: the tab's situations, the portal's panel layout, which worker. */
export interface ReportAnswer {
  conditions: string[];
  prefs: PanelPrefs;
  worker: string;
}

/** One portal frame's markup as the background took it (tabs-api.ts `portalDocuments`). */
export interface PortalDocument {
  frameId: number;
  url: string;
  html: string;
}

/** A frame's report as the panel gets it: named, so problems say which frame they come from. */
export interface FrameReport extends PageReport {
  frameId: number;
  pageName?: { zh: string; en: string } | undefined;
}

/** The whole tab as the panel shows it. */
export interface TabView {
  portal: PortalId;
  frames: FrameReport[];
  conditions: string[];
}

/** Where the top frame's panel sits and whether it is open, remembered per portal (storage.local). */
export interface PanelPrefs {
  collapsed: boolean;
  side: 'right' | 'left';
}

/** The port name the panel frame connects with, and what the background pushes through it. */
export const PANEL_PORT = 'jzs-panel';
export type PanelPush = { type: 'tab'; view: TabView };

export type NextApplicant =
  | { end: false; active: ProfileSummary; queue: QueueView; preview?: FillPreview | undefined; error?: string | undefined }
  | { end: true; queue: QueueView };

/** Messages the background sends to one frame's content script. */
export interface FrameProtocolMap {
  'bg:collect': { req: Record<string, never>; res: FrameCollection };
  /** The frame's document identity, to check a plan against where `documentIds` targeting is missing (Firefox). */
  'bg:document': { req: Record<string, never>; res: { page: string | null; url: string; nonce: string } };
  /** A fill was written in this frame: validate the page again (MiniUI writes fire no DOM event). */
  'bg:filled': { req: Record<string, never>; res: Record<string, never> };
  /**
   * The panel opened: report the page again if the background may have forgotten it — it restarted since this
   * frame's last answered report (`worker`: the background instance asking, as `cs:report` answers it; without
   * it, always).
   */
  'bg:report': { req: { worker?: string }; res: Record<string, never> };
  /** The user ticked situations in the panel: checks that depend on them run again. */
  'bg:conditions': { req: { conditions: string[] }; res: Record<string, never> };
  /** The user opened or closed the panel, or moved it to the other side. */
  'bg:panel': { req: PanelPrefs; res: Record<string, never> };
  /** The user switched language in the popup or workbench: every portal frame redraws. */
  'bg:language': { req: LanguageView; res: Record<string, never> };
  /** The user asked the panel for this frame's structure report (never a field value; issue 11.6). */
  'bg:pageReport': { req: Record<string, never>; res: { report: StructureReport } };
}

/** Request and response types per message name. */
export interface ProtocolMap {
  /**
   * `report`: the frame's first report of a page rides along (one hop fewer per frame and page); `tab` answers it.
   * `checks`: the frame has no validators yet (src/content/checker.ts): injected before the answer if the page needs them.
   */
  'cs:pageRules': { req: PageRulesRequest & { report?: PageReport; checks?: boolean }; res: ContentPageRules & { tab?: ReportAnswer } };
  /**
   * A portal frame's page facts, for the panel. Answers the situations ticked for the tab, the panel prefs and
   * which background instance now holds the report (`worker`, random per start of the background).
   */
  'cs:report': { req: { report: PageReport }; res: ReportAnswer };
  /**
   * Readings of label texts a portal frame has not seen (the label reading runs here, not in the size-budgeted
   * content script: src/portals/fields.ts `Classifier`), in their order.
   */
  'cs:labels': { req: { labels: string[] }; res: { readings: LabelReading[] } };
  /** The validators into the asking frame (src/content/checker.ts): a file was chosen in a frame that has none yet. */
  'cs:checks': { req: Record<string, never>; res: Record<string, never> };
  /** The top frame's pill was clicked by a person: the panel opens, and stays open on this portal. */
  'cs:panel.prefs': { req: PanelPrefs; res: PanelPrefs };
  /** The panel frame (an extension page inside a portal tab): the page rules of a frame's page. */
  'ui:panel.rules': { req: PageRulesRequest; res: PanelRules };
  'ui:panel.conditions': { req: { conditions: string[] }; res: Record<string, never> };
  /** The active applicant's businesses in progress and, for `business`, their situations (the panel offers them). */
  'ui:active.situations': { req: { business?: BusinessId | undefined }; res: PanelSituations };
  'ui:panel.prefs': { req: PanelPrefs; res: PanelPrefs };
  /**
   * A frame's structure report, with stored applicants' names redacted by the background (the content script
   * never has them); `namesRedacted` false when the profiles are locked and their names could not be read.
   */
  'ui:panel.pageReport': { req: { frameId: number }; res: { report: StructureReport; namesRedacted: boolean } };
  'ui:fill.plan': { req: Record<string, never>; res: FillPreview };
  /** The extension page confirmed a preview itself (fill/confirm.ts): the plan is used up, the history kept. */
  'ui:fill.applied': { req: { planId: string; report: FillReport }; res: { logged: boolean } };
  /** The confirm run by the background for a page that cannot reach the tab (Firefox's framed panel). */
  'ui:fill.confirm': { req: { planId: string; overwrite: string[] }; res: { report: FillReport; logged: boolean } };
  /** Does the background still hold this plan (Firefox's event page may have been suspended)? Also keeps it awake. */
  'ui:fill.held': { req: { planId: string }; res: { held: boolean } };
  /** 「下一位」: the next applicant of the work queue becomes active (and the page is previewed); at the end, `end`. */
  'ui:fill.next': { req: Record<string, never>; res: NextApplicant };
  'ui:queue.get': { req: Record<string, never>; res: QueueView | null };
  /** A new work queue; `start` (default the first) becomes the active applicant. */
  'ui:queue.set': { req: { ids: string[]; source: QueueSource; start?: string | undefined }; res: { queue: QueueView; active: ProfileSummary } };
  /** Backup restore in batches: stage the backup's profiles, preview what changes, then commit all or nothing. */
  'ui:restore.stage': { req: { session: string; total: number; profiles: Profile[] }; res: { received: number } };
  'ui:restore.preview': { req: { session: string }; res: RestorePreview };
  'ui:restore.commit': { req: { session: string } & RestoreChoice; res: { added: number; changed: number; removed: number } };
  'ui:restore.cancel': { req: { session: string }; res: Record<string, never> };
  /** Does the background still hold this staged restore? Also keeps it awake while the clerk reviews. */
  'ui:restore.held': { req: { session: string }; res: { held: boolean } };
  'ui:undo.latest': { req: Record<string, never>; res: RestorePointView | null };
  'ui:undo.apply': { req: { id: number }; res: { removed: number; restored: number } };
  'ui:fill.log': { req: { profileId: string }; res: FillLogEntry[] };
  'ui:checklist': { req: { business: BusinessId }; res: ChecklistPage };
  'ui:packStatus': { req: Record<string, never>; res: PackStatus };
  'ui:importPack': { req: { fileName: string; text: string; confirmPages?: boolean }; res: PackStatus };
  'ui:revertPack': { req: Record<string, never>; res: PackStatus };
  'ui:exportPack': { req: Record<string, never>; res: { fileName: string; text: string } };
  'ui:profiles.page': { req: { offset: number; limit: number }; res: { total: number; items: ProfileSummary[] } };
  'ui:profiles.search': { req: { query: string; limit: number }; res: { total: number; items: ProfileSummary[] } };
  'ui:profiles.get': { req: { id: string }; res: Profile };
  'ui:profiles.create': { req: { body: ProfileInput }; res: Profile };
  'ui:profiles.update': { req: { id: string; body: ProfileInput; revision: number }; res: Profile };
  'ui:profiles.delete': { req: { ids: string[] }; res: { deleted: number } };
  'ui:profiles.duplicates': { req: Record<string, never>; res: ProfileSummary[][] };
  'ui:profiles.byIdNumbers': { req: { idNumbers: string[] }; res: Profile[] };
  /** The rule pack's checks a profile is warned about where it is edited (its open cases', else every business's). */
  'ui:profiles.rules': { req: { profileId?: string | undefined }; res: ProfileRules };
  /** `ids`: the profile written for each item, in the items' order. */
  'ui:profiles.commit': { req: { items: ImportItem[] }; res: { saved: number; ids: string[] } };
  /** An import commit in chunks (no one message carries 10,000 profiles), then ONE all-or-nothing write. */
  'ui:import.stage': { req: { session: string; total: number; items: ImportItem[] }; res: { received: number } };
  'ui:import.commit': { req: { session: string }; res: { saved: number; ids: string[] } };
  'ui:import.cancel': { req: { session: string }; res: Record<string, never> };
  'ui:profiles.all': { req: Record<string, never>; res: Profile[] };
  'ui:active.get': { req: Record<string, never>; res: ProfileSummary | null };
  'ui:active.set': { req: { id: string | null }; res: ProfileSummary | null };
  'ui:lock.status': { req: Record<string, never>; res: LockStatus };
  'ui:lock.enable': { req: { passphrase: string; idleMinutes: number }; res: LockStatus };
  'ui:lock.unlock': { req: { passphrase: string }; res: LockStatus };
  'ui:lock.lock': { req: Record<string, never>; res: LockStatus };
  'ui:lock.change': { req: { oldPassphrase: string; newPassphrase: string }; res: LockStatus };
  'ui:lock.disable': { req: { passphrase: string }; res: LockStatus };
  'ui:lock.idle': { req: { minutes: number }; res: LockStatus };
  'ui:cases.query': { req: CaseQuery; res: CasePage };
  'ui:cases.ids': { req: CaseFilter; res: string[] };
  'ui:cases.get': { req: { ids: string[] }; res: Case[] };
  'ui:cases.ofProfile': { req: { profileId: string }; res: Case[] };
  'ui:cases.create': { req: { profileId: string; business: CaseBusinessId }; res: Case };
  'ui:cases.update': { req: { items: Array<{ id: string; revision: number }>; patch: CasePatch }; res: { updated: number } };
  'ui:cases.delete': { req: { ids: string[] }; res: { deleted: number } };
  'ui:cases.all': { req: Record<string, never>; res: Case[] };
  'ui:cases.restore': { req: { cases: Case[] }; res: { restored: number } };
  /** The portal tab's frames' markup (only `frameIds` when given), with the rules to read their 办件. */
  'ui:cases.tabPages': { req: { frameIds?: number[] | undefined }; res: { labels: PortalLabels; groups: PortalStatusGroup[]; pages: PortalDocument[] } };
  'ui:cases.portalOffer': { req: { cases: PortalCase[] }; res: { profile: { id: string; name: string } | null; outcomes: PortalOutcome[] } };
  'ui:cases.applyPortal': { req: { caseId: string; revision: number; row: PortalCase }; res: Case };
  'ui:deadlines': { req: { planDate?: string | undefined; horizonDays: number; employer?: string | undefined }; res: { today: string; rows: Deadline[]; employers: string[]; renewalDays: number; maxAge: number } };
  'ui:deadlines.reminder': { req: { on?: boolean | undefined }; res: { on: boolean } };
  'ui:cases.cleanup': { req: { months: number; mode: 'count' | 'archive' | 'purge' }; res: { matched: number } };
  'ui:getSetting': { req: { key: string }; res: SettingRecord | null };
  'ui:putSetting': { req: SettingRecord; res: SettingRecord };
}

export type MessageName = keyof ProtocolMap;
export type Req<N extends MessageName> = ProtocolMap[N]['req'];
export type Res<N extends MessageName> = ProtocolMap[N]['res'];

/** The wire format: a request envelope and a response envelope that never throws across the boundary. */
export interface Envelope<N extends MessageName = MessageName> {
  jzs: 1;
  name: N;
  data: Req<N>;
}
/**
 * A refusal: `code` is a catalogue key (src/i18n/problem.ts) the receiver translates with `params`; `message`
 * is the background's wording in the user's language, for a receiver whose catalogue lacks the code.
 */
export interface ReplyError {
  code: string;
  params: Params;
  message?: string;
  details?: string[];
}
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };

/**
 * Error thrown by `send` when the background refuses or fails a request. Show it with `describe(err)`
 * (src/i18n/problem.ts), which translates its code and parameters.
 */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: string[] = [],
    readonly params: Params = {},
  ) {
    super(message);
    this.name = 'MessageError';
  }
}
