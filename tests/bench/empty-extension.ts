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
