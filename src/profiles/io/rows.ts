import { DATE_FIELDS, FIELDS, type FieldType, type ValidatorId } from '../../domain/fields';
import { choiceOf } from '../../domain/vocabularies';
import { bidiCodes, hasBidiControls } from '../../domain/bidi';
import { type FieldKey, isFieldKey } from '../../domain/ids';
import type { MessageKey, Params } from '../../i18n';
import { parseField, type StoredValue, validateField } from '../../validate/field';
import { validateIdNumber } from '../../validate/id-number';
import type { Finding } from '../../validate/types';
import { ProfileBody, type ProfileData, setField } from '../schema';
import { type Coded, type DateContext, readDateCell, splitPeriod, type DateRead } from './cell-dates';
import { type ColumnKey, headerKey, isRole, sameHeader } from './mapping';
import { nameNote, spacedRuns } from './name-note';
import { holdsNoValue } from './no-value';
import { numberWithRemark } from './number-remark';
import { partStruck } from './struck';
import { type Cell, type Section, sheetRowOf, struckRow, type Table } from './table';

/** Something to say about one cell: a catalogue key and its parameters (translated where shown). */
export interface RowIssue {
  /** The column as the file names it (its header text). */
  column: string;
  /** The field that column is imported as (the clerk may have mapped a header we do not know). */
  field?: ColumnKey | undefined;
  code: MessageKey;
  params?: Params | undefined;
  /** The cell's text, left empty because of this issue (the preview says it was not imported). */
  refused?: string | undefined;
}

export interface RowResult {
  /** Line after the header, from 1 (contract.md's N: data-row). */
  row: number;
  /** The row number Excel shows (contract.md's R: data-sheet-row). */
  sheetRow: number;
  /**
   * In a workbook of several sheets: the row's sheet by name, and its N within that sheet (data-row). `row` then
   * numbers on across the sheets imported together, so that it names one row of the whole import.
   */
  sheet?: { name: string; row: number } | undefined;
  blank: boolean;
  /**
   * Not an applicant: a totals row or a note under the table (合计 35 人, 填表人：王五). Skipped like a blank row,
   * but shown in the preview with what it said.
   */
  trailer?: true | undefined;
  data: ProfileData;
  notes?: string | undefined;
  /** Name and ID number as written in the file (the preview shows them even when rejected). */
  shown?: { name: string; idNumber: string } | undefined;
  /** Identity errors: the row is rejected. */
  errors: RowIssue[];
  /** Values left empty (unreadable, ambiguous, implausible, too long) or doubtful: the row is still imported. */
  warnings: RowIssue[];
  /** Documented normalisations the preview shows (an Excel serial read as a date). */
  notices: RowIssue[];
}

export interface RowContext {
  headers: readonly string[];
  mapping: ReadonlyArray<ColumnKey | null>;
  now: Date;
  /** Today in Asia/Shanghai, yyyy-MM-dd. */
  today: string;
  date1904?: boolean | undefined;
  /** Sheet rows Excel hides (Table.hiddenRows). */
  hiddenRows?: ReadonlySet<number> | undefined;
  /** Header rows again further down (Table.sections). */
  sections?: readonly Section[] | undefined;
  /** What the block's ID column says of Excel's rounding (idRoundingIn): the rows above the first header again. */
  idRounding?: IdRounding | undefined;
  /** The same for the rows under each header again (Table.sections, in order): each block is its own export. */
  sectionRounding?: readonly IdRounding[] | undefined;
  /** The employer the clerk accepted from the sheet's name, for rows with none of their own (CheckPart.employer). */
  sheetEmployer?: string | undefined;
  /** The sheet row of the title or caption that employer was read from (undefined: from the sheet's name). */
  sheetEmployerRow?: number | undefined;
}

const fromFinding = (column: string, f: Finding): RowIssue => ({ column, code: `v.${f.code}`, params: f.params });
const fromCoded = (column: string, c: Coded): RowIssue => ({ column, code: c.code, params: c.params });

/** 1.10101E+17, or an 18-digit number Excel has already rounded to 15 significant digits. */
function precisionLost(cell: Cell): boolean {
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(cell.text.trim())) return true;
  return cell.number !== undefined && Math.abs(cell.number) >= 1e11;
}

/**
 * An 18-digit ID number as Excel leaves it after rounding to 15 significant digits: its last three digits 000. A
 * CSV saved from a column Excel holds as numbers (formatted to show every digit) carries such text; the check digit
 * catches 10 in 11 of them, and the 11th would be stored wrong. A real number can end so too (顺序码 …00 with check
 * digit 0, about 1 in 1,100), so the text alone is only a doubt.
 */
const ROUNDED_ID = /^\d{15}000$/;

