/** The deadline view's numbers, read from the rule pack in force (each stated once in rules/businesses/*.json). */
import { type BUSINESS_IDS } from '../domain/ids';
import { CodedError } from '../i18n/problem';
import { renewalTimingOf } from '../rules/renewal';
import type { RulePack } from '../rules/schema';
import type { DeadlineRules } from './deadlines';

const checkParam = (
  pack: RulePack,
  kind: string,
  param: string,
): Array<{ business: (typeof BUSINESS_IDS)[number]; value: number; when: string[]; notWhen: string[] }> =>
  pack.businesses.flatMap((b) =>
    b.checks.flatMap((c) => {
      const value = c.params[param];
      return c.kind === kind && typeof value === 'number' ? [{ business: b.id, value, when: c.when, notWhen: c.notWhen }] : [];
    }),
  );

export function deadlineRules(pack: RulePack): DeadlineRules {
  const timing = renewalTimingOf(pack);
  // No timing in the pack: refuse rather than assume a number (a wrong deadline is worse than none).
  if (!timing) throw new CodedError('deadlines.errors.noRenewalTiming');
  const ages = checkParam(pack, 'max-age', 'years').map((x) => x.value);
  if (!ages.length) throw new CodedError('deadlines.errors.noMaxAge');
  return {
    renewalLastDaysBefore: timing.lastDaysBefore,
    // With the situations it holds under (变更 + 单位更名 asks for no contract: notWhen company-renamed).
    contract: Object.fromEntries(checkParam(pack, 'contract-end-min-years', 'years').map((x) => [x.business, { years: x.value, when: x.when, notWhen: x.notWhen }])),
    // Several businesses state it; the strictest (smallest) is the one that bites first.
    maxAge: Math.min(...ages),
  };
}
