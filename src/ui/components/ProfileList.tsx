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
}

/** Rows carry the contract hooks: [data-jzs-profile=<id>], data-active="true" on the current applicant. */
export function ProfileList({ items, activeId, onPick, selected, onToggle }: ProfileListProps) {
  return (
    <ul class="profiles" role="listbox">
      {items.map((p) => (
        <li
          key={p.id}
          role="option"
          aria-selected={p.id === activeId}
          data-jzs-profile={p.id}
          data-active={p.id === activeId ? 'true' : undefined}
          class={p.id === activeId ? 'active' : undefined}
          onClick={() => onPick?.(p)}
        >
          {onToggle && (
            <input
              type="checkbox"
              data-jzs-select={p.id}
              checked={selected?.has(p.id) ?? false}
              onClick={(e) => e.stopPropagation()}
              onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
            />
          )}
          {p.name ? (
            <span class="name" lang="zh-CN">
              {p.name}
            </span>
          ) : (
            <span class="name">{t('profiles.unknown')}</span>
          )}
          <span class="idno">{maskId(p.idNumber)}</span>
          <span class="employer" lang="zh-CN">
            {p.employer}
          </span>
        </li>
      ))}
    </ul>
  );
}

export const PROFILE_LIST_CSS = `
ul.profiles { list-style: none; margin: 6px 0; padding: 0; border: 1px solid var(--line); border-radius: 6px; max-height: 360px; overflow: auto; }
ul.profiles li { display: flex; gap: 8px; align-items: center; padding: 5px 8px; border-bottom: 1px solid #eef2f6; cursor: pointer; }
ul.profiles li:last-child { border-bottom: 0; }
ul.profiles li:hover { background: #f3f7fc; }
ul.profiles li.active { background: #e3eefb; box-shadow: inset 3px 0 0 var(--blue); }
ul.profiles .name { font-weight: 600; min-width: 5em; }
ul.profiles .idno { font-family: ui-monospace, Consolas, monospace; color: var(--muted); font-size: 12px; }
ul.profiles .employer { color: var(--muted); font-size: 12px; margin-left: auto; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 40%; }
input[data-jzs-search] { width: 100%; padding: 5px 8px; border: 1px solid var(--line); border-radius: 4px; }
`;
