import type { FieldKey } from '../domain/ids';
import type { MessageKey, Params } from '../i18n';

export type Severity = 'error' | 'warning';

/** The codes of validator messages: the keys under `v.` of the catalogues (assets/i18n), checked when compiled. */
type CodeOf<K> = K extends `v.${infer C}` ? C : never;
export type FindingCode = CodeOf<MessageKey>;

/** One thing wrong (or doubtful) with a value. `code` names a message in assets/i18n (`v.<code>`). */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  params?: Params;
}

/** A finding attached to a field, as the cross-field checks produce them. */
export interface FieldFinding extends Finding {
  field: FieldKey;
  /** The rule-data check that produced it. */
  check?: string;
}

export interface Validated<T = string> {
  /** The value in canonical form when it could be read (yyyy-MM-dd dates, upper-case X, digits only…). */
  value: T | undefined;
  findings: Finding[];
}

export const err = (code: FindingCode, params?: Finding['params']): Finding => (params ? { code, severity: 'error', params } : { code, severity: 'error' });
export const warn = (code: FindingCode, params?: Finding['params']): Finding => (params ? { code, severity: 'warning', params } : { code, severity: 'warning' });
