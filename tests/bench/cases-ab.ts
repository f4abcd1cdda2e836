/**
 * T10's filter steps on two builds side by side (a tool, not a bench): `AB_BEFORE` (a copied
 * `.output/chrome-mv3` of the code before a change) and the current build, each over 10,000 and over 100 cases
 * (four browsers), the steps taking turns across the four so a burst of load falls on all alike. Per side: the
 * wall time of a step (click → rendered mark, as the bench) and the workbench page's main-thread CPU over it
 * (CDP Performance metrics: ThreadTime, and of it style, layout and script), medians over the set steps, the
 * clear steps and all. On a loaded machine judge a change by the before/after difference within one run.
 * `npx wxt build && AB_BEFORE=/tmp/before AB_RUNS=8 npx tsx tests/bench/cases-ab.ts` (`AB_CSS='a|||b'`: more sides,
 * the current build with that CSS added, to try style changes without a build).
 */
import type { CDPSession, Page } from 'playwright-core';
import { launch, type Session } from '../e2e/harness';
import { summarise } from './stats';
import { filterOnce, firstRender, seed, settled, type Step, stepList } from './workbench';

const RUNS = Number(process.env.AB_RUNS ?? 8);
const METRICS = ['ThreadTime', 'RecalcStyleDuration', 'LayoutDuration', 'ScriptDuration', 'TaskDuration'] as const;
type Metric = (typeof METRICS)[number];
interface Sample {
  step: number;
  wall: number;
  m: Record<Metric, number>;
}
interface Side {
  name: string;
  cases: number;
  s: Session;
  page: Page;
  cdp: CDPSession;
  steps: Step[];
  samples: Sample[];
}

async function metrics(cdp: CDPSession): Promise<Record<Metric, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const out = { ThreadTime: 0, RecalcStyleDuration: 0, LayoutDuration: 0, ScriptDuration: 0, TaskDuration: 0 };
  for (const { name, value } of list) if ((METRICS as readonly string[]).includes(name)) out[name as Metric] = value * 1000; // a tool: the names were just checked
  return out;
}

async function open(name: string, cases: number, extensionDir?: string, css?: string): Promise<Side> {
  const s = await launch(extensionDir ? { extensionDir } : {});
  const page = await s.openExtensionPage('options.html');
  await page.locator('[data-jzs-cases-panel]').waitFor();
  await seed(page, cases);
  await firstRender(page, cases);
  await settled(page);
  // A probe: CSS added to the current build's pages only (`AB_CSS`), to try a style change without a build.
  if (css) await page.addStyleTag({ content: css });
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { name, cases, s, page, cdp, steps: await stepList(page), samples: [] };
}

async function main(): Promise<void> {
  const before = process.env.AB_BEFORE;
  const sizes = (process.env.AB_SIDES ?? '10000,100').split(',').map(Number);
  const sides: Side[] = [];
  for (const cases of sizes) {
    if (before) sides.push(await open(`before ${cases}`, cases, before));
    sides.push(await open(`after ${cases}`, cases));
    // Further probes: each `|||`-separated part of AB_CSS on the current build, a side of its own.
    for (const [n, css] of (process.env.AB_CSS ?? '').split('|||').entries()) if (css.trim()) sides.push(await open(`css${n + 1} ${cases}`, cases, undefined, css));
  }
  for (const side of sides) for (const [sel, v, ev] of side.steps) await filterOnce(side.page, sel, v, ev); // warm
  for (let i = 0; i < RUNS; i++) {
    for (let j = 0; j < 8; j++) {
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(i + j + k) % sides.length];
        const step = side?.steps[j];
        if (!side || !step) continue;
        const a = await metrics(side.cdp);
        const wall = await filterOnce(side.page, step[0], step[1], step[2]);
        const b = await metrics(side.cdp);
        const m = { ...a };
        for (const key of METRICS) m[key] = b[key] - a[key];
        side.samples.push({ step: j, wall, m });
      }
    }
    process.stderr.write(`round ${i + 1}/${RUNS}\n`);
  }
  for (const side of sides) await side.s.close();
  const med = (xs: number[]) => summarise(xs).median;
  for (const side of sides) {
    const part = (f: (x: Sample) => boolean) => side.samples.filter(f);
    const line = (label: string, xs: Sample[]) =>
      `  ${label.padEnd(5)} wall ${med(xs.map((x) => x.wall)).toFixed(1).padStart(5)}  cpu ${med(xs.map((x) => x.m.ThreadTime)).toFixed(1).padStart(5)}  style ${med(xs.map((x) => x.m.RecalcStyleDuration)).toFixed(1).padStart(4)}  layout ${med(xs.map((x) => x.m.LayoutDuration)).toFixed(1).padStart(4)}  script ${med(xs.map((x) => x.m.ScriptDuration)).toFixed(1).padStart(4)}  task ${med(xs.map((x) => x.m.TaskDuration)).toFixed(1).padStart(5)}`;
    console.log(side.name);
    console.log(line('set', part((x) => x.step % 2 === 0)));
    console.log(line('clear', part((x) => x.step % 2 === 1)));
    console.log(line('all', side.samples));
    console.log(`  per step cpu: ${[0, 1, 2, 3, 4, 5, 6, 7].map((j) => med(part((x) => x.step === j).map((x) => x.m.ThreadTime)).toFixed(1)).join(' ')}`);
  }
  const byName = new Map(sides.map((x) => [x.name, x]));
  for (const build of before ? ['before', 'after'] : ['after']) {
    const big = byName.get(`${build} ${sizes[0]}`);
    const small = byName.get(`${build} ${sizes[1]}`);
    if (!big || !small) continue;
    const r = (f: (x: Sample) => number, keep: (x: Sample) => boolean = () => true) =>
      (med(big.samples.filter(keep).map(f)) / med(small.samples.filter(keep).map(f))).toFixed(2);
    const set = (x: Sample) => x.step % 2 === 0;
    console.log(`${build}: ratio ${sizes[0]}/${sizes[1]} wall ${r((x) => x.wall)}×, cpu ${r((x) => x.m.ThreadTime)}×; the set steps alone: wall ${r((x) => x.wall, set)}×, cpu ${r((x) => x.m.ThreadTime, set)}×`);
  }
}

void main();
