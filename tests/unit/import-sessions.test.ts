import { describe, expect, it } from 'vitest';
import { ImportSessions } from '../../src/background/import-sessions';
import { CodedError } from '../../src/i18n/problem';
import type { ImportItem } from '../../src/profiles/store';

const item = (name: string): ImportItem => ({ kind: 'create', body: { data: { name } } });
const items = (n: number) => Array.from({ length: n }, (_, i) => item(`申请人${i + 1}`));
const expired = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof CodedError && err.code === 'import.expired';
  }
  return false;
};

describe('staged import commits (bench T9: no one message of 10,000 profiles)', () => {
  it('hands back every chunk in the order sent, once complete, and ends the session', () => {
    const s = new ImportSessions();
    const all = items(1_201);
    const session = crypto.randomUUID();
    for (let at = 0; at < all.length; at += 500) s.stage(session, all.length, all.slice(at, at + 500));
    expect(s.take(session)).toEqual(all);
    expect(expired(() => s.take(session))).toBe(true);
  });

  it('refuses an incomplete session, a changed total and more items than announced: nothing to write', () => {
    const s = new ImportSessions();
    const a = crypto.randomUUID();
    s.stage(a, 3, items(2));
    expect(expired(() => s.take(a))).toBe(true);
    const b = crypto.randomUUID();
    s.stage(b, 3, items(2));
    expect(expired(() => s.stage(b, 4, items(1)))).toBe(true);
    expect(expired(() => s.take(b))).toBe(true);
    const c = crypto.randomUUID();
    s.stage(c, 2, items(1));
    expect(expired(() => s.stage(c, 2, items(2)))).toBe(true);
    expect(expired(() => s.take(c))).toBe(true);
  });

  it('one import at a time: a new session drops an unfinished one; cancel drops it too', () => {
    const s = new ImportSessions();
    const first = crypto.randomUUID();
    s.stage(first, 2, items(1));
    const second = crypto.randomUUID();
    s.stage(second, 1, items(1));
    s.stage(first, 2, items(1)); // a fresh session now, holding one of two
    expect(expired(() => s.take(first))).toBe(true);
    expect(expired(() => s.take(second))).toBe(true);
    const third = crypto.randomUUID();
    s.stage(third, 1, items(1));
    s.cancel(third);
    expect(expired(() => s.take(third))).toBe(true);
  });
});
