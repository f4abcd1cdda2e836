import { fireEvent, render, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';

const row = (i: number) => ({ id: `p${i}`, name: `张${i}`, idNumber: '370102********1234', employer: '济南第1建筑工程有限公司', mobile: '', updatedAt: '2026-12-03T00:00:00.000Z', revision: 1 });
vi.mock('../../src/messaging/client', () => ({
  send: (type: string, req: { query?: string; limit?: number }) => {
    if (type === 'ui:profiles.page') return Promise.resolve({ total: 200, items: [row(0)] });
    if (type === 'ui:profiles.search') {
      const total = req.query === '济南' ? 150 : 3;
      return Promise.resolve({ total, items: Array.from({ length: Math.min(total, req.limit ?? 50) }, (_, i) => row(i)) });
    }
    return Promise.resolve(null);
  },
}));

const { ProfilesPanel } = await import('../../src/ui/options/ProfilesPanel');

describe('a search in the workbench', () => {
  it('says how many it found, and that only the first are listed when there are more than one page', async () => {
    const view = render(<ProfilesPanel version={0} onChanged={() => undefined} />);
    const search = view.container.querySelector<HTMLInputElement>('[data-jzs-search]');
    if (!search) throw new Error('no search box');
    fireEvent.input(search, { target: { value: '济南' } });
    await waitFor(() => expect(view.container.querySelector('[data-jzs-search-count]')?.textContent).toBe('找到 150 份，只显示前 50 份：请多输入几个字缩小范围。'));
    expect(view.container.querySelectorAll('[data-jzs-profile]')).toHaveLength(50);
    fireEvent.input(search, { target: { value: '张' } });
    await waitFor(() => expect(view.container.querySelector('[data-jzs-search-count]')?.textContent).toBe('找到 3 份'));
    // No search, no count (the heading says how many are stored).
    fireEvent.input(search, { target: { value: '' } });
    await waitFor(() => expect(view.container.querySelector('[data-jzs-search-count]')).toBeNull());
  });
});
