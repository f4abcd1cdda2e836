import { render, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { describe as describeProblem } from '../../src/i18n/problem';

vi.mock('../../src/messaging/client', () => ({
  // The service worker did not answer: the browser's own English text, which no user should see.
  send: () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
}));

const { RulePackPanel } = await import('../../src/ui/options/RulePackPanel');

describe('the rule pack panel when the background does not answer', () => {
  it('says so in the user\'s language, never the browser\'s raw error', async () => {
    const view = render(<RulePackPanel />);
    await waitFor(() => expect(view.container.querySelector('[data-jzs-pack-message="error"]')).not.toBeNull());
    const text = view.container.querySelector('[data-jzs-pack-message="error"]')?.textContent ?? '';
    expect(text).not.toContain('Receiving end');
    expect(text).toBe(describeProblem(new Error('x')));
  });
});
