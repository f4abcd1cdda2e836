/**
 * Where a T10 filter change's time goes (a tool, not a bench): the workbench over 10,000 cases and over 100,
 * each traced (Chrome trace, every process and thread: the workbench page's renderer main thread, the
 * extension's service worker thread, the browser's IO/UI threads) over the bench's eight filter steps, after
 * the same warm-up. Per thread: wall and CPU time of its top-level tasks, garbage collections, and the
 * longest events by name. `npx wxt build && npx tsx tests/bench/cases-trace.ts`.
 */
import type { Page } from 'playwright-core';
import { launch, type Session } from '../e2e/harness';
import { type RawTraceEvent, rec, recordTrace } from './main-thread-trace';
import { filterSteps, firstRender, seed } from './workbench';

type Ev = RawTraceEvent;
const ROUNDS = Number(process.env.TRACE_ROUNDS ?? 3);


async function traced(s: Session, page: Page): Promise<{ events: Ev[]; times: number[] }> {
  const cdp = await s.context.newCDPSession(page);
  const categories = process.env.TRACE_CATS ?? 'toplevel,devtools.timeline,blink.user_timing,v8.execute,v8,disabled-by-default-devtools.timeline,__metadata,extensions,ipc,mojom';
  const times: number[] = [];
  const events = await recordTrace(cdp, categories, async () => {
    for (let i = 0; i < ROUNDS; i++) times.push(...(await filterSteps(page)));
  });
  await cdp.detach();
  return { events, times };
}

function report(label: string, events: Ev[], times: number[]): void {
  const names = new Map<string, string>();
  const procs = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(rec(e.args).name));
    if (e.name === 'process_name') procs.set(e.pid, String(rec(e.args).name));
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`\n== ${label}: ${times.length} steps, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, sum ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
  const perThread = new Map<string, { wall: number; cpu: number; n: number; gc: number; gcN: number; byName: Map<string, number> }>();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const key = `${procs.get(e.pid) ?? e.pid}/${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    let t = perThread.get(key);
    if (!t) perThread.set(key, (t = { wall: 0, cpu: 0, n: 0, gc: 0, gcN: 0, byName: new Map() }));
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      t.wall += e.dur;
      t.cpu += e.tdur;
      t.n++;
    } else {
      if (/GC|Scavenge|MarkCompact|Sweep/i.test(e.name)) {
        t.gc += e.dur;
        t.gcN++;
      }
      t.byName.set(e.name, (t.byName.get(e.name) ?? 0) + e.dur);
    }
  }
  // Per step: from each query mark to the next rendered mark, what the page's main thread and the worker did.
  const starts = events.filter((e) => e.name === 'jzs-cases-query').map((e) => e.ts).sort((x, y) => x - y);
  const ends = events.filter((e) => e.name === 'jzs-cases-rendered').map((e) => e.ts).sort((x, y) => x - y);
  const markThread = events.find((e) => e.name === 'jzs-cases-query');
  const swThread = [...names].find(([k, n]) => n === 'ServiceWorker thread' && markThread && k.startsWith(`${markThread.pid}:`))?.[0];
  const inStep = new Map<string, number>();
  let swCpu = 0;
  let mainCpu = 0;
  let mainWall = 0;
  let span = 0;
  const byStep: number[][] = [];
  for (const [step, t] of starts.entries()) {
    const end = ends.find((x) => x > t);
    if (end === undefined) continue;
    span += end - t;
    const before = mainCpu;
    (byStep[step % 8] ??= []).push(-before);
    for (const e of events) {
      if (e.ph !== 'X' || e.ts < t || e.ts > end) continue;
      const k = `${e.pid}:${e.tid}`;
      if (markThread && k === `${markThread.pid}:${markThread.tid}`) {
        if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
          mainCpu += e.tdur;
          mainWall += e.dur;
        } else if (step % 2 === 0 || !process.env.TRACE_SET_ONLY) inStep.set(e.name, (inStep.get(e.name) ?? 0) + e.dur);
      }
      if (k === swThread && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')) swCpu += e.tdur;
    }
    const list = byStep[step % 8];
    if (list) list[list.length - 1] = (list.at(-1) ?? 0) + mainCpu;
  }
  console.log(`page main CPU per step kind (ms, mean): ${byStep.map((xs) => (xs.reduce((a, b) => a + b, 0) / xs.length / 1000).toFixed(1)).join(' ')}`);
  const n = starts.length;
  console.log(`per step (query mark → rendered mark, ${n} steps): span ${(span / 1000 / n).toFixed(1)} ms; page main wall ${(mainWall / 1000 / n).toFixed(1)} cpu ${(mainCpu / 1000 / n).toFixed(1)}; worker cpu ${(swCpu / 1000 / n).toFixed(1)}`);
  console.log([...inStep].sort((x, y) => y[1] - x[1]).slice(0, 16).map(([k, d]) => `    ${(d / 1000 / n).toFixed(2).padStart(7)}  ${k}`).join('\n'));
  const per = times.length;
  for (const [k, t] of [...perThread].sort((a, b) => b[1].wall - a[1].wall).slice(0, 10)) {
    console.log(`${k}: tasks ${t.n} wall ${(t.wall / 1000 / per).toFixed(2)} cpu ${(t.cpu / 1000 / per).toFixed(2)} ms/step; gc-ish ${t.gcN} ${(t.gc / 1000 / per).toFixed(2)} ms/step`);
    const top = [...t.byName].sort((a, b) => b[1] - a[1]).slice(0, 14);
    console.log(top.map(([n, d]) => `    ${(d / 1000 / per).toFixed(2).padStart(7)}  ${n}`).join('\n'));
  }
}

async function main(): Promise<void> {
  const out: Array<{ label: string; events: Ev[]; times: number[] }> = [];
  for (const cases of (process.env.TRACE_SIDES ?? '10000,100').split(',').map(Number)) {
    const s = await launch();
    const page = await s.openExtensionPage('options.html');
    await page.locator('[data-jzs-cases-panel]').waitFor();
    await seed(page, cases);
    await firstRender(page, cases);
    await page.locator('[data-jzs-profile-count="10000"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-jzs-deadline-employer] option').length > 1, undefined, { timeout: 60_000 });
    // A probe: CSS added to the page (`TRACE_CSS`), to see what a style change does to each step's events.
    if (process.env.TRACE_CSS) await page.addStyleTag({ content: process.env.TRACE_CSS });
    await filterSteps(page); // warm
    const r = await traced(s, page);
    out.push({ label: `${cases} cases`, ...r });
    await s.close();
  }
  for (const o of out) report(o.label, o.events, o.times);
}

void main();
