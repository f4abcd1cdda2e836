/**
 * Inline status text we place into the portal page (hints, upload results): `all: initial` so the page's
 * CSS cannot restyle or hide it; colour by severity.
 */
export function styleStatus(el: HTMLElement, severity: 'error' | 'warning' | 'ok', display: 'inline-block' | 'block'): void {
  const color = severity === 'error' ? '#b42318' : severity === 'warning' ? '#b54708' : '#067647';
  const box = display === 'block' ? 'margin:4px 0' : 'margin:0 0 0 6px;vertical-align:middle;max-width:340px;white-space:normal';
  el.style.cssText = `all:initial;display:${display};${box};font:12px/1.4 "Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:${color}`;
}