/**
 * What a file's ID column says of Excel's rounding. `seen`: a number in scientific notation, a cell stored as a
 * number, or an 18-digit number ending in 000 whose check digit fails — then every 18-digit number ending in 000 in
 * that file is taken as rounded too (a wrong ID number filled into a government form is worse than a row refused).
 * `alone`: the column holds one number only, so nothing shows it either way — one ending in 000 gets a warning.
 * `none`: several numbers and no rounding among them (each rounded one fails its check digit 10 times in 11).
 */
export type IdRounding = 'seen' | 'alone' | 'none';

export function idRoundingIn(rows: ReadonlyArray<readonly Cell[]>, mapping: ReadonlyArray<ColumnKey | null>, now: Date): IdRounding {
  const columns = mapping.flatMap((key, i) => (key === 'idNumber' ? [i] : []));
  let count = 0;
  for (const cells of rows) {
    for (const i of columns) {
      const cell = cells[i];
      const text = cell?.text.trim();
      if (!cell || !text) continue;
      count++;
      if (precisionLost(cell) || (ROUNDED_ID.test(text) && validateIdNumber(text, now).findings.some((f) => f.severity === 'error'))) return 'seen';
    }
  }
  return count === 1 ? 'alone' : 'none';
}

/** Builds one row's result; each cell reader adds to it. */
class RowBuilder {
  readonly data: ProfileData = {};
  notes: string | undefined;
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  readonly notices: RowIssue[] = [];
  /** Which column each stored field came from (for the schema's verdict). */
  readonly columnOf = new Map<string, string>();

  set(key: FieldKey, value: StoredValue, column: string): void {
    setField(this.data, key, value);
    this.columnOf.set(key, column);
  }

  date(key: FieldKey, read: DateRead, column: string): void {
    if (read.value !== undefined) {
      // A field filled by its own column wins over the combined 起止日期 column.
      if (this.data[key] === undefined) this.set(key, read.value, column);
      if (read.note) this.notices.push(fromCoded(column, read.note));
    } else {
      this.warnings.push(fromCoded(column, read.problem));
    }
  }
}

/** Name and ID number: any error rejects the row (contract.md), precision lost in Excel included. */
function readIdentity(b: RowBuilder, key: 'name' | 'idNumber', cell: Cell, column: string, now: Date, rounding: IdRounding | undefined): void {
  const text = withoutTextMark(key, cell.text.trim());
  if (key === 'idNumber' && (precisionLost(cell) || (rounding === 'seen' && ROUNDED_ID.test(text)))) {
    b.errors.push({ column, code: 'v.import.idPrecision', params: { text } });
    return;
  }
  // The only number of its file: kept, but the clerk is asked to compare it with the card.
  if (key === 'idNumber' && rounding === 'alone' && ROUNDED_ID.test(text)) b.warnings.push({ column, code: 'v.import.idMaybeRounded', params: { text } });
  const named = key === 'name' ? withoutNote(b, text, column) : text;
  if (named === undefined) return;
  const value = key === 'name' ? unpaddedName(b, named, column) : named;
  const r = parseField(key, value, now);
  for (const f of r.findings) (f.severity === 'error' ? b.errors : b.warnings).push(fromFinding(column, f));
  if (r.value !== undefined && !r.findings.some((f) => f.severity === 'error')) b.set(key, r.value, column);
}

/**
 * The name without the note a clerk wrote after it (「张三（退休）」): the note is said as a warning on the cell, so it
 * stays in sight without becoming part of the name. A bracket that may hold a name rejects the row (name-note.ts).
 */
function withoutNote(b: RowBuilder, text: string, column: string): string | undefined {
  const found = nameNote(text);
  const bare = found && 'name' in found ? found.name : text;
  const spaced = spacedRuns(bare);
  if (spaced && 'unclear' in spaced) {
    b.errors.push({ column, code: 'import.nameRunsUnclear', params: { text, runs: spaced.unclear } });
    return undefined;
  }
  if (found && 'unclear' in found) {
    b.errors.push({ column, code: 'import.nameNoteUnclear', params: { text, note: found.unclear } });
    return undefined;
  }
  // A title set apart by a space comes before any bracketed note (「张三 高工（退休）」).
  const notes = [...(spaced?.notes ?? []), ...(found?.notes ?? [])];
  if (!notes.length) return text;
  const name = spaced?.name ?? bare;
  b.warnings.push({ column, code: 'import.nameNote', params: { text, value: name, note: notes.join('、') } });
  return name;
}

