import { CHECKLIST_CSS } from '../ui/components/ChecklistList';

/** Overlay styles, inside the shadow root. Plain CSS text: no extra request, no page CSS leaks in. */
export const OVERLAY_CSS = `
/* The host carries an inline \`all: initial\`, which beats :host rules: set the font on the panel itself. */
.panel { font: 13px/1.5 "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; color: #1f2933; text-align: left;
  width: 340px; max-height: 72vh; display: flex; flex-direction: column; background: #fff; border: 1px solid #c5d3e3;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(16, 42, 67, .18); overflow: hidden; }
.panel.collapsed { width: auto; }
.head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: #0b5cad; color: #fff; cursor: default; }
.head .title { font-weight: 600; }
.head .page { opacity: .85; font-size: 12px; }
.head .badge { background: #fff; color: #0b5cad; border-radius: 8px; padding: 0 6px; font-size: 11px; }
.panel button, .panel input { font: inherit; }
.head button { margin-left: auto; background: transparent; border: 1px solid rgba(255,255,255,.6); color: #fff; border-radius: 4px;
  font: inherit; font-size: 12px; padding: 0 6px; cursor: pointer; }
.body { padding: 8px 10px; overflow: auto; }
.body[hidden] { display: none; }
.meta { color: #52606d; font-size: 12px; }
.business { margin: 4px 0 6px; font-weight: 600; color: #0b5cad; }
.step { font-size: 12px; background: #fffbe6; border-left: 3px solid #f5b82e; padding: 3px 6px; margin: 4px 0; }
.progress { margin: 6px 0; font-weight: 600; }
.error { color: #b42318; }
.fill { margin: 6px 0; font-size: 12px; }
.fill ul { margin: 4px 0; padding-left: 16px; }
.fill li.conflict, .fill li.mismatch { color: #b54708; }
.fill li.skip, .fill li.same { color: #616e7c; }
.fill li.failed { color: #b42318; }
.fill-btn { background: #0b5cad; color: #fff; border: 0; border-radius: 4px; padding: 3px 10px; cursor: pointer; }
.head .badge.bad { background: #b42318; color: #fff; }
.summary { border: 1px solid #e4e9f0; border-radius: 6px; padding: 6px 8px; margin: 6px 0; font-size: 12px; }
.summary-head { font-weight: 600; }
.summary ul { margin: 4px 0 0; padding-left: 16px; }
.summary li.error { color: #b42318; }
.summary li.warning { color: #b54708; }
.summary li.missing { color: #52606d; }
${CHECKLIST_CSS}
`;
