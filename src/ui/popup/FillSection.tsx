import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { ProfileSummary } from '../../profiles/schema';
import { FillPreview } from '../components/FillPreview';
import { useFill } from '../components/useFill';

/** The keyboard command opened the popup this recently: preview at once. */
const COMMAND_WINDOW_MS = 10_000;

/**
 * 「填写当前页面」 from the popup: preview here, confirm here (an extension page: a portal page can neither read
 * nor click it). 「下一位」 moves to the next applicant of the list the clerk picked from, keeping the tab.
 */
export function FillSection({ active, onActive }: { active: ProfileSummary | null; onActive: (p: ProfileSummary) => void }) {
  const fill = useFill();
  const [note, setNote] = useState<string | undefined>(undefined);
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
  const onNext = (e: MouseEvent) => {
    if (!e.isTrusted) return fill.props.onUntrusted();
    fill.update({ busy: true, error: undefined, report: undefined, preview: undefined });
    send('ui:fill.next', {}).then(({ active: next, preview, error }) => {
      onActive(next);
      setNote(t('fillPopup.nextDone', { name: next.name }));
      fill.show(preview, error === undefined ? undefined : { code: error });
    }, (error: unknown) => fill.update({ busy: false, error }));
  };

  return (
    <section class="fill-section" data-jzs-popup-fill="">
      <div class="row">
        {!state.preview && (
          <button type="button" class="primary" data-jzs-action="fill" disabled={!active || state.busy} onClick={onFill}>
            {t('fillPopup.fill')}
          </button>
        )}
        <button type="button" data-jzs-action="next-applicant" disabled={state.busy} onClick={onNext}>
          {t('fillPopup.next')}
        </button>
      </div>
      {!active && <p class="muted">{t('fillPopup.needActive')}</p>}
      {note && <p class="ok">{note}</p>}
      {(state.preview || state.report || state.error !== undefined || state.untrusted) && <FillPreview {...fill.props} />}
    </section>
  );
}
