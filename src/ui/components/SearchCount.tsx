import { t } from '../../i18n';
import type { ProfileQuery } from './useProfileQuery';

/**
 * How many profiles a search found, and — when the list holds only the first of them (a search shows one page, with
 * no pager) — that it does: before, 50 rows of 150 matches read as all of them (a clerk then ticked 「全选本页」
 * and queued 50).
 */
export function SearchCount({ q }: { q: Pick<ProfileQuery, 'query' | 'total' | 'items'> }) {
  if (!q.query.trim() || q.total === undefined || !q.items.length) return null;
  const more = q.total > q.items.length;
  return (
    <p class={more ? 'warning small' : 'muted small'} role="status" data-jzs-search-count={q.total} data-shown={q.items.length}>
      {more ? t('profiles.foundMore', { n: q.total, shown: q.items.length }) : t('profiles.found', { n: q.total })}
    </p>
  );
}
