import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadLanguage } from '../i18n/setting';
import { send } from '../messaging/client';
import type { PageRules } from '../messaging/protocol';
import { type Detection, detectPage } from '../portals/detect';
import { invalidate } from '../portals/dom';
import { readMaterialTables } from '../portals/material-table';
import { portalOfOrigin } from '../portals/origins';
import { matchMaterial } from '../rules/status';
import { mountOverlayHost, type OverlayHost } from './mount';
import { Overlay } from './overlay';
import { OVERLAY_CSS } from './overlay-css';

/** How long the DOM must be quiet before the page is read again (MiniUI renders in bursts). */
const REREAD_DELAY_MS = 120;

function sameDetection(a: Detection | undefined, b: Detection | undefined): boolean {
  return a?.page === b?.page && a?.business === b?.business && a?.portal === b?.portal;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/**
 * Content-script shell: guard the origin, detect the page (pure core), mount or update the overlay, and keep
 * watching — the portals re-render in place, the user picks another business, uploads a file.
 */
export function runContent(ctx: ContentScriptContext): void {
  // Firefox matches the host on any port: this is the port check (see origins.ts).
  if (!portalOfOrigin(location.origin)) return;

  let detection: Detection | undefined;
  let overlay: OverlayHost | undefined;
  let rules: PageRules | undefined;
  let error: string | undefined;
  let requestSeq = 0;
  let conditions: ReadonlySet<string> = new Set();
  let done: ReadonlySet<string> = new Set();
  let readsTable = false;

  const draw = () => {
    if (!overlay) return;
    render(
      h(Overlay, {
        rules,
        error,
        initiallyCollapsed: window !== window.top,
        conditions,
        done,
        readsTable,
        onToggleCondition: (id: string, on: boolean) => {
          const next = new Set(conditions);
          if (on) next.add(id);
          else next.delete(id);
          conditions = next;
          draw();
        },
      }),
      overlay.root,
    );
  };
  // Chinese is drawn at once; a user who chose English gets a redraw as soon as the setting is read.
  loadLanguage(draw).then(draw, () => undefined);

  /** Which materials the page's own material table shows as given. */
  const readPage = (): boolean => {
    const items = rules?.checklist?.items;
    if (!items) return false;
    const rows = readMaterialTables(document);
    const next = new Set<string>();
    for (const row of rows) {
      const item = row.hasFile ? matchMaterial(row.name, items) : undefined;
      if (item) next.add(item.id);
    }
    const changed = !sameSet(next, done) || readsTable !== rows.length > 0;
    done = next;
    readsTable = rows.length > 0;
    return changed;
  };

  const apply = (next: Detection | undefined) => {
    if (sameDetection(detection, next)) {
      if (readPage()) draw();
      return;
    }
    detection = next;
    rules = undefined;
    error = undefined;
    done = new Set();
    if (!next) {
      if (overlay) render(null, overlay.root);
      overlay?.remove();
      overlay = undefined;
      return;
    }
    overlay ??= mountOverlayHost(document, OVERLAY_CSS, window === window.top ? 'bottom' : 'top');
    overlay.setDetection(next);
    draw();
    performance.mark('jzs-overlay-ready');
    const seq = ++requestSeq;
    send('cs:pageRules', { portal: next.portal, page: next.page, ...(next.business ? { business: next.business } : {}) })
      .then((answer) => {
        if (seq !== requestSeq) return;
        rules = answer;
        readPage();
        draw();
      })
      .catch((err: unknown) => {
        if (seq !== requestSeq) return;
        error = err instanceof Error ? err.message : String(err);
        draw();
      });
  };

  const detect = () => {
    invalidate(document);
    apply(detectPage(new URL(location.href), document));
  };
  detect();

  // Read again after DOM bursts and after user actions (a combobox pick changes no attribute we could observe).
  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(detect, REREAD_DELAY_MS);
  };
  const observer = new MutationObserver((records) => {
    // Our own overlay's changes are not the page's.
    if (records.every((r) => overlay?.host.contains(r.target as Node))) return;
    schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  for (const type of ['change', 'click', 'keyup'] as const) {
    ctx.addEventListener(document, type, schedule, { capture: true, passive: true });
  }
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (overlay) render(null, overlay.root);
    overlay?.remove();
  });
}
