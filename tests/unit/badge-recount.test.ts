import { describe, expect, it } from 'vitest';
import { BADGE_CHANGES, changesBadge, nextShanghaiMidnight } from '../../src/background/deadline-watch';
import { RequestSchemas } from '../../src/messaging/schemas';

describe('the deadline badge is recounted after every message that changes what it counts', () => {
  it('includes the bulk writers (import, restore, undo) and the rule pack, not only profiles/cases/lock', () => {
    for (const name of ['ui:import.commit', 'ui:restore.commit', 'ui:undo.apply', 'ui:importPack', 'ui:revertPack', 'ui:profiles.commit', 'ui:cases.update', 'ui:lock.lock']) {
      expect(changesBadge(name), name).toBe(true);
    }
  });
  it('leaves out read-only messages (a filter step over 10,000 cases must not recount every deadline)', () => {
    for (const name of ['ui:cases.query', 'ui:cases.ofProfile', 'ui:profiles.search', 'ui:import.stage', 'ui:restore.preview', 'ui:lock.status', 'ui:deadlines']) {
      expect(changesBadge(name), name).toBe(false);
    }
  });
  it('names only messages that exist (a renamed route would silently stop the recount)', () => {
    const known = new Set(Object.keys(RequestSchemas));
    const listed = ['ui:profiles.create', 'ui:profiles.update', 'ui:profiles.delete', 'ui:import.commit', 'ui:restore.commit', 'ui:undo.apply', 'ui:cases.delete', 'ui:cases.restore', 'ui:cases.cleanup', 'ui:cases.applyPortal', 'ui:lock.unlock', 'ui:lock.enable', 'ui:lock.disable', 'ui:lock.change'];
    for (const name of BADGE_CHANGES) expect(known.has(name), `${name} is a message`).toBe(true);
    for (const name of listed) {
      expect(known.has(name), `${name} is a message`).toBe(true);
      expect(changesBadge(name), name).toBe(true);
    }
  });
});

describe('the badge is recounted at midnight in Jinan, when the day every deadline counts from changes (runs in 3 zones)', () => {
  it('is the next 00:00 Asia/Shanghai, across a month end, a leap day and a year end', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(nextShanghaiMidnight(new Date('2026-12-31T15:59:59.000Z')))).toBe('2026-12-31T16:00:00.000Z'); // 23:59:59 on 31 Dec
    expect(iso(nextShanghaiMidnight(new Date('2026-12-31T16:00:00.000Z')))).toBe('2027-01-01T16:00:00.000Z'); // 00:00 on 1 Jan: the next one
    expect(iso(nextShanghaiMidnight(new Date('2024-02-28T20:00:00.000Z')))).toBe('2024-02-29T16:00:00.000Z'); // 04:00 on 29 Feb
    expect(iso(nextShanghaiMidnight(new Date('2025-03-09T07:30:00.000Z')))).toBe('2025-03-09T16:00:00.000Z'); // New York's DST night
  });
});
