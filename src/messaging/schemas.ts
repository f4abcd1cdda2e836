/**
 * zod schemas of every request in protocol.ts: the background's first line of defence. Strict objects, so an
 * unexpected key is refused rather than ignored. Background-only (content scripts do not bundle zod).
 */
import * as z from 'zod';
import { BUSINESS_IDS } from '../domain/ids';
import { PORTAL_IDS } from '../portals/origins';
import { Profile, ProfileBody } from '../profiles/schema';
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
const ImportItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('create'), body: ProfileBody }),
  z.strictObject({ kind: z.literal('update'), id: Uuid, body: ProfileBody, expectedRevision: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('restore'), profile: Profile }),
]);

export const RequestSchemas = {
  'cs:pageRules': z.strictObject({
    portal: z.enum(PORTAL_IDS),
    page: PageId,
    business: z.enum(BUSINESS_IDS).optional(),
    withCatalogue: z.boolean().optional(),
  }),
  'ui:fill.plan': Empty,
  'ui:fill.apply': z.strictObject({ planId: Uuid, overwrite: z.array(z.string().max(40)).max(500) }),
  'ui:fill.next': Empty,
  'ui:queue.get': Empty,
  'ui:queue.set': z.strictObject({ ids: z.array(Uuid).min(1).max(MAX_BATCH), source: z.enum(['import', 'selection', 'search', 'list']), start: Uuid.optional() }),
  'ui:restore.stage': z.strictObject({ session: Uuid, total: z.number().int().min(1).max(MAX_RESTORE), profiles: z.array(Profile).min(1).max(RESTORE_CHUNK) }),
  'ui:restore.preview': z.strictObject({ session: Uuid }),
  'ui:restore.commit': z.strictObject({ session: Uuid, overwriteNewer: z.boolean(), removeMissing: z.boolean() }),
  'ui:restore.cancel': z.strictObject({ session: Uuid }),
  'ui:undo.latest': Empty,
  'ui:undo.apply': z.strictObject({ id: z.number().int().positive() }),
  'ui:fill.log': z.strictObject({ profileId: Uuid }),
  'ui:checklist': z.strictObject({ business: z.enum(BUSINESS_IDS) }),
  'ui:packStatus': Empty,
  'ui:importPack': z.strictObject({
    fileName: z.string().min(1).max(255),
    // 5 MB of text: the pack parser refuses larger files with a message of its own.
    text: z.string().max(6 * 1024 * 1024),
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
  'ui:profiles.commit': z.strictObject({ items: z.array(ImportItemSchema).min(1).max(MAX_BATCH) }),
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
  'ui:getSetting': z.strictObject({ key: z.string().min(1).max(64) }),
  'ui:putSetting': z.strictObject({ key: z.string().min(1).max(64), value: z.string().max(10_000) }),
} satisfies { [N in MessageName]: z.ZodType<Req<N>> };

export const EnvelopeSchema = z.strictObject({
  jzs: z.literal(1),
  name: z.string().max(64),
  data: z.unknown(),
});
