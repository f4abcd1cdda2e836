/**
 * zod schemas of every request in protocol.ts: the background's first line of defence. Strict objects, so an
 * unexpected key is refused rather than ignored. Background-only (content scripts do not bundle zod).
 */
import * as z from 'zod';
import { BUSINESS_IDS, FIELD_KEYS } from '../domain/ids';
import { PORTAL_IDS } from '../portals/origins';
import { MAX_LABEL_TEXT, MAX_LABELS } from '../portals/fields';
import { Profile, ProfileBody } from '../profiles/schema';
import { Case } from '../cases/schema';
import { CASE_SORT_KEYS } from '../cases/table';
import { CASE_STATUSES } from '../domain/case-status';
import { REFUSED_REASONS } from '../fill/types';
import type { MessageName, Req } from './protocol';

const PageId = z.string().regex(/^[a-z0-9-]{1,64}$/);

const Empty = z.strictObject({});
const Passphrase = z.string().min(1).max(256);
const IdleMinutes = z.number().int().min(1).max(240);
const Uuid = z.uuid();
/** The most rows one import or restore may carry (the workbench caps files at 20,000 rows). */
const MAX_BATCH = 20_000;
/**
 * A backup restores in chunks of this many profiles (one message each), committed together: any backup the
 * product writes can be restored, whatever its size (issue 17.5: 25,000 did not fit one message).
 */
export const RESTORE_CHUNK = 2_000;
/** The most profiles one restore may carry (the store itself has no limit; this bounds the worker's memory). */
export const MAX_RESTORE = 200_000;
/**
 * An import commits in chunks of this many items (one message each), written together: one message of 10,000
 * profiles was one structured clone of ~200 ms in the workbench (bench T9: no UI task > 100 ms).
 */
export const IMPORT_CHUNK = 500;
const ImportItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('create'), body: ProfileBody }),
  z.strictObject({ kind: z.literal('update'), id: Uuid, body: ProfileBody, expectedRevision: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('restore'), profile: Profile }),
]);

const CaseFilterShape = {
  statuses: z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length).optional(),
  businesses: z.array(z.enum(BUSINESS_IDS)).max(BUSINESS_IDS.length).optional(),
  employer: z.string().max(200).optional(),
  text: z.string().max(100).optional(),
  includeArchived: z.boolean().optional(),
};
const CasePatchSchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  business: z.enum(BUSINESS_IDS).optional(),
  notes: z.string().max(10_000).optional(),
  submittedOn: z.iso.date().nullable().optional(),
  conditions: z.array(z.string().max(64)).max(100).optional(),
  ready: z.array(z.string().max(64)).max(100).optional(),
  archived: z.boolean().optional(),
});

const PortalCaseSchema = z.strictObject({
  serial: z.string().max(40).optional(),
  title: z.string().max(200).optional(),
  business: z.enum(BUSINESS_IDS).optional(),
  statusText: z.string().min(1).max(40),
  statusCode: z.number().int().min(0).max(999).optional(),
  appliedOn: z.iso.date().optional(),
  ref: z.string().max(80).optional(),
  correction: z.string().max(5000).optional(),
  correctionDeadline: z.iso.date().optional(),
});

const Text = (max: number) => z.string().max(max);
const Severity = z.enum(['error', 'warning']);
const MaterialId = z.string().regex(/^[a-z0-9-]{1,64}$/);
const Conditions = z.array(z.string().regex(/^[a-z0-9-]{1,64}$/)).max(50);
export const PanelPrefsSchema = z.strictObject({ collapsed: z.boolean(), side: z.enum(['right', 'left']) });
const PageReportSchema = z.strictObject({
  doc: Text(64),
  page: PageId.nullable(),
  business: z.enum(BUSINESS_IDS).optional(),
  level: z.enum(['page', 'family', 'portal']).optional(),
  findings: z
    .array(z.strictObject({ key: z.enum(FIELD_KEYS), name: Text(60), severity: Severity, message: Text(400) }))
    .max(200),
  missing: z.array(Text(60)).max(100),
  mapped: z.number().int().min(0).max(10_000),
  shown: z.array(MaterialId).max(200),
  readsTable: z.boolean(),
  pagedTable: z.literal(true).optional(),
  unchecked: z.literal(true).optional(),
  uploads: z.array(z.strictObject({ material: MaterialId, severity: z.enum(['error', 'warning', 'ok']), message: Text(600) })).max(200),
  cases: z.number().int().optional(),
  portalMaterials: z.array(Text(200)).max(200).optional(),
});
/** A page's label texts to read (src/content/label-cache.ts), bounded per text and per message. */
const LabelTexts = z.array(z.string().max(MAX_LABEL_TEXT)).max(MAX_LABELS);
const PageRulesRequestSchema = z.strictObject({
  portal: z.enum(PORTAL_IDS),
  page: PageId,
  business: z.enum(BUSINESS_IDS).optional(),
  withCatalogue: z.boolean().optional(),
  labels: LabelTexts.optional(),
});

