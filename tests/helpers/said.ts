/**
 * What the user is told about an error, in Chinese (or English): errors carry codes (src/i18n/problem.ts),
 * so tests of a message read it the way the UI does.
 */
import '../../src/i18n/all';
import type { Lang } from '../../src/i18n';
import { describe } from '../../src/i18n/problem';

/** For `.rejects.toSatisfy(saying('…'))`: the error's text, as shown, contains or matches `expected`. */
export const saying =
  (expected: string | RegExp, lang: Lang = 'zh') =>
  (err: unknown): boolean => {
    const text = describe(err, lang);
    return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
  };

/** The text shown for what `fn` throws ('' when it does not throw). */
export function saidBy(fn: () => unknown, lang: Lang = 'zh'): string {
  try {
    fn();
  } catch (err) {
    return describe(err, lang);
  }
  return '';
}
