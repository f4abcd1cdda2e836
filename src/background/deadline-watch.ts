import { browser } from 'wxt/browser';
import { urgentCount } from '../cases/deadlines';
import type { CaseService } from '../cases/service';
import { type Lang, t } from '../i18n';
import type { LockService } from '../security/lock';
import type { JzsDatabase } from '../storage/db';
import { plusDays, todayInShanghai } from '../domain/calendar';

export type DeadlineWatch = ReturnType<typeof deadlineWatch>;

/** The next 00:00 in Jinan (Asia/Shanghai, UTC+8 all year) after `now`, in ms. */
export function nextShanghaiMidnight(now: Date): number {
  return Date.parse(`${plusDays(todayInShanghai(now), 1)}T00:00:00+08:00`);
}

/**
 * Messages whose success changes what the badge counts (profiles, cases, the lock, the rule pack's numbers).
 * Read-only messages are left out: a filter step over 10,000 cases must not recount every deadline. An import,
 * a restore or an undo writes profiles in bulk under names of their own; without them the badge kept the old
 * count for up to an hour after a clerk imported a roster.
 */
export const BADGE_CHANGES: ReadonlySet<string> = new Set([
  'ui:profiles.create',
  'ui:profiles.update',
  'ui:profiles.delete',
  'ui:profiles.commit',
  'ui:import.commit',
  'ui:restore.commit',
  'ui:undo.apply',
  'ui:cases.create',
  'ui:cases.update',
  'ui:cases.delete',
  'ui:cases.restore',
  'ui:cases.cleanup',
  'ui:cases.applyPortal',
  'ui:lock.lock',
  'ui:lock.unlock',
  'ui:lock.enable',
  'ui:lock.disable',
  'ui:lock.change',
  'ui:importPack',
  'ui:revertPack',
]);

export const changesBadge = (name: string): boolean => BADGE_CHANGES.has(name);

export const REMINDER_SETTING = 'deadlineReminder';
const BADGE_ALARM = 'jzs-deadline-badge';
/** At Jinan's midnight the day every deadline counts from changes: recount then, not up to an hour later. */
const MIDNIGHT_ALARM = 'jzs-deadline-midnight';
const REMINDER_ALARM = 'jzs-deadline-reminder';
/** Deadlines this close (passed ones and 待补正 included) count on the badge and in the reminder. */
const URGENT_DAYS = 30;

/**
 * The toolbar badge and the optional daily reminder. Both show a COUNT only, never a name (shared office
 * PCs), and say 「已锁定」 while the store is locked instead of reading it.
 */
export function deadlineWatch(deps: { cases: CaseService; lock: LockService; db: () => Promise<JzsDatabase>; now: () => Date; language: () => Promise<Lang> }) {
  const count = async (): Promise<number | 'locked'> => {
    if ((await deps.lock.status()).locked) return 'locked';
    const today = todayInShanghai(deps.now());
    const { rows } = await deps.cases.deadlines({ planDate: today, horizonDays: URGENT_DAYS, pastDays: 365 }, deps.now());
    return urgentCount(rows, URGENT_DAYS);
  };
  const badge = async () => {
    const n = await count().catch(() => undefined);
    if (n === undefined) return;
    const lang = await deps.language().catch((): Lang => 'zh');
    await browser.action.setBadgeText({ text: n === 'locked' ? t('deadlines.badgeLockedText', undefined, lang) : n ? String(n) : '' });
    await browser.action.setBadgeBackgroundColor?.({ color: n === 'locked' ? '#52606d' : '#b42318' });
  };
  const remind = async () => {
    const n = await count().catch(() => undefined);
    if (n === undefined || n === 0) return;
    const lang = await deps.language().catch((): Lang => 'zh');
    await browser.notifications.create('jzs-deadlines', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icons/128.png'),
      title: t('deadlines.notifyTitle', undefined, lang),
      message: n === 'locked' ? t('deadlines.notifyLocked', undefined, lang) : t('deadlines.notifyBody', { n }, lang),
    });
  };
  /** The reminder's alarm: once a day at 09:00 Jinan time, only while the clerk has it on (off by default). */
  const schedule = async (on: boolean) => {
    await browser.alarms.clear(REMINDER_ALARM);
    if (!on) return;
    const now = deps.now().getTime();
    const nineShanghai = Date.parse(`${todayInShanghai(deps.now())}T09:00:00+08:00`);
    await browser.alarms.create(REMINDER_ALARM, { when: nineShanghai > now ? nineShanghai : nineShanghai + 86_400_000, periodInMinutes: 24 * 60 });
  };
  return {
    badge,
    async setReminder(on: boolean) {
      await (await deps.db()).put('settings', { key: REMINDER_SETTING, value: on ? 'on' : 'off' });
      await schedule(on);
    },
    async reminderOn() {
      return (await (await deps.db()).get('settings', REMINDER_SETTING))?.value === 'on';
    },
    start() {
      void browser.alarms.create(BADGE_ALARM, { periodInMinutes: 60 });
      // A second past midnight, so the count surely reads the new day.
      void browser.alarms.create(MIDNIGHT_ALARM, { when: nextShanghaiMidnight(deps.now()) + 1000, periodInMinutes: 24 * 60 });
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === BADGE_ALARM || alarm.name === MIDNIGHT_ALARM) void badge();
        if (alarm.name === REMINDER_ALARM) void remind();
      });
      void badge();
    },
  };
}
