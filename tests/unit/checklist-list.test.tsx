/**
 * The checklist as the panel draws it (notes folded): each material's 说明 toggle is named with its material,
 * so a keyboard or screen-reader user tabbing through the list knows whose notes open (review: before, every
 * toggle was just 「说明」).
 */
import { render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/i18n/all';
import { setLang } from '../../src/i18n';
import { bundledPack } from '../../src/rules/bundled';
import { checklistView } from '../../src/rules/view';
import { ChecklistList } from '../../src/ui/components/ChecklistList';

const names = (lang: 'zh' | 'en') => {
  setLang(lang);
  const view = checklistView(bundledPack(), 'change', 'jinan-zwdt');
  const { container, unmount } = render(<ChecklistList view={view} active={new Set()} done={new Set()} notes="folded" />);
  const toggles = [...container.querySelectorAll('details.note > summary')].map((s) => ({ name: s.getAttribute('aria-label') ?? s.textContent ?? '', shown: s.textContent ?? '' }));
  const items = [...container.querySelectorAll('[data-jzs-material]')].filter((li) => li.querySelector(':scope > details.note'));
  unmount();
  return { toggles, view, items: items.length };
};

describe('the folded notes of the checklist', () => {
  afterEach(() => setLang('zh'));

  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: every 说明 toggle is named with its material, and its name starts with the word it shows`, () => {
      const { toggles, view, items } = names(lang);
      expect(toggles.length).toBe(items);
      expect(toggles.length).toBeGreaterThanOrEqual(8);
      expect(new Set(toggles.map((t) => t.name)).size).toBe(toggles.length);
      for (const [i, item] of view.items.entries()) expect(toggles[i]?.name).toContain(lang === 'en' ? item.nameEn : item.name);
      for (const t of toggles) expect(t.name.startsWith(t.shown)).toBe(true);
    });
  }
});
