/**
 * Where our content script's time goes on the bench's portal page (T1/T3; a tool, not a bench): a V8 CPU
 * profile of the page renderer's main thread (the page, its same-origin iframe and our content script's
 * isolated world share it) over a few loads, self time summed per script and per function of ours, plus the
 * moments (after DOMContentLoaded) of the page's marks. `npx wxt build && npx tsx tests/bench/page-profile.ts`.
 */
import { join } from 'node:path';
import { launch, ROOT } from '../e2e/harness';
import { writeEmptyExtension, writeFloorExtension } from './empty-extension';
import { replica } from '../fixtures/replicas';
import type { CpuProfile } from './cpu-profile';

const RUNS = Number(process.env.PROFILE_RUNS ?? 4);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


const short = (url: string) => (url.startsWith('chrome-extension://') ? `ext:${url.replace(/^chrome-extension:\/\/[^/]+/, '')}` : url.replace(/^https?:\/\/[^/]+/, '') || '(native)');

async function main(): Promise<void> {
  // PROFILE_EXT=empty|floor: the bench's baseline or floor extension instead of ours (for its marks' moments).
  const ext = process.env.PROFILE_EXT;
  const dir = join(ROOT, '.output', 'bench', `${ext}-extension`);
  // PROFILE_BUILD=<dir>: another build of ours (e.g. one built with \`build: { minify: false }\` for readable names).
  const build = process.env.PROFILE_BUILD;
  const s = await launch(ext === 'empty' ? { extensionDir: writeEmptyExtension(dir) } : ext === 'floor' ? { extensionDir: writeFloorExtension(dir) } : build ? { extensionDir: build } : {});
  const url = replica(process.env.PROFILE_PAGE ?? 'zwdt-declaration-initial').url;
  const bySrc = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (let i = 0; i <= RUNS; i++) {
    const page = await s.context.newPage();
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('jzs-overlay-ready').length > 0);
    await sleep(Number(process.env.PROFILE_SETTLE ?? 600));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const marks = await page.evaluate(() => {
      const d = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
      const dock = document.querySelector('[data-jzs-overlay]')?.getAttribute('data-dock');
      const load = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart - d;
      return `dock=${dock} load@${Math.round(load)} ${performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime - d)}`).join(' ')}`;
    });
    const frameMarks = await Promise.all(page.frames().slice(1).filter((f) => !f.url().startsWith('chrome-extension')).map((f) => f.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime + performance.timeOrigin)}`).join(' '))));
    const origin = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    console.log(`run ${i}: top ${marks} | frames ${frameMarks.map((m) => m.replace(/@(\d+(\.\d+)?)/g, (_x, t: string) => `@${Math.round(Number(t) - origin)}`)).join(' ; ')}`);
    if (i > 0) {
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, k) => {
        const n = nodes.get(id);
        if (!n) return;
        const dt = (profile.timeDeltas[k] ?? 0) / 1000 / RUNS;
        const src = short(n.callFrame.url) || n.callFrame.functionName;
        bySrc.set(src, (bySrc.get(src) ?? 0) + dt);
        if (n.callFrame.url.includes('chrome-extension')) {
          const key = `${n.callFrame.functionName || '(anon)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
          byFn.set(key, (byFn.get(key) ?? 0) + dt);
        }
      });
      // Inclusive time per function of ours (top-down): each sample's stack, our frames counted once.
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      profile.samples.forEach((id, k) => {
        const dt = (profile.timeDeltas[k] ?? 0) / 1000 / RUNS;
        const seen = new Set<string>();
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const n = nodes.get(cur);
          if (!n || !n.callFrame.url.includes('chrome-extension')) continue;
          const key = `INCL ${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
          if (seen.has(key)) continue;
          seen.add(key);
          byFn.set(key, (byFn.get(key) ?? 0) + dt);
        }
      });
    }
    await cdp.detach();
    await page.close();
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(2).padStart(8)} ms  ${k}`).join('\n');
  console.log(`\nself time per script (ms per load, mean of ${RUNS}):\n${top(bySrc, 15)}`);
  console.log(`\nour functions (self, and INCL = inclusive):\n${top(byFn, 60)}`);
  await s.close();
}

void main();
