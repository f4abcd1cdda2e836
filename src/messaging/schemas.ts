/**
 * zod schemas of every request in protocol.ts: the background's first line of defence. Strict objects, so an
 * unexpected key is refused rather than ignored. Background-only (content scripts do not bundle zod).
 */
import * as z from 'zod';
import { BUSINESS_IDS } from '../domain/ids';
import { PORTAL_IDS } from '../portals/origins';
import type { MessageName, Req } from './protocol';

const PageId = z.string().regex(/^[a-z0-9-]{1,64}$/);

const Empty = z.strictObject({});

export const RequestSchemas = {
  'cs:pageRules': z.strictObject({
    portal: z.enum(PORTAL_IDS),
    page: PageId,
    business: z.enum(BUSINESS_IDS).optional(),
  }),
  'cs:catalogue': z.strictObject({ lang: z.literal('en') }),
  'ui:checklist': z.strictObject({ business: z.enum(BUSINESS_IDS) }),
  'ui:packStatus': Empty,
  'ui:importPack': z.strictObject({
    fileName: z.string().min(1).max(255),
    // 5 MB of text: the pack parser refuses larger files with a message of its own.
    text: z.string().max(6 * 1024 * 1024),
  }),
  'ui:revertPack': Empty,
  'ui:exportPack': Empty,
  'ui:getSetting': z.strictObject({ key: z.string().min(1).max(64) }),
  'ui:putSetting': z.strictObject({ key: z.string().min(1).max(64), value: z.string().max(10_000) }),
} satisfies { [N in MessageName]: z.ZodType<Req<N>> };

export const EnvelopeSchema = z.strictObject({
  jzs: z.literal(1),
  name: z.string().max(64),
  data: z.unknown(),
});
