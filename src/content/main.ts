import { browser } from 'wxt/browser';
import { getLang, hasCatalogue, registerCatalogue, setLang, t } from '../i18n';
import { send } from '../messaging/client';
import { type FieldMapView, type LanguageView, MessageError, type PageReport, type ContentPageRules, type PanelPrefs, type Reply, type ReportAnswer } from '../messaging/protocol';
import { mapControls, type PageField, readControls, readText } from '../portals/fields';
import { type Detection, detectPage, formAccepted } from '../portals/detect';
import { invalidate } from '../portals/dom';
import { readMaterialTables } from '../portals/material-table';
import { portalOfOrigin, type PortalId } from '../portals/origins';
import { panelPrefsKey, toPrefs } from '../messaging/panel-prefs';
import { usePageDefinitions } from '../portals/registry';
import { FillAgent } from './fill';
import { dispatchFrame, type FrameRoutes } from './frame-router';
import { LabelCache } from './label-cache';
import type { Lifecycle } from './lifecycle';
import { initialState, type PageEvent, type PageState, reduce, reportOf, sameDetection } from './page-state';
import type { OpenMode } from './dock';
import { type DockMemory, dockHint, dockMemoryKey, remember, toDockMemory } from './dock-memory';
import { HOST_TAG, LOAD_WAIT_MS, mountOverlayHost, type OverlayHost } from './panel-host';
import { hostsPanel } from './panel-frame';
import { watchUploads } from './upload-check';
import { type FrameValidator, frameValidator, HINT_TAG, installedChecker, installedPart, loadChecker, UPLOAD_TAG } from './checker';
import type { ValidationSummary, ValidatorOptions } from './validation';

/** How long the DOM must be quiet before the page is read again (MiniUI renders in bursts). */
const REREAD_DELAY_MS = 120;
/** How often a DOM change may have the panel's placement checked again (it measures the page's text). */
const RECHECK_MS = 250;
const OURS = new Set([HINT_TAG, UPLOAD_TAG, HOST_TAG]);

/** Chinese is bundled; English comes with the page rules or `bg:language`. Returns whether it changed. */
function useLanguage(view: LanguageView): boolean {
  if (view.catalogue) registerCatalogue('en', view.catalogue);
  const lang = view.lang === 'en' && hasCatalogue('en') ? 'en' : 'zh';
  if (lang === getLang()) return false;
  setLang(lang);
  return true;
}

/**
 * One portal frame's shell around the pure page state: detection, rules from the background, validation
 * hints, upload checks, the overlay host (the panel frame in the top frame), and the page report the tab's
 * panel shows. Holds no profile data: fills are planned by the background and confirmed in the panel frame.
 */
class ContentShell {
  state: PageState = initialState;
  private overlay: OverlayHost | undefined;
  private validator: FrameValidator | undefined;
  /** What the overlay shows; `prefsKnown` once the user's remembered layout is in. */
  private prefs: PanelPrefs | undefined;
  private prefsKnown = false;
  private placed = false;
  /** Where the open panel went per page and window width (dock-memory.ts), from storage with the layout. */
  private docks: DockMemory = {};
  private docksKey = '';
  private docksDirty = false;
  /**
   * The top frame's messages to the background wait until the panel (or pill) is in: each costs the page's
   * thread about a millisecond, which would land on the path to the panel (bench T3) — before the page's load
   * event, which the panel frame waits for. undefined once they go at once.
   */
  private held: Array<() => void> | undefined;
  private lastReport = '';
  /** The background instance that answered this frame's last report; undefined while one is on its way. */
  private heldBy: string | undefined;
  private reportQueued = false;
  private requestSeq = 0;
  private rejected: Detection | undefined;
  private hintsLoaded = false;
  /** The background's readings of this page's label texts, for the rules in force (label-cache.ts). */
  private labels = new LabelCache();
  /** The page's own DOM changes so far: controls read before an answer are still the page's if none came since. */
  domChanges = 0;
  /** The latest mapping asked for: an older one's answer is dropped. */
  private mapSeq = 0;
  /** Fills asked for while this page's rules are on their way (a click right after a load or a worker restart). */
  private rulesWaiters: Array<() => void> = [];
  private readonly doc = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  readonly agent = new FillAgent(document);
  // Shows the tab's panel: the top frame, or the content frame of a top-level <frameset>.
  readonly top = hostsPanel(window);

  constructor() {
    if (this.top) this.held = [];
  }

