import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import type { QueueView } from '../../profiles/work-queue';

export interface QueueBarProps {
  queue: QueueView | null;
  busy: boolean;
  /** Called with the click or key event (callers check it came from a person: `isTrusted`). */
  onNext: (e: Event) => void;
  /** The end was reached, or something went wrong: said beside the button, not silently wrapped. */
  notice?: { kind: 'ok' | 'warn' | 'error'; text: string } | undefined;
}

/** Alt+N is 「下一位」 wherever the bar is shown (and the button says so). */
export function isNextShortcut(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyN';
}

/**
 * The work queue's position and 「下一位」 (issue 17.6), for the popup and the panel: [data-jzs-queue] with
 * data-position (1-based) and data-total, [data-jzs-action="next"]. Holds no applicant data.
 */
export function QueueBar({ queue, busy, onNext, notice }: QueueBarProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isNextShortcut(e) || busy) return;
      e.preventDefault();
      onNext(e);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy, onNext]);
  return (
    <div class="queue-bar">
      {queue ? (
        <span
          data-jzs-queue=""
          data-position={queue.position}
          data-total={queue.total}
          data-source={queue.source}
          data-at-end={queue.atEnd ? 'true' : undefined}
          role="status"
        >
          <strong>{t('queue.label', { position: queue.position, total: queue.total })}</strong>
          <span class="muted"> · {t(`queue.sources.${queue.source}`)}</span>
          {!queue.current && <span class="muted small"> {t('queue.outside', { position: queue.position })}</span>}
        </span>
      ) : (
        <span class="muted small">{t('queue.none')}</span>
      )}
      <button type="button" data-jzs-action="next" aria-keyshortcuts="Alt+N" disabled={busy || !queue} onClick={onNext}>
        {t('queue.next')}
      </button>
      {notice && (
        <p class={notice.kind} role="alert" data-jzs-queue-notice={notice.kind}>
          {notice.text}
        </p>
      )}
    </div>
  );
}

export const QUEUE_BAR_CSS = `
.queue-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; }
.queue-bar > p { flex-basis: 100%; margin: 2px 0; }
.queue-bar .warn { color: var(--warn); }
`;
