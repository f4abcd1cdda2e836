import { act, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LockStatus } from '../../src/security/lock';

const sent = vi.hoisted(() => [] as Array<{ type: string; req: unknown }>);
vi.mock('../../src/messaging/client', () => ({
  send: (type: string, req: unknown) => {
    sent.push({ type, req });
    const minutes = (req as { minutes?: number }).minutes ?? 15;
    return Promise.resolve({ enabled: false, locked: false, idleMinutes: minutes });
  },
}));

const { LockPanel } = await import('../../src/ui/options/LockPanel');

afterEach(() => {
  sent.length = 0;
});

const box = (root: Element, selector: string) => {
  const el = root.querySelector<HTMLInputElement>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};

describe('档案加密: the auto-lock time', () => {
  it('is kept as typed, refused with the range when out of it, and shows what was saved', async () => {
    let status: LockStatus = { enabled: false, locked: false, idleMinutes: 15 };
    const view = render(<LockPanel status={status} onStatus={(s) => (status = s)} />);
    const root = view.container;
    const idle = box(root, '[data-jzs-idle-minutes]');
    // Emptied to type another number, the box stays empty (it jumped back to 15).
    fireEvent.input(idle, { target: { value: '' } });
    expect(idle.value).toBe('');
    fireEvent.input(idle, { target: { value: '500' } });
    await act(async () => void box(root, '[data-jzs-action="save-idle"]').click());
    expect(sent).toEqual([]);
    expect(root.querySelector('[data-jzs-lock-message="error"]')?.textContent).toBe('自动锁定时间请填 1 到 240 之间的整数（分钟）。');
    expect(idle.value).toBe('500');
    expect(idle.getAttribute('aria-invalid')).toBe('true');
    // Turning the lock on with it is refused the same way, nothing sent.
    fireEvent.input(box(root, '[data-jzs-lock-input="new"]'), { target: { value: 'correct horse' } });
    fireEvent.input(box(root, '[data-jzs-lock-input="confirm"]'), { target: { value: 'correct horse' } });
    await act(async () => void box(root, '[data-jzs-action="enable-lock"]').click());
    expect(sent).toEqual([]);
    // A time in range is saved as typed, and the box then shows the stored time.
    fireEvent.input(idle, { target: { value: '30' } });
    await act(async () => void box(root, '[data-jzs-action="save-idle"]').click());
    expect(sent).toEqual([{ type: 'ui:lock.idle', req: { minutes: 30 } }]);
    view.rerender(<LockPanel status={status} onStatus={(s) => (status = s)} />);
    expect(box(root, '[data-jzs-idle-minutes]').value).toBe('30');
    expect(root.querySelector('[data-jzs-action="save-idle"]')).toBeNull();
  });

  it('the turn-off passphrase has its own box: typing it does not fill the change row\'s 原口令', () => {
    const view = render(<LockPanel status={{ enabled: true, locked: false, idleMinutes: 15 }} onStatus={() => undefined} />);
    fireEvent.input(box(view.container, '[data-jzs-lock-input="disable"]'), { target: { value: 'secret passphrase' } });
    expect(box(view.container, '[data-jzs-lock-input="old"]').value).toBe('');
  });
});
