import type { BusinessId } from './ids';

/**
 * How the portals write each business in titles, breadcrumbs, tabs and 情形 selectors. The seed itself uses
 * both 延续注册 and 延期注册, and the provincial tab says 遗失补办或污损更换 (seed §一 ④) where §四 says 遗失补证或印章.
 */
const PATTERNS: ReadonlyArray<readonly [BusinessId, RegExp]> = [
  ['info-change', /个人信息(更改|变更)/],
  ['initial', /初始注册/],
  ['renewal', /延续注册|延期注册/],
  ['change', /变更注册/],
  ['add-specialty', /增项注册|增项专业/],
  ['cancel', /注销注册/],
  ['reissue', /遗失补证|遗失补办|污损更换|补证或印章/],
];

/** The one business a text names, or undefined when it names none or several different ones. */
export function businessFromText(text: string | null | undefined): BusinessId | undefined {
  if (!text) return undefined;
  const found = new Set<BusinessId>();
  for (const [id, re] of PATTERNS) if (re.test(text)) found.add(id);
  return found.size === 1 ? [...found][0] : undefined;
}
