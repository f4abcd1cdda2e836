import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { Profile, ProfileSummary } from '../../profiles/schema';
import { ProfileEditor } from '../components/ProfileEditor';
import { ProfileList } from '../components/ProfileList';
import { useProfileQuery } from '../components/useProfileQuery';
import { FillSection } from './FillSection';
import { describe } from '../../i18n/problem';
import { tx } from '../components/Zh';

/** Popup: at most one page of rows, never the whole store. */
const POPUP_PAGE = 20;
const QUICK_FIELDS = ['name', 'mobile', 'employerName', 'contractStart', 'contractEnd'] as const;

export function ProfilesSection() {
  const q = useProfileQuery(POPUP_PAGE);
  const [active, setActive] = useState<ProfileSummary | null>(null);
  const [editing, setEditing] = useState<Profile | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    send('ui:active.get', {}).then(setActive, (e: unknown) => setError(String(e)));
  }, []);

  const pick = async (p: ProfileSummary) => {
    try {
      const a = await send('ui:active.set', { id: p.id });
      // The list the clerk picked from becomes the order of 「下一位」.
      await send('ui:fill.setList', { ids: q.items.map((x) => x.id) });
      setActive(a);
      setEditing(undefined);
    } catch (err) {
      setError(describe(err));
    }
  };

  return (
    <section data-jzs-popup-profiles="">
      <h2>
        {t('profiles.title')}{' '}
        <span class="muted" data-jzs-profile-count={q.stored ?? ''}>
          {q.stored !== undefined && t('profiles.count', { n: q.stored })}
        </span>
      </h2>
      <input data-jzs-search="" type="search" autoFocus placeholder={t('profiles.search')} value={q.query} onInput={(e) => q.setQuery(e.currentTarget.value)} />
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
      <FillSection active={active} onActive={setActive} />
      {q.items.length === 0 && q.total !== undefined && <p class="muted">{q.query ? t('profiles.noMatch') : t('profiles.none')}</p>}
      {q.items.length > 0 && <p class="muted small">{t('profiles.choose')}</p>}
      <ProfileList items={q.items} activeId={active?.id} onPick={(p) => void pick(p)} />
    </section>
  );
}
