import type { Deadline } from '../../cases/deadlines';
import { t } from '../../i18n';

/** What a row's texts depend on beyond the row: the rule pack's age limit, the planned submission day. */
export interface DeadlineContext {
  maxAge: number;
  plan: string;
}

/** What a row is: a 待补正 without a portal deadline says that its date is the day it began, not a deadline. */
export const kindText = (d: Deadline, maxAge: number, lang?: 'zh') => t(d.since ? 'deadlines.kind.correction-since' : `deadlines.kind.${d.kind}`, { years: maxAge }, lang);

/** Days left, or how long ago it passed; a 待补正 counted from its first day says how long it has waited. */
export const leftText = (d: Deadline) => {
  if (d.since) return d.daysLeft === 0 ? t('deadlines.sinceToday') : t('deadlines.since', { n: -d.daysLeft });
  return d.daysLeft < 0 ? t('deadlines.passed', { n: -d.daysLeft }) : d.daysLeft === 0 ? t('deadlines.today') : t('deadlines.left', { n: d.daysLeft });
};

/**
 * What a passed date means for the applicant (153号令 第十二条 and renewal.json `afterExpiry`: no 延续 after the
 * last filing day, 重新注册 after expiry; 第十五条: over the age limit, not registrable; a contract short of the
 * year: extend it first). Before, the contract row said only 「已过 277 天」 beside a date a year before the contract's end.
 */
export function afterText(d: Deadline, ctx: DeadlineContext, lang?: 'zh'): string {
  // The contract row: the planned day is past the last day the contract still runs a full year from (labour
  // contract one year from submission, rules/businesses/*.json contract-end-min-years) — what to do about it.
  if (d.kind === 'contract-one-year') return d.daysLeft < 0 ? t('deadlines.after.contract-one-year', {}, lang) : d.date < ctx.plan ? t('deadlines.afterPlan.contract-one-year', { plan: ctx.plan }, lang) : '';
  if (d.kind !== 'registration-expiry' && d.kind !== 'renewal-window' && d.kind !== 'age-65') return '';
  if (d.daysLeft < 0) return t(`deadlines.after.${d.kind}`, { years: ctx.maxAge }, lang);
  // Still ahead today, but not on the day the clerk plans to submit (the contract row counts from it too).
  if (d.kind !== 'registration-expiry' && d.date < ctx.plan) return t(`deadlines.afterPlan.${d.kind}`, { plan: ctx.plan, years: ctx.maxAge }, lang);
  return '';
}
