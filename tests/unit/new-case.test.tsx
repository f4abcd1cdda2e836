import { fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as Array<{ type: string; req: unknown }>);
const person = (id: string, name: string, idNumber: string) => ({ id, name, idNumber, employer: '济南第1建筑工程有限公司', mobile: '', updatedAt: '2026-12-03T00:00:00.000Z', revision: 1 });
vi.mock('../../src/messaging/client', () => ({
  send: (type: string, req: { query?: string }) => {
    sent.push({ type, req });
    if (type === 'ui:cases.query') return Promise.resolve({ total: 0, rows: [], employers: [] });
    if (type === 'ui:profiles.search') {
      // Two applicants of one name at one employer; nobody called 赵.
      const items = req.query === '张磊' ? [person('a', '张磊', '370102197001011005'), person('b', '张磊', '370102198502021018')] : req.query === '李' ? [person('c', '李四', '370102197102021026')] : [];
      return Promise.resolve({ total: items.length, items });
    }
    if (type === 'ui:cases.create') return Promise.resolve({ id: 'k1' });
    return Promise.resolve([]);
  },
}));

const { CasesPanel } = await import('../../src/ui/options/CasesPanel');

afterEach(() => {
  sent.length = 0;
});

describe('新建办件 for a clerk with many applicants', () => {
  it('tells two applicants of one name apart, forgets the pick when the search changes and says when nobody is found', async () => {
    const view = render(<CasesPanel version={0} onChanged={() => undefined} />);
    const root = view.container;
    const search = root.querySelector<HTMLInputElement>('[data-jzs-new-case-search]');
    const create = root.querySelector<HTMLButtonElement>('[data-jzs-action="create-case"]');
    if (!search || !create) throw new Error('no new-case form');
    fireEvent.input(search, { target: { value: '张磊' } });
    await waitFor(() => expect(root.querySelectorAll('[data-jzs-new-case-pick]')).toHaveLength(2));
    const picks = [...root.querySelectorAll<HTMLButtonElement>('[data-jzs-new-case-pick]')];
    expect(picks.map((b) => b.textContent)).toEqual(['张磊 370102********1005 · 济南第1建筑工程有限公司', '张磊 370102********1018 · 济南第1建筑工程有限公司']);
    picks[1]?.click();
    await waitFor(() => expect(picks[1]?.getAttribute('aria-pressed')).toBe('true'));
    expect(create.disabled).toBe(false);
    // Another search: the earlier pick is not shown any more, so it is no longer chosen (创建 made the case for it).
    fireEvent.input(search, { target: { value: '李' } });
    await waitFor(() => expect(root.querySelector('[data-jzs-new-case-pick="c"]')).not.toBeNull());
    expect(create.disabled).toBe(true);
    fireEvent.input(search, { target: { value: '赵' } });
    await waitFor(() => expect(root.querySelector('[data-jzs-new-case-none]')?.textContent).toBe('没有找到匹配的档案。'));
    expect(sent.filter((s) => s.type === 'ui:cases.create')).toEqual([]);
  });
});
