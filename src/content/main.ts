import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { getLang, hasCatalogue, registerCatalogue, setLang } from '../i18n';
import { send } from '../messaging/client';
import type { Envelope, FrameProtocolMap, LanguageView, PageRules, Reply } from '../messaging/protocol';
import { mapFields } from '../portals/fields';
import { type Detection, detectPage } from '../portals/detect';
import { invalidate } from '../portals/dom';
import { readMaterialTables } from '../portals/material-table';
import { portalOfOrigin } from '../portals/origins';
import { pageById } from '../portals/registry';
import { matchMaterial, toggleCondition } from '../rules/status';
import { mountOverlayHost, type OverlayHost } from './mount';
import { Overlay } from './overlay';
import { OVERLAY_CSS } from './overlay-css';
import { FillAgent } from './fill';
import type { Lifecycle } from './lifecycle';
import { UPLOAD_TAG, watchUploads } from './upload-check';
import { HINT_TAG, PageValidator, type ValidationSummary } from './validation';
import { sameSet } from '../domain/sets';

/** How long the DOM must be quiet before the page is read again (MiniUI renders in bursts). */
const REREAD_DELAY_MS = 120;

function sameDetection(a: Detection | undefined, b: Detection | undefined): boolean {
  return a?.page === b?.page && a?.business === b?.business && a?.portal === b?.portal;
}

