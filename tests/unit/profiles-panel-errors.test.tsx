import { render, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { MessageError } from '../../src/messaging/protocol';

const row = { id: 'p1', name: '张磊', idNumber: '370102197001011005', employer: '', mobile: '', updatedAt: '2026-12-03T00:00:00.000Z', revision: 1 };
vi.mock('../../src/messaging/client', () => ({
  send: (type: string) => {
    if (type === 'ui:profiles.page') return Promise.resolve({ total: 1, items: [row] });
    // The store locked itself (idle time) while the workbench stayed open.
    return Promise.reject(new MessageError('errors.lock.locked', '档案库已锁定'));
  },
}));

const { ProfilesPanel } = await import('../../src/ui/options/ProfilesPanel');

describe('the profiles panel when the background refuses', () => {
  it('says why, as an error, when the duplicates look-up is refused (before: nothing at all)', async () => {
    const view = render(<ProfilesPanel version={0} onChanged={() => undefined} />);
    const root = view.container;
    await waitFor(() => expect(root.querySelector('[data-jzs-profile]')).not.toBeNull());
    root.querySelector<HTMLButtonElement>('[data-jzs-action="show-duplicates"]')?.click();
    // Before: nothing at all.
    await waitFor(() => expect(root.querySelector('[data-jzs-profiles-message]')?.getAttribute('data-jzs-profiles-message')).toBe('error'));
    const message = root.querySelector('[data-jzs-profiles-message]');
    expect(message?.textContent).toContain('已锁定');
    expect(message?.getAttribute('role')).toBe('alert');
    expect(message?.className).toBe('error'); // before: the error in a success's green (class "ok")
  });

  it('a work list from the ticked profiles, refused, is said as an error (it was shown in a success\'s green)', async () => {
    const view = render(<ProfilesPanel version={0} onChanged={() => undefined} />);
    const root = view.container;
    await waitFor(() => expect(root.querySelector('[data-jzs-profile]')).not.toBeNull());
    root.querySelector<HTMLButtonElement>('[data-jzs-action="select-page"]')?.click();
    await waitFor(() => expect(root.querySelector<HTMLButtonElement>('[data-jzs-action="queue-selection"]')?.disabled).toBe(false));
    root.querySelector<HTMLButtonElement>('[data-jzs-action="queue-selection"]')?.click();
    await waitFor(() => expect(root.querySelector('[data-jzs-profiles-message]')?.className).toBe('error'));
    expect(root.querySelector('[data-jzs-profiles-message]')?.textContent).toContain('已锁定');
  });
});