/**
 * 「张 三」, 「王 小 明」: rosters pad short Chinese names with spaces (often the full-width U+3000) to line the column up. A
 * name of 汉字 (and ·) carries no space on the ID card, so the padding is not part of it: kept, it would be filled
 * into the portal as 「张 三」 and the same person would not match the stored 「张三」. Said as a notice. Names in
 * Latin letters keep their spaces (validateName warns about them).
 */
function unpaddedName(b: RowBuilder, text: string, column: string): string {
  const plain = text.normalize('NFKC');
  if (!/\s/.test(plain) || !/^[\p{Script=Han}·•・\s]+$/u.test(plain)) return dottedName(b, text, column);
  const value = plain.replace(/\s+/g, '');
  b.notices.push({ column, code: 'import.namePadding', params: { text, value } });
  return dottedName(b, value, column);
}

/** Marks people type for the middle dot of a minority name (after NFKC): . 。 - — ‧ ∙ ⋅ ･ ㆍ (• ・ validateName folds). */
const NAME_DOT = /[.。\-—‧∙⋅･ㆍ]/g;

/**
 * 「阿依古丽.买买提」, 「买买提-艾力」: the separator of a minority name (GB 11643's ID card prints ·) typed with the
 * keys at hand. Between two runs of 汉字 it can be nothing else, so it is read as ·, said as a notice; anywhere
 * else (「张三.」, 「.张三」) the name stays as written and validateName refuses it.
 */
function dottedName(b: RowBuilder, text: string, column: string): string {
  const plain = text.normalize('NFKC');
  const value = plain.replace(NAME_DOT, '·');
  if (value === plain || !/^\p{Script=Han}+([.。\-—‧∙⋅･ㆍ·•・]\p{Script=Han}+)+$/u.test(plain)) return text;
  b.notices.push({ column, code: 'import.nameDot', params: { text, value } });
  return value;
}

/**
 * 「手机：13805311234」, 「身份证号:370102…」: a cell that starts with the name of its own field and a colon, as
 * values are pasted from forms and chat messages. The label only repeats what the column is: it is taken off (and
 * said). A label naming another field (「电话：…」 in the 手机 column) is left, and the value read as written.
 */
function ownLabel(key: ColumnKey, text: string): string | undefined {
  // Notes are free text: 「备注：…」 is the clerk's own wording.
  if (key === 'notes') return undefined;
  const m = /^\s*([^:：\d]{1,12})[:：]\s*\S/.exec(text);
  return m && headerKey(m[1] ?? '') === key ? (m[1] ?? '').trim() : undefined;
}

/**
 * The row's cells as read: in mapped columns, invisible characters and the column's own label taken out, each said
 * as a notice (one pass per row; most cells hold neither, and are returned as they are).
 */
function cleanCells(cells: readonly Cell[], ctx: RowContext, b: RowBuilder, columnName: (i: number) => string): Cell[] {
  return cells.map((cell, i) => {
    const key = ctx.mapping[i];
    if (!key || !HAS_INVISIBLE_OR_COLON.test(cell.text)) return cell;
    const count = cell.text.match(INVISIBLE)?.length ?? 0;
    if (count) b.notices.push({ column: columnName(i), code: 'import.cell.invisible', params: { count } });
    const visible = cell.text.replace(INVISIBLE, '');
    const label = ownLabel(key, visible);
    if (label) b.notices.push({ column: columnName(i), code: 'import.cell.ownLabel', params: { text: cell.text.trim(), label } });
    const text = label ? visible.replace(/^[^:：]*[:：]\s*/, '') : visible;
    return text === cell.text ? cell : { ...cell, text };
  });
}

/**
 * The row's mapped cells with strike-through read (删除线): a cell struck in part stands for the new value typed
 * after the crossed-out old one (said as a warning), or — any other pattern — for nothing, refused with its text
 * (struck.ts). Name and ID number say who the applicant is: unclear, or crossed out alone in a row that stands, they
 * refuse the row; any other field is left empty (the wholly struck ones by the field loop, as before).
 */
function unstruck(cells: readonly Cell[], ctx: RowContext, b: RowBuilder, columnName: (i: number) => string, rowStruck: boolean): readonly Cell[] {
  if (!cells.some((c) => c.struckParts || c.struck)) return cells;
  return cells.map((cell, i) => {
    const key = ctx.mapping[i];
    const identity = key === 'name' || key === 'idNumber';
    if (!key || (!cell.struckParts && !(identity && cell.struck && !rowStruck))) return cell;
    const column = columnName(i);
    const text = cell.text.trim();
    if (!cell.struckParts) {
      b.errors.push({ column, code: 'import.cell.struckIdentity', params: { text } });
      return { text: '' };
    }
    const read = partStruck(cell.struckParts);
    if ('value' in read) {
      b.warnings.push({ column, code: 'import.cell.struckReplaced', params: { old: read.old, value: read.value } });
      return { text: read.value };
    }
    if (identity) b.errors.push({ column, code: 'import.cell.struckUnclearRow', params: read.unclear });
    else b.warnings.push({ column, code: 'import.cell.struckUnclear', params: read.unclear, refused: text });
    return { text: '' };
  });
}

