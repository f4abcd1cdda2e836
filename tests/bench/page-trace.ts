/**
 * The page renderer's main-thread tasks during one load of the bench's portal page (T1/T3; a tool, not a
 * bench): each task of 0.5 ms or more from the top document's start to its `jzs-overlay-ready` mark, with wall
 * and CPU time and what ran in it (scripts by URL, layout, style, parsing, events). PROFILE_EXT=empty traces the
 * bench's baseline extension. TRACE_PANEL=1 traces the panel frame's own renderer instead (from its first task to
 * its `jzs-checklist-ready` mark + 400 ms). `npx wxt build && npx tsx tests/bench/page-trace.ts`.
 */
import { join } from 'node:path';
import { launch, ROOT } from '../e2e/harness';
import { replica } from '../fixtures/replicas';
import { writeEmptyExtension } from './empty-extension';
import { type RawTraceEvent, rec, recordTrace } from './main-thread-trace';

type Ev = RawTraceEvent;

/** TRACE_MIN_MS: the shortest task printed (default 0.5 ms). */
const MIN_US = Number(process.env.TRACE_MIN_MS ?? 0.5) * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function label(e: Ev): string {
  const data = rec(e.args.data);
  const frame = typeof data.frame === 'string' ? `[${data.frame.slice(-4)}]` : '';
  const url = typeof data.url === 'string' ? data.url : typeof data.scriptName === 'string' ? data.scriptName : '';
  const short = url.replace(/^chrome-extension:\/\/[^/]+/, 'ext:').replace(/^https?:\/\/[^/]+/, '').slice(0, 60);
  const type = typeof data.type === 'string' ? data.type : '';
  return [e.name, short, type, frame].filter(Boolean).join(' ');
}

async function main(): Promise<void> {
  const s = await launch(process.env.PROFILE_EXT === 'empty' ? { extensionDir: writeEmptyExtension(join(ROOT, '.output', 'bench', 'empty-extension')) } : {});
  const url = replica('zwdt-declaration-initial').url;
  // TRACE_RUNS: traced loads after the warm-up (default 1; with more, only the totals and their medians print).
  const runs = Number(process.env.TRACE_RUNS ?? 1);
  const totals: Array<[number, number]> = [];
  for (let i = 0; i <= runs; i++) {
    const page = await s.context.newPage();
    const cdp = await s.context.newCDPSession(page);
    const events = await recordTrace(cdp, 'devtools.timeline,blink.user_timing,v8.execute,__metadata,disabled-by-default-devtools.timeline,loading', async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('jzs-overlay-ready').length > 0);
      await sleep(process.env.TRACE_PANEL === '1' ? 1200 : 500);
    });
    await cdp.detach();
    await page.close();
    if (i === 0) continue; // warm-up
    const panelMode = process.env.TRACE_PANEL === '1';
    const endMark = panelMode ? 'jzs-checklist-ready' : 'jzs-overlay-ready';
    const marks = events.filter((e) => e.name === endMark || e.name.startsWith('T-') || e.name.startsWith('jzs-'));
    const dcl = events.find((e) => e.name === 'domContentLoadedEventEnd' || e.name === 'MarkDOMContent');
    const pid = marks.find((m) => m.name === endMark)?.pid ?? dcl?.pid;
    const main = events.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && rec(e.args).name === 'CrRendererMain');
    const onMain = events.filter((e) => e.pid === pid && e.tid === main?.tid);
    const start = panelMode ? Math.min(...onMain.filter((e) => e.ph === 'X').map((e) => e.ts)) : (onMain.find((e) => e.name === 'ParseHTML')?.ts ?? 0);
    const topReady = marks.filter((m) => m.name === endMark && m.pid === pid).map((m) => m.ts);
    const end = Math.max(...topReady) + 400_000;
    if (runs === 1) console.log(`marks (ms after first ParseHTML): ${marks.map((m) => `${m.name}@${((m.ts - start) / 1000).toFixed(1)}`).join(' ')}`);
    let wall = 0;
    let cpu = 0;
    for (const t of onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts >= start && e.ts <= end)) {
      wall += t.dur;
      cpu += t.tdur;
      if (t.dur < MIN_US || runs > 1) continue;
      const inside = onMain.filter((e) => e.ph === 'X' && e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur >= 300 && e.name !== 'RunTask');
      const parts = inside.slice(0, Number(process.env.TRACE_PARTS ?? 8)).map((e) => `${label(e)} ${(e.dur / 1000).toFixed(1)}`);
      console.log(`@${((t.ts - start) / 1000).toFixed(1).padStart(6)} wall ${(t.dur / 1000).toFixed(1).padStart(5)} cpu ${(t.tdur / 1000).toFixed(1).padStart(5)} | ${parts.join(' · ')}`);
    }
    console.log(`total tasks: wall ${(wall / 1000).toFixed(1)} ms, cpu ${(cpu / 1000).toFixed(1)} ms`);
    totals.push([wall / 1000, cpu / 1000]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  if (runs > 1) console.log(`median of ${runs}: wall ${median(totals.map((x) => x[0])).toFixed(1)} ms, cpu ${median(totals.map((x) => x[1])).toFixed(1)} ms`);
  await s.close();
}

void main();
