import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { LockStatus } from '../../security/lock';
import { UnlockForm } from '../components/UnlockForm';
import { describe } from '../../i18n/problem';

/** The idle time as typed: whole minutes from 1 to 240 (the background's limit), else undefined. */
export function idleMinutesOf(text: string): number | undefined {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= 1 && n <= 240 ? n : undefined;
}

/**
 * 档案加密: turn on (with the plain warning), lock, change the passphrase, turn off, idle time. The idle time is
 * kept as typed and refused, saying the range, when it is not 1–240 whole minutes: before, 500 was saved as 240
 * while the box still showed 500, an empty box jumped back to 15, and 开启加密 sent 500 to a background that refuses it.
 * The turn-off passphrase has its own box (it mirrored the change row's 原口令).
 */
export function LockPanel({ status, onStatus }: { status: LockStatus | undefined; onStatus: (s: LockStatus) => void }) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [c, setC] = useState('');
  const [d, setD] = useState('');
  const [idle, setIdle] = useState<string | undefined>(undefined);
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
        setD('');
        setIdle(undefined);
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
  const idleText = idle ?? String(status.idleMinutes);
  const minutes = idleMinutesOf(idleText);
  const badIdle = () => setMessage({ kind: 'error', text: t('lock.idleRange') });

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
              if (minutes === undefined) return badIdle();
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
            {pass(d, setD, t('lock.passphrase'), 'disable')}
            <button type="button" data-jzs-action="disable-lock" disabled={busy} onClick={() => run(() => send('ui:lock.disable', { passphrase: d }), t('lock.disabled'))}>
              {t('lock.disable')}
            </button>
          </div>
        </>
      )}
      <div class="row">
        <label>
          {t('lock.idle')}{' '}
          <input type="number" min={1} max={240} step={1} data-jzs-idle-minutes="" aria-invalid={minutes === undefined || undefined} value={idleText} onInput={(e) => setIdle(e.currentTarget.value)} />
        </label>
        {idle !== undefined && minutes !== status.idleMinutes && (
          <button type="button" data-jzs-action="save-idle" onClick={() => (minutes === undefined ? badIdle() : run(() => send('ui:lock.idle', { minutes }), t('lock.idleSaved')))}>
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
