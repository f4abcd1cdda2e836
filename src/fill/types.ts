import type { FieldKey } from '../domain/ids';
import type { ControlKind } from '../portals/fields';
import type { FieldHandle, FieldLimits, FieldLocator, HiddenReason, LimitReason, RefusedReason, WriteAfter } from './page-script';

/** A frame as the browser names it: `documentId` (Chrome ≥ 106) names one document, never the next one. */
export interface FrameRef {
  frameId: number;
  documentId?: string | undefined;
}

/**
 * A portal frame of a tab when a fill looks at it: whether its document, or a frame inside it, is still loading
 * (page-frames.ts `frameState`, run in the frame).
 */
export interface PortalFrame extends FrameRef {
  /** Its document has not finished loading. */
  loading?: boolean | undefined;
  /** A person sees it: the frame has a size (a hidden helper frame has none). */
  shown?: boolean | undefined;
  /** Frames of its own origin it shows whose document has not arrived or finished loading (the e-form iframe). */
  children?: number | undefined;
}

/** A frame's document as the user saw it in the preview (issue 12.3). */
export interface PlannedFrame extends FrameRef {
  url: string;
  /** The content script's per-document random value (checked where `documentId` is not available: Firefox). */
  nonce: string;
  page: string | null;
  /** Where the probe left the page script in this document for the confirm (page-script.ts `keep`). */
  pageKey?: string | undefined;
}

/** Where and what a confirmed item writes (the preview's items say which and why). */
export interface PlannedWrite {
  id: string;
  handle: FieldHandle;
  /** The text, or the option value(s) of a choice; '' for `clear` and for a list whose options load later. */
  value: string;
  /** Written once an earlier choice enables it or loads its options (page-script.ts `PageWrite.after`). */
  after?: WriteAfter | undefined;
  /** A list's choice as the texts naming each option chosen (page-script.ts `PageWrite.texts`). */
  texts?: string[][] | undefined;
}

/**
 * What the extension page showing a preview needs to confirm it itself, with one script per frame and no hop
 * through the service worker (issue 16.2): the tab and the documents the preview is bound to, and the writes it
 * may make. It lives only in extension pages (the popup, the panel's extension-origin frame), like the
 * preview's values; the background keeps the plan's liveness (see background/fill.ts).
 */
export interface FillTicket {
  planId: string;
  tabId: number;
  /** When the preview stops being valid (ms since the epoch). */
  expiresAt: number;
  frames: PlannedFrame[];
  /** Every item a confirm may write (fill, conflict, clear); the user's ticks choose among conflicts and clears. */
  writes: PlannedWrite[];
}

/** A page field as a content script reports it for planning (no values of ours in it). */
export interface CollectedField {
  frameId: number;
  /** Field handle, unique within its frame's last collection. */
  fid: string;
  key: FieldKey;
  kind: ControlKind;
  label: string;
  /** MiniUI control id, for the page's own API. */
  miniId?: string | undefined;
  /** How the field is found again at confirm (position and fingerprint, no value). */
  handle: FieldHandle;
  /** What the field shows now. */
  current: string;
  readOnly: boolean;
  disabled: boolean;
  /** Why a person could not see it ('' when they can): see fill/visibility.ts. */
  hidden: HiddenReason;
  /**
   * A date field's format as the page declares or shows it (page-script.ts `dateFormatOf`: the picker's format,
   * the box's value or placeholder); '' one we cannot write; absent when the page says nothing. MiniUI formats
   * are applied by MiniUI itself.
   */
  format?: string | undefined;
  /** Choices of a native select / radio / checkbox group (MiniUI lists are asked in the page's main world). */
  options?: Array<{ text: string; value: string }> | undefined;
  /** What the box accepts as typed (page-script.ts `limits`): a value it would not take is not written. */
  limits?: FieldLimits | undefined;
  /** A read-only box the page's date picker writes (page-script.ts `picker`): filled like a person's pick. */
  picker?: true | undefined;
  /** A read-only box of the page's own choice widget (page-script.ts `widget`): the person chooses there. */
  widget?: true | undefined;
  /** A MiniUI list that takes several options (page-script.ts `multi`): the profile's choices, each its option. */
  multi?: true | undefined;
}

/**
 * What a content script reports: where the field is and what it holds. The background adds the frame, and the
 * page script's probe (page-script.ts) the handle, the visibility and a MiniUI list's options.
 */
export type CollectedLite = Omit<CollectedField, 'frameId' | 'handle' | 'hidden' | 'limits' | 'picker' | 'widget' | 'format' | 'multi'> & { locator: FieldLocator };

/** What a frame's content script answers to `bg:collect`. */
export interface FrameCollection {
  page: string | null;
  /** The document's URL when collected (checked again at confirm). */
  url: string;
  /** A per-document random value of the content script, never given to the page (issue 12.3). */
  nonce: string;
  fields: CollectedLite[];
}

/**
 * How long a write waits for an earlier choice to enable its box or load its list (fill review (b), (c)): a
 * cascade on the portals loads its list over the network, in well under this; past it, the field says what it
 * still waited for rather than the confirm hanging.
 */
export const AFTER_CHOICE_MS = 3000;
/**
 * The wait ends sooner once the page has settled: no change of its DOM for this long and no jQuery request of
 * its own in flight (page-script.ts `waitFor`). A box the choice leaves disabled, hidden or empty for good then
 * costs this, not the whole wait; a cascade that loads through jQuery, or shows 加载中 while it loads, is still
 * waited for up to AFTER_CHOICE_MS.
 */
