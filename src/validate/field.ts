/**
 * Field values, derived from the field table (src/domain/fields.ts): reading what a person typed or a
 * spreadsheet holds (`parseField`, `validateField`), showing a stored value (`fieldText`) and comparing two
 * writings of one value (`sameFieldValue`). The editor, import, export, page hints and the fill use these, so
 * a field's type is decided once.
 */
import { FIELDS } from '../domain/fields';
import { type FieldKey, OPEN_ENDED } from '../domain/ids';
import { choiceOf, VOCABULARIES } from '../domain/vocabularies';
import type { Lang } from '../i18n';
import { normaliseIdNumber } from './id-number';
import { type Validated, warn } from './types';
import { validateValue } from './value';

export type { FieldType } from '../domain/fields';
export { parseMonthText } from './value';

/** How a stored value is held: text, except the yes/no fields. */
export type StoredValue = string | boolean;

function parseChoice(key: FieldKey, text: string): Validated {
  const vocabulary = FIELDS[key].vocabulary;
  if (!vocabulary) return { value: text.normalize('NFKC'), findings: [] };
  const choice = choiceOf(vocabulary, text);
  if (choice) return { value: choice.zh, findings: [] };
  // Kept as written: a portal may list a choice we do not know; a closed list gets a warning, naming the
  // choices when they are few.
  const { closed, choices } = VOCABULARIES[vocabulary];
  const value = text.normalize('NFKC');
  if (!closed) return { value, findings: [] };
  if (choices.length > 8) return { value, findings: [warn('choice.notListed', { text })] };
  const list = { zh: choices.map((c) => c.zh).join('、'), en: choices.map((c) => c.en).join(', ') };
  return { value, findings: [warn('choice.unknown', { text, choices: list })] };
}

/**
 * Read one value as typed (canonical text and findings), a choice through its vocabulary. Empty values yield
 * no findings: whether a field is required is the page's (or the import's) call.
 */
export function validateField(key: FieldKey, raw: string, now: Date): Validated {
  const def = FIELDS[key];
  if (def.vocabulary && def.type === 'choice' && raw.trim()) return parseChoice(key, raw.trim());
  return validateValue(def, raw, now);
}

/**
 * Read one value for storing. Yes/no becomes a boolean (an unreadable one is not stored). A strict field
 * (FieldDef.strict) with an error gets no value: the caller refuses it. Any other field keeps a value its
 * validator doubts as written, the findings saying why (contract.md: the clerk's text is not "corrected").
 */
export function parseField(key: FieldKey, raw: string, now: Date): Validated<StoredValue> {
  const text = raw.trim();
  if (!text) return { value: undefined, findings: [] };
  const r = validateField(key, text, now);
  const def = FIELDS[key];
  if (def.type === 'boolean') {
    const choice = choiceOf('yes-no', text);
    return choice ? { value: choice.zh === VOCABULARIES['yes-no'].choices[0]?.zh, findings: [] } : { value: undefined, findings: [warn('choice.yesNo', { text })] };
  }
  if (def.strict) return { value: r.findings.some((f) => f.severity === 'error') ? undefined : r.value, findings: r.findings };
  return { value: r.value ?? text, findings: r.findings };
}

/** Whether a problem with this field's value blocks saving it (see FieldDef.strict). */
export const isStrict = (key: FieldKey): boolean => FIELDS[key].strict === true;

/**
 * A stored value as people read it, in `lang`: yes/no and 无固定期限 in words, a choice by its name. Export
 * writes the Chinese text, which imports back to the same value.
 */
export function fieldText(key: FieldKey, value: unknown, lang: Lang = 'zh'): string {
  if (value === undefined || value === null || value === '') return '';
  const def = FIELDS[key];
  if (typeof value === 'boolean') {
    const [yes, no] = VOCABULARIES['yes-no'].choices;
    return (value ? yes : no)?.[lang] ?? '';
  }
  const text = String(value);
  if (def.openEnded && text === OPEN_ENDED) return lang === 'en' ? 'Open-ended' : '无固定期限';
  if (lang === 'en' && def.vocabulary) return choiceOf(def.vocabulary, text)?.en ?? text;
  return text;
}

/** Do two writings mean the same value of this field (2025/3/1 = 2025-03-01, 汉 = 汉族, 本科 = 大学本科)? */
export function sameFieldValue(key: FieldKey, a: string, b: string, now: Date): boolean {
  const x = a.trim();
  const y = b.trim();
  if (x === y) return true;
  if (!x || !y) return false;
  if (key === 'idNumber') return normaliseIdNumber(x) === normaliseIdNumber(y);
  const px = validateField(key, x, now);
  const py = validateField(key, y, now);
  if (px.value === undefined || py.value === undefined) return x.normalize('NFKC') === y.normalize('NFKC');
  return px.value === py.value;
}
