import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { Profile, ProfileSummary } from '../../profiles/schema';
import { errorText } from '../common/error-text';
import { ProfileEditor } from '../components/ProfileEditor';
import { ProfileList, toListOnArrowDown } from '../components/ProfileList';
import { useProfileQuery } from '../components/useProfileQuery';
import { useWorkQueue } from '../components/useWorkQueue';
import { SearchCount } from '../components/SearchCount';
import { FillSection } from './FillSection';
import { tx } from '../components/Zh';

/** Popup: at most one page of rows, never the whole store. */
const POPUP_PAGE = 20;
/** A search made the work queue takes this many results (the search's own limit). */
const SEARCH_QUEUE = 100;
const QUICK_FIELDS = ['name', 'mobile', 'employerName', 'contractStart', 'contractEnd'] as const;

export function ProfilesSection() {
  const q = useProfileQuery(POPUP_PAGE);
  const [active, setActive] = useState<ProfileSummary | null>(null);
  const work = useWorkQueue(setActive);
  const { queue, setQueue } = work;
  const [editing, setEditing] = useState<Profile | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const list = useRef<HTMLUListElement | null>(null);

  useEffect(() => {
    send('ui:active.get', {}).then(setActive, (e: unknown) => setError(errorText(e)));
  }, []);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
      setError(undefined);
    } catch (err) {
      setError(errorText(err));
    }
  };

  // Picking someone keeps the work queue (from a search too); without one, the list picked from becomes it.
  const pick = (p: ProfileSummary) =>
    run(async () => {
      if (queue) {
        setActive(await send('ui:active.set', { id: p.id }));
        setQueue(await send('ui:queue.get', {}));
      } else {
        const made = await send('ui:queue.set', { ids: q.items.map((x) => x.id), source: q.query.trim() ? 'search' : 'list', start: p.id });
        setActive(made.active);
        setQueue(made.queue);
      }
      setEditing(undefined);
    });

  const queueSearch = () =>
    run(async () => {
      const found = await send('ui:profiles.search', { query: q.query, limit: SEARCH_QUEUE });
      if (!found.items.length) return;
      const made = await send('ui:queue.set', { ids: found.items.map((x) => x.id), source: 'search' });
      setActive(made.active);
      setQueue(made.queue);
    });

  return (
    <section data-jzs-popup-profiles="">
      <h2>
        {t('profiles.title')}{' '}
        <span class="muted" data-jzs-profile-count={q.stored ?? ''}>
          {q.stored !== undefined && t('profiles.count', { n: q.stored })}
        </span>
      </h2>
      <input
        data-jzs-search=""
        type="search"
        autoFocus
        aria-label={t('profiles.search')}
        placeholder={t('profiles.search')}
        value={q.query}
        onInput={(e) => q.setQuery(e.currentTarget.value)}
        onKeyDown={toListOnArrowDown(list)}
      />
      {(error || q.error) && <p class="error">{error ?? q.error}</p>}
      {active && (
        <div class="active-line" data-jzs-active-profile={active.id}>
          {tx('checklist.labelled', { label: t('profiles.active'), text: <strong lang="zh-CN">{active.name}</strong> })}{' '}
          <button type="button" data-jzs-action="quick-edit" onClick={() => void send('ui:profiles.get', { id: active.id }).then(setEditing)}>
            {t('profiles.quickEdit')}
          </button>
        </div>
      )}
      {editing && (
        <ProfileEditor
          profile={editing}
          only={[...QUICK_FIELDS]}
          onSaved={(p) => {
            setEditing(p);
            q.refresh();
          }}
          onCancel={() => setEditing(undefined)}
        />
      )}
      <FillSection active={active} queue={work} />
      {q.items.length === 0 && q.total !== undefined && <p class="muted">{q.query ? t('profiles.noMatch') : t('profiles.none')}</p>}
      {q.query.trim() && q.items.length > 0 && (
        <button type="button" data-jzs-action="queue-search" onClick={() => void queueSearch()}>
          {t('queue.fromSearch', { n: Math.min(q.total ?? q.items.length, SEARCH_QUEUE) })}
        </button>
      )}
      <SearchCount q={q} />
      {q.items.length > 0 && <p class="muted small">{t('profiles.choose')}</p>}
      <ProfileList items={q.items} activeId={active?.id} onPick={(p) => void pick(p)} listRef={list} keysHint />
    </section>
  );
}