/**
 * Characters that take no room and mean nothing in a roster's text (zero-width space and joiners, the word joiner,
 * a stray byte-order mark, the soft hyphen): pasted from web pages and chat apps, they make 18 visible digits an
 * ID number of 19 characters. Taken out of every cell read, with a notice; bidi controls, which can change what a
 * value reads as, are flagged instead (import.bidiControls).
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const HAS_INVISIBLE_OR_COLON = /[\u200B-\u200D\u2060\uFEFF\u00AD:：]/;

/**
 * Any other field, read by the field table (src/domain/fields.ts): a value its validator refuses is left empty,
 * anything doubtful kept as written — both with a warning; none rejects the row.
 */
function readOther(b: RowBuilder, key: FieldKey, raw: Cell, column: string, now: Date): void {
  const cell = { ...raw, text: withoutTextMark(key, raw.text.trim()) };
  const several = severalValues(key, cell.text.trim(), now);
  if (several) {
    b.warnings.push({ column, code: 'import.cell.severalValues', params: { text: cell.text.trim(), count: several } });
    return;
  }
  const damaged = damagedNumber(key, cell, now);
  if (damaged) {
    b.warnings.push(fromCoded(column, damaged));
    return;
  }
  const remarked = numberWithRemark(key, cell.text, now);
  if (remarked && 'problem' in remarked) {
    b.warnings.push(fromCoded(column, remarked.problem));
    return;
  }
  if (remarked?.remark) b.notices.push({ column, code: 'import.cell.remark', params: { text: cell.text.trim(), value: remarked.value, remark: remarked.remark } });
  // 12 under the format 0.0 shows 「12.0」: the whole number is the cell's.
  const text = remarked?.value ?? (FIELDS[key].type === 'integer' && cell.number !== undefined && Number.isInteger(cell.number) ? String(cell.number) : cell.text.trim());
  const r = parseField(key, text, now);
  // A value its validator refuses (a mobile of 7 digits, 「电话：0531-…」 in 手机) is left empty, its warning saying
  // so — never stored as typed and later filled into a government form (contract.md: left empty with a warning).
  const refusedBy = r.findings.map((f) => f.severity).lastIndexOf('error');
  r.findings.forEach((f, i) => b.warnings.push(i === refusedBy ? { ...fromFinding(column, f), refused: text } : fromFinding(column, f)));
  if (refusedBy < 0 && r.value !== undefined) b.set(key, r.value, column);
}

/** Numbers and codes (not free text, where 「1.5E+10」 may be what was meant): Excel's notation means lost digits. */
const NUMBER_LIKE: ReadonlySet<ValidatorId> = new Set(['mobile', 'phone', 'postcode', 'credit-code', 'employer-credit-code', 'registration-no', 'qualification-cert-no']);

/**
 * 「'370102…」, 「'13805311234」: the apostrophe is Excel's mark for "keep this as text" (hidden in Excel, but
 * written out by exports and kept when typed into a CSV). An ID number or a code never holds one, so it is not part
 * of the value; free text keeps it.
 */
