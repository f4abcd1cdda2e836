/**
 * The typed message protocol between the extension's parts. Types only: content scripts import this file
 * without pulling zod in. Names say who sends to whom:
 *   `cs:*`  content script (a portal frame) → background
 *   `ui:*`  extension page (popup, options, checklist) → background
 *   `bg:*`  background → content script (one frame of a tab)
 * The background validates every request against `schemas.ts` and checks the sender's kind before a
 * handler runs (src/background/router.ts).
 */
import type { BusinessId } from '../domain/ids';
import type { PortalId } from '../portals/origins';

export interface PageInfoRequest {
  portal: PortalId;
  page: string;
  business?: BusinessId;
}

export interface PageInfo {
  portal: { id: PortalId; nameZh: string; nameEn: string };
  page: { id: string; nameZh: string; nameEn: string };
  business?: { id: BusinessId; nameZh: string; nameEn: string };
}

export interface SettingRecord {
  key: string;
  value: string;
}

/** Request and response types per message name. */
export interface ProtocolMap {
  'cs:pageInfo': { req: PageInfoRequest; res: PageInfo };
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
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Error thrown by `send` when the background refuses or fails a request. */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}
