import { render, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { MessageError } from '../../src/messaging/protocol';

vi.mock('../../src/messaging/client', () => ({
  // The store locked itself (idle time) while the workbench stayed open.
  send: () => Promise.reject(new MessageError('errors.lock.locked', '档案库已锁定')),
}));

const { ExportPanel } = await import('../../src/ui/options/ExportPanel');

describe('an export the background refuses', () => {
  it('says why beside the buttons (before: the button did nothing)', async () => {
    for (const action of ['export-csv', 'export-xlsx', 'export-backup']) {
      const view = render(<ExportPanel onRestored={() => undefined} />);
      view.container.querySelector<HTMLButtonElement>(`[data-jzs-action="${action}"]`)?.click();
      await waitFor(() => expect(view.container.querySelector('[data-jzs-export-message="error"]')?.textContent, action).toContain('已锁定'));
      view.unmount();
    }
  });
});
