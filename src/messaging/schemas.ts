/**
 * zod schemas of every request in protocol.ts: the background's first line of defence. Strict objects, so an
 * unexpected key is refused rather than ignored. Background-only (content scripts do not bundle zod).
 */
import * as z from 'zod';
import { BUSINESS_IDS } from '../domain/ids';
import { PORTAL_IDS } from '../portals/origins';
import type { MessageName, Req } from './protocol';

const PageId = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const RequestSchemas = {
  'cs:pageInfo': z.strictObject({
    portal: z.enum(PORTAL_IDS),
    page: PageId,
    business: z.enum(BUSINESS_IDS).optional(),
  }),
  'ui:getSetting': z.strictObject({ key: z.string().min(1).max(64) }),
  'ui:putSetting': z.strictObject({ key: z.string().min(1).max(64), value: z.string().max(10_000) }),
} satisfies { [N in MessageName]: z.ZodType<Req<N>> };

export const EnvelopeSchema = z.strictObject({
  jzs: z.literal(1),
  name: z.string().max(64),
  data: z.unknown(),
});
