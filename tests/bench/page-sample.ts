/**
 * One load of a portal page and what it cost over every process the tab uses (bench T1, T3, T4): shared by the
 * bench and tools that compare other extensions (the floor of an extension frame).
 */
import type { Session } from '../e2e/harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PageSample {
  taskMs: number;
  /**
   * CPU time of the page renderer's main thread (CDP `ThreadTime`): unlike task time it does not grow when the
   * machine is loaded and the thread waits for a core, so it is printed beside T1 as a load-proof check.
   */
  cpuMs: number;
  readyMs: number;
  /** When the checklist (which needs the background's answer) is in the panel; ours only. */
  checklistMs: number;
  heap: number;
  /** Of which in the panel's extension-origin frame (its own renderer process). */
  frameTaskMs: number;
  frameHeap: number;
}

type Metrics = Array<{ name: string; value: number }>;
const metric = (metrics: Metrics, n: string) => metrics.find((m) => m.name === n)?.value ?? 0;

/**
 * Cost of one page load over every process the tab uses (issue 13.5): the page's renderer (the page, its
 * same-origin iframe, our content script) plus, for us, the panel's extension-origin frame, which Chromium
 * runs out of process (its own CDP target). Task time and heap of both are added up, so moving work into
 * the frame does not hide it.
 */
export async function samplePage(s: Session, url: string): Promise<PageSample> {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  // Wait for every frame's content script to have run (the e-form iframe too), then let work settle.
  await page.waitForFunction(() => performance.getEntriesByName('jzs-overlay-ready').length > 0);
  for (const f of page.frames()) await f.waitForFunction(() => performance.getEntriesByName('jzs-overlay-ready').length > 0, undefined, { timeout: 2000 }).catch(() => undefined);
  const findPanel = () => page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/panel.html'));
  let panel = findPanel();
  if (panel) await panel.waitForFunction(() => performance.getEntriesByName('jzs-checklist-ready').length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);
  await sleep(400);
  // A panel frame that came later (the collapsed default has none) is counted all the same.
  panel ??= findPanel();
  // (No named functions inside page callbacks: tsx would wrap them in a helper the page does not have.)
  const [readyMs, dcl, origin] = await page.evaluate(() => {
    const d = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
    return [(performance.getEntriesByName('jzs-overlay-ready')[0]?.startTime ?? Number.NaN) - d, d, performance.timeOrigin] as [number, number, number];
  });
  let checklistMs = Number.NaN;
  let frameTaskMs = 0;
  let frameHeap = 0;
  if (panel) {
    // The checklist mark is on the frame's own clock: bring it onto the page's.
    const [mark, frameOrigin] = await panel.evaluate(() => [performance.getEntriesByName('jzs-checklist-ready')[0]?.startTime ?? Number.NaN, performance.timeOrigin] as [number, number]);
    checklistMs = mark + frameOrigin - origin - dcl;
    const fcdp = await s.context.newCDPSession(panel);
    await fcdp.send('Performance.enable');
    await fcdp.send('HeapProfiler.collectGarbage');
    const fm = (await fcdp.send('Performance.getMetrics')).metrics as Metrics;
    frameTaskMs = metric(fm, 'TaskDuration') * 1000;
    frameHeap = metric(fm, 'JSHeapUsedSize');
    await fcdp.detach();
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics as Metrics;
  await cdp.detach();
  await page.close();
  return {
    taskMs: metric(metrics, 'TaskDuration') * 1000 + frameTaskMs,
    cpuMs: metric(metrics, 'ThreadTime') * 1000,
    readyMs,
    checklistMs,
    heap: metric(metrics, 'JSHeapUsedSize') + frameHeap,
    frameTaskMs,
    frameHeap,
  };
}

