/**
 * Payload checks of the messages the background sends to a frame's content script (`bg:*`, FrameProtocolMap):
 * the content side's twin of `schemas.ts`. Hand-written guards, since the content script bundles no zod (its
 * size is budgeted). Only our own background can reach that listener (no tab, our extension id), so these
 * catch a version mismatch or a bug, not an attacker.
 */
import type { FrameProtocolMap, LanguageView, PanelPrefs } from './protocol';

export type FrameName = keyof FrameProtocolMap;
export type FrameReq<N extends FrameName> = FrameProtocolMap[N]['req'];
export type FrameRes<N extends FrameName> = FrameProtocolMap[N]['res'];

const isObject = (d: unknown): d is object => typeof d === 'object' && d !== null && !Array.isArray(d);
const isEmpty = (d: unknown): d is Record<string, never> => isObject(d) && Object.keys(d).length === 0;
/** The object has exactly these keys (strict, as the background's schemas are). */
const keysAre = (d: object, ...keys: string[]) => Object.keys(d).every((k) => keys.includes(k));

/** `bg:report`: nothing, or the asking background instance's id. */
const isReportAsk = (d: unknown): d is { worker?: string } => isObject(d) && keysAre(d, 'worker') && (!('worker' in d) || typeof d.worker === 'string');

const isConditions = (d: unknown): d is { conditions: string[] } =>
  isObject(d) && keysAre(d, 'conditions') && 'conditions' in d && Array.isArray(d.conditions) && d.conditions.every((c) => typeof c === 'string');

const isPrefs = (d: unknown): d is PanelPrefs =>
  isObject(d) && keysAre(d, 'collapsed', 'side') && 'collapsed' in d && typeof d.collapsed === 'boolean' && 'side' in d && (d.side === 'left' || d.side === 'right');

const isLanguage = (d: unknown): d is LanguageView =>
  isObject(d) && keysAre(d, 'lang', 'catalogue') && 'lang' in d && (d.lang === 'zh' || d.lang === 'en') && (!('catalogue' in d) || d.catalogue === undefined || isObject(d.catalogue));

/** One check per message name; a name missing here fails the type check. */
export const FRAME_REQUESTS: { [N in FrameName]: (data: unknown) => data is FrameReq<N> } = {
  'bg:collect': isEmpty,
  'bg:document': isEmpty,
  'bg:filled': isEmpty,
  'bg:report': isReportAsk,
  'bg:conditions': isConditions,
  'bg:panel': isPrefs,
  'bg:language': isLanguage,
  'bg:pageReport': isEmpty,
};
