import { act, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as Array<{ type: string; req: unknown }>);
vi.mock('../../src/messaging/client', () => ({
  send: (type: string, req: unknown) => {
    sent.push({ type, req });
    if (type === 'ui:deadlines.reminder') return Promise.resolve({ on: false });
    return Promise.resolve({ today: '2026-12-01', rows: [], employers: [], renewalDays: 30, maxAge: 65 });
  },
}));

const { DeadlinesPanel } = await import('../../src/ui/options/DeadlinesPanel');
const { useShanghaiDay } = await import('../../src/ui/common/shanghai-day');

function Day() {
  return <p>{useShanghaiDay()}</p>;
}

afterEach(() => {
  vi.useRealTimers();
  sent.length = 0;
});

describe('a workbench left open overnight', () => {
  it('turns to the next day at midnight in Jinan, whatever the machine’s zone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    // 23:58 in Jinan is 15:58 UTC: still 1 December there.
    vi.setSystemTime(new Date('2026-12-01T15:58:00Z'));
    const view = render(<Day />);
    expect(view.container.textContent).toBe('2026-12-01');
    await act(() => void vi.advanceTimersByTime(60_000));
    expect(view.container.textContent).toBe('2026-12-01');
    await act(() => void vi.advanceTimersByTime(60_000));
    expect(view.container.textContent).toBe('2026-12-02');
  });

  it('is looked at again when the page is shown again (a hidden tab’s timers are throttled)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T15:00:00Z'));
    const view = render(<Day />);
    vi.setSystemTime(new Date('2026-12-02T01:00:00Z'));
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(view.container.textContent).toBe('2026-12-02');
  });

  it('asks the deadlines again when the day turns, so the days left are today’s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-12-01T15:59:00Z'));
    render(<DeadlinesPanel version={0} />);
    await act(async () => undefined);
    const asked = () => sent.filter((s) => s.type === 'ui:deadlines').length;
    expect(asked()).toBe(1);
    await act(async () => void vi.advanceTimersByTime(60_000));
    expect(asked()).toBe(2);
    // Within the same day nothing is asked again.
    await act(async () => void vi.advanceTimersByTime(60_000));
    expect(asked()).toBe(2);
  });
});