  /** Now, or (top frame) once the panel is placed. */
  private soon(send: () => void): void {
    if (this.held) this.held.push(send);
    else send();
  }

  /** The panel is in (or cannot be placed): the held messages go. */
  private release(): void {
    const held = this.held;
    this.held = undefined;
    for (const send of held ?? []) send();
  }

  dispatch(event: PageEvent): void {
    const next = reduce(this.state, event);
    if (next === this.state) return;
    this.state = next;
    this.queueReport();
  }

  /** Read the page again: detection, then the material tables and the page's 办件 state. */
  detect(): void {
    invalidate(document);
    const found = detectPage(new URL(location.href), document);
    // A detection the field check turned down (a login form, a form with no field we know) stays down.
    const detection = sameDetection(found, this.rejected) ? undefined : found;
    const before = this.state.detection;
    this.dispatch({ type: 'detected', detection });
    if (this.state.detection !== before) this.changedPage();
    else {
      this.remap();
      // The page re-rendered: the panel or pill must still cover no control (a new page was just placed).
      if (this.prefs) this.overlay?.dock(this.prefs);
    }
    // The tables matter once the rules are in (they name the materials); the rules' answer reads them.
    if (detection && this.state.rules) this.readTables();
    // The texts read for recognition are not needed until the next read (which starts afresh): let them go.
    invalidate(document);
  }

  /**
   * The page's material tables; on a page that can show 办件, what its text is now: the panel frame reads the 办件
   * from the page's markup itself when that changes (the reader does not ship in this size-budgeted script).
   */
  private readTables(): void {
    this.dispatch({ type: 'page', rows: readMaterialTables(document), cases: this.state.rules?.cases && textHash(document) });
  }

  private changedPage(): void {
    const d = this.state.detection;
    this.mapSeq++;
    this.validator?.destroy();
    this.validator = undefined;
    if (!d) {
      this.overlay?.remove();
      this.overlay = undefined;
      return;
    }
    const fresh = !this.overlay;
    this.overlay ??= mountOverlayHost(document, this.top, {
      label: () => t('overlay.pill'),
      onExpand: () => this.expand(),
      onShown: () => this.shown(),
      onDocked: (mode) => this.docked(mode),
    });
    this.overlay.setDetection(d);
    // The remembered layout was asked of storage when the script started (`readPrefs`): the panel (or the pill
    // the user left) is placed as soon as it answers, or now when it already has.
    if (fresh) this.place();
    if (!this.top) performance.mark('jzs-overlay-ready');
    const seq = ++this.requestSeq;
    this.soon(() => this.askRules(d, seq));
  }

  /**
   * The page's rules from the background: field mapping, hints, the checklist's materials. The page's label texts
   * go along, and their readings come back with the rules (no hop of their own).
   */
  private askRules(d: Detection, seq: number, attempt = 0): void {
    if (seq !== this.requestSeq) return;
    const controls = readControls(document);
    const changes = this.domChanges;
    const cache = new LabelCache();
    const labels = cache.missing(controls.map((c) => c.label));
    // The page's first report rides along (one message fewer per page; an unchanged report is not sent again).
    const report = reportOf(this.state, this.doc);
    const text = this.reporting(JSON.stringify(report));
    // The validators are not bundled (checker.ts): a frame without them asks for them along.
    const req = { portal: d.portal, page: d.page, ...(d.business ? { business: d.business } : {}), ...(hasCatalogue('en') ? {} : { withCatalogue: true }), ...(installedChecker() ? {} : { checks: true }), labels, report };
    send('cs:pageRules', req).then(
      (rules) => {
        if (rules.tab) this.reported(text, rules.tab);
        if (seq !== this.requestSeq) return;
        // The validator messages come with the first page rules (not bundled: the script's size is budgeted).
        if (!this.hintsLoaded) registerCatalogue('zh', rules.hints);
        this.hintsLoaded = true;
        // An imported pack's page definitions: detect again with them (no rebuild, no reload).
        if (rules.pages && usePageDefinitions(rules.pages)) return this.detect();
        cache.add(labels, rules.readings ?? []);
        this.labels = cache;
        // The controls read with the request are the page's unless it changed since (a late render): else read again.
        const mapped = changes === this.domChanges ? mapControls(document, controls, rules.fields, cache) : this.mapPage(rules.fields);
        const mapSeq = ++this.mapSeq;
        return whenMapped(mapped, (fields) => {
          if (mapSeq === this.mapSeq) this.rulesIn(d, rules, fields);
        });
      },
      // No answer: the service worker may have been restarting (Chrome stops an idle one). Asked again a bounded
      // number of times (the report goes along again); a newer page's request takes over.
      () => {
        if (seq !== this.requestSeq) return;
        const wait = RULES_RETRY_MS[attempt];
        if (wait !== undefined) window.setTimeout(() => this.askRules(d, seq, attempt + 1), wait);
        else this.rulesFailed();
      },
    );
  }

