import { useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { LockStatus } from '../../security/lock';

/** The lock's state, refreshed on demand (after unlock, lock, enable…). */
export function useLock(): { status: LockStatus | undefined; refresh: () => void; set: (s: LockStatus) => void } {
  const [status, setStatus] = useState<LockStatus | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    send('ui:lock.status', {}).then(setStatus, () => undefined);
  }, [tick]);
  return { status, refresh: () => setTick((n) => n + 1), set: setStatus };
}
