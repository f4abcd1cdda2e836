/** Shared look of the extension's own pages. */
export const BASE_CSS = `
:root { --blue: #0b5cad; --line: #d5dee8; --muted: #52606d; --bad: #b42318; --warn: #b54708; --good: #067647; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.55 "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; color: #1f2933; }
h1 { font-size: 18px; margin: 0 0 8px; }
h2 { font-size: 15px; margin: 16px 0 6px; }
button, select, input { font: inherit; }
button { border: 1px solid var(--blue); background: #fff; color: var(--blue); border-radius: 4px; padding: 2px 10px; cursor: pointer; }
button.primary { background: var(--blue); color: #fff; }
button:disabled { opacity: .5; cursor: default; }
.muted { color: var(--muted); font-size: 12px; }
.error { color: var(--bad); }
.warning { color: var(--warn); }
.ok { color: var(--good); }
`;

export function injectCss(doc: Document, css: string): void {
  const style = doc.createElement('style');
  style.textContent = css;
  doc.head.appendChild(style);
}