  /**
   * The rules never came: the report goes on its own, a waiting fill goes on without them, and a page with
   * controls is said not to be checked (the panel's 「…未能载入…」), never taken for a clean one.
   */
  private rulesFailed(): void {
    if (readControls(document).length > 0) this.dispatch({ type: 'summary', summary: { items: [], missing: [], mapped: 0, unchecked: true } });
    this.queueReport(true);
    this.rulesSettled();
  }

  /** The page's rules and its fields mapped by them: accepted or turned down, then hints and tables. */
  private rulesIn(d: Detection, rules: ContentPageRules, mapped: PageField[]): void {
    if (!formAccepted(document, d, mapped.map((f) => f.key))) {
      this.rejected = d;
      this.detect();
      return this.rulesSettled();
    }
    if (useLanguage(rules.language)) this.redock();
    this.overlay?.host.setAttribute('data-rules', rules.packVersion);
    this.dispatch({ type: 'rules', rules });
    this.readTables();
    this.startValidation(mapped);
    this.rulesSettled();
  }

  /** The rules request ended, whichever way: a fill waiting for it goes on with what the frame has. */
  private rulesSettled(): void {
    for (const go of this.rulesWaiters.splice(0)) go();
  }

  /**
   * Resolves once this page's rules request has settled, or after `ms` at most (an answer that never comes):
   * a fill clicked before then must not say 「本页没有可填写的字段」 about a page it simply has not mapped yet.
   */
  private rulesSoon(ms: number): Promise<void> {
    return new Promise((go) => {
      this.rulesWaiters.push(go);
      setTimeout(go, ms);
    });
  }

  /**
   * The page's fields as it is now: its controls and labels read here, the labels this frame has no reading of
   * asked of the background first (one message for all of them; none when every label is known).
   */
  private mapPage(defs: readonly FieldMapView[]): PageField[] | Promise<PageField[]> {
    const controls = readControls(document);
    const cache = this.labels;
    const missing = cache.missing(controls.map((c) => c.label));
    if (!missing.length) return mapControls(document, controls, defs, cache);
    return send('cs:labels', { labels: missing }).then(({ readings }) => {
      cache.add(missing, readings);
      return mapControls(document, controls, defs, cache);
    });
  }

  /** The page re-rendered: map it again and validate (an older mapping's answer is dropped). */
  private remap(): void {
    const rules = this.state.rules;
    if (!this.validator || !rules) return;
    const seq = ++this.mapSeq;
    whenMapped(this.mapPage(rules.fields), (fields) => {
      if (seq === this.mapSeq) this.validator?.rebind(fields);
    });
  }

  /** `mapped`: the page's fields as just mapped (mapping is the costly part: done once). */
  private startValidation(mapped: PageField[]): void {
    const { detection: d, rules: r } = this.state;
    if (!d || !r) return;
    const opts: ValidatorOptions = {
      defs: r.fields,
      checks: r.checks,
      expected: r.expected,
      onlyFields: r.onlyFields,
      conditions: () => this.state.conditions,
      now: () => new Date(),
      onSummary: (summary: ValidationSummary) => this.dispatch({ type: 'summary', summary }),
      readText: (field) => readText(document, field),
    };
    // The validators were injected before the rules' answer (checker.ts); without them, only the summary until
    // they come (a file chosen: `cs:checks`).
    this.validator = frameValidator(document, opts, mapped);
  }

  /** One report per task, and only when it says something new. */
  queueReport(force = false): void {
    if (force) this.lastReport = '';
    if (this.reportQueued) return;
    this.reportQueued = true;
    queueMicrotask(() => {
      this.reportQueued = false;
      this.sendReport(reportOf(this.state, this.doc));
    });
  }

  sendReport(report: PageReport): void {
    if (this.held) {
      // Sent as the page is then, in its place among the held messages (the rules request before it carries the
      // page's first report: an unchanged one is not sent again).
      this.held.push(() => this.sendReport(reportOf(this.state, this.doc)));
      return;
    }
    const text = JSON.stringify(report);
    if (text === this.lastReport || (report.page === null && !this.lastReport)) return;
    this.reporting(text);
    send('cs:report', { report }).then((answer) => this.reported(text, answer), () => undefined);
  }

