import type { FrameReport, PageReport, PanelPush, TabView } from '../messaging/protocol';
import type { PortalId } from '../portals/origins';
import type { BusinessId } from '../domain/ids';

/** The part of a runtime Port the hub uses (the panel frame's connection). */
export interface PanelPort {
  postMessage(message: PanelPush): void;
}

export { DEFAULT_PREFS } from '../messaging/panel-prefs';

interface TabState {
  portal: PortalId | undefined;
  frames: Map<number, FrameReport>;
  conditions: string[];
}

/**
 * One truth per tab: every portal frame reports its page facts here, and the tab's panel frame gets the
 * whole tab. Kept in the worker's memory only; when the worker restarted, a panel that connects again asks
 * the frames to report anew (`bg:report`), so nothing needs storing.
 */
export class PanelHub {
  /**
   * This background instance (the hub lives in the worker's memory): a frame whose last report this instance
   * answered need not report again when a panel connects (issue 13.5: each report costs the page, the worker
   * and a redraw of the panel).
   */
  readonly instance = crypto.randomUUID();
  private readonly tabs = new Map<number, TabState>();
  private readonly ports = new Map<number, Set<PanelPort>>();

  constructor(private readonly pageName: (page: string) => { zh: string; en: string } | undefined) {}

  private tab(tabId: number): TabState {
    let t = this.tabs.get(tabId);
    if (!t) {
      t = { portal: undefined, frames: new Map(), conditions: [] };
      this.tabs.set(tabId, t);
    }
    return t;
  }

  /** A frame's report. A "gone" report (page null) of an older document never erases a newer one's. */
  report(tabId: number, frameId: number, portal: PortalId, report: PageReport): { conditions: string[]; worker: string } {
    const t = this.tab(tabId);
    const old = t.frames.get(frameId);
    if (report.page === null) {
      if (!old || old.doc === report.doc) t.frames.delete(frameId);
    } else t.frames.set(frameId, { ...report, frameId, pageName: this.pageName(report.page) });
    if (frameId === 0) t.portal = portal;
    t.portal ??= portal;
    this.pushView(tabId);
    return { conditions: t.conditions, worker: this.instance };
  }

  view(tabId: number): TabView | undefined {
    const t = this.tabs.get(tabId);
    if (!t?.portal) return undefined;
    const frames = [...t.frames.values()].sort((a, b) => a.frameId - b.frameId);
    return { portal: t.portal, frames, conditions: t.conditions };
  }

  /** The business the tab's pages show (the first frame naming one) with the tab's situations, if any. */
  business(tabId: number): { business: BusinessId; conditions: string[] } | undefined {
    const t = this.tabs.get(tabId);
    const business = t && [...t.frames.values()].sort((a, b) => a.frameId - b.frameId).find((f) => f.business)?.business;
    return t && business ? { business, conditions: t.conditions } : undefined;
  }

  setConditions(tabId: number, conditions: string[]): void {
    this.tab(tabId).conditions = [...new Set(conditions)];
    this.pushView(tabId);
  }

  connect(tabId: number, port: PanelPort): () => void {
    let set = this.ports.get(tabId);
    if (!set) {
      set = new Set();
      this.ports.set(tabId, set);
    }
    set.add(port);
    const view = this.view(tabId);
    if (view) port.postMessage({ type: 'tab', view });
    return () => {
      set.delete(port);
      if (set.size === 0) this.ports.delete(tabId);
    };
  }

  /** Tell the tab's panel (if open). Returns whether a panel got it. */
  push(tabId: number, message: PanelPush): boolean {
    const set = this.ports.get(tabId);
    if (!set?.size) return false;
    for (const port of set) {
      try {
        port.postMessage(message);
      } catch {
        set.delete(port); // disconnected meanwhile
      }
    }
    return set.size > 0;
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  private pushView(tabId: number): void {
    const view = this.view(tabId);
    if (view) this.push(tabId, { type: 'tab', view });
  }
}
