import { DATE_FIELDS } from '../domain/fields';
import { OPEN_ENDED } from '../domain/ids';
import { mobileForLandline } from '../domain/phone-kinds';
import type { ProfileData } from '../profiles/schema';
import { formatForField, parseDateText } from '../validate/dates';
import { normaliseIdNumber } from '../validate/id-number';
import { CHOICE_KINDS, MINI_KINDS, type CollectedField, type FillItem, type PlannedItem, type SkipReason } from './types';
import { pageScript } from './page-script';
import { normChoice } from '../domain/vocabularies';
import { pickOption, sameChoice, synonyms } from './vocab';

/** The page script's rules, for the preview (the confirm applies the same ones in the page). */
const kit = pageScript({ op: 'kit' });

/**
 * A date in a format read from the page (page-script.ts `dateFormatOf`): `M?`/`d?` are a month or day whose
 * padding the page does not show (2020/11/25), writable only where both ways agree (a two-digit month or day).
 */
function inFormat(iso: string, pattern: string): string | undefined {
  const [, m = '', d = ''] = iso.split('-');
  const unsure = (token: string, part: string) => !pattern.includes(token) || Number(part) >= 10;
  if (!unsure('M?', m) || !unsure('d?', d)) return undefined;
  return formatForField(iso, pattern.replace('M?', 'MM').replace('d?', 'dd'));
}

/**
 * A stored calendar value in the field's format. A month-level value (yyyy-MM) goes only where no day is asked
 * for, and `open-ended` into no date field: a made-up day would be a wrong value. A format the page did not give
 * is yyyy-MM-dd, as a person would type it (the caller never gives a box that refuses typing a date in it:
 * `unknownFormat`).
 */
function dateFor(raw: string, field: Pick<CollectedField, 'kind' | 'format'>): string | undefined {
  const pattern = field.format || 'yyyy-MM-dd';
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return field.kind === 'mini-date' ? raw : inFormat(raw, pattern);
  if (/^\d{4}-\d{2}$/.test(raw) && !/d/.test(pattern)) return inFormat(`${raw}-01`, pattern);
  return undefined;
}

/**
 * A date box whose format the fill cannot know: the page names one we cannot write (month names, times), or a
 * box a person cannot type into (a picker writes it) whose format the page neither declares nor shows, nor
 * shows well enough for this date (padding): never written in a guessed format (fill review (a)).
 */
function unknownFormat(f: CollectedField, raw: string | undefined): boolean {
  if (!DATE_FIELDS.has(f.key) || MINI_KINDS.has(f.kind) || raw === undefined) return false;
  if (f.format === '') return true;
  if (f.format === undefined) return f.readOnly;
  return dateFor(raw, f) === undefined && !!dateFor(raw, { kind: f.kind, format: 'yyyy-MM-dd' });
}

/** Why a stored calendar value has no form for this field (a month where a day is asked, 无固定期限 where a date is). */
function unfitDate(field: Pick<CollectedField, 'key'>, data: ProfileData): 'needs-day' | 'open-ended' | undefined {
  const raw = data[field.key];
  if (!DATE_FIELDS.has(field.key) || typeof raw !== 'string') return undefined;
  if (raw === OPEN_ENDED) return 'open-ended';
  return /^\d{4}-\d{2}$/.test(raw) ? 'needs-day' : undefined;
}

/** The profile's value for a field, as the field wants it written (dates in the field's format). */
export function valueFor(field: Pick<CollectedField, 'key' | 'kind' | 'format'>, data: ProfileData): string | undefined {
  const raw = data[field.key];
  if (field.key === 'retired') return raw === true ? '是' : raw === false ? '否' : undefined;
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  if (DATE_FIELDS.has(field.key)) return dateFor(raw, field);
  return raw;
}

