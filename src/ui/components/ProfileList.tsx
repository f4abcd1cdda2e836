import type { Ref } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { ProfileSummary } from '../../profiles/schema';

/** 370102********1231: lists on a shared screen show enough to tell people apart, not the whole number. */
export function maskId(id: string): string {
  return id.length >= 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id;
}

export interface ProfileListProps {
  items: readonly ProfileSummary[];
  activeId?: string | null | undefined;
  onPick?: ((p: ProfileSummary) => void) | undefined;
  selected?: ReadonlySet<string> | undefined;
  onToggle?: ((id: string, on: boolean) => void) | undefined;
  /** Accessible name of the list (default 「申请人档案列表」). */
  label?: string | undefined;
  /** The list element, so a search box can hand the keyboard over with ↓. */
  listRef?: Ref<HTMLUListElement> | undefined;
  /** Show the keyboard help under the list. */
  keysHint?: boolean | undefined;
}

/** Where the keyboard moves the focused row: ↑/↓ one, Home/End to the ends, PageUp/PageDown by ten. Pure. */
export function moveFocus(key: string, at: number, count: number): number | undefined {
  if (!count) return undefined;
  const to = (n: number) => Math.max(0, Math.min(count - 1, n));
  switch (key) {
    case 'ArrowDown':
      return to(at + 1);
    case 'ArrowUp':
      return to(at - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return to(at + 10);
    case 'PageUp':
      return to(at - 10);
    default:
      return undefined;
  }
}

/**
 * The profile list of the popup and the workbench, one implementation (issue 17.8): a listbox the Tab key
 * reaches as ONE stop, ↑/↓ (Home/End, PageUp/PageDown) move the focused row, Enter chooses it, Space ticks it
 * where rows can be ticked. DOM focus stays on the list; the focused row is named by aria-activedescendant
 * (the WAI-ARIA listbox pattern), so a screen reader follows and the page never scrolls rows out of reach.
 * Rows carry the contract hooks: [data-jzs-profile=<id>], data-active="true" on the current applicant.
 */
export function ProfileList({ items, activeId, onPick, selected, onToggle, label, listRef, keysHint }: ProfileListProps) {
  const base = useId();
  const own = useRef<HTMLUListElement | null>(null);
  const [focus, setFocus] = useState<number | undefined>(undefined);
  const activeIndex = items.findIndex((p) => p.id === activeId);
  // The list changed (search, page): the focused row is the active one if shown, else the first.
  useEffect(() => setFocus(undefined), [items]);
  const at = focus ?? Math.max(0, activeIndex);
  const focused = items[at];
  const optionId = (i: number) => `${base}-row-${i}`;
  useEffect(() => {
    if (focus === undefined) return;
    own.current?.querySelector(`#${CSS.escape(optionId(focus))}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [focus]);
  const multi = onToggle !== undefined;

  const onKeyDown = (e: KeyboardEvent) => {
    const next = moveFocus(e.key, at, items.length);
    if (next !== undefined) {
      e.preventDefault();
      setFocus(next);
      return;
    }
    if (!focused) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      onPick?.(focused);
    } else if (e.key === ' ') {
      e.preventDefault();
      if (multi) onToggle(focused.id, !(selected?.has(focused.id) ?? false));
      else onPick?.(focused);
    }
  };

  return (
    <>
      <ul
        class="profiles"
        role="listbox"
        tabIndex={items.length ? 0 : -1}
        aria-label={label ?? t('listKeys.label')}
        aria-multiselectable={multi ? true : undefined}
        aria-activedescendant={focused ? optionId(at) : undefined}
        data-jzs-profile-list=""
        ref={(el) => {
          own.current = el;
          if (typeof listRef === 'function') listRef(el);
          else if (listRef) listRef.current = el;
        }}
        onKeyDown={onKeyDown}
      >
        {items.map((p, i) => (
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            // Ticked rows are the selection where rows can be ticked; else the current applicant is.
            aria-selected={multi ? (selected?.has(p.id) ?? false) : p.id === activeId}
            aria-current={multi && p.id === activeId ? 'true' : undefined}
            data-jzs-profile={p.id}
            data-active={p.id === activeId ? 'true' : undefined}
            data-focused={i === at && focus !== undefined ? 'true' : undefined}
            class={[p.id === activeId ? 'active' : '', i === at ? 'focused' : ''].join(' ').trim() || undefined}
            onClick={() => {
              setFocus(i);
              onPick?.(p);
            }}
          >
            {multi && (
              // The row's selection is its aria-selected (keyboard: Space); this box is the mouse's way to tick
              // it. Not a form control: an option's content must not be focusable (its children are
              // presentational), so it is hidden from assistive technology and never takes focus.
              <span
                class={`tick${selected?.has(p.id) ? ' on' : ''}`}
                aria-hidden="true"
                data-jzs-select={p.id}
                data-checked={selected?.has(p.id) ? 'true' : 'false'}
                onClick={(e) => {
                  e.stopPropagation();
                  setFocus(i);
                  onToggle(p.id, !(selected?.has(p.id) ?? false));
                }}
              />
            )}
            <span class="name">{p.name || t('profiles.unknown')}</span>
            <span class="idno">{maskId(p.idNumber)}</span>
            <span class="employer">{p.employer}</span>
          </li>
        ))}
      </ul>
      {keysHint && items.length > 0 && (
        <p class="muted small keys" data-jzs-list-keys="">
          {t(multi ? 'listKeys.open' : 'listKeys.pick')}
        </p>
      )}
    </>
  );
}

export const PROFILE_LIST_CSS = `
ul.profiles { list-style: none; margin: 6px 0; padding: 0; border: 1px solid var(--line); border-radius: 6px; max-height: 360px; overflow: auto; }
ul.profiles:focus { outline: 2px solid var(--blue); outline-offset: 1px; }
ul.profiles li { display: flex; gap: 8px; align-items: center; padding: 5px 8px; border-bottom: 1px solid #eef2f6; cursor: pointer; }
ul.profiles li:last-child { border-bottom: 0; }
ul.profiles li:hover { background: #f3f7fc; }
ul.profiles li.active { background: #e3eefb; box-shadow: inset 3px 0 0 var(--blue); }
ul.profiles:focus li.focused { outline: 2px dashed var(--blue); outline-offset: -2px; }
ul.profiles .name { font-weight: 600; min-width: 5em; }
ul.profiles .idno { font-family: ui-monospace, Consolas, monospace; color: var(--muted); font-size: 12px; }
ul.profiles .employer { color: var(--muted); font-size: 12px; margin-left: auto; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 40%; }
input[data-jzs-search] { width: 100%; padding: 5px 8px; border: 1px solid var(--line); border-radius: 4px; }
.keys { margin: 2px 0; }
ul.profiles .tick { flex: none; width: 14px; height: 14px; border: 1.5px solid var(--muted); border-radius: 3px; background: #fff; }
ul.profiles .tick.on { background: var(--blue); border-color: var(--blue); box-shadow: inset 0 0 0 2px #fff; }
`;

/** A search box hands the keyboard to its list with ↓ (onKeyDown of the box). */
export function toListOnArrowDown(list: { current: HTMLUListElement | null }) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' || !list.current) return;
    e.preventDefault();
    list.current.focus();
  };
}
