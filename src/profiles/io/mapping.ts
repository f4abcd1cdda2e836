import { DATE_FIELDS, FIELD_NAMES, FIELDS } from '../../domain/fields';
import { choiceOf } from '../../domain/vocabularies';
import { SPARE } from '../../domain/spare-words';
import { FIELD_KEYS, type FieldKey } from '../../domain/ids';
import lexicon from '../../../rules/shared/fields.json';

/**
 * A column is a field key, the profile's notes, or a combined 劳动合同起止日期 column (`2019.6.4-2025.6.4`) that
 * fills contractStart and contractEnd.
 */
export type ColumnKey = FieldKey | 'notes' | 'contractPeriod';
export const EXTRA_COLUMNS = ['notes', 'contractPeriod'] as const;

/** 「身份证号（必填）」, 「*姓名」, 「Name 」 → comparable text. */
export function normHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/**
 * Column headers are read with the one lexicon of what people call each field, shared with page recognition
 * (rules/shared/fields.json `labels`), plus the contract's Chinese name (what exports write) and the field key.
 */
const LOOKUP = new Map<string, ColumnKey>();
const LABELS = new Map(lexicon.map((e) => [e.key, e.labels]));
for (const key of FIELD_KEYS) {
  for (const alias of [key, FIELD_NAMES[key].zh, ...(LABELS.get(key) ?? [])]) LOOKUP.set(normHeader(alias), key);
}
/** Roster-only headers (the field table's importAliases): one field's are read as the lexicon's; a shared one is SHARED. */
const SHARED = new Map<string, FieldKey[]>();
for (const key of FIELD_KEYS) {
  for (const alias of FIELDS[key].importAliases ?? []) SHARED.set(normHeader(alias), [...(SHARED.get(normHeader(alias)) ?? []), key]);
}
for (const [alias, keys] of SHARED) {
  const [key] = keys;
  if (keys.length === 1 && key !== undefined) {
    if (!LOOKUP.has(alias)) LOOKUP.set(alias, key);
    SHARED.delete(alias);
  }
}
for (const alias of ['notes', '备注', '说明', '附注']) LOOKUP.set(normHeader(alias), 'notes');
// A spreadsheet-only shape (no portal has such a field): one column holding both contract dates.
for (const alias of ['contractPeriod', '劳动合同起止日期', '劳动合同起止时间', '合同起止日期', '合同起止时间', '劳动合同期限', '合同期限', '起止日期']) {
  LOOKUP.set(normHeader(alias), 'contractPeriod');
}

/** Brackets of every kind clerks put a note in (after NFKC): （必填） [18位] 【必填】 〔选填〕 <yyyy-mm-dd> 《…》 {…}. */
const BRACKETED = /[([【〔〖<《〈{]([^)\]】〕〗>》〉}]*)[)\]】〕〗>》〉}]/g;
/**
 * What may follow a header's name outside brackets and still leave it that field: a label in Latin letters (the
 * English half of a bilingual header, 「姓名 Name」, or a format, 「yyyy-mm-dd」) or a count of digits (「18位」).
 * Anything else — a bare number (「手机2」, 「工作单位2019」), more Chinese — makes it another column.
 */
const NOTE_TAIL = /^([a-z][a-z .\-_/]*\.?|\d+位)$/;
/**
 * Words in a header's note that make the column someone else's or another version of the value: an old number (旧,
 * 原, 曾用, 作废), a spare or second one (备用, 第二, 其他 — the one list shared with the portal pages' labels,
 * src/domain/spare-words.ts), another person (紧急联系人, 配偶, 家属), another writing (拼音, 英文). Such a column is
 * never mapped on its own — 「手机（旧）」 left of 「手机」 would otherwise win and fill the old number; the clerk can
 * still map it by hand.
 */
const OTHER_VALUE = new RegExp(`${/旧|原|曾用|以前|之前|此前|作废|停用|过期|紧急|家属|配偶|父亲|母亲|子女|亲属|拼音|英文|old|former|previous|pinyin|english/.source}|${SPARE.source}`, 'i');

/**
 * What a note beside a header's name may say and leave the column that field (after squeeze): whether it must be
 * filled, a format or an example, a count of digits, a unit, that the value is the applicant's own or the current
 * one, the English name. Other words may make it another value (出生日期（农历）, 身份证↵有效期, 单位↵性质, 电话（区号）):
 * such a column is not mapped on its own — the clerk maps it by hand if it is the field after all.
 */
const PLAIN_NOTE =
  /^(必填|选填|非必填|可不填|可选|必填项|选填项|\d+位.*|(?=.*[ymd年月日])[ymd年月日\d\-/.]+|(格式|例|例如|如|示例|样例|请|注|填写|以).*|全称|本人|个人|申请人|现|目前|当前|最新|[xX]?大写.*|个?月|元|年|岁|[a-z][a-z .\-_/]*\.?)$/i;

