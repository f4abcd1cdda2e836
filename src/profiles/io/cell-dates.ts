import { MONTH_FIELDS } from '../../domain/fields';
import { type FieldKey, OPEN_ENDED, OPEN_ENDED_FIELDS } from '../../domain/ids';
import type { MessageKey, Params } from '../../i18n';
import type { Cell } from './table';
import { isOpenEndedText, isUntilNowText } from '../../validate/dates';
import { implausibleDate } from '../../validate/plausible-dates';
import { excelSerialToIso } from './xlsx';

/**
 * Dates as clerks type them into rosters, read for one field: `2024.3.1`, `2024年3月1日`, `2024/3/1`, `20240301`,
 * `2024-03-01 00:00:00`, Excel date cells, Excel serials (in XLSX and CSV), and year-months for month-level fields
 * (`2005年6月`, `2019.07`, `201907`), stored `yyyy-MM`. Nothing is guessed: a value that could mean two dates
 * (`2019.1`, which is how Excel stores both 2019.1 and 2019.10), a number that is a date serial only by luck, or a
 * date implausible for the field, comes back as a problem, and the import leaves the cell empty with a warning.
 */
export interface Coded {
  code: MessageKey;
  params?: Params;
}

export type DateRead =
  /** `note`: a documented normalisation the preview shows (a serial read as a date). */
  | { value: string; note?: Coded | undefined; problem?: undefined }
  | { value?: undefined; problem: Coded };

export interface DateContext {
  /** Today in Asia/Shanghai, yyyy-MM-dd. */
  today: string;
  date1904?: boolean | undefined;
  /** The applicant's birth date (from the row), for "graduated before the age of 14". */
  birth?: string | undefined;
}


const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

// 日 or, as people write it, 号 (2026年3月5号).
const DAY_FORMS = [/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/, /^(\d{4})(\d{2})(\d{2})$/];
const MONTH_FORMS = [/^(\d{4})\s*[-/年]\s*(\d{1,2})\s*月?$/, /^(\d{4})(\d{2})$/];

/**
 * Dates whose year is not written first in four digits: 3/4/25, 25/3/2028, 03-04-2025, 6/2005, 25.3.4, 05年6月.
 * Which number is the day, the month or the year depends on who typed it (an English-locale Excel writes m/d/yy,
 * a European one d/m/yyyy): never guessed, and said as such rather than as an unknown format.
 */
const YEAR_NOT_FIRST = [/^\d{1,2}[-/.]\d{1,2}[-/.](\d{2}|\d{4})$/, /^\d{1,2}[-/.]\d{4}$/, /^\d{2}[-/.年]\d{1,2}([-/.月]\d{1,2}[日号]?|月)$/];

/** Whether a value read for the field is plausible (validate/plausible-dates.ts), as an import message. */
export function implausible(key: FieldKey, value: string, ctx: DateContext): Coded | undefined {
  if (value === OPEN_ENDED) return undefined;
  const why = implausibleDate(key, value, ctx.today, ctx.birth);
  return why ? { code: `import.date.${why.reason}`, params: why.params } : undefined;
}

/** A serial accepted only where the date it names is plausible for the field; said so in the preview. */
function fromSerial(key: FieldKey, serial: number, text: string, ctx: DateContext): DateRead {
  const iso = Number.isInteger(serial) ? excelSerialToIso(serial, ctx.date1904) : undefined;
  const value = iso && MONTH_FIELDS.has(key) ? iso.slice(0, 7) : iso;
  if (!value || implausible(key, value, ctx)) return { problem: { code: 'import.date.number', params: { text } } };
  return { value, note: { code: 'import.date.serial', params: { text, value } } };
}

