import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../messaging/client';
import type { PageInfo } from '../messaging/protocol';
import { type Detection, detectPage } from '../portals/detect';
import { invalidate } from '../portals/dom';
import { portalOfOrigin } from '../portals/origins';
import { loadLanguage } from '../i18n/setting';
import { mountOverlayHost, type OverlayHost } from './mount';
import { Overlay } from './overlay';
import { OVERLAY_CSS } from './overlay-css';

/** How long the DOM must be quiet before the page is re-detected (MiniUI renders in bursts). */
const REDETECT_DELAY_MS = 120;

function sameDetection(a: Detection | undefined, b: Detection | undefined): boolean {
  return a?.page === b?.page && a?.business === b?.business && a?.portal === b?.portal;
}

/**
 * Content-script shell: guard the origin, detect the page (pure core), mount or update the overlay, and keep
 * watching — the portals re-render in place and change the business when the user picks another one.
 */
export function runContent(ctx: ContentScriptContext): void {
  // Firefox matches the host on any port: this is the port check (see origins.ts).
  if (!portalOfOrigin(location.origin)) return;

  let current: Detection | undefined;
  let overlay: OverlayHost | undefined;
  let requestSeq = 0;
  let shown: { info: PageInfo | undefined; error: string | undefined } = {
    info: undefined,
    error: undefined,
  };

  const draw = (info: PageInfo | undefined, error: string | undefined) => {
    shown = { info, error };
    if (!overlay) return;
    render(h(Overlay, { info, error, initiallyCollapsed: window !== window.top }), overlay.root);
  };
  // Chinese is drawn at once; a user who chose English gets a redraw as soon as the setting is read.
  loadLanguage(() => draw(shown.info, shown.error))
    .then(() => draw(shown.info, shown.error))
    .catch(() => undefined);

  const apply = (next: Detection | undefined) => {
    if (sameDetection(current, next)) return;
    current = next;
    if (!next) {
      if (overlay) render(null, overlay.root);
      overlay?.remove();
      overlay = undefined;
      return;
    }
    overlay ??= mountOverlayHost(document, OVERLAY_CSS, window === window.top ? 'bottom' : 'top');
    overlay.setDetection(next);
    draw(undefined, undefined);
    performance.mark('jzs-overlay-ready');
    const seq = ++requestSeq;
    send('cs:pageInfo', {
      portal: next.portal,
      page: next.page,
      ...(next.business ? { business: next.business } : {}),
    })
      .then((info) => seq === requestSeq && draw(info, undefined))
      .catch(
        (err: unknown) =>
          seq === requestSeq && draw(undefined, err instanceof Error ? err.message : String(err)),
      );
  };

  const detect = () => {
    invalidate(document);
    apply(detectPage(new URL(location.href), document));
  };
  detect();

  // Re-detect after DOM bursts and after user choices (a combobox pick changes no attribute we could observe).
  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(detect, REDETECT_DELAY_MS);
  };
  const observer = new MutationObserver((records) => {
    // Our own overlay's changes are not the page's.
    if (records.every((r) => overlay?.host.contains(r.target as Node))) return;
    schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  for (const type of ['change', 'click', 'keyup']) {
    ctx.addEventListener(document, type as 'change', schedule, { capture: true, passive: true });
  }
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (overlay) render(null, overlay.root);
    overlay?.remove();
  });
}
