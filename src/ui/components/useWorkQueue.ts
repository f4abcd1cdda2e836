import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { ProfileSummary } from '../../profiles/schema';
import type { QueueView } from '../../profiles/work-queue';
import { errorText } from '../common/error-text';
import type { QueueBarProps } from './QueueBar';
import type { useFill } from './useFill';

/**
 * The work queue and 「下一位」 for any extension page with a fill (the popup; the panel's extension-origin
 * frame renders `<QueueBar {...queue.bar(fill)} />` beside its fill button). The background moves along the
 * queue, makes the next applicant active and previews the page for them; at the end it says so.
 */
export function useWorkQueue(onActive?: (p: ProfileSummary) => void) {
  const [queue, setQueue] = useState<QueueView | null>(null);
  const [notice, setNotice] = useState<QueueBarProps['notice']>(undefined);
  const reload = () => send('ui:queue.get', {}).then(setQueue, (err: unknown) => setNotice({ kind: 'error', text: errorText(err) }));
  useEffect(() => void reload(), []);

  const next = (e: Event, fill: ReturnType<typeof useFill>) => {
    if (!e.isTrusted) return fill.props.onUntrusted();
    setNotice(undefined);
    fill.update({ busy: true, error: undefined, report: undefined, preview: undefined });
    send('ui:fill.next', {}).then(
      (r) => {
        setQueue(r.queue);
        if (r.end) {
          setNotice({ kind: 'warn', text: t('queue.end', { total: r.queue.total }) });
          fill.update({ busy: false });
          return;
        }
        onActive?.(r.active);
        setNotice({ kind: 'ok', text: t('fillPopup.nextDone', { name: r.active.name }) });
        fill.show(r.preview, r.error === undefined ? undefined : { code: r.error });
      },
      (err: unknown) => {
        setNotice({ kind: 'error', text: errorText(err) });
        fill.update({ busy: false });
      },
    );
  };

  /** Props of the QueueBar next to this fill. */
  const bar = (fill: ReturnType<typeof useFill>): QueueBarProps => ({ queue, busy: fill.state.busy, notice, onNext: (e) => next(e, fill) });
  return { queue, setQueue, reload, bar };
}
