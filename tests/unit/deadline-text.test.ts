import { afterEach, describe, expect, it } from 'vitest';
import type { Deadline } from '../../src/cases/deadlines';
import { setLang, t } from '../../src/i18n';
import { afterText } from '../../src/ui/components/deadline-text';

const row = (over: Partial<Deadline>): Deadline => ({ kind: 'contract-one-year', date: '2026-03-01', daysLeft: -277, profileId: 'p', name: '欧阳明', employer: '山东某建设有限公司', ...over });
const ctx = { maxAge: 65, plan: '2026-12-03' };

afterEach(() => setLang('zh'));

describe('what a labour-contract deadline row means', () => {
  it('says to extend the contract, once the day has passed and when the planned day is after it', () => {
    // Before, the row said only 「已过 277 天」 beside a date a year before the contract's end.
    expect(afterText(row({}), ctx)).toBe('已过：现在提交，劳动合同剩余已不足一年，须先续签（延长）劳动合同再提交。');
    const ahead = row({ date: '2026-12-20', daysLeft: 17 });
    expect(afterText(ahead, { ...ctx, plan: '2027-01-05' })).toBe('计划提交日 2027-01-05 晚于此日：届时劳动合同剩余已不足一年，请先续签（延长）劳动合同，或在此日或之前提交。');
    expect(afterText(ahead, { ...ctx, plan: '2026-12-20' })).toBe('');
    setLang('en');
    expect(afterText(row({}), ctx)).toMatch(/^Passed: the labour contract now has less than a year left/);
    expect(afterText(row({}), ctx, 'zh')).toContain('续签');
    expect(t('deadlines.afterPlan.contract-one-year', { plan: '2027-01-05' })).toContain('2027-01-05');
  });
});
