import { makeDate, toIso } from '../domain/calendar';
import { OPEN_ENDED } from '../domain/ids';
import { err, type Validated } from './types';

/**
 * Dates as people type them on these portals: yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyy年M月d日, yyyyMMdd, and the
 * `yyyy-MM-dd HH:mm:ss` some pages show (the time is dropped: every rule here counts calendar days).
 * Canonical form yyyy-MM-dd (contract.md); calendar arithmetic and "today" are in src/domain/calendar.ts.
 */
const PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

export function parseDateText(raw: string): Validated {
  const text = raw.normalize('NFKC').trim();
  if (!text) return { value: undefined, findings: [] };
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const date = makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) return { value: undefined, findings: [err('date.impossible', { text })] };
    return { value: toIso(date), findings: [] };
  }
  return { value: undefined, findings: [err('date.format', { text })] };
}

/**
 * 无固定期限劳动合同 (劳动合同法 第十四条) has no end date: stored as `open-ended` (contract.md, src/domain/ids.ts),
 * read from the ways forms and spreadsheets write it. Only fields that may hold it accept it.
 */
const OPEN_ENDED_TEXT = /^(无固定期限|无固定期|无期限|长期|长期有效|永久|open-?ended|indefinite)$/i;

export function isOpenEndedText(raw: string): boolean {
  return OPEN_ENDED_TEXT.test(raw.normalize('NFKC').replace(/[\s（）()]/g, ''));
}

/** Format a canonical date in a portal field's own format (MiniUI `format`, My97 `dateFmt`). */
export function formatForField(iso: string, pattern = 'yyyy-MM-dd'): string {
  if (iso === OPEN_ENDED) return '无固定期限';
  const [y = '', m = '', d = ''] = iso.split('-');
  return pattern
    .replace('yyyy', y)
    .replace('MM', m)
    .replace(/(?<![Md])M(?!M)/, String(Number(m)))
    .replace('dd', d)
    .replace(/(?<!d)d(?!d)/, String(Number(d)));
}

/**
 * 「至今」, 「在职」: a period's end written as "up to now" — the contract (or the post) still runs, which is no date,
 * and not 无固定期限 either (a fixed-term contract still running says so too). Said as such rather than as a date
 * format we do not read (cell-dates' format message would ask the clerk to rewrite a date there is none of).
 */
const UNTIL_NOW = /^(至今|迄今|至现在|到现在|到今|今|现在|目前|现今|在职|仍在职|未到期|未结束|till?now|todate|present|ongoing)$/i;

export function isUntilNowText(raw: string): boolean {
  return UNTIL_NOW.test(raw.normalize('NFKC').replace(/\s+/g, ''));
}