  /** A report is on its way (sent alone or with the rules request): an unchanged one is not sent again. */
  private reporting(text: string): string {
    this.lastReport = text;
    this.heldBy = undefined;
    return text;
  }

  /** The background's answer to the report `text`. */
  private reported(text: string, { conditions, prefs, worker }: ReportAnswer): void {
    // The latest report sent (a newer one may be on its way: that one's answer says).
    if (this.lastReport === text) this.heldBy = worker;
    if (conditions.join() !== [...this.state.conditions].join()) this.setConditions(conditions);
    // Changes after the first come as `bg:panel` (an older answer must not undo them).
    if (!this.prefsKnown) this.knownPrefs(prefs);
  }

  setConditions(conditions: readonly string[]): void {
    this.dispatch({ type: 'conditions', conditions });
    this.validator?.validate();
  }

  /**
   * The remembered layout, straight from storage (not through the worker, which may be asleep), asked when the
   * script starts so that the answer is in by the time the page is detected. storage.local holds no applicant
   * data (README, Permissions); the report's answer carries the same.
   */
  readPrefs(portal: PortalId): void {
    const key = panelPrefsKey(portal);
    this.docksKey = dockMemoryKey(portal);
    browser.storage.local.get([key, this.docksKey]).then(
      (stored) => {
        this.docks = toDockMemory(stored[this.docksKey]);
        if (!this.prefsKnown) this.knownPrefs(toPrefs(stored[key]));
      },
      // The report's answer brings the layout instead: the report must go.
      () => this.release(),
    );
  }

  /** The user's layout for this portal (from storage, the report's answer, `bg:panel` or the pill). */
  knownPrefs(prefs: PanelPrefs): void {
    this.prefsKnown = true;
    this.setPrefs(prefs);
  }

  /** Show the panel or pill as `prefs` say (nothing to do when it already does). */
  private setPrefs(prefs: PanelPrefs): void {
    if (this.prefs?.collapsed === prefs.collapsed && this.prefs.side === prefs.side) return;
    this.prefs = prefs;
    this.place();
  }

  /** Place the panel or pill afresh (from memory when this page at this width had no room beside the form). */
  private place(): void {
    if (!this.prefs || !this.overlay) return;
    const kind = this.pageKind();
    this.overlay.dock(this.prefs, true, kind ? dockHint(this.docks, kind, window.innerWidth) : undefined);
  }

  /**
   * What the placement memory is kept under: the page and its business (one page id shows a different form per
   * business). An unrecognised page is no one layout: not remembered.
   */
  private pageKind(): string | undefined {
    const d = this.state.detection;
    return d && d.level !== 'portal' ? `${d.page}/${d.business ?? ''}` : undefined;
  }

  /** The open panel's placement was measured: remembered for this page and width (written once it shows). */
  private docked(mode: OpenMode): void {
    const kind = this.pageKind();
    const next = kind ? remember(this.docks, kind, window.innerWidth, mode) : undefined;
    if (!next) return;
    this.docks = next;
    this.docksDirty = true;
    if (this.placed) this.writeDocks();
  }

  private writeDocks(): void {
    if (!this.docksDirty || !this.docksKey) return;
    this.docksDirty = false;
    // After the panel is in (the next task): the write is not on the path to it.
    setTimeout(() => {
      browser.storage.local.set({ [this.docksKey]: this.docks }).catch(() => undefined);
    }, 0);
  }

  /** The panel frame is in the page, or the pill placed: the first time, the top frame's overlay is ready (bench T3). */
  private shown(): void {
    if (this.top && !this.placed) performance.mark('jzs-overlay-ready');
    this.placed = true;
    this.release();
    this.writeDocks();
  }

  /** A person clicked the pill: open the panel here at once, and remember it for the portal. */
  expand(): void {
    const prefs: PanelPrefs = { side: this.prefs?.side ?? 'right', collapsed: false };
    this.knownPrefs(prefs);
    send('cs:panel.prefs', prefs).catch(() => undefined);
  }

  /** The page may have moved its controls: keep the placement if it still covers none, else place again. */
  recheck(): void {
    if (this.prefs) this.overlay?.dock(this.prefs);
  }

