/**
 * Words that make a label or a column header ask for another value of the same kind as the applicant's own — a
 * spare, second or other one: 备用手机号, 第二联系电话, 手机号（备用）, 其他邮箱, 另一联系电话, 手机（backup）. A
 * profile holds one of each, and the same value twice is not what such a box or column holds. One list for the two
 * places that read labels: the portal pages' labels (src/portals/fields.ts) and the import's headers
 * (src/profiles/io/mapping.ts), so that what one reads as a second value the other does too.
 * English words are matched inside longer text as well (labels and headers are squeezed of spaces before the test).
 */
export const SPARE = /备用|备选|后备|另一|另外|其他|其它|第[二三四五六七八九2-9]|spare|backup|alternat|second|other/i;

/** A later member of a numbered set right after the label (联系电话2, 手机号二): 1 and 一 are the main one. */
export const SPARE_AFTER = /^[2-9二三四五六七八九]$/;
