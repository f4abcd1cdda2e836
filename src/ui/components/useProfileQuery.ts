import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { ProfileSummary } from '../../profiles/schema';
import { describe } from '../../i18n/problem';

export interface ProfileQuery {
  query: string;
  setQuery: (q: string) => void;
  offset: number;
  setOffset: (n: number) => void;
  total: number | undefined;
  items: ProfileSummary[];
  /** Number of profiles stored (for [data-jzs-profile-count]). */
  stored: number | undefined;
  error: string | undefined;
  refresh: () => void;
}

/**
 * A page of profiles, or the results of a search (debounced). Only the page shown is ever fetched: the
 * whole store is never read when a view opens.
 */
export function useProfileQuery(pageSize: number): ProfileQuery {
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [stored, setStored] = useState<number | undefined>(undefined);
  const [items, setItems] = useState<ProfileSummary[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const run = async () => {
      const page = await send('ui:profiles.page', { offset: query.trim() ? 0 : offset, limit: query.trim() ? 1 : pageSize });
      if (mine !== seq.current) return;
      setStored(page.total);
      if (!query.trim()) {
        setTotal(page.total);
        setItems(page.items);
        return;
      }
      const found = await send('ui:profiles.search', { query, limit: pageSize });
      if (mine !== seq.current) return;
      setTotal(found.total);
      setItems(found.items);
    };
    const timer = setTimeout(() => {
      run().then(
        () => setError(undefined),
        (e: unknown) => setError(describe(e)),
      );
    }, query ? 120 : 0);
    return () => clearTimeout(timer);
  }, [query, offset, pageSize, tick]);

  return {
    query,
    setQuery: (q) => {
      setQuery(q);
      setOffset(0);
    },
    offset,
    setOffset,
    total,
    items,
    stored,
    error,
    refresh: () => setTick((n) => n + 1),
  };
}
