/** Overlay styles, inside the shadow root. Plain CSS text: no extra request, no page CSS leaks in. */
export const OVERLAY_CSS = `
:host { font: 13px/1.5 "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; color: #1f2933; }
.panel { width: 320px; max-height: 70vh; display: flex; flex-direction: column; background: #fff; border: 1px solid #c5d3e3;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(16, 42, 67, .18); overflow: hidden; }
.panel.collapsed { width: auto; }
.head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: #0b5cad; color: #fff; cursor: default; }
.head .title { font-weight: 600; }
.head .page { opacity: .85; font-size: 12px; }
.head button { margin-left: auto; background: transparent; border: 1px solid rgba(255,255,255,.6); color: #fff; border-radius: 4px;
  font: inherit; font-size: 12px; padding: 0 6px; cursor: pointer; }
.body { padding: 8px 10px; overflow: auto; }
.meta { color: #52606d; font-size: 12px; }
.business { margin: 4px 0 8px; font-weight: 600; color: #0b5cad; }
.error { color: #b42318; }
`;
