/**
 * Where a confirm's time goes (bench T8; a tool, not a bench): Chrome traces of a click on 确认填写 in the
 * panel frame on the bench's 40-field page, and of the bench's floor (the page's own setValue loop in one
 * executeScript from an extension page) on the page in the same state. Per run, the wall time, and the page
 * renderer's script task (compile + run) in wall and CPU time: on a loaded machine wall time includes waiting
 * for a core, CPU time does not. TRACE_VERBOSE=1 lists every task of the confirm on the panel's, the page's
 * and the browser's main threads. `npx wxt build && npx tsx tests/bench/fill-trace.ts`.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launch, panelFrame, rulesIn, type Session } from '../e2e/harness';
import { FILL_MARKS } from '../../src/fill/confirm';
import { replica } from '../fixtures/replicas';
import { type RawTraceEvent, recordTrace } from './main-thread-trace';
import { activateMini40Applicant, MINI_40_VALUES } from './mini-40';

type Ev = RawTraceEvent;
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? Number.NaN;
const CATEGORIES = 'devtools.timeline,blink.user_timing,v8.execute,v8,__metadata,disabled-by-default-devtools.timeline,toplevel,extensions';

async function traced(s: Session, page: Page, work: () => Promise<void>): Promise<Ev[]> {
  const cdp: CDPSession = await s.context.newCDPSession(page);
  const events = await recordTrace(cdp, CATEGORIES, work);
  await cdp.detach();
  return events;
}

/** The page's script task (ExecuteCode → EvaluateScript) in the window, wall and CPU ms. */
function scriptTask(events: Ev[], from: number, to: number): { wall: number; cpu: number } {
  const e = events.filter((x) => x.name === 'EvaluateScript' && x.ph === 'X' && x.ts >= from && x.ts <= to).sort((a, b) => b.dur - a.dur)[0];
  return { wall: (e?.dur ?? Number.NaN) / 1000, cpu: (e?.tdur ?? Number.NaN) / 1000 };
}

function listTasks(events: Ev[], t0: number, t1: number): void {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args.name));
  const byThread = new Map<string, Ev[]>();
  for (const e of events.filter((x) => x.ph === 'X' && x.ts + x.dur >= t0 && x.ts <= t1 && x.dur >= 50)) {
    const k = `${e.pid}:${e.tid}`;
    if (!/CrRendererMain|CrBrowserMain/.test(threads.get(k) ?? '')) continue;
    byThread.set(k, [...(byThread.get(k) ?? []), e]);
  }
  for (const [k, list] of byThread) {
    console.log(`-- ${threads.get(k)} ${k}`);
    for (const e of list.sort((a, b) => a.ts - b.ts)) {
      const depth = list.filter((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur).length;
      console.log(`${((e.ts - t0) / 1000).toFixed(2).padStart(7)} ${'  '.repeat(depth)}${e.name} ${(e.dur / 1000).toFixed(2)} cpu ${(e.tdur / 1000).toFixed(2)}`);
    }
  }
}

async function main(): Promise<void> {
  const s = await launch(process.env.FILL_DIR ? { extensionDir: process.env.FILL_DIR } : {});
  const bench = await s.openExtensionPage('options.html');
  await activateMini40Applicant(bench);
  await bench.evaluate('globalThis.__name = (f) => f');
  const ready = async () => {
    const page = await s.open('bench-mini-40');
    await rulesIn(page);
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-action="fill"]').click();
    await panel.locator('[data-jzs-action="confirm-fill"]').waitFor();
    return { page, panel };
  };
  const rows: Record<string, number[]> = {};
  const add = (k: string, v: number) => (rows[k] ??= []).push(v);
  const runs = Number(process.env.TRACE_RUNS ?? 8);
  for (let i = 0; i <= runs; i++) {
    {
      const { page, panel } = await ready();
      const events = await traced(s, page, async () => {
        await panel.locator('[data-jzs-action="confirm-fill"]').click();
        await panel.locator('[data-jzs-fill-results]').waitFor();
      });
      await page.close();
      const click = events.find((e) => e.name === FILL_MARKS.confirm);
      const done = events.find((e) => e.name === FILL_MARKS.results);
      if (!click || !done) throw new Error('marks not in the trace');
      if (i === 0) continue;
      const t = scriptTask(events, click.ts, done.ts);
      add('ours: click → results, wall', (done.ts - click.ts) / 1000);
      add('ours: page script task, wall', t.wall);
      add('ours: page script task, CPU', t.cpu);
      if (process.env.TRACE_VERBOSE) listTasks(events, click.ts - 2000, done.ts + 500);
    }
    {
      const { page } = await ready();
      let span: number[] = [];
      const events = await traced(s, page, async () => {
        span = await bench.evaluate(async ({ values, url }) => {
          const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<Array<{ id?: number }>> }; scripting: { executeScript(o: unknown): Promise<unknown[]> } } }).chrome;
          const [tab] = await chrome.tabs.query({ url });
          performance.mark('floor-start');
          const t0 = performance.now();
          await chrome.scripting.executeScript({
            target: { tabId: tab?.id },
            world: 'MAIN',
            args: [values],
            func: (v: Record<string, string>) => {
              const mini = (window as unknown as { mini: { get(id: string): { setValue(x: string): void; getValue(): unknown } } }).mini;
              for (const [id, x] of Object.entries(v)) mini.get(id).setValue(x);
              return Object.keys(v).map((id) => String(mini.get(id).getValue()));
            },
          });
          const ms = performance.now() - t0;
          performance.mark('floor-end');
          return [ms];
        }, { values: MINI_40_VALUES, url: replica('bench-mini-40').url });
      });
      await page.close();
      const a = events.find((e) => e.name === 'floor-start');
      const b = events.find((e) => e.name === 'floor-end');
      if (i === 0 || !a || !b) continue;
      const t = scriptTask(events, a.ts, b.ts);
      add('floor: call → answer, wall', span[0] ?? Number.NaN);
      add('floor: page script task, wall', t.wall);
      add('floor: page script task, CPU', t.cpu);
    }
  }
  await s.close();
  for (const [k, v] of Object.entries(rows)) console.log(`${k.padEnd(32)} median ${median(v).toFixed(2)} ms  (${v.map((x) => x.toFixed(1)).join(' ')})`);
}

void main();