/** `2019.07` → 2019-07; `2019.1` is Excel's storage of both 2019.1 and 2019.10: asked, not guessed. */
function dottedMonth(text: string): DateRead | undefined {
  const m = /^(\d{4})\.(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const [, y, mm = ''] = m;
  if (mm === '1') return { problem: { code: 'import.date.ambiguousMonth', params: { text, year: y ?? '' } } };
  const month = Number(mm);
  if (month < 1 || month > 12) return { problem: { code: 'import.date.format', params: { text } } };
  return { value: `${y}-${pad(month)}` };
}

/** The value of a month or day written in Chinese numerals (三, 十, 十二, 二十一, 三十), else undefined. */
function hanNumber(text: string): number | undefined {
  const digit = (c: string | undefined) => '〇一二三四五六七八九'.indexOf(c ?? '');
  const m = /^([一二三])?十([一二三四五六七八九])?$/u.exec(text);
  if (m) return (m[1] ? digit(m[1]) : 1) * 10 + (m[2] ? digit(m[2]) : 0);
  return text.length === 1 && digit(text) > 0 ? digit(text) : undefined;
}

/**
 * 「二〇二四年三月一日」, 「二○○五年六月」: a date in Chinese numerals, as formal documents write it (GB/T 9704's 成文日期
 * form, typed into rosters copied from them), in Arabic digits — each numeral has one value, so nothing is guessed.
 * Any other text is returned as it is.
 */
function arabicDate(text: string): string {
  const m = /^([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*[日号])?$/u.exec(text);
  if (!m) return text;
  const year = [...(m[1] ?? '')].map((c) => '〇一二三四五六七八九'.indexOf(c.replace(/[○零]/u, '〇'))).join('');
  const month = hanNumber(m[2] ?? '');
  const day = m[3] === undefined ? undefined : hanNumber(m[3]);
  if (month === undefined || (m[3] !== undefined && day === undefined)) return text;
  return `${year}年${month}月${day === undefined ? '' : `${day}日`}`;
}


/**
 * A weekday beside a date, as calendars, systems and English-locale Excel print it: 「2027-12-15（周三）」, 「2024年3月1日
 * 星期五」, 「星期五，2024年3月1日」, 「2024-03-01 (Fri)」, 「Friday, 1 March 2024」. Chinese or English, after the date or
 * before it; its day of the week, Sunday 0.
 */
const ZH_WEEKDAY = String.raw`(?:星期|周|礼拜)([一二三四五六日天])`;
const EN_WEEKDAY = String.raw`(sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?)\.?(?![a-z])`;
const WEEKDAY_AFTER = new RegExp(String.raw`(?<![a-z])\s*[,，]?\s*[(]?\s*(?:${ZH_WEEKDAY}|${EN_WEEKDAY})\s*[)]?$`, 'iu');
const WEEKDAY_BEFORE = new RegExp(String.raw`^[(]?\s*(?:${ZH_WEEKDAY}|${EN_WEEKDAY})\s*[)]?\s*[,，]?\s*`, 'iu');

function dayOfWeek(m: RegExpExecArray): number {
  if (m[1]) return '日一二三四五六天'.indexOf(m[1]) % 7;
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf((m[2] ?? '').slice(0, 3).toLowerCase());
}

/** The text without the weekday beside it, and that weekday; undefined when there is none (or nothing else). */
function splitWeekday(text: string): { rest: string; day: number } | undefined {
  const after = WEEKDAY_AFTER.exec(text);
  if (after && after.index > 0) return { rest: text.slice(0, after.index), day: dayOfWeek(after) };
  const before = WEEKDAY_BEFORE.exec(text);
  if (before && before[0].length < text.length) return { rest: text.slice(before[0].length), day: dayOfWeek(before) };
  return undefined;
}

/**
 * The date beside a weekday, when the weekday is that date's: the two say the same day, so nothing is guessed. When
 * they disagree, one of them is wrong and which cannot be told: not read, said.
 */
function withWeekday(read: DateRead, day: number, text: string): DateRead {
  if (read.value === undefined) return read;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(read.value)) return { problem: { code: 'import.date.format', params: { text } } };
  return new Date(`${read.value}T00:00:00Z`).getUTCDay() === day ? read : { problem: { code: 'import.date.weekday', params: { text, date: read.value } } };
}

/**
 * English month names (English-locale Excel and systems: 「1 Mar 2024」, 「1-Mar-2024」, 「March 1, 2024」, 「2024-Mar-01」,
 * 「Mar 2024」): the month is named, so with a four-digit year nothing is left to guess — read as the date (a year-month
 * for a month-level field). With a two-digit year (「01-Mar-24」, Excel's d-mmm-yy; 「Mar-24」) which number is the day
 * and which the year cannot be told: said. Undefined for any other text.
 */
const EN_MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const EN_FORMS: Array<{ re: RegExp; y: number; m: number; d?: number }> = [
  { re: new RegExp(String.raw`^${ORDINAL}[\s\-/.]*${EN_MONTH}[\s\-/.,]*(\d{4}|\d{2})$`, 'iu'), d: 1, m: 2, y: 3 },
  { re: new RegExp(String.raw`^${EN_MONTH}[\s\-/.]*${ORDINAL}[\s\-/.,]+(\d{4}|\d{2})$`, 'iu'), m: 1, d: 2, y: 3 },
  { re: new RegExp(String.raw`^(\d{4})[\s\-/.]*${EN_MONTH}[\s\-/.]*${ORDINAL}$`, 'iu'), y: 1, m: 2, d: 3 },
  { re: new RegExp(String.raw`^${EN_MONTH}[\s\-/.,]*(\d{4}|\d{2})$`, 'iu'), m: 1, y: 2 },
  { re: new RegExp(String.raw`^(\d{4})[\s\-/.]*${EN_MONTH}$`, 'iu'), y: 1, m: 2 },
];
const MONTH_STARTS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function englishDate(key: FieldKey, text: string): DateRead | undefined {
  for (const { re, y, m, d } of EN_FORMS) {
    const found = re.exec(text);
    if (!found) continue;
    const year = found[y] ?? '';
    if (year.length !== 4) return { problem: { code: 'import.date.twoDigitYear', params: { text } } };
    const month = MONTH_STARTS.indexOf((found[m] ?? '').slice(0, 3).toLowerCase()) + 1;
    if (d !== undefined) {
      const iso = isoDay(Number(year), month, Number(found[d]));
      return iso ? { value: iso } : { problem: { code: 'import.date.impossible', params: { text } } };
    }
    return MONTH_FIELDS.has(key) ? { value: `${year}-${pad(month)}` } : { problem: { code: 'import.date.needDay', params: { text } } };
  }
  return undefined;
}

function fromText(key: FieldKey, raw: string, ctx: DateContext): DateRead {
  const weekday = splitWeekday(raw.normalize('NFKC').trim());
  if (weekday) return withWeekday(fromText(key, weekday.rest, ctx), weekday.day, raw.trim());
  // Midnight after the date, as systems export date-times (2024-03-01 00:00:00, 2024-03-01T00:00:00): the date. A full
  // stop typed after a dotted date (2024.3.15.) ends the sentence, not another number.
  const timeless = raw.normalize('NFKC').trim().replace(/(?:\s+|(?<=\d)T)0{1,2}:00(:00(\.0+)?)?$/, '');
  const english = englishDate(key, timeless);
  if (english) return english;
  const text = arabicDate(timeless.replace(/^(\d{4}\.\d{1,2}(?:\.\d{1,2})?)\.$/, '$1'));
  if (isOpenEndedText(text)) return OPEN_ENDED_FIELDS.has(key) ? { value: OPEN_ENDED } : { problem: { code: 'import.date.openEndedHere', params: { text } } };
  if (isUntilNowText(text)) return { problem: { code: 'import.date.untilNow', params: { text } } };
  for (const re of DAY_FORMS) {
    const m = re.exec(text);
    if (!m) continue;
    const iso = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { value: iso } : { problem: { code: 'import.date.impossible', params: { text } } };
  }
  const month = MONTH_FIELDS.has(key) ? dottedMonth(text) : undefined;
  if (month) return month;
  for (const re of MONTH_FORMS) {
    const m = re.exec(text);
    if (!m) continue;
    const mm = Number(m[2]);
    if (mm < 1 || mm > 12) return { problem: { code: 'import.date.impossible', params: { text } } };
    if (!MONTH_FIELDS.has(key)) return { problem: { code: 'import.date.needDay', params: { text } } };
    return { value: `${m[1]}-${pad(mm)}` };
  }
  if (YEAR_NOT_FIRST.some((re) => re.test(text))) return { problem: { code: 'import.date.yearNotFirst', params: { text } } };
  if (/^\d{5}(\.0+)?$/.test(text)) return fromSerial(key, Number(text), text, ctx);
  if (/^\d{4}\.\d{1,2}$/.test(text)) return { problem: { code: 'import.date.needDay', params: { text } } };
  if (/^\d+(\.\d+)?$/.test(text)) return { problem: { code: 'import.date.number', params: { text } } };
  return { problem: { code: 'import.date.format', params: { text } } };
}

/** An XLSX number cell: a date cell by its format, or a number read by the forms above. */
function fromNumber(key: FieldKey, cell: Cell, n: number, ctx: DateContext): DateRead {
  if (cell.dateFormat) {
    const iso = excelSerialToIso(n, ctx.date1904);
    if (!iso) return { problem: { code: 'import.date.number', params: { text: cell.text } } };
    if (cell.monthOnly) return MONTH_FIELDS.has(key) ? { value: iso.slice(0, 7) } : { problem: { code: 'import.date.needDay', params: { text: iso.slice(0, 7) } } };
    return { value: iso };
  }
  if (Number.isInteger(n) && n >= 1 && n < 100_000) return fromSerial(key, n, cell.text, ctx);
  // The text is what the cell's format shows (2019.10 under `0.00`, 2019.1 under General).
  return fromText(key, cell.text, ctx);
}

/** Read a cell for a date field, then check the value is plausible for it. */
export function readDateCell(key: FieldKey, cell: Cell, ctx: DateContext): DateRead {
  const read = cell.number !== undefined ? fromNumber(key, cell, cell.number, ctx) : fromText(key, cell.text, ctx);
  if (read.value === undefined) return read;
  const bad = implausible(key, read.value, ctx);
  return bad ? { problem: bad } : read;
}

/** A field read at the month's level: it takes a day or a year-month (holdsDate asks for either). */
const ANY_LEVEL: FieldKey | undefined = [...MONTH_FIELDS][0];

/**
 * Whether a cell holds a date as this reader reads one — a date cell, or text in any of the forms above, day or
 * year-month — for no field in particular, so without a field's plausibility (unread-columns.ts: is a column of
 * dates left unmapped?). Digits alone (20240301, 201907, a serial) are not taken: a column of them is as likely
 * postcodes, counts or codes; and the year must be 19xx or 20xx.
 */
export function holdsDate(cell: Cell): boolean {
  if (cell.dateFormat) return true;
  const text = cell.text.normalize('NFKC').trim();
  if (ANY_LEVEL === undefined || /^\d+(\.0+)?$/.test(text)) return false;
  const { value } = fromText(ANY_LEVEL, text, { today: '' });
  return value !== undefined && /^(19|20)\d{2}-/.test(value);
}

// 「1 Mar 2024 to 28 Feb 2027」: English's word, set apart by spaces.
const SEPARATORS = /\s*(?:至|到|~|～|—|–|－|-)\s*|\s+to\s+/gi;

/**
 * A combined 起止日期 cell (`2019.6.4-2025.6.4`, `2022年10月3日至2028年10月3日`, `2020-01-01—无固定期限`): tried at
 * every separator until both sides read as dates (ISO dates have hyphens of their own).
 *
 * The two dates are one fact, stored both or neither: when one side is refused (「2024.2.30-2027.2.28」, a start with
 * a two-digit year, an end before the start), the other is not stored either — the cell was typed wrong somewhere,
 * and half a period would look complete in the profile while the contract it describes is unknown. The refused side
 * says why, the other that it was held back with it. Only 「至今」 (still running) keeps the start: it is no misread
 * end but the clerk saying there is none to give, and the start beside it is as typed.
 */
export function splitPeriod(cell: Cell, ctx: DateContext): { start: DateRead; end: DateRead } {
  const text = cell.text.normalize('NFKC').trim();
  let partial: { start: DateRead; end: DateRead } | undefined;
  for (const m of text.matchAll(SEPARATORS)) {
    const left = text.slice(0, m.index);
    // 「2019.6.4至今」: the 至 of 至今 is its separator too.
    const right = m[0].trim() === '至' && /^今\s*$/u.test(text.slice((m.index ?? 0) + m[0].length)) ? '至今' : text.slice((m.index ?? 0) + m[0].length);
    if (!left || !right) continue;
    const start = readDateCell('contractStart', { text: left }, ctx);
    const end = readDateCell('contractEnd', { text: right }, ctx);
    if (start.value !== undefined && end.value !== undefined) {
      if (end.value !== OPEN_ENDED && end.value < start.value) {
        const problem: Coded = { code: 'import.date.endBeforeStart', params: { text, start: start.value, end: end.value } };
        return { start: { problem }, end: { problem } };
      }
      return { start, end };
    }
    const readable = (r: DateRead) => r.value !== undefined || r.problem.code !== 'import.date.format';
    if (!partial && readable(start) && readable(end)) partial = { start, end };
  }
  if (partial) return wholeOrNone(text, partial);
  const problem: Coded = { code: 'import.date.period', params: { text } };
  return { start: { problem }, end: { problem } };
}

/** One side of a period read and the other refused: the read side is held back too, saying so (see splitPeriod). */
function wholeOrNone(text: string, period: { start: DateRead; end: DateRead }): { start: DateRead; end: DateRead } {
  const { start, end } = period;
  if (end.problem?.code === 'import.date.untilNow') return period;
  const held = (read: DateRead, refused: 'start' | 'end'): DateRead =>
    read.value === undefined ? read : { problem: { code: 'import.date.periodHalf', params: { text, value: read.value === OPEN_ENDED ? { zh: '无固定期限', en: 'open-ended' } : read.value, refused: { code: `import.date.side.${refused}` } } } };
  return { start: held(start, 'end'), end: held(end, 'start') };
}