  private recheckTimer: number | undefined;
  /**
   * The page's DOM changed — its own text, or our hints beside its fields, which are text to read too — without
   * necessarily changing its size: is the panel still clear of what it shows? At most once per RECHECK_MS.
   */
  contentChanged(): void {
    if (!this.top || this.recheckTimer !== undefined) return;
    this.recheckTimer = window.setTimeout(() => {
      this.recheckTimer = undefined;
      this.recheck();
    }, RECHECK_MS);
  }

  /** The window changed size: choose the placement again (a wider window may have room beside the form). */
  redock(): void {
    if (this.prefs) this.overlay?.dock(this.prefs, true);
  }

  /** The page is going away: the panel forgets this frame. */
  leave(): void {
    this.sendReport({ ...reportOf(initialState, this.doc), page: null });
  }

  /** Requests from the background, one handler per message (a message with no tab: a page cannot send them). */
  readonly routes: FrameRoutes = {
    'bg:collect': async () => {
      if (this.state.detection && !this.state.rules) await this.rulesSoon(RULES_WAIT_MS);
      const { detection: d, rules } = this.state;
      if (!rules || !d) return this.agent.collect(d?.page ?? null, []);
      const only = rules.onlyFields;
      return then(this.mapPage(rules.fields), (all) => this.agent.collect(d.page, only ? all.filter((f) => only.includes(f.key)) : all));
    },
    'bg:document': () => ({ page: this.state.detection?.page ?? null, url: location.href, nonce: this.agent.nonce }),
    // Values written in the main world (MiniUI's setValue) fire no event this world sees: check them now.
    'bg:filled': () => {
      this.validator?.validate();
      return {};
    },
    'bg:report': ({ worker }) => {
      // Only when that background may not hold this frame's page: it restarted since our last answered report,
      // or a report is on its way (its answer comes from whichever instance gets it).
      if (!worker || worker !== this.heldBy) this.queueReport(true);
      return {};
    },
    'bg:conditions': ({ conditions }) => {
      this.setConditions(conditions);
      return {};
    },
    'bg:panel': (prefs) => {
      this.knownPrefs(prefs);
      return {};
    },
    'bg:language': (view) => {
      if (!useLanguage(view)) return {};
      this.validator?.validate();
      this.redock();
      return {};
    },
    'bg:pageReport': async () => {
      const mapped = this.state.rules ? await this.mapPage(this.state.rules.fields) : [];
      // The background injects the report's code before it asks (checker.ts): without it, no answer.
      const report = installedPart('report');
      if (!report) throw new MessageError('errors.noReply', 'no report code');
      return { report: report(document, new URL(location.href), this.state.detection, mapped) };
    },
  };

  stop(): void {
    // An ended script asks for nothing more (a retry waiting for its turn, too).
    this.requestSeq++;
    this.validator?.destroy();
    this.overlay?.remove();
  }
}

/** A 32-bit hash of the document's text: changes when what it shows does (a re-render of the same text does not). */
function textHash(doc: Document): number {
  const text = doc.documentElement.textContent ?? '';
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** How long a fill waits for the page's rules (they come with the page's first report; a restarted worker is slower). */
const RULES_WAIT_MS = 5000;

/**
 * The waits before asking again for rules that did not come (a worker stopped mid-answer is started again by the
 * next message, slower on a loaded machine); together under RULES_WAIT_MS, so a fill clicked meanwhile gets them.
 */
const RULES_RETRY_MS = [300, 1000, 2500];