function sameSummary(a: ValidationSummary, b: ValidationSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Content-script shell: guard the origin, detect the page (pure core), mount or update the overlay, and keep
 * watching — the portals re-render in place, the user picks another business, uploads a file.
 */
export function runContent(ctx: Lifecycle): void {
  // Firefox matches the host on any port: this is the port check (see origins.ts).
  if (!portalOfOrigin(location.origin)) return;

  let detection: Detection | undefined;
  let overlay: OverlayHost | undefined;
  let rules: PageRules | undefined;
  let error: string | undefined;
  let requestSeq = 0;
  let conditions: ReadonlySet<string> = new Set();
  /** The validator messages arrived with the first page rules (registered once per frame). */
  let hintsLoaded = false;
  let done: ReadonlySet<string> = new Set();
  let readsTable = false;
  let validator: PageValidator | undefined;
  let summary: ValidationSummary | undefined;
  // Sub-frames start collapsed so the frame's own content stays readable.
  let collapsed = window !== window.top;
  // The fill's side in this frame: field handles for the background's plan. The fill itself is started and
  // confirmed only in extension pages (popup, the panel frame), never from this page-reachable overlay.
  const agent = new FillAgent(document);

  // Many things ask for a redraw in one task (rules arrive, the validator reports, the table is read): they
  // are coalesced into one Preact render at the end of the task.
  let drawQueued = false;
  let painted = false;
  let checklistShown = false;
  const draw = () => {
    if (drawQueued) return;
    drawQueued = true;
    queueMicrotask(paint);
  };
  const paint = () => {
    drawQueued = false;
    if (!overlay) return;
    render(
      h(Overlay, {
        rules,
        error,
        collapsed,
        onToggleCollapsed: () => {
          collapsed = !collapsed;
          draw();
        },
        conditions,
        done,
        readsTable,
        summary,
        onToggleCondition: (id: string, on: boolean) => {
          conditions = toggleCondition(rules?.checklist?.conditions ?? [], conditions, id, on);
          validator?.validate();
          draw();
        },
      }),
      overlay.root,
    );
    // For the benchmark (T3): the panel is on the page, then the checklist is in it.
    if (!painted) performance.mark('jzs-overlay-ready');
    if (rules && !checklistShown) performance.mark('jzs-checklist-ready');
    painted = true;
    checklistShown ||= !!rules;
  };
  // Chinese is drawn at once; the user's choice comes with the page rules (and with `bg:language` when they
  // switch), English texts with it the first time.
  const useLanguage = (view: LanguageView) => {
    if (view.catalogue) registerCatalogue('en', view.catalogue);
    const lang = view.lang === 'en' && hasCatalogue('en') ? 'en' : 'zh';
    if (lang === getLang()) return false;
    setLang(lang);
    return true;
  };

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

  const startValidation = (d: Detection, r: PageRules) => {
    const page = pageById(d.page);
    validator?.destroy();
    validator = new PageValidator(document, {
      defs: r.fields,
      checks: r.checks,
      expected: page?.expects?.(d.business) ?? [],
      onlyFields: page?.onlyFields,
      conditions: () => conditions,
      now: () => new Date(),
      onSummary: (s) => {
        // Re-validation after every DOM burst mostly finds the same: redraw only on a change.
        if (summary && sameSummary(summary, s)) return;
        summary = s;
        draw();
      },
    });
  };

  const apply = (next: Detection | undefined) => {
    if (sameDetection(detection, next)) {
      validator?.rebind();
      if (readPage()) draw();
      return;
    }
    detection = next;
    rules = undefined;
    error = undefined;
    summary = undefined;
    validator?.destroy();
    validator = undefined;
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
    const seq = ++requestSeq;
    send('cs:pageRules', {
      portal: next.portal,
      page: next.page,
      ...(next.business ? { business: next.business } : {}),
      ...(hasCatalogue('en') ? {} : { withCatalogue: true }),
    })
      .then((answer) => {
        if (seq !== requestSeq) return;
        if (!hintsLoaded) registerCatalogue('zh', answer.hints);
        hintsLoaded = true;
        useLanguage(answer.language);
        rules = answer;
        readPage();
        startValidation(next, answer);
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
  const ours = (n: Node) => n instanceof Element && (n.localName === HINT_TAG || n === overlay?.host || n.localName === UPLOAD_TAG);
  const observer = new MutationObserver((records) => {
    // Our own hints and overlay are not the page's changes.
    const pageChanged = records.some(
      (r) =>
        !(r.target instanceof Element && (ours(r.target) || r.target.closest(`${HINT_TAG}, ${UPLOAD_TAG}`))) &&
        !(r.addedNodes.length + r.removedNodes.length > 0 && [...r.addedNodes, ...r.removedNodes].every(ours)),
    );
    if (pageChanged) schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  for (const type of ['change', 'click', 'keyup'] as const) {
    ctx.addEventListener(document, type, schedule, { capture: true, passive: true });
  }
  const stopUploads = watchUploads(document, () => rules?.checklist);

  // Requests from the background for a fill the user started. Only the extension's background may ask
  // (a message with no tab); a page cannot reach this listener.
  const answer = (data: FrameProtocolMap[keyof FrameProtocolMap]['res']): Reply<unknown> => ({ ok: true, data });
  const onFrameMessage = (message: unknown, sender: { id?: string; tab?: unknown }, reply: (r: unknown) => void): boolean | undefined => {
    const env = message as Envelope | undefined;
    if (sender.id !== browser.runtime.id || sender.tab || env?.jzs !== 1) return undefined;
    const name = env.name as string;
    const data = env.data as never;
    if (name === 'bg:collect') {
      const defs = rules?.fields;
      const page = detection?.page ?? null;
      const only = detection ? pageById(detection.page)?.onlyFields : undefined;
      const mapped = defs && detection ? mapFields(document, defs).filter((f) => !only || only.includes(f.key)) : [];
      reply(answer(agent.collect(page, mapped)));
    } else if (name === 'bg:filled') {
      // Values written in the main world (MiniUI's setValue) fire no event this world sees: check them now.
      validator?.validate();
      reply(answer({}));
    } else if (name === 'bg:document') {
      reply(answer({ page: detection?.page ?? null, url: location.href, nonce: agent.nonce }));
    } else if (name === 'bg:language') {
      if (useLanguage(data as LanguageView)) {
        validator?.validate();
        draw();
      }
      reply(answer({}));
    } else {
      return undefined;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onFrameMessage as never);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onFrameMessage as never);
    stopUploads();
    observer.disconnect();
    validator?.destroy();
    if (overlay) render(null, overlay.root);
    overlay?.remove();
  });
}