/** Fields that are a kind of another field's generic name: a 手机 is a 联系电话. */
const KIND_OF: Partial<Record<ColumnKey, ColumnKey>> = { mobile: 'phone' };

const squeeze = (s: string) => s.replace(/[\s*:：★※#]/g, '').toLowerCase();

/**
 * The column a header names, read as clerks write headers: with notes in brackets (「身份证号【必填】」,
 * 「手机号码[11位]」), on a second line or after a space (「出生日期↵格式：yyyy-mm-dd」), a format or the English name
 * right after it (「姓名Name」, 「手机号码11位」), or two names split by / (the first counts). A note that names a
 * field by itself says what the column holds (「联系电话（手机）」 is the mobile); a note that makes it another value
 * (OTHER_VALUE) or says anything but a plain note (PLAIN_NOTE) leaves the column unmapped.
 */
export function headerKey(header: string): ColumnKey | undefined {
  const text = header.normalize('NFKC');
  const notes = [...text.matchAll(BRACKETED)].map((m) => squeeze(m[1] ?? ''));
  const found = nameAndNote(text.replace(BRACKETED, ''));
  if (!found) return undefined;
  if (found.note) notes.push(found.note);
  if (notes.some((n) => OTHER_VALUE.test(n) || (n !== '' && !PLAIN_NOTE.test(n) && !LOOKUP.has(n)))) return undefined;
  const named = notes.map((n) => LOOKUP.get(n)).find((k) => k !== undefined);
  if (named === undefined || named === found.key) return found.key;
  // A note names a kind of what the header names (联系电话（手机）): that kind. Any other pair (姓名（身份证）) is
  // two fields at once: not mapped on its own.
  return KIND_OF[named] === found.key ? named : undefined;
}

/**
 * Words a date column's name is written with in either of its forms: 日期, 时间 or 日 for the date itself (合同开始时间,
 * 合同到期日), and the words for a contract's end (截止, 到期, 结束, 终止) and start (开始, 起始). Each set's words are one
 * thing in a date's name; so a header is read as a known date column written with the other word of a set.
 */
const DATE_WORDS = [/(日期|时间|日)$/u, /(截止|到期|结束|终止)/u, /(开始|起始)/u];
const DATE_FORMS = [['日期', '时间'], ['截止', '到期', '结束', '终止'], ['开始', '起始']];

/** The date column a header names with another word of a set (DATE_WORDS), when all such readings agree on one. */
function dateWording(core: string): ColumnKey | undefined {
  // A contract date named by its end or start word alone (劳动合同到期, 合同开始): the word is the date's name.
  const bare = !/(日期|时间|日)$/u.test(core) && /(截止|到期|结束|终止|开始|起始)$/u.test(core);
  let forms = bare ? [core, `${core}日期`] : [core];
  DATE_WORDS.forEach((re, k) => {
    forms = forms.flatMap((form) => (re.test(form) ? (DATE_FORMS[k] ?? []).map((word) => form.replace(re, word)) : [form]));
  });
  const keys = new Set(forms.map((form) => LOOKUP.get(form)).filter((key) => key !== undefined));
  const [key] = keys;
  return keys.size === 1 && key !== undefined && (key === 'contractPeriod' || (key !== 'notes' && DATE_FIELDS.has(key))) ? key : undefined;
}

/**
 * What a roster may call the applicant before a field's name (建造师姓名, 注册建造师身份证号, 申请人手机, 本人手机号, 职工姓名):
 * the person the row is about, so the rest names the field. Another person's role (联系人, 法定代表人) is not one.
 */
const APPLICANT = /^((二级)?(注册)?建造师|注册人员|申请人|本人|员工|职工|人员)(?=.)/u;

/** The column a header's name names: as the lexicon writes it, or a date column in its other wording, or either after the applicant's designation. */
function lookup(name: string): ColumnKey | undefined {
  const found = LOOKUP.get(name) ?? dateWording(name);
  if (found !== undefined || !APPLICANT.test(name)) return found;
  const rest = name.replace(APPLICANT, '');
  return LOOKUP.get(rest) ?? dateWording(rest);
}

/** The known name in a header without its bracketed notes, and the note beside it (see headerKey). */
function nameAndNote(unbracketed: string): { key: ColumnKey; note?: string } | undefined {
  const core = squeeze(unbracketed);
  const whole = lookup(core) ?? lookup(core.replace(/\/.*$/, ''));
  if (whole) return { key: whole };
  // A name, then a note after a line break or a space (a space inside a name, 「劳动合同 开始日期」, read above).
  const [first = '', ...rest] = unbracketed.trim().split(/\s+/);
  const named = lookup(squeeze(first));
  if (named && rest.length) return { key: named, note: squeeze(rest.join('')) };
  // The Chinese name at either end, a format or the English name at the other.
  const head = /^[\p{Script=Han}·]+/u.exec(core)?.[0] ?? '';
  const tail = /[\p{Script=Han}·]+$/u.exec(core)?.[0] ?? '';
  const splits: Array<[string, string]> = [
    [head, core.slice(head.length)],
    [tail, core.slice(0, core.length - tail.length)],
  ];
  for (const [name, note] of splits) {
    const key = lookup(name);
    if (key && NOTE_TAIL.test(note)) return { key, note };
  }
  return undefined;
}

/**
 * A header that starts with a role (联系人, 经办人, 代办人, 填报人 …): on a portal's own form the 联系人 is the
 * applicant, so the lexicon reads 联系人手机 as the mobile; on a roster that also has the applicant's own 姓名, it is
 * someone else (the company's contact, the clerk) and their columns are not the applicant's.
 */
const ROLE = /^(紧急)?(联系人|经办人|代办人|填报人|填表人|受托人|委托人|负责人)/;
export const isRole = (header: string): boolean => ROLE.test(squeeze(header.normalize('NFKC')));

/** A group over sub-headers that makes them another person's or another value's (紧急联系人, 家属信息, 原单位). */
export const groupOfAnother = (group: string): boolean => isRole(group) || OTHER_VALUE.test(squeeze(group.normalize('NFKC')));

/** The fields a header may name when it is a roster-only alias two fields share (专业), else undefined. */
export function sharedFields(header: string): readonly FieldKey[] | undefined {
  return SHARED.get(normHeader(header.normalize('NFKC').replace(BRACKETED, '')));
}

/** How many filled cells of a column are looked at to tell a shared alias's field: enough to tell, few for a big sheet. */
const SAMPLED = 20;

/**
 * A column under an alias two fields share (专业), left unmapped by its header: the field its values tell. Of the
 * fields no other column claims, the one whose list of choices holds every value looked at (建筑工程, 市政: the
 * specialty) — or, when the others are claimed (a 注册专业 column beside it), the one left, provided its list (if it has
 * one) holds the values too. Otherwise (the values fit none or several) it stays unmapped for the clerk: a major read as
 * the specialty would be filled into the portal's 专业 as the registration's.
 */
export function byValues(headers: readonly string[], mapping: ReadonlyArray<ColumnKey | null>, valuesOf: (column: number) => readonly string[]): Array<ColumnKey | null> {
  const out = [...mapping];
  headers.forEach((header, i) => {
    const shared = out[i] === null ? sharedFields(header) : undefined;
    const values = shared ? valuesOf(i).slice(0, SAMPLED) : [];
    if (!shared || !values.length) return;
    const free = shared.filter((key) => !out.includes(key));
    const holds = (key: FieldKey) => {
      const { vocabulary } = FIELDS[key];
      return vocabulary !== undefined && values.every((v) => choiceOf(vocabulary, v) !== undefined);
    };
    const fitting = free.filter(holds);
    const [only] = free;
    const key = fitting.length === 1 ? fitting[0] : free.length === 1 && only !== undefined && (FIELDS[only].vocabulary === undefined || holds(only)) ? only : undefined;
    if (key !== undefined) out[i] = key;
  });
  return out;
}

/** Two header texts name the same column: the same words, or two names of one field (身份证号 / 证件号码). */
export function sameHeader(a: string, b: string): boolean {
  if (squeeze(a.normalize('NFKC')) === squeeze(b.normalize('NFKC'))) return true;
  const key = headerKey(a);
  return key !== undefined && key === headerKey(b);
}

/**
 * Map each header to a field key; unknown headers stay unmapped (null), and a key is used once. When two columns
 * claim one field, the clerk means the one they see and fill: columns Excel hides (`hidden`, indexes from 0) come
 * last — a roster often keeps the superseded column (the old ID number, last year's phone) hidden beside the one in
 * use, and a hidden column is mapped only when no visible one claims its field — and among the rest, a column
 * with data (`filled`) before an empty one (an empty 「手机」 left beside the 「手机号码」 filled in).
 */
export function autoMap(headers: readonly string[], hidden: ReadonlySet<number> = new Set(), filled?: ReadonlySet<number>): Array<ColumnKey | null> {
  const used = new Set<ColumnKey>();
  const out: Array<ColumnKey | null> = headers.map(() => null);
  const rank = (i: number) => (hidden.has(i) ? 2 : 0) + (filled && !filled.has(i) ? 1 : 0);
  const order = [...headers.keys()].sort((a, b) => rank(a) - rank(b) || a - b);
  const keys = headers.map((h) => headerKey(h));
  // The applicant has a name column of their own: columns of a role (联系人, 经办人 …) are then another person's.
  const own = headers.some((h, i) => keys[i] === 'name' && !isRole(h));
  for (const i of order) {
    const h = headers[i] ?? '';
    const key = keys[i];
    if (!key || used.has(key) || (own && isRole(h))) continue;
    used.add(key);
    out[i] = key;
  }
  return out;
}
