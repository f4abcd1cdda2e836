import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import type { ProfileSummary } from '../../profiles/schema';
import { FillPreview } from '../components/FillPreview';
import { FocusOnChange } from '../components/FocusOnChange';
import { QueueBar } from '../components/QueueBar';
import { useFill } from '../components/useFill';
import type { useWorkQueue } from '../components/useWorkQueue';

/** The keyboard command opened the popup this recently: preview at once. */
const COMMAND_WINDOW_MS = 10_000;

/**
 * 「用档案填写本页」 from the popup (named as in the panel: the fill's messages send the user back to that one
 * button): preview here, confirm here (an extension page: a portal page can neither read
 * nor click it). 「下一位」 moves along the work queue (an import in sheet order, a selection, a search), keeping
 * the tab (page, business); at the end it says so instead of starting again.
 */
export function FillSection({ active, queue }: { active: ProfileSummary | null; queue: ReturnType<typeof useWorkQueue> }) {
  const fill = useFill();
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
    fill.plan();
  };

  return (
    <section class="fill-section" data-jzs-popup-fill="">
      <div class="row">
        {!state.preview && (
          <button type="button" class="primary" data-jzs-action="fill" disabled={!active || state.busy} onClick={onFill}>
            {t('fill.button')}
          </button>
        )}
      </div>
      <QueueBar {...queue.bar(fill)} />
      {!active && <p class="muted">{t('fillPopup.needActive')}</p>}
      <FocusOnChange on={state.preview ?? state.report ?? state.error}>
        {(state.preview || state.report || state.error !== undefined || state.untrusted) && <FillPreview {...fill.props} />}
      </FocusOnChange>
    </section>
  );
}
