import { useState } from 'preact/hooks';
import { withItem } from '../../domain/sets';
import { replaceAllIds } from '../../fill/planner';
import { send } from '../../messaging/client';
import type { FillPreview } from '../../messaging/protocol';
import type { FillPreviewProps, FillState } from './FillPreview';

/**
 * The fill's state and actions for any extension page that shows the preview (popup now, the panel's
 * extension-origin frame next: it renders `<FillPreview {...fill.props} />` and calls `fill.plan()` from its own
 * trusted 「用档案填写本页」 button; the background fills the tab the frame is in).
 */
export function useFill() {
  const [state, setState] = useState<FillState>({ overwrite: new Set(), busy: false });
  const update = (next: Partial<FillState>) => setState((s) => ({ ...s, ...next }));
  const fail = (error: unknown) => update({ busy: false, error });

  const plan = () => {
    update({ busy: true, error: undefined, report: undefined, preview: undefined, untrusted: false });
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
      if (!preview) return;
      update({ busy: true, untrusted: false });
      send('ui:fill.apply', { planId: preview.planId, overwrite: [...overwrite] }).then(
        (report) => update({ busy: false, preview: undefined, report }),
        (error: unknown) => update({ busy: false, preview: undefined, error }),
      );
    },
    onCancel: () => update({ preview: undefined, overwrite: new Set() }),
    onUntrusted: () => update({ untrusted: true }),
  };
  return { state, props, plan, show, update };
}