function withoutTextMark(key: FieldKey, text: string): string {
  if (key !== 'idNumber' && !NUMBER_LIKE.has(FIELDS[key].validate)) return text;
  return text.replace(/^['‘’`]\s*/, '');
}

/** Fields whose values are digit strings that may start with 0 (区号 0531, 邮编 0x…): a number cell loses it. */
const LEADING_ZERO_TYPES: ReadonlySet<FieldType> = new Set(['phone', 'postcode']);

/**
 * A number Excel has already changed, so that what the cell holds is not what was typed: shown in scientific
 * notation (1.38053E+10 — a CSV saved from a narrow column), over Excel's 15 significant digits (a 16-digit 注册编号
 * ends in 0), or a 区号's leading 0 dropped (53188886666). The true value cannot be read back: left empty, saying
 * why. Dates and whole numbers are read elsewhere; the ID number rejects the row (readIdentity).
 */
function damagedNumber(key: FieldKey, cell: Cell, now: Date): Coded | undefined {
  const text = cell.text.trim();
  const { type } = FIELDS[key];
  if (type === 'integer' || type === 'boolean') return undefined;
  if (NUMBER_LIKE.has(FIELDS[key].validate) && /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(text)) return { code: 'import.cell.scientific', params: { text } };
  if (cell.number === undefined) return undefined;
  if (Number.isInteger(cell.number) && Math.abs(cell.number) >= 1e15) return { code: 'import.cell.numberPrecision', params: { text } };
  const refused = (value: string) => validateField(key, value, now).findings.some((f) => f.severity === 'error');
  if (LEADING_ZERO_TYPES.has(type) && refused(text) && !refused(`0${text}`)) return { code: 'import.cell.leadingZero', params: { text } };
  return undefined;
}

/** Fields that hold one value, however it is written; a text field (单位, 地址) may hold any punctuation. */
const SINGLE_VALUE_TYPES: ReadonlySet<FieldType> = new Set(['mobile', 'phone', 'email', 'postcode', 'credit-code', 'choice']);

/**
 * 「13805311234/13905311234」, 「a@x.com；b@y.com」, 「男、女」: a cell of a one-value field holding several values, each
 * one complete and valid on its own. Which one the applicant uses cannot be told, so none is stored (a wrong value
 * is worse than none): the number of values, else undefined. Whitespace splits too, but only when every part is
 * a valid value (「0531 88886666」 is one number: 0531 alone is not).
 */
function severalValues(key: FieldKey, text: string, now: Date): number | undefined {
  if (!SINGLE_VALUE_TYPES.has(FIELDS[key].type)) return undefined;
  const parts = text.split(/\s*[/／、,，;；|｜]\s*|\s+/).filter(Boolean);
  if (parts.length < 2) return undefined;
  const { vocabulary } = FIELDS[key];
  // A choice part counts only when it is a listed choice (an open list takes any text: 「汉 族」 is one padded value).
  const valid = (part: string) => {
    if (vocabulary) return choiceOf(vocabulary, part) !== undefined;
    const r = validateField(key, part, now);
    return r.value !== undefined && !r.findings.some((f) => f.severity === 'error');
  };
  return parts.every(valid) ? parts.length : undefined;
}

/** The birth date the row tells (its own column, else the ID number), for plausibility of other dates. */
function birthOf(b: RowBuilder, cells: readonly Cell[], ctx: RowContext, dateCtx: DateContext): string | undefined {
  const i = ctx.mapping.indexOf('birthDate');
  const own = i >= 0 && cells[i]?.text.trim() ? readDateCell('birthDate', cells[i] ?? { text: '' }, dateCtx).value : undefined;
  const id = b.data.idNumber;
  return own ?? (id ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : undefined);
}

/**
 * The schema's verdict, in the preview (so the commit never refuses what the preview accepted): a value over a
 * limit is an error for name and ID number, else it is left out with a warning naming the column.
 */
function applySchema(b: RowBuilder, identity: ReadonlySet<string>): void {
  const parsed = ProfileBody.safeParse({ data: b.data, notes: b.notes ?? '' });
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    const [where, key] = issue.path;
    const field = where === 'data' && typeof key === 'string' ? key : 'notes';
    const column = field === 'notes' ? (b.columnOf.get('notes') ?? '') : (b.columnOf.get(field) ?? field);
    const value = field === 'notes' ? (b.notes ?? '') : String((isFieldKey(field) ? b.data[field] : undefined) ?? '');
    const max = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
    const problem: RowIssue = max !== undefined ? { column, code: 'import.cell.tooLong', params: { length: value.length, max } } : { column, code: 'import.cell.invalid', params: { text: value.slice(0, 40) } };
    if (identity.has(field)) b.errors.push(problem);
    else b.warnings.push(problem);
    if (field === 'notes') b.notes = undefined;
    else if (isFieldKey(field)) delete b.data[field];
  }
}

/** Words a totals row starts with (合计, 小 计, 总计：35 人). */
const SUMMARY = /^(合计|小计|总计|共计|汇总|总数)/;
/** As much of a footer's text as the preview shows. */
const TRAILER_SHOWN = 40;

/**
 * The text of a row that is a totals row or a note under the table rather than an applicant, else undefined:
 * its ID-number cell holds no number (fewer than 6 digits: a count, or nothing), and its first filled cell
 * starts with a summary word or is a caption with a colon (填表人：, 注：, 单位（盖章）：) — a name never holds a
 * colon. A row with an ID number is always read as an applicant, so a real one is never skipped this way.
 */
function trailerText(cells: readonly Cell[], ctx: RowContext): string | undefined {
  const idAt = ctx.mapping.indexOf('idNumber');
  const id = idAt >= 0 ? (cells[idAt]?.text ?? '') : '';
  if ((id.normalize('NFKC').match(/\d/g)?.length ?? 0) >= 6) return undefined;
  const first = cells.find((c) => c.text.trim())?.text.normalize('NFKC').replace(/\s+/g, '') ?? '';
  if (!SUMMARY.test(first) && !/.[:：]/.test(first)) return undefined;
  const text = cells.map((c) => c.text.trim()).filter(Boolean).join(' ');
  return text.length > TRAILER_SHOWN ? `${text.slice(0, TRAILER_SHOWN)}…` : text;
}

/** What a template's guide row under the header says in a cell: （必填）, 选填, 示例, (18位). */
const GUIDE_CELL = /^([（(【[].*[)）】\]]|必填|选填|非必填|可不填|示例|样例|填写示例)$/;

/**
 * The text of the row right under the header when it is the template's guide to the columns (「（必填）」 「（18位）」
 * 「选填」 under each header) rather than an applicant, else undefined: every filled cell is such a guide and its
 * ID-number cell holds no number. Its text is shown; it is not rejected as an applicant without a name.
 */
function guideText(cells: readonly Cell[], ctx: RowContext): string | undefined {
  const idAt = ctx.mapping.indexOf('idNumber');
  const id = idAt >= 0 ? (cells[idAt]?.text ?? '') : '';
  if ((id.normalize('NFKC').match(/\d/g)?.length ?? 0) >= 6) return undefined;
  const filled = cells.map((c) => c.text.normalize('NFKC').trim()).filter(Boolean);
  if (!filled.length || !filled.every((t) => GUIDE_CELL.test(t.replace(/\s+/g, '')))) return undefined;
  const text = filled.join(' ');
  return text.length > TRAILER_SHOWN ? `${text.slice(0, TRAILER_SHOWN)}…` : text;
}

/** The last header row again at or above data row index `at`. */
function sectionOf(sections: readonly Section[] | undefined, at: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections ?? []) {
    if (s.at > at) break;
    found = s;
  }
  return found;
}

