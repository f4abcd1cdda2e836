/**
 * Telephone kinds. The profile's 联系电话 (`phone`) takes a fixed line or, as people often give one there, a
 * mobile number (validate/simple.ts `validatePhone`); a box labelled for a fixed line (固定电话, 座机, 办公电话,
 * 家庭电话, 住宅电话, 传真) is no place for a mobile number. The same words as the pages' reading of such a box
 * (src/portals/field-context.ts `NOT_NARROWER` reads `LANDLINE_WORDS`: a fixed-line box is not taken for the mobile).
 */
export const LANDLINE_WORDS = '固定|座机|办公|家庭|住宅|传真';
export const LANDLINE_LABEL = new RegExp(`${LANDLINE_WORDS}|landline|fixed`, 'i');

/** A mainland mobile number, digits only as the profile stores it (11 digits, 1[3-9]…). */
export const MOBILE_NUMBER = /^1[3-9]\d{9}$/;

/** A mobile number on its way into a box whose label asks for a fixed line. */
export const mobileForLandline = (label: string, value: string): boolean =>
  MOBILE_NUMBER.test(value.replace(/[\s-]/g, '')) && LANDLINE_LABEL.test(label.replace(/\s/g, ''));