/** Do the field's current text and our value mean the same (2025/3/1 = 2025-03-01, 汉 = 汉族, x = X)? */
export function sameValue(field: Pick<CollectedField, 'key' | 'kind'>, current: string, proposed: string): boolean {
  const a = current.trim();
  const b = proposed.trim();
  if (a === b) return true;
  if (!a || !b) return false;
  if (DATE_FIELDS.has(field.key)) {
    const da = parseDateText(a).value;
    return da !== undefined && da === parseDateText(b).value;
  }
  if (field.key === 'idNumber') return normaliseIdNumber(a) === normaliseIdNumber(b);
  if (field.key === 'mobile' || field.key === 'phone') return a.replace(/\D/g, '') === b.replace(/\D/g, '');
  if (CHOICE_KINDS.has(field.kind)) {
    const as = a.split(',').map((x) => x.trim()).filter(Boolean);
    const bs = b.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
    return as.length === bs.length && bs.every((x) => as.some((y) => sameChoice(x, y)));
  }
  return a.normalize('NFKC') === b.normalize('NFKC');
}

/** Does the field take several options (a checkbox group, a MiniUI checkbox list or multi-select combobox)? */
const takesSeveral = (f: Pick<CollectedField, 'kind' | 'multi'>) => f.kind === 'checkbox' || !!f.multi;
/** A profile's choices for a field that takes several (建筑工程、市政公用工程), else its one choice. */
const choicesOf = (f: Pick<CollectedField, 'kind' | 'multi'>, raw: string): string[] =>
  takesSeveral(f) ? raw.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : [raw];

/** What a value becomes in this field: its text, and what to write (the option values of a choice). */
function resolve(f: CollectedField, raw: string): { text: string; value: string } | undefined {
  if (!CHOICE_KINDS.has(f.kind)) return { text: raw, value: raw };
  if (!f.options) return undefined;
  const wanted = choicesOf(f, raw);
  const picked = wanted.map((w) => pickOption(w, f.options ?? []));
  if (!picked.length || picked.some((p) => p === undefined)) return undefined;
  const options = picked.filter((p) => p !== undefined);
  return { text: options.map((p) => p.text).join(','), value: options.map((p) => p.value).join(',') };
}

/** Why a field is never written, whatever the profile holds. */
function blocked(f: CollectedField): SkipReason | undefined {
  if (f.hidden) return f.hidden;
  if (f.disabled) return 'disabled';
  // A read-only date box the page's picker writes is set as the picker sets it (a person picks a date there).
  if (f.readOnly && !(f.picker && DATE_FIELDS.has(f.key))) return f.widget ? 'page-widget' : 'readonly';
  return undefined;
}

/**
 * Lists whose options a page may load, or reload, after an earlier choice (a cascade): a native select (Layui's
 * included: a select shown through a stand-in), a MiniUI combobox (one choice or `multiSelect`) and a MiniUI
 * radio or checkbox list. Their choice is also kept as the texts naming each option, to be chosen again by name
 * in the page (`namesOf`).
 */
const LISTS: ReadonlySet<string> = new Set(['select', 'mini-combo', 'mini-list']);

/** Hidden until an earlier choice shows it: not rendered or not visible (what a page toggles), not a covered or faded box. */
const REVEALABLE: ReadonlySet<SkipReason> = new Set(['not-rendered', 'invisible']);

/** Why a list has no option for the value: none at all yet (a cascade loads it after an earlier choice), or not this one. */
const noOption = (f: CollectedField): SkipReason => (f.options && !f.options.length ? 'no-options' : 'no-option');

/**
 * Icon-font glyphs (private use characters: the circle Layui draws in a radio's stand-in) are drawn, never read:
 * an option or a current value is compared without them.
 */
const ICON_GLYPH = /[\uE000-\uF8FF]/;
const withoutGlyphs = (s: string) => s.replace(/[\uE000-\uF8FF]/g, '').trim();
const unglyphed = (f: CollectedField): CollectedField =>
  !ICON_GLYPH.test(f.current + (f.options ?? []).map((o) => o.text).join(''))
    ? f
    : { ...f, current: withoutGlyphs(f.current), options: f.options?.map((o) => ({ ...o, text: withoutGlyphs(o.text) })) };

