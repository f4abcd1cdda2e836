import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { describe } from '../../i18n/problem';
import { send } from '../../messaging/client';
import type { LockStatus } from '../../security/lock';

/** Passphrase entry. An extension page: typing here is never seen by a portal page. */
export function UnlockForm({ onUnlocked, migrating, interrupted }: { onUnlocked: (s: LockStatus) => void; migrating?: boolean | undefined; interrupted?: boolean | undefined }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="unlock"
      data-jzs-unlock=""
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        send('ui:lock.unlock', { passphrase }).then(
          (s) => {
            setPassphrase('');
            setBusy(false);
            onUnlocked(s);
          },
          (err: unknown) => {
            setBusy(false);
            setError(describe(err));
          },
        );
      }}
    >
      <p class="warning">
        {t('lock.locked')} {t('lock.lockedHint')}
      </p>
      {interrupted ? (
        <p class="warning" role="alert" data-jzs-lock-interrupted="">
          {t('lock.interrupted')}
        </p>
      ) : (
        migrating && <p class="muted">{t('lock.migrating')}</p>
      )}
      <label>
        {t('lock.passphrase')}{' '}
        <input type="password" autoComplete="current-password" data-jzs-passphrase="" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} autoFocus />
      </label>{' '}
      <button type="submit" class="primary" data-jzs-action="unlock" disabled={busy || !passphrase}>
        {t('lock.unlock')}
      </button>
      {error && (
        <p class="error" role="alert" data-jzs-lock-error="">
          {error}
        </p>
      )}
    </form>
  );
}
