import type { FieldType } from '../domain/fields';
import type { FieldKey } from '../domain/ids';
import { LANDLINE_WORDS } from '../domain/phone-kinds';

/**
 * The second look at a page's controls, after ids and the lexicon (fields.ts): the page as context. Real
 * portals word a field in ways no lexicon lists (one word of a known label swapped for another) and label a
 * mobile as a telephone; a person reads those from the rest of the form — "the other 劳动合同 date is already
 * there, so this one is the start", "this page asks for a mobile and its only telephone box is it". Pure:
 * core labels and keys in, keys out.
 *
 * Safety first (a wrong field is worse than a missing one): a control is taken here only for a field the
 * page definition expects (rules/pages/*.json `expects`), that no control holds yet, and that no other
 * control here claims as well; on a page no definition claims, nothing is mapped here.
 */
export interface ContextEntry {
  /** The label reduced to what it names (fields.ts `coreLabel`), '' when the control has none. */
  core: string;
  /** The field found so far, if any. */
  key: FieldKey | undefined;
  /** Found by a known element id: the page's own words for it, never re-read. */
  byId: boolean;
  /** Decided to be no field (a 证件号码 where 证件类型 is not 身份证): left alone. */
  refused?: true | undefined;
  /** A box one types into (a date or a number can be there; not in a list of options). */
  typed: boolean;
}

export interface ContextLexicon {
  /**
   * The fields a core label is near, each with its best score (`nearFields` over the lexicon): asked of the
   * background by the content script, which does not carry the lexicon (its size is budgeted).
   */
  near: (core: string) => ReadonlyMap<FieldKey, number>;
  /** The fields the page definition says this page shows (for its business). */
  expected: ReadonlySet<FieldKey>;
  /** The value type of a field (src/domain/fields.ts). */
  typeOf: (key: FieldKey) => FieldType | undefined;
}

/**
 * How close a label is to a known label with one word swapped: the share of characters in the shared
 * beginning and end (劳动合同[生效]日期 ~ 劳动合同[开始]日期: 6 of 8), and the label's swapped word. Both ends
 * must be shared and the swapped word short on both sides, otherwise 0: this compares phrasings of one
 * name, not topics.
 */
export function swapScore(label: string, known: string): { score: number; swapped: string } {
  const max = Math.min(label.length, known.length);
  let head = 0;
  while (head < max && label[head] === known[head]) head++;
  let tail = 0;
  while (tail < max - head && label[label.length - 1 - tail] === known[known.length - 1 - tail]) tail++;
  const swapped = label.slice(head, label.length - tail);
  const theirs = known.length - head - tail;
  if (head === 0 || tail === 0 || (!swapped && !theirs) || swapped.length > MAX_SWAP || theirs > MAX_SWAP) return { score: 0, swapped };
  return { score: (head + tail) / Math.max(label.length, known.length), swapped };
}

/** The swapped word: at most three characters (a word of two, a particle). */
const MAX_SWAP = 3;
/** Labels shorter than this are read by the lexicon only (two characters leave no word to swap). */
const MIN_NEAR = 3;
/** At least two thirds of the label is a known label's own wording (6 of 8 characters, 4 of 6). */
const NEAR = 0.66;

/**
 * The fields a label is near, each with its best score (one swapped word of one of its known labels). `entries`:
 * core labels of the lexicon with their field (fields.ts `labelLexicon`); `otherParty`: whether words name
 * another party for that field (紧急联系人, 单位…: never the applicant's personal fields).
 */
export function nearFields(
  core: string,
  entries: ReadonlyArray<readonly [string, FieldKey]>,
  otherParty: (rest: string, key: FieldKey) => boolean,
): Map<FieldKey, number> {
  const out = new Map<FieldKey, number>();
  if (core.length < MIN_NEAR) return out;
  for (const [known, key] of entries) {
    const { score, swapped } = swapScore(core, known);
    if (score < NEAR || score <= (out.get(key) ?? 0) || otherParty(swapped, key)) continue;
    out.set(key, score);
  }
  return out;
}

/**
 * The one field an unmapped control's label names, read against the page: among the fields it is near,
 * those another control already holds are out; of the best left, it must be the only one and expected
 * here. Undefined when that is not so (the control stays unmapped).
 */
function byNearLabel(core: string, held: ReadonlySet<FieldKey>, lex: ContextLexicon): FieldKey | undefined {
  if (core.length < MIN_NEAR) return undefined;
  const near = [...lex.near(core)].filter(([key]) => !held.has(key));
  const best = Math.max(0, ...near.map(([, s]) => s));
  const top = near.filter(([, s]) => s === best).map(([key]) => key);
  const [key] = top;
  return top.length === 1 && key && lex.expected.has(key) ? key : undefined;
}

/**
 * A narrower kind of value that a wider field's box takes: a mobile number is a telephone number (the
 * 一窗受理 intake form labels its mobile box 联系电话; domain.md, "Known 申报 form ids": contactmobile).
 */
const NARROWER: Readonly<Partial<Record<FieldType, FieldType>>> = { mobile: 'phone' };
/**
 * Words by which a box of the wider kind says it is not of the narrower one: a fixed line (固定电话, 座机, 办公电话,
 * 家庭电话) is no mobile. Such a box stays what it says, and the mobile stays unmapped (the panel names it).
 */
const NOT_NARROWER: Readonly<Partial<Record<FieldType, RegExp>>> = { mobile: new RegExp(LANDLINE_WORDS) };

/**
 * An expected field no control holds, of a kind a wider field's box takes: the one control the page holds
 * for the wider field (found by its label, and a field the page does not expect) is that field.
 */
function byNarrowerType(entries: ContextEntry[], lex: ContextLexicon): void {
  const held = new Set(entries.flatMap((e) => (e.key ? [e.key] : [])));
  for (const key of lex.expected) {
    const wider = NARROWER[lex.typeOf(key) ?? 'text'];
    if (held.has(key) || !wider) continue;
    const boxes = entries.filter((e) => !e.byId && e.key && !lex.expected.has(e.key) && lex.typeOf(e.key) === wider);
    const [only] = boxes;
    if (boxes.length === 1 && only && !NOT_NARROWER[lex.typeOf(key) ?? 'text']?.test(only.core)) only.key = key;
  }
}

/**
 * Maps, in place, what the page as context decides (see the file's comment). Not on a page with a box whose
 * label cannot be read at all: the field sought may be that one.
 */
export function resolveByContext(entries: ContextEntry[], lex: ContextLexicon): void {
  if (!lex.expected.size || entries.some((e) => e.typed && !e.key && !e.core && !e.refused)) return;
  const held = new Set(entries.flatMap((e) => (e.key ? [e.key] : [])));
  const picks = entries.map((e) => (e.key || e.refused ? undefined : byNearLabel(e.core, held, lex)));
  picks.forEach((key, i) => {
    const entry = entries[i];
    // Two controls near the same missing field: neither is taken.
    if (key && entry && picks.filter((k) => k === key).length === 1) entry.key = key;
  });
  byNarrowerType(entries, lex);
}
