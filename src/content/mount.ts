/**
 * The overlay's host element: one per frame where a portal page is detected, carrying the contract's hooks
 * (`data-jzs-overlay`, `data-portal`, `data-page`, `data-business`). Its shadow root stays OPEN so external
 * acceptance tests can read it; the page's CSS cannot reach inside it.
 */
export const HOST_TAG = 'jzs-overlay';

export interface OverlayHost {
  host: HTMLElement;
  root: ShadowRoot;
  setDetection(d: { portal: string; page: string; business?: string | undefined }): void;
  remove(): void;
}

export function mountOverlayHost(doc: Document, css: string, corner: 'bottom' | 'top' = 'bottom'): OverlayHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-jzs-overlay', '');
  // `all: initial` keeps portal styles (e.g. `div { float:left }` on old pages) off the host itself.
  // Sub-frame overlays sit top-right so they never hide under the top frame's panel.
  host.style.cssText = `all: initial; position: fixed; z-index: 2147483646; right: 12px; ${corner}: 12px;`;
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.appendChild(style);
  (doc.body ?? doc.documentElement).appendChild(host);
  return {
    host,
    root,
    setDetection(d) {
      host.setAttribute('data-portal', d.portal);
      host.setAttribute('data-page', d.page);
      if (d.business) host.setAttribute('data-business', d.business);
      else host.removeAttribute('data-business');
    },
    remove() {
      host.remove();
    },
  };
}

/**
 * Inline status text we place into the portal page (hints, upload results): `all: initial` so the page's
 * CSS cannot restyle or hide it; colour by severity.
 */
export function styleStatus(el: HTMLElement, severity: 'error' | 'warning' | 'ok', display: 'inline-block' | 'block'): void {
  const color = severity === 'error' ? '#b42318' : severity === 'warning' ? '#b54708' : '#067647';
  const box = display === 'block' ? 'margin:4px 0' : 'margin:0 0 0 6px;vertical-align:middle;max-width:340px;white-space:normal';
  el.style.cssText = `all:initial;display:${display};${box};font:12px/1.4 "Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:${color}`;
}