/** `f` of a value now, or of a promised one when it comes. */
function then<T, U>(value: T | Promise<T>, f: (v: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** `f` of the fields mapped now, or when the background has read the new labels (unreachable: no hints, as before). */
function whenMapped(fields: PageField[] | Promise<PageField[]>, f: (fields: PageField[]) => void): void {
  if (fields instanceof Promise) fields.then(f, () => undefined);
  else f(fields);
}

/** Is a mutation only our own hints and host coming and going? */
function onlyOurs(records: MutationRecord[]): boolean {
  const ours = (n: Node) => n instanceof Element && (OURS.has(n.localName) || !!n.closest(`${HINT_TAG}, ${UPLOAD_TAG}`));
  return records.every((r) => ours(r.target) || (r.addedNodes.length + r.removedNodes.length > 0 && [...r.addedNodes, ...r.removedNodes].every(ours)));
}

/**
 * A sub-frame's first read waits for the tab's top document to finish loading: a same-origin iframe's load
 * holds up its parent's, and with it the top frame's content script (run at document_idle) that places the
 * panel. The sub-frame's hints come a moment later instead (issue 13.5, bench T3). A frame that shows the panel,
 * or whose top is of another origin, reads at once; a top page that never finishes loading is waited for 1 s.
 */
function afterTabLoad(ctx: Lifecycle, hostsPanel: boolean, run: () => void): void {
  const top = hostsPanel ? undefined : sameOriginTop();
  if (!top || top.document.readyState === 'complete') return run();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  // After the load event's task: our top frame's own placement may be what fires it (an inserted frame).
  ctx.addEventListener(top, 'load', () => ctx.setTimeout(once, 0), { once: true });
  ctx.setTimeout(once, LOAD_WAIT_MS);
}

function sameOriginTop(): Window | undefined {
  try {
    const top = window.top;
    // Reading a cross-origin top's document throws: such a frame does not wait.
    return top && top !== window && top.document ? top : undefined;
  } catch {
    return undefined;
  }
}

/** Read the page, and read it again after DOM bursts and user actions (a combobox pick changes no attribute). */
function watchPage(ctx: Lifecycle, shell: ContentShell): void {
  shell.detect();
  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => shell.detect(), REREAD_DELAY_MS);
  };
  const observer = new MutationObserver((records) => {
    shell.contentChanged();
    if (onlyOurs(records)) return;
    shell.domChanges++;
    schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  for (const type of ['change', 'click', 'keyup'] as const) ctx.addEventListener(document, type, schedule, { capture: true, passive: true });
}

/**
 * Is this a sub-frame? Asked without touching another frame's window: in Chrome reading `window.top` from the
 * content script's world is what sets that world up in the top frame (a few ms, bench T3).
 */
function inSubFrame(): boolean {
  return 'ancestorOrigins' in location ? location.ancestorOrigins.length > 0 : window !== window.top;
}

/**
 * Content-script entry: guard the origin, run the shell, keep watching the page. A sub-frame sets up after its
 * own load event: Chrome runs the e-form iframe's script (document_idle) before the top frame's, and that frame's
 * load holds up the top page's, which the panel is inserted at (issue 13.5, bench T3). Its reading of the page
 * waits for the tab's load anyway (`afterTabLoad`); what moves is the set-up, including its first touch of the top
 * window. A frame that never finishes loading starts after LOAD_WAIT_MS.
 */
export function runContent(ctx: Lifecycle): void {
  // Firefox matches the host on any port: this is the port check (see origins.ts).
  const portal = portalOfOrigin(location.origin);
  if (!portal) return;
  if (!inSubFrame() || document.readyState === 'complete') return startContent(ctx, portal);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    startContent(ctx, portal);
  };
  // After the load event's task (its other listeners, the page's own, come first).
  ctx.addEventListener(window, 'load', () => ctx.setTimeout(start, 0), { once: true });
  ctx.setTimeout(start, LOAD_WAIT_MS);
}

function startContent(ctx: Lifecycle, portal: PortalId): void {
  const shell = new ContentShell();
  // The remembered layout is asked for first: storage answers while the page is being read.
  if (shell.top) shell.readPrefs(portal);
  afterTabLoad(ctx, shell.top, () => watchPage(ctx, shell));
  ctx.addEventListener(window, 'resize', () => shell.redock(), { passive: true });
  // The pill is placed as soon as the page is known; frames and late renders move the page's controls after:
  // check the placement again when everything has loaded and whenever the page changes size.
  if (shell.top) {
    ctx.addEventListener(window, 'load', () => shell.recheck());
    const sized = new ResizeObserver(() => shell.recheck());
    sized.observe(document.documentElement);
    ctx.onInvalidated(() => sized.disconnect());
  }
  ctx.addEventListener(window, 'pagehide', () => shell.leave());
  const stopUploads = watchUploads(document, () => shell.state.rules?.checklist, (upload) => shell.dispatch({ type: 'upload', upload }), () =>
    loadChecker(() => send('cs:checks', {})),
  );
  const ownOrigin = browser.runtime.getURL('/');
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown; url?: string }, reply: (r: Reply<unknown>) => void): true | undefined => {
    const answer = dispatchFrame(shell.routes, message, sender, browser.runtime.id, ownOrigin);
    // A handler that asks the background first answers later: `true` keeps the channel open until it does.
    if (answer instanceof Promise) {
      answer.then(reply, () => undefined);
      return true;
    }
    if (answer) reply(answer);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    stopUploads();
    shell.stop();
  });
}
