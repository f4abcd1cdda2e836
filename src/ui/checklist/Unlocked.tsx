import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { UnlockForm } from '../components/UnlockForm';
import { useLock } from '../components/useLock';

/**
 * A printable checklist that reads stored applicants (`?profile=`, `?case=`) while the store is locked asks for
 * the passphrase here and then shows — before, it said 「档案库已锁定」 and offered no way on. Unlocked in another
 * page meanwhile, coming back to this one (focus) finds it open.
 */
export function Unlocked({ children }: { children: ComponentChildren }) {
  const lock = useLock();
  useEffect(() => {
    const again = () => lock.refresh();
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, []);
  if (!lock.status) return null;
  if (lock.status.locked) {
    return (
      <main class="sheet">
        <UnlockForm onUnlocked={lock.set} migrating={!!lock.status.migrating} interrupted={lock.status.interrupted} />
      </main>
    );
  }
  return <>{children}</>;
}
