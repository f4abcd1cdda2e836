import type { FieldKey } from '../domain/ids';
import type { ControlKind } from '../portals/fields';

/** A page field as a content script reports it for planning (no values of ours in it yet). */
export interface CollectedField {
  frameId: number;
  /** Field handle, unique within its frame's last collection. */
  fid: string;
  key: FieldKey;
  kind: ControlKind;
  label: string;
  /** MiniUI control id, for the page's own API. */
  miniId?: string | undefined;
  /** What the field shows now. */
  current: string;
  readOnly: boolean;
  disabled: boolean;
  hidden: boolean;
  /** Date format the page declares (My97 dateFmt); MiniUI formats are applied by MiniUI itself. */
  format?: string | undefined;
  /** Choices of a native select / radio / checkbox group (MiniUI lists are matched in the page). */
  options?: Array<{ text: string; value: string }> | undefined;
}

/** What a content script reports: the field as its frame sees it (the background adds the frame). */
export type CollectedLite = Omit<CollectedField, 'frameId'>;

/** MiniUI controls: written and read through the page's own API in the main world, not as DOM inputs. */
export const MINI_KINDS: ReadonlySet<string> = new Set<ControlKind>(['mini-text', 'mini-combo', 'mini-date', 'mini-list']);

export type FillAction = 'fill' | 'same' | 'conflict' | 'skip';
export type SkipReason = 'readonly' | 'disabled' | 'hidden' | 'no-value' | 'no-option';

export interface FillItem {
  /** `${frameId}:${fid}` */
  id: string;
  frameId: number;
  fid: string;
  key: FieldKey;
  kind: CollectedField['kind'];
  label: string;
  miniId?: string | undefined;
  current: string;
  /** The profile's value formatted for this field. */
  proposed: string;
  action: FillAction;
  reason?: SkipReason | undefined;
}

/** One write sent to a frame. */
export interface FillWrite {
  fid: string;
  key: FieldKey;
  kind: CollectedField['kind'];
  miniId?: string | undefined;
  value: string;
}

export type FillOutcome = 'ok' | 'mismatch' | 'failed';

export interface FillResult {
  id: string;
  key: FieldKey;
  label: string;
  proposed: string;
  /** What the page holds after it had its say (MiniUI reformat, page scripts). */
  readBack: string;
  outcome: FillOutcome;
  /** Why it failed (no such option, control gone), in Chinese. */
  note?: string | undefined;
}
