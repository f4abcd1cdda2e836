import { act, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as Array<{ type: string; req: unknown }>);
vi.mock('../../src/messaging/client', () => ({
  send: (type: string, req: unknown) => {
    sent.push({ type, req });
    if (type === 'ui:profiles.update') return Promise.resolve({ id: 'p1', createdAt: '', updatedAt: '2026-12-03T00:00:00.000Z', revision: 2, data: {}, notes: '' });
    if (type === 'ui:profiles.create') return Promise.resolve({ id: 'p1', createdAt: '', updatedAt: '2026-12-03T00:00:00.000Z', revision: 1, data: {}, notes: '' });
    return Promise.resolve({ checks: [] });
  },
}));

const { ProfileEditor } = await import('../../src/ui/components/ProfileEditor');

afterEach(() => {
  sent.length = 0;
});

const input = (root: Element, key: string) => {
  const el = root.querySelector<HTMLInputElement>(`[data-jzs-edit-field="${key}"]`);
  if (!el) throw new Error(`no field ${key}`);
  return el;
};

describe('the profile editor when a field stops the save', () => {
  it('keeps 保存 pressable, names the fields to correct beside it and takes the person to the first', async () => {
    const saved = vi.fn();
    const view = render(<ProfileEditor profile={undefined} onSaved={saved} />);
    const root = view.container;
    await act(async () => undefined);
    fireEvent.input(input(root, 'name'), { target: { value: '王小明' } });
    fireEvent.input(input(root, 'idNumber'), { target: { value: '370102199001011234' } }); // wrong check digit
    fireEvent.input(input(root, 'contractEnd'), { target: { value: '2027/2/30' } }); // no such day
    const save = root.querySelector<HTMLButtonElement>('[data-jzs-action="save-profile"]');
    expect(save?.disabled).toBe(false);
    await act(async () => void save?.click());
    expect(sent.filter((s) => s.type === 'ui:profiles.create')).toEqual([]);
    const blocked = root.querySelector('[data-jzs-editor-blocked]');
    expect(blocked?.getAttribute('role')).toBe('alert');
    expect(blocked?.textContent).toBe('还有 2 项需要改正，改正后才能保存：身份证号、劳动合同截止日期（已标红）。');
    expect(document.activeElement).toBe(input(root, 'idNumber'));
    // Each field in error says so, and points at its message.
    const id = input(root, 'idNumber');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(id.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^身份证号校验位错误/);
    expect(input(root, 'name').hasAttribute('aria-invalid')).toBe(false);
    // Corrected, the list shrinks, then goes, and 保存 saves.
    fireEvent.input(id, { target: { value: '370102199001011231' } });
    expect(root.querySelector('[data-jzs-editor-blocked]')?.textContent).toContain('：劳动合同截止日期（');
    fireEvent.input(input(root, 'contractEnd'), { target: { value: '2027-02-28' } });
    expect(root.querySelector('[data-jzs-editor-blocked]')).toBeNull();
    await act(async () => void save?.click());
    expect(sent.filter((s) => s.type === 'ui:profiles.create')).toHaveLength(1);
    expect(saved).toHaveBeenCalledTimes(1);
  });

  it('the popup\'s quick edit is stopped only by its own fields: a stored value it does not show is kept as it is', async () => {
    // An ID number whose check digit is wrong, kept from an older store: not one of the quick edit's fields.
    const profile = { id: 'p1', createdAt: '', updatedAt: '2026-12-01T00:00:00.000Z', revision: 1, data: { name: '王五', idNumber: '370102199001011234' }, businesses: [], notes: '' };
    const saved = vi.fn();
    const view = render(<ProfileEditor profile={profile} only={['name', 'mobile']} onSaved={saved} />);
    const root = view.container;
    await act(async () => undefined);
    fireEvent.input(input(root, 'mobile'), { target: { value: '13805310000' } });
    await act(async () => void root.querySelector<HTMLButtonElement>('[data-jzs-action="save-profile"]')?.click());
    const update = sent.find((s) => s.type === 'ui:profiles.update')?.req as { body: { data: Record<string, string> } } | undefined;
    expect(update?.body.data).toEqual({ name: '王五', idNumber: '370102199001011234', mobile: '13805310000' });
    expect(saved).toHaveBeenCalledTimes(1);
  });
});
