import { FIELDS, type FieldType } from '../../domain/fields';
import type { FieldKey } from '../../domain/ids';
import { validateField } from '../../validate/field';
import type { Coded } from './cell-dates';

/**
 * 「13805311234（本人）」, 「138 0531 1234 微信同号」, 「0531-88886666（办公室）」: a contact number with a remark in its cell.
 * The number is read when the remark can only say it is the applicant's own, current number, or how it is reached
 * (微信同号, 可接收短信); the remark is said. Anything else leaves the cell empty with a warning: a remark that may make
 * it someone else's or a dead number (「（王经理）」: whose?, 「（家属）」, 「旧」, 「空号」), a second number, or digits
 * hidden by a mask (138****1234). A wrong number is worse than none: the portals send their codes to it.
 */
const CONTACT: ReadonlySet<FieldType> = new Set(['mobile', 'phone']);

/**
 * What a remark may say and leave the number the applicant's own: that it is theirs or the current one (本人, 常用,
 * 现用, 最新), or how it is reached (微信同号, 短信, 手机, 移动/联通/电信). Read whole, after the brackets and
 * punctuation around it are taken off.
 */
const OWN_REMARK = /^(本人|自己|个人|申请人|本人手机|本人号码|常用|现用|在用|目前|当前|最新|新|有效|首选|主|私人|(可|能)?接收?短信|短信|(同|与)?微信(同号|号)?|微信同号|同号|手机|手机号|移动|联通|电信)+$/u;

/** A digit hidden by a mask (138****1234, 138xxxx1234, 0531-8888＊＊66): which number it was cannot be told. */
const MASKED = /\d\s*[*＊×xX●•]{2,}|[*＊×xX●•]{2,}\s*\d/u;

/**
 * Where a landline is: 「0531-88886666（办）」, 「（宅）」, 「办公电话」, 「座机」, 「家」. It names the applicant's office or home
 * line, so in 联系电话 — the field that takes a landline — it is a remark like 本人. On a mobile it is not taken: an
 * office's mobile may be anyone's, and the portals send their codes to the mobile.
 */
const LINE_REMARK = /^(办|办公|办公室|单位|公司|工作|宅|住宅|家|家庭|家里|座机|固话|固定电话|电话|office|home|work|tel)+$/iu;

/**
 * An extension as offices write it (「转 8001」, 「分机8001」, 「内线 8001」, 「ext. 8001」) right after the number:
 * written 转, as the phone check reads it (0531-88886666-8001). Only digits that follow such a word join the number —
 * digits after a space alone, or after a remark, are never glued to it.
 */
const EXTENSION = /(?<=\d)\s*(?:转分机|转|分机号?|内线|ext\.?)\s*[:：]?\s*(?=\d{1,6}(?!\d))/giu;

/** A run of what may be one number: digits, with the spaces, dashes and brackets numbers are written with. */
const NUMBER_RUN = /\+?\d[\d\s\-()（）]*\d(?:转\d{1,6})?/gu;

export type RemarkRead = { value: string; remark: string } | { problem: Coded };

/**
 * The number in a contact cell that holds more than a number, with its remark, or the reason it is not read.
 * Undefined when the cell is not such a case (no remark, or another field): its validator reads it as before.
 */
export function numberWithRemark(key: FieldKey, raw: string, now: Date): RemarkRead | undefined {
  if (!CONTACT.has(FIELDS[key].type)) return undefined;
  const text = raw.normalize('NFKC').trim();
  const plain = validateField(key, text, now);
  if (plain.value !== undefined && !plain.findings.some((f) => f.severity === 'error')) return undefined;
  if (MASKED.test(text)) return { problem: { code: 'import.cell.masked', params: { text } } };
  const marked = text.replace(EXTENSION, '转');
  const runs = [...marked.matchAll(NUMBER_RUN)].map((m) => m[0].trim());
  const numbers = runs.filter((run) => valid(key, run, now));
  if (numbers.length > 1) return { problem: { code: 'import.cell.severalValues', params: { text, count: numbers.length } } };
  const [number] = numbers;
  if (number === undefined) return landlineAsMobile(key, runs, text, now);
  const remark = marked.replace(number, ' ').replace(/[\s()（）[\]【】〔〕:：,，;；、.。\-—_/]+/gu, ' ').trim();
  // 「(0531)88886666 分机8001」: only the extension's word was not the phone check's; nothing else is beside the number.
  if (!remark) return marked !== text ? { value: number, remark: '' } : undefined;
  const bare = remark.replace(/\s+/g, '');
  // 「本人办公」, 「常用座机」: the applicant's own office or home line.
  const line = FIELDS[key].type === 'phone' && isLandline(number, now) && LINE_REMARK.test(bare.replace(/^(本人|自己|个人|常用|现用)/u, ''));
  if (/\d/.test(remark) || !(OWN_REMARK.test(bare) || line)) return { problem: { code: 'import.cell.remarkUnclear', params: { text, remark } } };
  return { value: number, remark };
}

/** A landline (the phone check reads it and it is no mobile). */
const isLandline = (text: string, now: Date): boolean => valid('phone', text, now) && !valid('mobile', text, now);

/**
 * 「0531-88886666（办）」 in 手机: the cell holds a landline, which the mobile cannot take. Said as such — the column may be
 * the 联系电话 the clerk meant — rather than as a mobile with stray characters. Undefined for anything else.
 */
function landlineAsMobile(key: FieldKey, runs: string[], text: string, now: Date): RemarkRead | undefined {
  if (FIELDS[key].type !== 'mobile') return undefined;
  // With its area code only: 7 or 8 digits alone may as well be a mobile typed short.
  const [run = ''] = runs;
  const line = runs.length === 1 && isLandline(run, now) ? validateField('phone', run, now).value : undefined;
  return typeof line === 'string' && line.startsWith('0') ? { problem: { code: 'import.cell.landlineInMobile', params: { text, value: line } } } : undefined;
}

const valid = (key: FieldKey, text: string, now: Date): boolean => {
  const r = validateField(key, text, now);
  return r.value !== undefined && !r.findings.some((f) => f.severity === 'error');
};
