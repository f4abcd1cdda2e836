/** The panel frame's styles (an extension page: the portal's CSS cannot reach it). */
export const PANEL_CSS = `
html, body { height: 100%; background: transparent; }
body { font-size: 13px; overflow: hidden; }
.panel { height: 100%; display: flex; flex-direction: column; background: #fff; border: 1px solid #c5d3e3; border-radius: 8px; overflow: hidden; }
.head { display: flex; align-items: center; gap: 6px; padding: 6px 10px; background: #0b5cad; color: #fff; }
.head .title { font-size: 14px; font-weight: 600; margin: 0 auto 0 0; }
.head button { background: transparent; border: 1px solid #fff; color: #fff; font-size: 12px; min-height: 24px; padding: 0 8px; white-space: nowrap; flex: none; }
.head button:focus-visible { outline: 2px solid #f5b82e; outline-offset: 1px; }
.body { padding: 8px 10px; overflow: auto; flex: 1; }
.page { margin: 0; font-weight: 600; }
.meta { color: #52606d; font-size: 12px; font-weight: normal; }
.business { margin: 4px 0 6px; font-weight: 600; color: #0b5cad; }
.step, .guide { font-size: 12px; background: #fffbe6; border-left: 3px solid #f5b82e; padding: 3px 6px; margin: 4px 0; }
.guide h2 { font-size: 12px; margin: 4px 0 2px; }
.guide p { margin: 2px 0; }
blockquote { margin: 2px 0; padding: 2px 6px; background: #fff; border: 1px solid #f1c27d; }
.progress { margin: 6px 0; font-size: 13px; }
.fill { margin: 6px 0; font-size: 12px; }
.fill ul { margin: 4px 0; padding-left: 16px; }
.fill li.conflict, .fill li.mismatch { color: #b54708; }
.fill li.skip, .fill li.same { color: #52606d; }
.fill li.failed { color: #b42318; }
.fill-btn { background: #0b5cad; color: #fff; min-height: 24px; }
.summary { border: 1px solid #e4e9f0; border-radius: 6px; padding: 6px 8px; margin: 6px 0; font-size: 12px; }
.summary-head { font-size: 12px; margin: 0; }
.summary .frame { font-size: 12px; margin: 4px 0 0; color: #323f4b; }
.summary ul { margin: 2px 0 0; padding-left: 16px; }
.summary li.error { color: #b42318; }
.summary li.warning { color: #b54708; }
.summary p.warning { color: #b54708; margin: 2px 0 0; }
.summary li.missing { color: #52606d; }
.upload-note { font-size: 12px; margin-left: 1.6em; }
.upload-note.error { color: #b42318; }
.upload-note.warning { color: #b54708; }
`;