const sectionContexts = new WeakMap<Section, { from: RowContext; ctx: RowContext }>();

/**
 * How the rows under a header row again are read: a column whose header there names the same column as the
 * table's header keeps the clerk's mapping; any other is read by its own header there (a roster pasted under
 * another with its columns in another order), or not at all when that header is not one we know — never by the
 * top header's meaning, which would put one field's values into another. Messages name the header over the row.
 */
function sectionContext(section: Section, ctx: RowContext): RowContext {
  const cached = sectionContexts.get(section);
  if (cached?.from === ctx) return cached.ctx;
  const { headers, mapping } = sectionMapping(section, ctx);
  const idRounding = ctx.sectionRounding?.[ctx.sections?.indexOf(section) ?? -1];
  const out = { ...ctx, headers, mapping, idRounding };
  sectionContexts.set(section, { from: ctx, ctx: out });
  return out;
}

/** The headers and mapping a header row again gives the rows under it (sectionContext). */
function sectionMapping(section: Section, ctx: Pick<RowContext, 'headers' | 'mapping'>): Pick<RowContext, 'headers' | 'mapping'> {
  const width = Math.max(ctx.headers.length, ctx.mapping.length, section.headers.length);
  const same = Array.from({ length: width }, (_, i) => sameHeader(section.headers[i] ?? '', ctx.headers[i] ?? ''));
  // As autoMap reads a header row: with a name column of the applicant's own, a role's columns are someone else's.
  const own = section.headers.some((h) => headerKey(h) === 'name' && !isRole(h));
  const keyOf = (h: string) => (own && isRole(h) ? null : (headerKey(h) ?? null));
  const keys = same.map((kept, i) => (kept ? (ctx.mapping[i] ?? null) : keyOf(section.headers[i] ?? '')));
  // A field claimed by two columns: the one that kept its header has it, else the first.
  const owner = (key: ColumnKey) => {
    const kept = keys.findIndex((k, j) => k === key && same[j]);
    return kept >= 0 ? kept : keys.indexOf(key);
  };
  const mapping = keys.map((key, i) => (key !== null && owner(key) !== i ? null : key));
  const headers = Array.from({ length: width }, (_, i) => section.headers[i] || ctx.headers[i] || '');
  return { headers, mapping };
}

/**
 * Validate one row. Rejected (errors) only for who the applicant is: no name, a missing or invalid ID number
 * (precision lost in Excel included), or one of them over the schema's limit. Any other value that cannot be
 * read, is ambiguous or implausible is left empty with a warning; doubtful text is kept with a warning
 * (contract.md).
 */
