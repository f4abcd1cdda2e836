/**
 * Bench T3's path in CPU time (a tool, not a bench): for ours, the baseline and the floor, interleaved, one traced
 * load each per round, the page renderer main thread's CPU time from the top document's DOMContentLoaded to its
 * `jzs-overlay-ready` mark (tasks clipped to that span), beside the wall time. On a loaded machine the wall
 * time includes waiting for a core; the CPU time is the work on T3's path, which is what a quiet machine's T3
 * comes down to (plus the waits for other processes' answers). `npx wxt build && READY_RUNS=8 npx tsx
 * tests/bench/ready-cpu.ts`.
 */
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launch, ROOT, type Session } from '../e2e/harness';
import { replica } from '../fixtures/replicas';
import { writeEmptyExtension, writeFloorExtension } from './empty-extension';
import { type RawTraceEvent, rec, recordTrace } from './main-thread-trace';
import { summarise } from './stats';

const RUNS = Number(process.env.READY_RUNS ?? 8);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Ev = RawTraceEvent;

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<Ev[]> {
  return recordTrace(cdp, 'devtools.timeline,blink.user_timing,__metadata,disabled-by-default-devtools.timeline', run);
}

interface Sample {
  wall: number;
  cpu: number;
  /** Of which in the extension's own scripts (compile, run, the layouts they force), outermost calls only. */
  ext: number;
}

const extUrl = (e: Ev): boolean => {
  const data = rec(e.args.data);
  const url = typeof data.url === 'string' ? data.url : typeof data.scriptName === 'string' ? data.scriptName : '';
  return url.startsWith('chrome-extension://');
};

/** One load: wall and main-thread CPU time (ms) from the top's DOMContentLoaded to its ready mark. */
async function once(s: Session, url: string, name = ''): Promise<Sample> {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  let startTime = 0;
  const events = await trace(cdp, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('jzs-overlay-ready').length > 0);
    startTime = await page.evaluate(() => performance.getEntriesByName('jzs-overlay-ready')[0]?.startTime ?? 0);
    await sleep(300);
  });
  await cdp.detach();
  await page.close();
  const dcl = events.find((e) => e.name === 'MarkDOMContent' && rec(e.args.data).isOutermostMainFrame === true);
  const ready = events.find((e) => e.name === 'jzs-overlay-ready' && Math.abs(Number(rec(e.args.data).startTime) - startTime) < 0.01);
  if (!dcl || !ready) return { wall: Number.NaN, cpu: Number.NaN, ext: Number.NaN };
  const main = events.find((e) => e.pid === dcl.pid && e.ph === 'M' && e.name === 'thread_name' && rec(e.args).name === 'CrRendererMain');
  let cpu = 0;
  for (const t of events) {
    if (t.pid !== dcl.pid || t.tid !== main?.tid || t.ph !== 'X' || t.name !== 'RunTask') continue;
    const from = Math.max(t.ts, dcl.ts);
    const to = Math.min(t.ts + t.dur, ready.ts);
    if (to <= from || t.dur <= 0) continue;
    cpu += (t.tdur * (to - from)) / t.dur;
  }
  let ext = 0;
  let end = 0;
  const ours = events.filter((e) => e.pid === dcl.pid && e.tid === main?.tid && e.ph === 'X' && e.ts >= dcl.ts && e.ts < ready.ts && extUrl(e)).sort((x, y) => x.ts - y.ts);
  for (const e of ours) {
    if (e.ts < end) continue; // inside one already counted
    end = e.ts + e.dur;
    ext += e.tdur;
    if (process.env.READY_DETAIL) console.log(`  ${name} @${((e.ts - dcl.ts) / 1000).toFixed(1)} ${e.name} [${rec(e.args.data).frame === rec(dcl.args.data).frame ? 'top' : String(rec(e.args.data).frame ?? '').slice(-4)}] wall ${(e.dur / 1000).toFixed(1)} cpu ${(e.tdur / 1000).toFixed(1)}`);
  }
  if (process.env.READY_DETAIL) console.log(`  ${name} ready @${((ready.ts - dcl.ts) / 1000).toFixed(1)}`);
  return { wall: (ready.ts - dcl.ts) / 1000, cpu: cpu / 1000, ext: ext / 1000 };
}

async function main(): Promise<void> {
  const out = join(ROOT, '.output', 'bench');
  const sessions: Array<[string, Session]> = [
    // READY_OURS=<dir>: another build as 'ours' (to swap the two sides of an A/B into fresh sessions).
    ['ours', await launch(process.env.READY_OURS ? { extensionDir: process.env.READY_OURS } : {})],
    ['baseline', await launch({ extensionDir: writeEmptyExtension(join(out, 'empty-extension')) })],
    ['floor', await launch({ extensionDir: writeFloorExtension(join(out, 'floor-extension')) })],
  ];
  // READY_OTHER=<dir>: another build of ours (an A/B of a change), in the same rounds.
  if (process.env.READY_OTHER) sessions.push(['other', await launch({ extensionDir: process.env.READY_OTHER })]);
  const url = replica('zwdt-declaration-initial').url;
  const got = new Map<string, Sample[]>(sessions.map(([n]) => [n, []]));
  for (const [, s] of sessions) await once(s, url);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < sessions.length; k++) {
      const [name, s] = sessions[(i + k) % sessions.length] ?? sessions[0] ?? ['', sessions[0]?.[1] as never];
      got.get(name)?.push(await once(s, url, name));
    }
  }
  for (const [, s] of sessions) await s.close();
  const med = (name: string, k: keyof Sample) => summarise((got.get(name) ?? []).map((x) => x[k]).filter((x) => !Number.isNaN(x))).median;
  for (const [name] of sessions) {
    const xs = got.get(name) ?? [];
    console.log(`${name.padEnd(8)} wall ${med(name, 'wall').toFixed(1).padStart(6)} ms  cpu ${med(name, 'cpu').toFixed(1).padStart(6)} ms  extension's scripts ${med(name, 'ext').toFixed(1).padStart(5)} ms (cpu runs: ${xs.map((x) => x.cpu.toFixed(1)).join(' ')}; extension: ${xs.map((x) => x.ext.toFixed(1)).join(' ')})`);
  }
  console.log(`ours − baseline: wall +${(med('ours', 'wall') - med('baseline', 'wall')).toFixed(1)} ms, cpu +${(med('ours', 'cpu') - med('baseline', 'cpu')).toFixed(1)} ms; floor − baseline: wall +${(med('floor', 'wall') - med('baseline', 'wall')).toFixed(1)}, cpu +${(med('floor', 'cpu') - med('baseline', 'cpu')).toFixed(1)}`);
}

void main();
