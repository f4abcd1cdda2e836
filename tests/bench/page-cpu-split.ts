/**
 * Where the page renderer's main-thread CPU goes over bench T1's window (a tool, not a bench): the same load as
 * `samplePage` (every frame's ready mark, the panel's checklist, 400 ms), traced, for ours and the floor (and
 * SPLIT_OTHER, another build of ours), interleaved; the thread's CPU split by kind — each trace event's SELF
 * CPU time (its `tdur` less its children's), keyed by event name, by who caused it (the extension's scripts,
 * the page's, or neither: the outermost script event around it) and by frame (top / sub-frame). Medians over
 * the rounds; the keys where ours and the floor differ most are printed first. Tracing inflates every figure:
 * read the differences. `npx wxt build && SPLIT_RUNS=6 npx tsx tests/bench/page-cpu-split.ts`.
 */
import { join } from 'node:path';
import { launch, ROOT, type Session } from '../e2e/harness';
import { replica } from '../fixtures/replicas';
import { writeFloorExtension } from './empty-extension';
import { type RawTraceEvent, rec, recordTrace } from './main-thread-trace';
import { summarise } from './stats';

const RUNS = Number(process.env.SPLIT_RUNS ?? 6);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Ev = RawTraceEvent;

const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,v8,blink.user_timing,__metadata,loading';

const urlOf = (e: Ev): string => {
  const d = rec(e.args.data);
  const b = rec(e.args.beginData);
  for (const v of [d.url, d.scriptName, b.url]) if (typeof v === 'string' && v) return v;
  return '';
};
const frameOf = (e: Ev): string => {
  const d = rec(e.args.data);
  const b = rec(e.args.beginData);
  for (const v of [d.frame, b.frame]) if (typeof v === 'string' && v) return v;
  return '';
};

/** One traced load: self CPU (ms) per key on the page renderer's main thread. */
async function once(s: Session, url: string): Promise<Map<string, number>> {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  const events = await recordTrace(cdp, CATEGORIES, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('jzs-overlay-ready').length > 0);
    for (const f of page.frames()) await f.waitForFunction(() => performance.getEntriesByName('jzs-overlay-ready').length > 0, undefined, { timeout: 2000 }).catch(() => undefined);
    const panel = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/panel.html'));
    if (panel) await panel.waitForFunction(() => performance.getEntriesByName('jzs-checklist-ready').length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);
    await sleep(400);
  });
  await cdp.detach();
  await page.close();
  const dcl = events.find((e) => e.name === 'MarkDOMContent' && rec(e.args.data).isOutermostMainFrame === true);
  const topFrame = dcl ? frameOf(dcl) : '';
  const main = events.find((e) => e.pid === dcl?.pid && e.ph === 'M' && e.name === 'thread_name' && rec(e.args).name === 'CrRendererMain');
  const xs = events.filter((e) => e.pid === dcl?.pid && e.tid === main?.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = new Map<string, number>();
  const add = (k: string, v: number) => out.set(k, (out.get(k) ?? 0) + v / 1000);
  // A stack of open events: each event's self time is its tdur less its direct children's.
  const stack: Array<{ e: Ev; child: number; who: string; frame: string }> = [];
  const close = (upTo: number) => {
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (!top || top.e.ts + top.e.dur > upTo) break;
      stack.pop();
      const self = top.e.tdur - top.child;
      add(`${top.e.name} | ${top.who} | ${top.frame}`, self);
      // How many: layouts and style recalculations are counted, not only timed (a count does not swing with load).
      out.set(`#${top.e.name} | ${top.frame}`, (out.get(`#${top.e.name} | ${top.frame}`) ?? 0) + 1);
      add(`TOTAL | ${top.who}`, self);
      const parent = stack[stack.length - 1];
      if (parent) parent.child += top.e.tdur;
    }
  };
  for (const e of xs) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    const u = urlOf(e);
    const who = u.startsWith('chrome-extension://') ? 'ext' : /^https?:/.test(u) && e.name !== 'ParseHTML' && e.name !== 'ResourceSendRequest' ? (parent?.who === 'ext' ? 'ext' : 'page') : (parent?.who ?? '-');
    const f = frameOf(e);
    const frame = f ? (f === topFrame ? 'top' : 'sub') : (parent?.frame ?? '?');
    stack.push({ e, child: 0, who, frame });
  }
  close(Number.POSITIVE_INFINITY);
  return out;
}

async function main(): Promise<void> {
  const url = replica('zwdt-declaration-initial').url;
  const sides: Array<[string, Session]> = [
    ['ours', await launch()],
    ['floor', await launch({ extensionDir: writeFloorExtension(join(ROOT, '.output', 'bench', 'floor-extension')) })],
  ];
  if (process.env.SPLIT_OTHER) sides.push(['other', await launch({ extensionDir: process.env.SPLIT_OTHER })]);
  const got = new Map<string, Array<Map<string, number>>>(sides.map(([n]) => [n, []]));
  for (const [, s] of sides) await once(s, url);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(i + k) % sides.length];
      if (side) got.get(side[0])?.push(await once(side[1], url));
    }
  }
  for (const [, s] of sides) await s.close();
  const keys = new Set<string>();
  for (const runs of got.values()) for (const m of runs) for (const k of m.keys()) keys.add(k);
  const med = (name: string, k: string) => summarise((got.get(name) ?? []).map((m) => m.get(k) ?? 0)).median;
  const rows = [...keys].map((k) => ({ k, v: sides.map(([n]) => med(n, k)) })).sort((a, b) => (b.v[0] ?? 0) - (b.v[1] ?? 0) - ((a.v[0] ?? 0) - (a.v[1] ?? 0)));
  console.log(`self CPU per key, medians of ${RUNS} (ms): ${sides.map(([n]) => n).join(' / ')}   [key = event | caused by | frame]`);
  const totals = rows.filter((r) => r.k.startsWith('TOTAL'));
  const all = (n: number) => summarise((got.get(sides[n]?.[0] ?? '') ?? []).map((m) => [...m].filter(([k]) => k.startsWith('TOTAL')).reduce((a, [, v]) => a + v, 0))).median;
  console.log(`all: ${sides.map((_, n) => all(n).toFixed(1)).join(' / ')}`);
  const counts = ['#Layout | top', '#Layout | sub', '#UpdateLayoutTree | top', '#UpdateLayoutTree | sub', '#Paint | top', '#RunMicrotasks | ?'];
  console.log(`counts (medians): ${counts.map((k) => `${k.slice(1)} ${sides.map(([n]) => med(n, k)).join('/')}`).join(', ')}`);
  for (const r of totals) console.log(`${r.v.map((v) => v.toFixed(2).padStart(7)).join(' ')}  ${r.k}`);
  for (const r of rows.filter((x) => !x.k.startsWith('TOTAL') && !x.k.startsWith('#') && x.v.some((v) => v >= 0.3)).slice(0, Number(process.env.SPLIT_TOP ?? 45))) console.log(`${r.v.map((v) => v.toFixed(2).padStart(7)).join(' ')}  ${r.k}`);
}

void main();