export function validateRow(row: number, sheetRow: number, cells: readonly Cell[], tableCtx: RowContext): RowResult {
  const b = new RowBuilder();
  const section = sectionOf(tableCtx.sections, row - 1);
  if (section?.at === row - 1) {
    const text = section.headers.filter(Boolean).join(' ');
    const notice: RowIssue = { column: '', code: 'import.headerAgain', params: { text: text.length > TRAILER_SHOWN ? `${text.slice(0, TRAILER_SHOWN)}…` : text } };
    return { row, sheetRow, blank: true, trailer: true, data: b.data, errors: [], warnings: [], notices: [notice] };
  }
  const titled = tableCtx.sections?.find((s) => s.title === row - 1);
  if (titled) {
    const text = cells.find((c) => c.text.trim())?.text.trim() ?? '';
    return { row, sheetRow, blank: true, trailer: true, data: b.data, errors: [], warnings: [], notices: [{ column: '', code: 'import.sectionTitle', params: { text } }] };
  }
  const ctx = section ? sectionContext(section, tableCtx) : tableCtx;
  // A row whose only content is copies of merged cells above or beside it (a company block merged down over a blank
  // row) is blank in Excel: not an applicant to reject.
  const blank = cells.every((c) => !c.text.trim() || c.merged === true);
  if (blank) return { row, sheetRow, blank, data: b.data, errors: [], warnings: [], notices: [] };
  const trailer = trailerText(cells, ctx);
  if (trailer !== undefined) return { row, sheetRow, blank: true, trailer: true, data: b.data, errors: [], warnings: [], notices: [{ column: '', code: 'import.trailerNote', params: { text: trailer } }] };
  const guide = row === 1 ? guideText(cells, ctx) : undefined;
  if (guide !== undefined) return { row, sheetRow, blank: true, trailer: true, data: b.data, errors: [], warnings: [], notices: [{ column: '', code: 'import.guideRow', params: { text: guide } }] };
  // A row the clerk cannot see in Excel (filtered out or hidden) is still read, never silently: it is flagged.
  if (ctx.hiddenRows?.has(sheetRow)) b.warnings.push({ column: '', code: 'import.rowHidden', params: { row: sheetRow } });
  // A row crossed out whole is still read (the clerk decides), never silently: flagged as the hidden rows are. A
  // value crossed out alone in a row that stands is void — left empty (readOther, dates), never stored.
  const rowStruck = struckRow(cells);
  if (rowStruck) b.warnings.push({ column: '', code: 'import.rowStruck', params: { row: sheetRow } });
  const columnName = (i: number) => ctx.headers[i] || `#${i + 1}`;
  const clean = cleanCells(unstruck(cells, ctx, b, columnName, rowStruck), ctx, b, columnName);
  const cellAt = (i: number): Cell => clean[i] ?? { text: '' };
  ctx.mapping.forEach((key, i) => {
    if ((key === 'name' || key === 'idNumber') && cellAt(i).text.trim()) readIdentity(b, key, cellAt(i), columnName(i), ctx.now, ctx.idRounding);
    // Bidi controls make a value read differently from what it is (issue 12.5): kept as typed, but flagged.
    const text = cellAt(i).text;
    if (key && hasBidiControls(text)) b.warnings.push({ column: columnName(i), code: 'import.bidiControls', params: { codes: bidiCodes(text).join(' ') } });
  });
  const dateCtx: DateContext = { today: ctx.today, date1904: ctx.date1904 };
  dateCtx.birth = birthOf(b, cells, ctx, dateCtx);
  ctx.mapping.forEach((key, i) => {
    const cell = cellAt(i);
    const column = columnName(i);
    if (!key || key === 'name' || key === 'idNumber' || !cell.text.trim()) return;
    if (cell.struck && !rowStruck) {
      b.warnings.push({ column, code: 'import.cell.struck', refused: cell.text.trim() });
      return;
    }
    if (holdsNoValue(key, cell.text)) {
      b.notices.push({ column, code: 'import.cell.noValue', params: { text: cell.text.trim() } });
      return;
    }
    if (key === 'notes') {
      b.notes = cell.text;
      b.columnOf.set('notes', column);
    } else if (key === 'contractPeriod') {
      readPeriod(b, cell, column, dateCtx);
    } else if (DATE_FIELDS.has(key)) b.date(key, readDateCell(key, cell, dateCtx), column);
    else readOther(b, key, cell, column, ctx.now);
  });
  if (ctx.sheetEmployer !== undefined && b.data.employerName === undefined && !ctx.mapping.includes('employerName')) fromSheetName(b, ctx.sheetEmployer, ctx.sheetEmployerRow, ctx.now);
  const col = (key: FieldKey) => {
    const i = ctx.mapping.indexOf(key);
    return i >= 0 ? { header: columnName(i), text: cellAt(i).text.trim() } : undefined;
  };
  const nameCol = col('name');
  const idCol = col('idNumber');
  if (!b.data.name && !b.errors.some((e) => e.column === nameCol?.header)) b.errors.push({ column: nameCol?.header ?? '', code: 'v.name.empty' });
  if (!b.data.idNumber && !b.errors.some((e) => e.column === idCol?.header)) b.errors.push({ column: idCol?.header ?? '', code: 'v.id.empty' });
  applySchema(b, new Set(['name', 'idNumber']));
  withFields([b.errors, b.warnings, b.notices], ctx.mapping, columnName);
  const shown = { name: nameCol?.text ?? '', idNumber: idCol?.text ?? '' };
  return { row, sheetRow, blank, data: b.data, notes: b.notes, shown, errors: b.errors, warnings: b.warnings, notices: b.notices };
}