export const RequestSchemas = {
  'cs:report': z.strictObject({ report: PageReportSchema }),
  'ui:panel.rules': PageRulesRequestSchema,
  'ui:panel.conditions': z.strictObject({ conditions: Conditions }),
  'ui:active.situations': z.strictObject({ business: z.enum(BUSINESS_IDS).optional() }),
  'ui:panel.prefs': PanelPrefsSchema,
  'cs:panel.prefs': PanelPrefsSchema,
  'ui:panel.pageReport': z.strictObject({ frameId: z.number().int().min(0) }),
  'cs:pageRules': PageRulesRequestSchema.extend({ report: PageReportSchema.optional(), checks: z.boolean().optional() }),
  'cs:labels': z.strictObject({ labels: LabelTexts }),
  'cs:checks': Empty,
  'ui:fill.plan': Empty,
  'ui:fill.confirm': z.strictObject({ planId: Uuid, overwrite: z.array(z.string().max(40)).max(2000) }),
  'ui:fill.held': z.strictObject({ planId: Uuid }),
  'ui:fill.applied': z.strictObject({
    planId: Uuid,
    report: z.strictObject({
      navigated: z.boolean(),
      results: z
        .array(
          z.strictObject({
            id: z.string().max(40),
            key: z.enum(FIELD_KEYS),
            label: z.string().max(200),
            proposed: z.string().max(20_000).optional(),
            readBack: z.string().max(20_000).optional(),
            outcome: z.enum(['ok', 'mismatch', 'refused', 'failed']),
            reason: z.enum(REFUSED_REASONS).optional(),
          }),
        )
        .max(500),
    }),
  }),
  'ui:fill.next': Empty,
  'ui:queue.get': Empty,
  'ui:queue.set': z.strictObject({ ids: z.array(Uuid).min(1).max(MAX_BATCH), source: z.enum(['import', 'selection', 'search', 'list']), start: Uuid.optional() }),
  'ui:restore.stage': z.strictObject({ session: Uuid, total: z.number().int().min(1).max(MAX_RESTORE), profiles: z.array(Profile).min(1).max(RESTORE_CHUNK) }),
  'ui:restore.preview': z.strictObject({ session: Uuid }),
  'ui:restore.commit': z.strictObject({ session: Uuid, overwriteNewer: z.boolean(), removeMissing: z.boolean(), restoreInvalid: z.boolean(), restoreTwins: z.boolean().optional() }),
  'ui:restore.cancel': z.strictObject({ session: Uuid }),
  'ui:restore.held': z.strictObject({ session: Uuid }),
  'ui:undo.latest': Empty,
  'ui:undo.apply': z.strictObject({ id: z.number().int().positive() }),
  'ui:fill.log': z.strictObject({ profileId: Uuid }),
  'ui:checklist': z.strictObject({ business: z.enum(BUSINESS_IDS) }),
  'ui:packStatus': Empty,
  'ui:importPack': z.strictObject({
    fileName: z.string().min(1).max(255),
    // 5 MB of text: the pack parser refuses larger files with a message of its own.
    text: z.string().max(6 * 1024 * 1024),
    /** The user saw the page-definition changes and confirmed them. */
    confirmPages: z.boolean().optional(),
  }),
  'ui:revertPack': Empty,
  'ui:exportPack': Empty,
  'ui:profiles.page': z.strictObject({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(100) }),
  'ui:profiles.search': z.strictObject({ query: z.string().max(100), limit: z.number().int().min(1).max(100) }),
  'ui:profiles.get': z.strictObject({ id: Uuid }),
  'ui:profiles.create': z.strictObject({ body: ProfileBody }),
  'ui:profiles.update': z.strictObject({ id: Uuid, body: ProfileBody, revision: z.number().int().positive() }),
  'ui:profiles.delete': z.strictObject({ ids: z.array(Uuid).min(1).max(MAX_BATCH) }),
  'ui:profiles.duplicates': Empty,
  'ui:profiles.byIdNumbers': z.strictObject({ idNumbers: z.array(z.string().max(20)).max(MAX_BATCH) }),
  'ui:profiles.rules': z.strictObject({ profileId: Uuid.optional() }),
  'ui:profiles.commit': z.strictObject({ items: z.array(ImportItemSchema).min(1).max(MAX_BATCH) }),
  'ui:import.stage': z.strictObject({ session: Uuid, total: z.number().int().min(1).max(MAX_BATCH), items: z.array(ImportItemSchema).min(1).max(IMPORT_CHUNK) }),
  'ui:import.commit': z.strictObject({ session: Uuid }),
  'ui:import.cancel': z.strictObject({ session: Uuid }),
  'ui:profiles.all': Empty,
  'ui:active.get': Empty,
  'ui:active.set': z.strictObject({ id: Uuid.nullable() }),
  'ui:lock.status': Empty,
  'ui:lock.enable': z.strictObject({ passphrase: Passphrase, idleMinutes: IdleMinutes }),
  'ui:lock.unlock': z.strictObject({ passphrase: Passphrase }),
  'ui:lock.lock': Empty,
  'ui:lock.change': z.strictObject({ oldPassphrase: Passphrase, newPassphrase: Passphrase }),
  'ui:lock.disable': z.strictObject({ passphrase: Passphrase }),
  'ui:lock.idle': z.strictObject({ minutes: IdleMinutes }),
  'ui:cases.query': z.strictObject({
    ...CaseFilterShape,
    sort: z.enum(CASE_SORT_KEYS),
    dir: z.enum(['asc', 'desc']),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(200),
  }),
  'ui:cases.ids': z.strictObject(CaseFilterShape),
  'ui:cases.get': z.strictObject({ ids: z.array(Uuid).max(MAX_BATCH) }),
  'ui:cases.ofProfile': z.strictObject({ profileId: Uuid }),
  'ui:cases.create': z.strictObject({ profileId: Uuid, business: z.enum(BUSINESS_IDS) }),
  'ui:cases.update': z.strictObject({
    items: z.array(z.strictObject({ id: Uuid, revision: z.number().int().positive() })).min(1).max(MAX_BATCH),
    patch: CasePatchSchema,
  }),
  'ui:cases.delete': z.strictObject({ ids: z.array(Uuid).min(1).max(MAX_BATCH) }),
  'ui:cases.all': Empty,
  'ui:cases.restore': z.strictObject({ cases: z.array(Case).max(MAX_BATCH * 7) }),
  'ui:cases.tabPages': z.strictObject({ frameIds: z.array(z.number().int().min(0)).max(100).optional() }),
  'ui:cases.portalOffer': z.strictObject({ cases: z.array(PortalCaseSchema).max(500) }),
  'ui:cases.applyPortal': z.strictObject({ caseId: Uuid, revision: z.number().int().positive(), row: PortalCaseSchema }),
  'ui:deadlines': z.strictObject({ planDate: z.iso.date().optional(), horizonDays: z.number().int().min(1).max(3660), employer: z.string().max(200).optional() }),
  'ui:deadlines.reminder': z.strictObject({ on: z.boolean().optional() }),
  'ui:cases.cleanup': z.strictObject({ months: z.number().int().min(1).max(120), mode: z.enum(['count', 'archive', 'purge']) }),
  'ui:getSetting': z.strictObject({ key: z.string().min(1).max(64) }),
  'ui:putSetting': z.strictObject({ key: z.string().min(1).max(64), value: z.string().max(10_000) }),
} satisfies { [N in MessageName]: z.ZodType<Req<N>> };

export const EnvelopeSchema = z.strictObject({
  jzs: z.literal(1),
  name: z.string().max(64),
  data: z.unknown(),
});
