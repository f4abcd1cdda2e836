import { useEffect, useState } from 'preact/hooks';
import { todayInShanghai } from '../../domain/calendar';

/** How often an open page looks at the clock: a day-count that is a minute late is still the right day's. */
const CHECK_MS = 60_000;

/**
 * Today in Asia/Shanghai, kept current while the page stays open. A clerk's workbench on a shared office PC is
 * left open overnight: without this, 「还剩 3 天」 would still say 3 the next morning. The day is looked at once a
 * minute and whenever the page is shown or focused again (timers of a hidden tab are throttled).
 */
export function useShanghaiDay(): string {
  const [day, setDay] = useState(() => todayInShanghai(new Date()));
  useEffect(() => {
    const check = () => setDay(todayInShanghai(new Date()));
    const timer = setInterval(check, CHECK_MS);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, []);
  return day;
}
