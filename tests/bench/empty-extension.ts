import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_MATCHES } from '../../src/portals/origins';

/** Our match patterns and run_at, an idle service worker, and `content.js`; `extra` adds manifest keys. */
function writeManifest(dir: string, name: string, extra: Record<string, unknown> = {}): void {
  const manifest = {
    manifest_version: 3,
    name,
    version: '0.0.1',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: CHROME_MATCHES, all_frames: true, run_at: 'document_idle', js: ['content.js'] }],
    ...extra,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

/**
 * The baseline extension: the same match patterns and run_at, a content script that only marks the moment
 * it ran (the mark our overlay sets when it is ready), and an idle service worker.
 */
export function writeEmptyExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeManifest(dir, 'jzs bench baseline');
  writeFileSync(join(dir, 'background.js'), 'self.addEventListener("install", () => {});\n');
  writeFileSync(join(dir, 'content.js'), 'performance.mark("jzs-overlay-ready");\n');
  return dir;
}

/**
 * The floor of what contract.md asks on load: the baseline plus, in the top frame, the overlay host with an
 * extension-origin frame of a page with no script (named panel.html so the bench counts its process like ours).
 * Not a baseline for the goals (issue 13 defines that as the empty extension above): it shows how much of T1,
 * T3 and T4 any extension pays before drawing anything in the frame. The frame is inserted as ours is: with its
 * address, once the page's load event has fired (inserted blank it loads about:blank synchronously; inserted
 * with an address before the load event it holds that event up).
 */
export function writeFloorExtension(dir: string): string {
  writeEmptyExtension(dir);
  writeManifest(dir, 'jzs bench floor', { web_accessible_resources: [{ resources: ['panel.html'], matches: CHROME_MATCHES }] });
  writeFileSync(join(dir, 'panel.html'), '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title></head><body></body></html>\n');
  writeFileSync(
    join(dir, 'content.js'),
    `if (window === window.top) {
  const host = document.createElement('jzs-overlay');
  host.setAttribute('data-jzs-overlay', '');
  host.style.cssText = 'all: initial; position: relative; display: block; width: 100%; height: 45vh;';
  const root = host.attachShadow({ mode: 'open' });
  document.documentElement.insertBefore(host, document.documentElement.firstChild);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'all: initial; display: block; width: 100%; height: 100%; border: 0;';
  frame.src = chrome.runtime.getURL('/panel.html');
  const insert = () => {
    root.appendChild(frame);
    performance.mark('jzs-overlay-ready');
  };
  if (document.readyState === 'complete') insert();
  else addEventListener('load', insert, { once: true });
} else performance.mark('jzs-overlay-ready');
`,
  );
  return dir;
}