/** A combined 起止日期 cell: both dates, or neither with the reasons (cell-dates.ts splitPeriod). */
function readPeriod(b: RowBuilder, cell: Cell, column: string, ctx: DateContext): void {
  const { start, end } = splitPeriod(cell, ctx);
  if (start.problem && start.problem === end.problem) {
    b.warnings.push(fromCoded(column, start.problem));
    return;
  }
  // The side refused says why first; the side held back with it says so after.
  const sides: Array<[FieldKey, DateRead]> = [['contractStart', start], ['contractEnd', end]];
  const held = (read: DateRead) => (read.problem?.code === 'import.date.periodHalf' ? 1 : 0);
  for (const [field, read] of sides.sort((x, y) => held(x[1]) - held(y[1]))) b.date(field, read, column);
}

/**
 * The employer the clerk accepted from the sheet's name or title: read as a cell of the employer column would be (its check
 * applies), and said on every row, so that where each row's employer came from stays in sight.
 */
function fromSheetName(b: RowBuilder, employer: string, row: number | undefined, now: Date): void {
  const before = b.warnings.length;
  readOther(b, 'employerName', { text: employer }, '', now);
  const said: RowIssue = row === undefined ? { column: '', code: 'import.sheetEmployer', params: { value: employer } } : { column: '', code: 'import.titleEmployer', params: { value: employer, row } };
  if (b.data.employerName !== undefined) b.notices.push({ ...said, field: 'employerName' });
  for (const w of b.warnings.slice(before)) w.field = 'employerName';
}

/** Each issue names the field its column is imported as (messages say the header and, where it differs, the field). */
function withFields(lists: RowIssue[][], mapping: RowContext['mapping'], columnName: (i: number) => string): void {
  if (lists.every((l) => !l.length)) return;
  const fieldOf = new Map<string, ColumnKey>();
  mapping.forEach((key, i) => {
    if (key && !fieldOf.has(columnName(i))) fieldOf.set(columnName(i), key);
  });
  for (const list of lists) for (const issue of list) issue.field ??= fieldOf.get(issue.column);
}

/** How long validation may hold the page before it yields (well under the 50 ms of a "long task"). */
const SLICE_MS = 25;

/**
 * The context every row of a table is checked in: what the page asked (mapping, clock, dates) plus what the table
 * itself says (headers, hidden rows, pasted blocks, Excel's rounding of its ID column). One place for both the
 * import worker's sliced check and validateTable, so a new table-wide fact reaches both.
 */
export function tableContext(table: Table, ctx: Pick<RowContext, 'mapping' | 'now' | 'today' | 'date1904' | 'sheetEmployer' | 'sheetEmployerRow'>): RowContext {
  const base = { ...ctx, headers: table.headers };
  const sections = table.sections ?? [];
  // Excel's rounding is judged per block, each by its own ID column: rosters pasted together come from different
  // exports, and a block in another column order has its ID numbers in another column.
  const blockRows = (from: number, to: number | undefined) => table.rows.slice(from, to ?? table.rows.length);
  const idRounding = idRoundingIn(blockRows(0, sections[0]?.at), ctx.mapping, ctx.now);
  const sectionRounding = sections.map((s, k) => idRoundingIn(blockRows(s.at + 1, sections[k + 1]?.at), sectionMapping(s, base).mapping, ctx.now));
  return { ...base, hiddenRows: table.hiddenRows, sections: table.sections, idRounding, sectionRounding };
}

/** Validate every row, yielding to the page every SLICE_MS (by time: rows differ a lot in cost). */
export async function validateTable(
  table: Table,
  ctx: Omit<RowContext, 'headers'>,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<RowResult[]> {
  const out: RowResult[] = [];
  const full = tableContext(table, ctx);
  let sliceStart = performance.now();
  for (let i = 0; i < table.rows.length; i++) {
    out.push(validateRow(i + 1, sheetRowOf(table, i), table.rows[i] ?? [], full));
    if (i % 8 === 7 && performance.now() - sliceStart > SLICE_MS) {
      onProgress(i / table.rows.length);
      await new Promise((r) => setTimeout(r, 0));
      sliceStart = performance.now();
    }
  }
  onProgress(1);
  return out;
}
