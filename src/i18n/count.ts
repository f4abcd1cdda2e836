/**
 * Texts about a count: English says "1 profile", "2 profiles" (Chinese has one form). A counting text `<key>` has a
 * sibling `<key>One` in pages.<lang>.json for exactly one (the Chinese sibling is the same text). Pages only: the
 * content script's budgeted `t` stays as it is.
 */
import { type MessageKey, type Params, t } from './index';

/** The keys that have a singular sibling. */
export type CountKey = { [K in MessageKey]: `${K}One` extends MessageKey ? K : never }[MessageKey];

export function tCount(key: CountKey, n: number, params?: Params): string {
  const one: `${CountKey}One` = `${key}One`;
  return t(n === 1 ? one : key, { ...params, n });
}
