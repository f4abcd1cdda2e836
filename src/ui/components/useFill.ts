import { useEffect, useRef, useState } from 'preact/hooks';
import { withItem } from '../../domain/sets';
import { confirmFill, deadReason, FILL_MARKS, type PlanLiveness } from '../../fill/confirm';
import { replaceAllIds } from '../../fill/planner';
import type { FillReport } from '../../fill/types';
import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import type { FillPreview } from '../../messaging/protocol';
import type { MessageKey } from '../../i18n';
import { CodedError } from '../../i18n/problem';
import { browserConfirm, watchPlans } from './fill-frames';
import { useHeld } from './useHeld';
import type { FillPreviewProps, FillState } from './FillPreview';

/** How long a confirm runs before its button says "working…". */
const WORKING_AFTER_MS = 150;

/**
 * The confirm, in this page (fill/confirm.ts): one script per frame, no hop through the background before the
 * writes. The background is told afterwards, for the history, without the user waiting for it.
 */
async function confirmHere(preview: FillPreview, liveness: PlanLiveness, overwrite: ReadonlySet<string>, onLogFailed: () => void): Promise<FillReport> {
  if (!canReachTabs()) return confirmInBackground(preview, liveness, overwrite, onLogFailed);
  const report = await confirmFill(browserConfirm, { ...preview, liveness }, overwrite, Date.now());
  performance.mark(FILL_MARKS.results);
  // The fill is done; if its record is not kept (the store full, the worker gone) the person is told.
  send('ui:fill.applied', { planId: preview.planId, report }).then(
    ({ logged }) => logged || onLogFailed(),
    (err: unknown) => {
      console.warn('fill history not kept', err);
      onLogFailed();
    },
  );
  return report;
}

/**
 * Can this page script the tab? Firefox gives an extension page framed in a web page (the panel) only the
 * content-script APIs: no `scripting`, no `tabs`. Chrome gives it all of them.
 */
const canReachTabs = () => Reflect.get(browser, 'scripting') !== undefined && Reflect.get(browser, 'tabs') !== undefined;

/** The same confirm, run by the background on the plan it made (Firefox's panel); it keeps the history too. */
async function confirmInBackground(preview: FillPreview, liveness: PlanLiveness, overwrite: ReadonlySet<string>, onLogFailed: () => void): Promise<FillReport> {
  const dead = deadReason(liveness);
  if (dead) throw new CodedError(dead);
  const { report, logged } = await send('ui:fill.confirm', { planId: preview.planId, overwrite: [...overwrite] });
  performance.mark(FILL_MARKS.results);
  if (!logged) onLogFailed();
  return report;
}

/**
 * The fill's state and actions for any extension page that shows the preview (popup now, the panel's
 * extension-origin frame next: it renders `<FillPreview {...fill.props} />` and calls `fill.plan()` from its own
 * trusted 「用档案填写本页」 button; the background fills the tab the frame is in).
 */
export function useFill() {
  const [state, setState] = useState<FillState>({ overwrite: new Set(), busy: false });
  const update = (next: Partial<FillState>) => setState((s) => ({ ...s, ...next }));
  const fail = (error: unknown) => update({ busy: false, error });
  // What the background did to each plan since this page started watching (before its first preview): a
  // preview whose plan is no longer live is dropped at once, with why; the confirm refuses it in any case.
  const plans = useRef(new Map<string, PlanLiveness>());
  /** The plan whose confirm is under way (a second click does nothing; set at once, before any render). */
  const confirming = useRef<string | undefined>(undefined);
  /**
   * The preview of a plan that can no longer be confirmed goes, saying why — not while its own confirm runs
   * (the background removes a plan once its fill is recorded).
   */
  const drop = (planId: string, why: MessageKey) =>
    setState((s) => (s.preview?.planId === planId && !s.busy && confirming.current !== planId ? { ...s, preview: undefined, overwrite: new Set(), error: new CodedError(why) } : s));
  useEffect(
    () =>
      watchPlans((planId, liveness) => {
        plans.current.set(planId, liveness);
        const dead = deadReason(liveness);
        if (dead) drop(planId, dead);
      }),
    [],
  );

  // Firefox's panel confirms through the background, which holds the plan in memory: keep it (useHeld).
  useHeld(canReachTabs() ? undefined : state.preview?.planId, (planId) => send('ui:fill.held', { planId }).then((r) => r.held), (planId) => drop(planId, 'fill.errors.expired'));

  const plan = () => {
    update({ busy: true, error: undefined, report: undefined, preview: undefined, untrusted: false, logUnsaved: false });
    send('ui:fill.plan', {}).then((preview) => update({ busy: false, preview, overwrite: new Set() }), fail);
  };
  const show = (preview: FillPreview | undefined, error?: unknown) => update({ busy: false, preview, error, report: undefined, overwrite: new Set() });

  const props: FillPreviewProps = {
    state,
    onToggle: (id, on) => update({ overwrite: withItem(state.overwrite, id, on) }),
    onReplaceAll: () => {
      if (state.preview) update({ overwrite: new Set([...state.overwrite, ...replaceAllIds(state.preview.items)]) });
    },
    onConfirm: () => {
      const { preview, overwrite } = state;
      if (!preview || confirming.current) return;
      confirming.current = preview.planId;
      performance.clearMarks(FILL_MARKS.results);
      performance.mark(FILL_MARKS.confirm);
      const done = confirmHere(preview, plans.current.get(preview.planId) ?? 'live', overwrite, () => update({ logUnsaved: true }));
      // A fill takes milliseconds: "working…" is drawn only if it is still running after a moment, so that
      // this page does not re-render the whole preview while the answer is on its way.
      const slow = setTimeout(() => update({ busy: true }), WORKING_AFTER_MS);
      const finish = (next: Partial<FillState>) => {
        clearTimeout(slow);
        confirming.current = undefined;
        update({ busy: false, preview: undefined, untrusted: false, ...next });
      };
      done.then(
        (report) => finish({ report }),
        (error: unknown) => finish({ error }),
      );
    },
    onCancel: () => update({ preview: undefined, overwrite: new Set() }),
    onUntrusted: () => update({ untrusted: true }),
  };
  return { state, props, plan, show, update };
}