/**
 * A box a person types into, whose page shows dates without saying whether it pads (2020/11/25): written padded,
 * as a person would type it there (the page reads what is typed; the read-back says what it kept).
 */
const typedPadding = (f: CollectedField): CollectedField =>
  f.format?.includes('?') && !f.readOnly ? { ...f, format: f.format.replace('M?', 'MM').replace('d?', 'dd') } : f;

/** One field's line of the preview (see `planFill`). */
function planOne(f: CollectedField, data: ProfileData, previous?: ProfileData): PlannedItem {
  const base = { id: `${f.frameId}:${f.fid}`, frameId: f.frameId, key: f.key, kind: f.kind, label: f.label, current: f.current, handle: f.handle };
  const prevRaw = previous ? valueFor(f, previous) : undefined;
  const prevText = prevRaw === undefined ? undefined : resolve(f, prevRaw)?.text;
  const fromPrevious = !!f.current.trim() && prevText !== undefined && sameValue(f, f.current, prevText);
  const skip = (reason: SkipReason): PlannedItem => ({ ...base, action: 'skip', reason, value: '', ...(fromPrevious ? { previous: true } : {}) });
  const raw = valueFor(f, data);
  const why = blocked(f);
  if (why) return skip(why);
  if (unknownFormat(f, typeof data[f.key] === 'string' ? String(data[f.key]) : undefined)) return skip('date-format');
  // A mobile number in the profile's 联系电话 is no fixed line: never written into a box that asks for one; the
  // previous applicant's number there is offered for clearing, as for a value this applicant lacks.
  if (f.key === 'phone' && raw !== undefined && mobileForLandline(f.label, raw)) {
    return fromPrevious ? { ...base, action: 'clear', reason: 'mobile-not-landline', proposed: '', value: '', previous: true } : skip('mobile-not-landline');
  }
  if (raw === undefined) return fromPrevious ? { ...base, action: 'clear', proposed: '', value: '', previous: true } : skip(unfitDate(f, data) ?? 'no-value');
  const target = resolve(f, raw);
  if (!target) return skip(noOption(f));
  const item = { ...base, proposed: target.text, value: target.value, ...(LISTS.has(f.kind) ? { texts: namesOf(f, raw, target.text) } : {}), ...(fromPrevious ? { previous: true } : {}) };
  if (sameValue(f, f.current, target.text)) return { ...item, action: 'same' };
  // A value the box would not take as typed (maxlength, pattern) is not written: the portal may cut or refuse it.
  const unfit = CHOICE_KINDS.has(f.kind) ? '' : kit.unfit(f.limits, target.value);
  if (unfit) return skip(unfit);
  if (f.current.trim()) return { ...item, action: 'conflict' };
  return { ...item, action: 'fill' };
}

/**
 * The texts that name each choice in the page (page-script.ts `texts`), in the order of the planned codes: first
 * the text of the option planned (it tells that option from another under the same code after a reload), else
 * the profile's own spelling.
 */
function namesOf(f: Pick<CollectedField, 'kind' | 'multi'>, raw: string, planned?: string): string[][] {
  const choices = choicesOf(f, raw);
  // The planned options' texts, one per choice (resolve joined them with ','), when they split back evenly.
  const texts = planned === undefined ? [] : choices.length === 1 ? [planned] : planned.split(',');
  return choices.map((choice, i) => {
    const first = normChoice(texts.length === choices.length ? (texts[i] ?? choice) : choice);
    return [...new Set([first, normChoice(choice), ...synonyms(choice)])];
  });
}

