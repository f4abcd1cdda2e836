import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { Profile, ProfileSummary } from '../../profiles/schema';
import { ProfileEditor } from '../components/ProfileEditor';
import { ProfileList, toListOnArrowDown } from '../components/ProfileList';
import { errorText } from '../common/error-text';
import { useProfileQuery } from '../components/useProfileQuery';
import { SearchCount } from '../components/SearchCount';
import { withItem } from '../../domain/sets';

const PAGE = 50;

/** 档案: find, page, select, bulk-delete, see duplicates by ID number, create and edit. */
export function ProfilesPanel({ version, onChanged }: { version: number; onChanged: () => void }) {
  const q = useProfileQuery(PAGE);
  const [editing, setEditing] = useState<Profile | 'new' | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dupes, setDupes] = useState<ProfileSummary[][] | undefined>(undefined);
  // What the last action did, or why it failed (an error was shown in the green of a success before).
  const [message, setShown] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const setMessage = (text: string) => setShown({ kind: 'ok', text });
  const failed = (err: unknown) => setShown({ kind: 'error', text: errorText(err) });
  // Another panel (import, restore) changed the store.
  useEffect(() => {
    if (version > 0) q.refresh();
  }, [version]);

  const open = async (p: ProfileSummary) => setEditing(await send('ui:profiles.get', { id: p.id }));
  const removeSelected = async () => {
    if (!selected.size || !confirm(t('profiles.confirmDelete', { n: selected.size }))) return;
    let deleted: number;
    try {
      ({ deleted } = await send('ui:profiles.delete', { ids: [...selected] }));
    } catch (err) {
      return failed(err);
    }
    setSelected(new Set());
    setMessage(t('profiles.deleted', { n: deleted }));
    if (editing !== 'new' && editing && selected.has(editing.id)) setEditing(undefined);
    // A restore point was kept: the undo bar shows it.
    onChanged();
  };
  // The ticked profiles become the work queue of 「下一位」, in the list's order (ticks from other pages after).
  const queueSelection = async () => {
    const shown = q.items.map((p) => p.id).filter((id) => selected.has(id));
    const ids = [...shown, ...[...selected].filter((id) => !shown.includes(id))];
    try {
      const { active } = await send('ui:queue.set', { ids, source: 'selection' });
      setMessage(t('queue.set', { n: ids.length, name: active.name }));
    } catch (err) {
      failed(err);
    }
  };
  const list = useRef<HTMLUListElement | null>(null);
  const pages = Math.max(1, Math.ceil((q.total ?? 0) / PAGE));

  return (
    <section class="panel" data-jzs-profiles-panel="">
      <h2>
        {t('profiles.title')} <span class="muted" data-jzs-profile-count={q.stored ?? ''}>{q.stored !== undefined && t('profiles.count', { n: q.stored })}</span>
      </h2>
      <div class="columns">
        <div class="list-col">
          <input
            data-jzs-search=""
            type="search"
            aria-label={t('profiles.search')}
            placeholder={t('profiles.search')}
            value={q.query}
            onInput={(e) => q.setQuery(e.currentTarget.value)}
            onKeyDown={toListOnArrowDown(list)}
          />
          {q.error && <p class="error">{q.error}</p>}
          <div class="row">
            <button type="button" class="primary" data-jzs-action="new-profile" onClick={() => setEditing('new')}>
              {t('profiles.new')}
            </button>
            <button type="button" data-jzs-action="select-page" onClick={() => setSelected(new Set(q.items.map((p) => p.id)))}>
              {t('profiles.selectAll')}
            </button>
            <button type="button" data-jzs-action="delete-selected" disabled={!selected.size} onClick={() => void removeSelected()}>
              {t('profiles.deleteSelected', { n: selected.size })}
            </button>
            <button type="button" data-jzs-action="queue-selection" disabled={!selected.size} onClick={() => void queueSelection()}>
              {t('queue.fromSelection', { n: selected.size })}
            </button>
            <button type="button" data-jzs-action="show-duplicates" onClick={() => void send('ui:profiles.duplicates', {}).then(setDupes, failed)}>
              {t('profiles.duplicates')}
            </button>
          </div>
          {message && (
            <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'} data-jzs-profiles-message={message.kind}>
              {message.text}
            </p>
          )}
          <SearchCount q={q} />
          {q.items.length === 0 && q.total !== undefined && <p class="muted">{q.query ? t('profiles.noMatch') : t('profiles.none')}</p>}
          <ProfileList
            items={q.items}
            activeId={editing && editing !== 'new' ? editing.id : null}
            onPick={(p) => void open(p)}
            selected={selected}
            onToggle={(id, on) => setSelected(withItem(selected, id, on))}
            listRef={list}
            keysHint
          />
          {!q.query && pages > 1 && (
            <div class="row pager">
              <button type="button" disabled={q.offset === 0} onClick={() => q.setOffset(Math.max(0, q.offset - PAGE))}>
                {t('profiles.prev')}
              </button>
              <span>{t('profiles.pageOf', { page: q.offset / PAGE + 1, pages })}</span>
              <button type="button" disabled={q.offset + PAGE >= (q.total ?? 0)} onClick={() => q.setOffset(q.offset + PAGE)}>
                {t('profiles.more')}
              </button>
            </div>
          )}
          {dupes && (
            <div class="dupes" data-jzs-duplicates={dupes.length}>
              <h3>{t('profiles.duplicates')}</h3>
              {dupes.length === 0 && <p class="muted">{t('profiles.noDuplicates')}</p>}
              {dupes.map((group) => (
                <ProfileList key={group[0]?.id} items={group} onPick={(p) => void open(p)} />
              ))}
            </div>
          )}
        </div>
        <div class="edit-col">
          {editing && (
            <ProfileEditor
              profile={editing === 'new' ? undefined : editing}
              onSaved={(p) => {
                setEditing(p);
                q.refresh();
              }}
              onCancel={() => setEditing(undefined)}
              casesVersion={version}
              onCasesChanged={onChanged}
            />
          )}
        </div>
      </div>
    </section>
  );
}
