import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { ProfileSummary } from '../../profiles/schema';
import type { QueueView } from '../../profiles/work-queue';
import { errorText } from '../common/error-text';
import { FillPreview } from '../components/FillPreview';
import { QueueBar } from '../components/QueueBar';
import { useFill } from '../components/useFill';

/** The keyboard command opened the popup this recently: preview at once. */
const COMMAND_WINDOW_MS = 10_000;

/**
 * 「填写当前页面」 from the popup: preview here, confirm here (an extension page: a portal page can neither read
 * nor click it). 「下一位」 moves along the work queue (an import in sheet order, a selection, a search), keeping
 * the tab (page, business); at the end it says so instead of starting again.
 */
export function FillSection({
  active,
  onActive,
  queue,
  onQueue,
}: {
  active: ProfileSummary | null;
  onActive: (p: ProfileSummary) => void;
  queue: QueueView | null;
  onQueue: (q: QueueView | null) => void;
}) {
  const fill = useFill();
  const [note, setNote] = useState<{ kind: 'ok' | 'warn' | 'error'; text: string } | undefined>(undefined);
  const { state } = fill;

  useEffect(() => {
    // Opened by the keyboard command (a person's action, background/main.ts): start the preview.
    void browser.storage.session.get('fillCommandAt').then(({ fillCommandAt }) => {
      if (typeof fillCommandAt !== 'number' || Date.now() - fillCommandAt > COMMAND_WINDOW_MS) return;
      void browser.storage.session.remove('fillCommandAt');
      if (active) fill.plan();
    });
  }, [active?.id]);

  const onFill = (e: MouseEvent) => {
    if (!e.isTrusted) return fill.props.onUntrusted();
    setNote(undefined);
    fill.plan();
  };
  const onNext = (e: Event) => {
    if (!e.isTrusted) return fill.props.onUntrusted();
    setNote(undefined);
    fill.update({ busy: true, error: undefined, report: undefined, preview: undefined });
    send('ui:fill.next', {}).then(
      (r) => {
        onQueue(r.queue);
        if (r.end) {
          setNote({ kind: 'warn', text: t('queue.end', { total: r.queue.total }) });
          fill.update({ busy: false });
          return;
        }
        onActive(r.active);
        setNote({ kind: 'ok', text: t('fillPopup.nextDone', { name: r.active.name }) });
        fill.show(r.preview, r.error === undefined ? undefined : { code: r.error });
      },
      (error: unknown) => {
        setNote({ kind: 'error', text: errorText(error) });
        fill.update({ busy: false });
      },
    );
  };

  return (
    <section class="fill-section" data-jzs-popup-fill="">
      <div class="row">
        {!state.preview && (
          <button type="button" class="primary" data-jzs-action="fill" disabled={!active || state.busy} onClick={onFill}>
            {t('fillPopup.fill')}
          </button>
        )}
      </div>
      <QueueBar queue={queue} busy={state.busy} onNext={onNext} notice={note} />
      {!active && <p class="muted">{t('fillPopup.needActive')}</p>}
      {(state.preview || state.report || state.error !== undefined || state.untrusted) && <FillPreview {...fill.props} />}
    </section>
  );
}
