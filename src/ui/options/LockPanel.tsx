import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { LockStatus } from '../../security/lock';
import { UnlockForm } from '../components/UnlockForm';
import { describe } from '../../i18n/problem';

/** 档案加密: turn on (with the plain warning), lock, change the passphrase, turn off, idle time. */
export function LockPanel({ status, onStatus }: { status: LockStatus | undefined; onStatus: (s: LockStatus) => void }) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [c, setC] = useState('');
  const [idle, setIdle] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  if (!status) return null;

  const run = (action: () => Promise<LockStatus>, ok: string) => {
    setBusy(true);
    setMessage(undefined);
    action().then(
      (s) => {
        setBusy(false);
        setA('');
        setB('');
        setC('');
        setMessage({ kind: 'ok', text: ok });
        onStatus(s);
      },
      (err: unknown) => {
        setBusy(false);
        setMessage({ kind: 'error', text: describe(err) });
      },
    );
  };
  const pass = (value: string, set: (v: string) => void, label: string, hook: string) => (
    <label>
      {label} <input type="password" autoComplete="new-password" data-jzs-lock-input={hook} value={value} onInput={(e) => set(e.currentTarget.value)} />
    </label>
  );
  const minutes = idle ?? status.idleMinutes;

  return (
    <section class="panel" data-jzs-lock-panel="" data-enabled={status.enabled} data-locked={status.locked}>
      <h2>{t('lock.title')}</h2>
      <p>{status.enabled ? t('lock.on') : t('lock.off')}</p>
      <p class="warning" data-jzs-lock-warning="">
        {t('lock.warning')}
      </p>
      {status.locked && <UnlockForm onUnlocked={onStatus} migrating={!!status.migrating} interrupted={status.interrupted} />}
      {!status.enabled && !status.migrating && (
        <div class="row">
          {pass(a, setA, t('lock.passphrase'), 'new')}
          {pass(b, setB, t('lock.confirm'), 'confirm')}
          <button
            type="button"
            class="primary"
            data-jzs-action="enable-lock"
            disabled={busy}
            onClick={() => {
              if (a.length < 8) return setMessage({ kind: 'error', text: t('lock.short') });
              if (a !== b) return setMessage({ kind: 'error', text: t('lock.mismatch') });
              run(() => send('ui:lock.enable', { passphrase: a, idleMinutes: minutes }), t('lock.enabled'));
            }}
          >
            {t('lock.enable')}
          </button>
        </div>
      )}
      {status.enabled && !status.locked && (
        <>
          <div class="row">
            <button type="button" data-jzs-action="lock" disabled={busy} onClick={() => run(() => send('ui:lock.lock', {}), t('lock.locked'))}>
              {t('lock.lockNow')}
            </button>
          </div>
          <div class="row">
            {pass(c, setC, t('lock.oldPassphrase'), 'old')}
            {pass(a, setA, t('lock.newPassphrase'), 'new')}
            {pass(b, setB, t('lock.confirm'), 'confirm')}
            <button
              type="button"
              data-jzs-action="change-passphrase"
              disabled={busy}
              onClick={() => {
                if (a.length < 8) return setMessage({ kind: 'error', text: t('lock.short') });
                if (a !== b) return setMessage({ kind: 'error', text: t('lock.mismatch') });
                run(() => send('ui:lock.change', { oldPassphrase: c, newPassphrase: a }), t('lock.changed'));
              }}
            >
              {t('lock.change')}
            </button>
          </div>
          <div class="row">
            {pass(c, setC, t('lock.passphrase'), 'disable')}
            <button type="button" data-jzs-action="disable-lock" disabled={busy} onClick={() => run(() => send('ui:lock.disable', { passphrase: c }), t('lock.disabled'))}>
              {t('lock.disable')}
            </button>
          </div>
        </>
      )}
      <div class="row">
        <label>
          {t('lock.idle')}{' '}
          <input type="number" min={1} max={240} data-jzs-idle-minutes="" value={minutes} onInput={(e) => setIdle(Number(e.currentTarget.value) || 15)} />
        </label>
        {idle !== undefined && idle !== status.idleMinutes && (
          <button type="button" onClick={() => run(() => send('ui:lock.idle', { minutes: Math.min(240, Math.max(1, idle)) }), t('lock.idleSaved'))}>
            {t('profiles.save')}
          </button>
        )}
      </div>
      {busy && <p class="muted">{t('lock.working')}</p>}
      {message && (
        <p class={message.kind} role="status" data-jzs-lock-message={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
}
