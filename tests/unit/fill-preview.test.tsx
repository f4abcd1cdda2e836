import { fireEvent, render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { bidiCodes, hasBidiControls, splitBidi } from '../../src/domain/bidi';
import type { FillItem } from '../../src/fill/types';
import { classifySender } from '../../src/background/sender';
import { FillPreview, type FillPreviewProps, fillProblem } from '../../src/ui/components/FillPreview';
import { CodedError } from '../../src/i18n/problem';
import { todayInShanghai } from '../../src/domain/calendar';
import { profileWarnings } from '../../src/validate/profile-warnings';
import { profileRulesOf } from '../../src/rules/profile-rules';
import { bundledPack } from '../../src/rules/bundled';

const RLO = '\u202e';
const item = (over: Partial<FillItem>): FillItem => ({ id: '0:1', frameId: 0, key: 'address', kind: 'text', label: '通讯地址', current: '', action: 'fill', ...over });

function props(items: FillItem[], over: Partial<FillPreviewProps> = {}): FillPreviewProps {
  return {
    state: { preview: { planId: 'p', profile: { id: 'a', name: '张三' }, tabTitle: '', items, ticket: { planId: 'p', tabId: 1, expiresAt: 0, frames: [], writes: [] } }, overwrite: new Set(), busy: false },
    onToggle: vi.fn(),
    onReplaceAll: vi.fn(),
    onConfirm: vi.fn(),
    onCancel: vi.fn(),
    onUntrusted: vi.fn(),
    ...over,
  };
}

describe('bidi controls (issue 12.5)', () => {
  it('are found, named and cut out as visible marks', () => {
    expect(hasBidiControls(`地址${RLO}1321`)).toBe(true);
    expect(hasBidiControls('济南市历下区')).toBe(false);
    expect(bidiCodes(`a\u2066b${RLO}c${RLO}`)).toEqual(['U+2066', 'U+202E']);
    expect(splitBidi(`12${RLO}34`)).toEqual([{ text: '12' }, { text: 'U+202E', control: true }, { text: '34' }]);
  });

  it('the preview isolates every value and shows each control as a mark, so it reads as what is written', () => {
    const { container } = render(<FillPreview {...props([item({ proposed: `经十路${RLO}14306号` }), item({ id: '0:2', key: 'name', action: 'conflict', current: `李${RLO}四`, proposed: '张三' })])} />);
    const values = [...container.querySelectorAll('bdi[data-jzs-value]')];
    expect(values).toHaveLength(3);
    expect(container.querySelectorAll('mark[data-jzs-bidi="U+202E"]')).toHaveLength(2);
    expect(container.textContent).not.toContain(RLO);
  });
});

describe('fill preview', () => {
  it('shows a skipped item as "will not be changed", without any value', () => {
    const { container } = render(<FillPreview {...props([item({ action: 'skip', reason: 'transparent' })])} />);
    const li = container.querySelector('[data-jzs-fill-item]');
    expect(li?.getAttribute('data-reason')).toBe('transparent');
    expect(li?.textContent).toContain('不会更改');
  });

  it('acts on trusted clicks only (a script\'s click is ignored and said so)', () => {
    const p = props([item({ proposed: '济南' })]);
    const { container } = render(<FillPreview {...p} />);
    const confirm = container.querySelector<HTMLButtonElement>('[data-jzs-action="confirm-fill"]');
    confirm?.click(); // untrusted, as any synthetic event
    fireEvent.click(confirm as HTMLButtonElement);
    expect(p.onConfirm).not.toHaveBeenCalled();
    expect(p.onUntrusted).toHaveBeenCalledTimes(2);
  });

  it('offers 「全部替换为此申请人」 when the page holds the previous applicant\'s values', () => {
    const { container } = render(<FillPreview {...props([item({ action: 'clear', proposed: '', current: '经十路', previous: true })])} />);
    expect(container.querySelector('[data-jzs-action="replace-all"]')).not.toBeNull();
    expect(render(<FillPreview {...props([item({ proposed: 'x' })])} />).container.querySelector('[data-jzs-action="replace-all"]')).toBeNull();
  });

  it('speaks the user\'s language for refusals, never raw browser text', () => {
    expect(fillProblem(new CodedError('fill.errors.expired'))).toContain('预览已过期');
    expect(fillProblem(new Error('No frame with id 3 in tab 7.'))).not.toContain('No frame');
    expect(fillProblem({ code: 'fill.errors.noFields' })).toContain('没有可以用档案填写的字段');
  });
});

describe('the chosen profile\'s warnings in the fill preview (issue 17.7)', () => {
  const NOW = new Date('2026-11-22T16:30:00Z'); // 2026-11-23 in Jinan
  it('shows the same checks as the pages, by field, and still lets the clerk confirm', () => {
    const warnings = profileWarnings(
      { name: '张三', idNumber: '370102198503021233', contractEnd: '2027-03-01', graduationDate: '1940-07-01', education: '高中' },
      NOW,
      todayInShanghai(NOW),
      profileRulesOf(bundledPack(), []),
    );
    const base = props([item({ proposed: '经十路' })]);
    const preview = base.state.preview && { ...base.state.preview, warnings };
    const { container } = render(<FillPreview {...base} state={{ ...base.state, preview }} />);
    const shown = [...container.querySelectorAll<HTMLElement>('[data-jzs-fill-warning]')].map((li) => [li.dataset.jzsFillWarning, li.textContent]);
    // A wrong check digit (…1233 should end in 4): the ID number says nothing more, so no birth/gender hints.
    expect(shown).toContainEqual(['idNumber', expect.stringMatching(/^身份证号：.*校验/)]);
    expect(shown).toContainEqual(['contractEnd', expect.stringContaining('2027-03-01')]);
    expect(shown).toContainEqual(['graduationDate', expect.stringContaining('1940-07-01')]);
    // Named once, by the label before it (it read 「学历：学历「高中」…」).
    expect(shown).toContainEqual(['education', expect.stringMatching(/^学历：「高中」低于初始注册的要求/)]);
    expect(container.querySelector('[data-jzs-fill-warnings]')?.textContent).toContain('不影响填写');
    expect(container.querySelector<HTMLButtonElement>('[data-jzs-action="confirm-fill"]')?.disabled).toBe(false);
    // The warnings come before the list's own title, which names the list: they no longer read as its first lines.
    const list = container.querySelector('ul[aria-labelledby]');
    const title = list && container.querySelector(`[id="${list.getAttribute('aria-labelledby')}"]`);
    expect(title?.textContent).toMatch(/将为 张三 填写以下字段/);
    expect(title?.nextElementSibling).toBe(list);
    const warningsBox = container.querySelector('[data-jzs-fill-warnings]');
    expect(warningsBox && title && warningsBox.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('names what the ID number tells when birth date and gender are empty; nothing when all is well', () => {
    const warnings = profileWarnings({ name: '李四', idNumber: '37010219900101124X' }, NOW, todayInShanghai(NOW), profileRulesOf(bundledPack(), []));
    const base = props([item({})]);
    const withWarnings = render(<FillPreview {...base} state={{ ...base.state, preview: base.state.preview && { ...base.state.preview, warnings } }} />);
    const text = (field: string) => withWarnings.container.querySelector(`[data-jzs-fill-warning="${field}"]`)?.textContent;
    // Each under its field's name, which the message does not say again (before: 「出生日期：出生日期未填：…」).
    expect(text('birthDate')).toBe('出生日期：未填，身份证号显示为 1990-01-01。');
    expect(text('gender')).toBe('性别：未填，身份证号显示为「女」。');
    withWarnings.unmount();
    const { container } = render(<FillPreview {...props([item({})])} />);
    expect(container.querySelector('[data-jzs-fill-warnings]')).toBeNull();
  });
});

describe('after a fill', () => {
  it('says so when the fill could not be added to the profile\'s fill log, and not otherwise', () => {
    const report = { results: [{ id: '0:1', key: 'name' as const, label: '姓名', proposed: '张三', readBack: '张三', outcome: 'ok' as const }], navigated: false };
    const base = props([]);
    const kept = render(<FillPreview {...base} state={{ ...base.state, preview: undefined, report }} />);
    expect(kept.container.querySelector('[data-jzs-fill-results]')).not.toBeNull();
    expect(kept.container.querySelector('[data-jzs-fill-log-unsaved]')).toBeNull();
    kept.unmount();
    const lost = render(<FillPreview {...base} state={{ ...base.state, preview: undefined, report, logUnsaved: true }} />);
    expect(lost.container.querySelector('[data-jzs-fill-log-unsaved]')?.textContent).toContain('未能记入档案的填写记录');
  });
});

describe('who may fill which tab', () => {
  const ext = 'chrome-extension://abc/';
  it('an extension page framed in a portal tab (the panel) fills that tab; a top-level one, the tab it stands for', () => {
    const portalTab = { id: 7, url: 'http://124.128.226.254:8090/epoint-web-zwdt/x' };
    expect(classifySender({ id: 'abc', url: `${ext}panel.html`, tab: portalTab, frameId: 3 }, 'abc', ext)).toEqual({
      kind: 'extension',
      url: `${ext}panel.html`,
      tabId: 7,
      panel: { tabId: 7, portal: 'jinan-zwdt' },
    });
    // Framed in a tab that is no portal page (or a portal host on another port): no tab to fill.
    expect(classifySender({ id: 'abc', url: `${ext}panel.html`, tab: { id: 7, url: 'http://124.128.226.254:8091/x' }, frameId: 3 }, 'abc', ext)).toEqual({ kind: 'extension', url: `${ext}panel.html` });
    expect(classifySender({ id: 'abc', url: `${ext}popup.html`, tab: { id: 9 }, frameId: 0 }, 'abc', ext)).toEqual({ kind: 'extension', url: `${ext}popup.html` });
    expect(classifySender({ id: 'abc', url: `${ext}popup.html` }, 'abc', ext)).toEqual({ kind: 'extension', url: `${ext}popup.html` });
  });
});
