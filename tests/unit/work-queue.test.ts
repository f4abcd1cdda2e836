import { describe, expect, it } from 'vitest';
import { advance, follow, isWorkQueue, queueOf, queueView, without } from '../../src/profiles/work-queue';
import { moveFocus } from '../../src/ui/components/ProfileList';

const ids = Array.from({ length: 5 }, (_, i) => `p${i + 1}`);

describe('work queue', () => {
  it('walks in order, shows the position 1-based and stops at the end (no wrap)', () => {
    let q = queueOf(ids, 'import');
    const seen = [queueView(q, 'p1')];
    for (let next = advance(q); next; next = advance(q)) {
      q = next;
      seen.push(queueView(q, q.ids[q.index]));
    }
    expect(seen.map((v) => `${v.position}/${v.total}`)).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(seen.every((v) => v.current)).toBe(true);
    expect(seen.map((v) => v.atEnd)).toEqual([false, false, false, false, true]);
    expect(advance(q)).toBeUndefined();
  });

  it('keeps its place when someone outside it is picked, and follows a pick inside it', () => {
    const q = queueOf(ids, 'search', 1);
    expect(follow(q, 'stranger')).toBe(q);
    expect(queueView(q, 'stranger')).toMatchObject({ position: 2, current: false });
    expect(queueView(follow(q, 'p4'), 'p4')).toMatchObject({ position: 4, current: true });
    expect(queueOf(['a', 'b', 'a'], 'selection').ids).toEqual(['a', 'b']);
  });

  it('drops deleted profiles and stays on the same applicant', () => {
    const q = queueOf(ids, 'import', 2); // at p3
    const left = without(q, new Set(['p1', 'p4']));
    expect(left.ids).toEqual(['p2', 'p3', 'p5']);
    expect(left.ids[left.index]).toBe('p3');
    const gone = without(q, new Set(['p3']));
    expect(gone.ids[gone.index]).toBe('p2');
    expect(advance(gone)?.ids[advance(gone)?.index ?? -1]).toBe('p4');
  });
});

describe('a stored queue', () => {
  it('is read back only when it has the shape written', () => {
    expect(isWorkQueue(queueOf(ids, 'import', 4))).toBe(true);
    expect(isWorkQueue({ ids, index: 5, source: 'import' })).toBe(false);
    expect(isWorkQueue({ ids, index: 0, source: 'elsewhere' })).toBe(false);
    expect(isWorkQueue(['p1'])).toBe(false);
    expect(isWorkQueue(undefined)).toBe(false);
  });
});

describe('keyboard moves in a profile list', () => {
  it('moves by one, to the ends and by ten, never outside the list', () => {
    expect(moveFocus('ArrowDown', 0, 3)).toBe(1);
    expect(moveFocus('ArrowDown', 2, 3)).toBe(2);
    expect(moveFocus('ArrowUp', 0, 3)).toBe(0);
    expect(moveFocus('End', 0, 3)).toBe(2);
    expect(moveFocus('Home', 2, 3)).toBe(0);
    expect(moveFocus('PageDown', 5, 30)).toBe(15);
    expect(moveFocus('PageUp', 5, 30)).toBe(0);
    expect(moveFocus('a', 0, 3)).toBeUndefined();
    expect(moveFocus('ArrowDown', 0, 0)).toBeUndefined();
  });
});
