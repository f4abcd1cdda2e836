import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_MATCHES } from '../../src/portals/origins';

/**
 * The baseline extension: the same match patterns and run_at, a content script that only marks the moment
 * it ran (the mark our overlay sets when it is ready), and an idle service worker.
 */
export function writeEmptyExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'jzs bench baseline',
      version: '0.0.1',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: CHROME_MATCHES, all_frames: true, run_at: 'document_idle', js: ['content.js'] }],
    }),
  );
  writeFileSync(join(dir, 'background.js'), 'self.addEventListener("install", () => {});\n');
  writeFileSync(join(dir, 'content.js'), 'performance.mark("jzs-overlay-ready");\n');
  return dir;
}

/**
 * The floor of what contract.md asks on load: the baseline plus, in the top frame, the overlay host with an
 * extension-origin frame of a page with no script (named panel.html so the bench counts its process like ours).
 * Not a baseline for the goals (issue 13 defines that as the empty extension above): it shows how much of T1,
 * T3 and T4 any extension pays before drawing anything in the frame. The frame is inserted blank and then given
 * its address, as ours is (inserted with an address it would hold up the page's load event).
 */
export function writeFloorExtension(dir: string): string {
  writeEmptyExtension(dir);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'jzs bench floor',
      version: '0.0.1',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: CHROME_MATCHES, all_frames: true, run_at: 'document_idle', js: ['content.js'] }],
      web_accessible_resources: [{ resources: ['panel.html'], matches: CHROME_MATCHES }],
    }),
  );
  writeFileSync(join(dir, 'panel.html'), '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title></head><body></body></html>\n');
  writeFileSync(
    join(dir, 'content.js'),
    `if (window === window.top) {
  const host = document.createElement('jzs-overlay');
  host.setAttribute('data-jzs-overlay', '');
  host.style.cssText = 'all: initial; position: relative; display: block; width: 100%; height: 45vh;';
  const frame = document.createElement('iframe');
  frame.style.cssText = 'all: initial; display: block; width: 100%; height: 100%; border: 0;';
  host.attachShadow({ mode: 'open' }).appendChild(frame);
  document.documentElement.insertBefore(host, document.documentElement.firstChild);
  frame.src = chrome.runtime.getURL('/panel.html');
}
performance.mark('jzs-overlay-ready');
`,
  );
  return dir;
}