export const SETTLED_MS = 600;

/**
 * How long a fill waits for a portal frame of the tab that is still loading, or not yet read by our script (the
 * e-form iframe when 用档案填写本页 is clicked at once): past it, the preview says how many frames it could not
 * read rather than leaving them out unsaid. Looked at again every FRAME_RETRY_MS.
 */
export const FRAME_WAIT_MS = 4000;
export const FRAME_RETRY_MS = 150;

/** MiniUI controls: written and read through the page's own API in the main world, not as DOM inputs. */
export const MINI_KINDS: ReadonlySet<string> = new Set<ControlKind>(['mini-text', 'mini-combo', 'mini-date', 'mini-list']);
/** Controls whose value is one of the page's options (written by option VALUE). */
export const CHOICE_KINDS: ReadonlySet<string> = new Set<ControlKind>(['select', 'radio', 'checkbox', 'mini-combo', 'mini-list']);

/**
 * fill: empty field; same: already shows our value; conflict: shows another value (written only if ticked);
 * clear: shows the previous applicant's value and this one has none (emptied only if ticked); skip: never written.
 */
export type FillAction = 'fill' | 'same' | 'conflict' | 'clear' | 'skip';
/**
 * Why an item is not written. `needs-day`: the profile holds a month (毕业时间 2005-06) and the field asks for a day;
 * `open-ended`: the profile's contract is 无固定期限 and the field asks for a date — both said in the preview, not
 * dropped as if the profile had nothing, so the applicant knows to type them. `no-options`: the list offers no
 * option yet (a cascade that loads it after an earlier choice: preview again once it has). `too-long`/`pattern`:
 * the box would not take the value as typed (its maxlength, its pattern). `date-format`: a date box a person cannot
 * type into (a picker writes it) whose format the page neither declares nor shows, or one that names a format we
 * cannot write: no date is written in a guessed format. `page-widget`: a read-only box of the
 * page's own choice widget (no native select behind it): the person chooses there. `mobile-not-landline`: the
 * profile's 联系电话 is a mobile number and the box's label asks for a fixed line (固定电话, 座机).
 */
export type SkipReason = 'readonly' | 'page-widget' | 'date-format' | 'disabled' | 'no-value' | 'no-option' | 'no-options' | 'needs-day' | 'open-ended' | 'mobile-not-landline' | LimitReason | Exclude<HiddenReason, ''>;

/** One line of the preview. A skipped item carries no value of the profile (issue 12.1). */
export interface FillItem {
  /** `${frameId}:${fid}` */
  id: string;
  frameId: number;
  key: FieldKey;
  kind: ControlKind;
  label: string;
  current: string;
  /** The profile's value as the field will show it (absent for skipped items). */
  proposed?: string | undefined;
  action: FillAction;
  reason?: SkipReason | undefined;
  /** The page's value came from the previous applicant filled in this tab. */
  previous?: boolean | undefined;
  /**
   * Written only after an earlier choice of this fill takes effect: `enabled` a box disabled until then (written
   * with the value shown here), `options` a list whose options load then (its option chosen by the profile's
   * choice, `proposed`). The confirm waits for the page a bounded time and says when it did not happen.
   */
  after?: WriteAfter | undefined;
}

/** A preview line as the background keeps it until confirm: where to write and what (option values for choices). */
export interface PlannedItem extends FillItem {
  handle: FieldHandle;
  /** What to write: the text, or the option value(s) of a choice; '' for `clear` and for `after: 'options'`. */
  value: string;
  /** A list's choice as the texts naming each option chosen, to choose again in the page after a (re)load. */
  texts?: string[][] | undefined;
}

export type FillOutcome = 'ok' | 'mismatch' | 'refused' | 'failed';

export interface FillResult {
  id: string;
  key: FieldKey;
  label: string;
  /** What we wrote, as shown (absent when nothing was written). */
  proposed?: string | undefined;
  /** What the page holds after it had its say (MiniUI reformat, page scripts). */
  readBack?: string | undefined;
  outcome: FillOutcome;
  /** Why it was not written (catalogue key `fill.refused.<reason>`). */
  reason?: RefusedReason | 'tab-changed' | undefined;
}

/** Every reason a confirmed write is not made (the schema of a confirm's report, sent to the background). */
export const REFUSED_REASONS = [
  'navigated', 'gone', 'changed', 'disabled', 'readonly', 'no-option', 'error', 'too-long', 'pattern',
  'not-rendered', 'invisible', 'transparent', 'too-small', 'off-screen', 'clipped', 'covered', 'tab-changed', 'still-disabled', 'no-options', 'still-hidden',
] as const satisfies ReadonlyArray<NonNullable<FillResult['reason']>>;
/** Compile-time check that the list above names every reason (a missing one makes this `false`, a type error). */
export const ALL_REASONS_LISTED: Exclude<NonNullable<FillResult['reason']>, (typeof REFUSED_REASONS)[number]> extends never ? true : false = true;

/** The answer to a confirm: what was and was not written. */
export interface FillReport {
  results: FillResult[];
  /** The tab no longer shows the previewed document(s): nothing was written. */
  navigated: boolean;
}
