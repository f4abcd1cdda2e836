import { FIELDS } from '../../domain/fields';
import { isFieldKey } from '../../domain/ids';
import { choiceOf } from '../../domain/vocabularies';
import type { ColumnKey } from './mapping';

/**
 * What clerks put in a cell that does not apply or is not known, so that it does not look forgotten: a dash or a
 * slash (—, -, /, ——, …), 无, 暂无, 空, 不详, 未知, N/A. It stands for no value: read as one, 「无」 would be stored as
 * an employer's name and 「—」 refused as a date we cannot read, both untrue of what the clerk wrote.
 */
const NO_VALUE = /^([-‐‑‒–—―－_/.。·…~～]+|无|暂无|空|空白|没有|未填|未填写|不填|不详|未知|n\/?a|null|none|nil)$/iu;

/** Whether a text is only such a mark, whatever its column. */
export const isNoValueMark = (text: string): boolean => NO_VALUE.test(text.normalize('NFKC').replace(/\s+/g, ''));

/**
 * Whether a cell of a mapped column holds only such a mark, for that column: notes are free text (「无」 is a note),
 * and a choice whose list holds the text (a 是否退休 list may take 无 one day) reads it as that choice.
 */
export function holdsNoValue(key: ColumnKey, text: string): boolean {
  if (key === 'notes' || !isNoValueMark(text)) return false;
  const vocabulary = isFieldKey(key) ? FIELDS[key].vocabulary : undefined;
  return vocabulary === undefined || choiceOf(vocabulary, text) === undefined;
}