/**
 * A line that waits for an earlier choice of the same fill (fill review (b), (c)), when one is written in its
 * frame: a box disabled, or hidden (not rendered, not visible), until then is written with the value shown here
 * once the choice enables or shows it, and a list with no options yet (native, Layui's, MiniUI's) gets the
 * profile's choice once the choice loads them (chosen in the page by the texts that name it: its option values
 * are not known before). At confirm each waits for the page — its DOM changes, a MiniUI list's options — until
 * the page has settled or the bound has passed, then is written (visibility checked as for any write) and read
 * back, or says what it still waited for.
 */
function afterChoice(item: PlannedItem, f: CollectedField, data: ProfileData, previous?: ProfileData): PlannedItem {
  const hidden = !!item.reason && REVEALABLE.has(item.reason);
  if (item.action !== 'skip' || (item.reason !== 'disabled' && item.reason !== 'no-options' && !hidden)) return item;
  const again = item.reason === 'no-options' ? item : planOne({ ...f, disabled: false, hidden: '' }, data, previous);
  if (again.action === 'fill' || again.action === 'conflict') return { ...again, after: hidden ? 'shown' : 'enabled' };
  const raw = valueFor(f, data);
  if (again.reason !== 'no-options' || !LISTS.has(f.kind) || raw === undefined) return item;
  const { reason: _none, ...waiting } = again;
  return { ...waiting, action: f.current.trim() ? 'conflict' : 'fill', proposed: raw, value: '', texts: namesOf(f, raw), after: 'options' };
}

/**
 * What a fill would do, field by field. Nothing here writes: the user sees this as the preview.
 * - empty field → fill; same value → nothing to do; another value → conflict, written only if the user ticks it;
 * - a field showing the PREVIOUS applicant's value (`previous`, from this tab's last fill) is marked, and
 *   when this applicant has no value for it, offered for clearing (「全部替换为此申请人」, issue 17.6);
 * - hidden (as a person sees it), disabled or read-only fields are never written — a box disabled, or a list
 *   empty, until an earlier choice of this fill is written after it, once the page enables or loads it;
 * - choices are resolved ONCE here to the option's value (the page writes that value, never matches text) —
 *   except a list whose options load only after an earlier choice (`afterChoice`);
 * - a skipped item carries no value of the profile (issue 12.1).
 */
export function planFill(fields: readonly CollectedField[], data: ProfileData, previous?: ProfileData): PlannedItem[] {
  const ready = fields.map(unglyphed).map(typedPadding);
  const items = ready.map((f) => planOne(f, data, previous));
  const choosing = new Set(items.filter((i) => CHOICE_KINDS.has(i.kind) && (i.action === 'fill' || i.action === 'conflict')).map((i) => i.frameId));
  // A hidden box whose field the frame shows elsewhere is a copy (another tab, a section for another business):
  // the value goes where the person sees it, the copy is not waited for.
  const shown = new Set(items.filter((i) => i.action !== 'skip').map((i) => `${i.frameId}:${i.key}`));
  return items.map((item, k) => {
    const f = ready[k];
    const copy = !!item.reason && REVEALABLE.has(item.reason) && shown.has(`${item.frameId}:${item.key}`);
    return f && choosing.has(item.frameId) && !copy ? afterChoice(item, f, data, previous) : item;
  });
}

/** Which items to write: fills, plus conflicts and clears the user ticked. */
export function itemsToWrite<T extends FillItem>(items: readonly T[], overwrite: ReadonlySet<string>): T[] {
  return items.filter((i) => i.action === 'fill' || ((i.action === 'conflict' || i.action === 'clear') && overwrite.has(i.id)));
}

/** 「全部替换为此申请人」: every item holding the previous applicant's value is replaced or cleared. */
export function replaceAllIds(items: readonly FillItem[]): string[] {
  return items.filter((i) => i.previous && (i.action === 'conflict' || i.action === 'clear')).map((i) => i.id);
}

/** What the preview may show: no write values, no handles; skipped items carry no value (issue 12.1). */
export function previewItem({ handle: _handle, value: _value, texts: _texts, ...item }: PlannedItem): FillItem {
  return item;
}
