/**
 * A probe of a style change on T10's filter steps in ONE browser (a tool, not a bench): the CSS in `TOGGLE_CSS`
 * applies under `html.probe`, and the class is switched on and off between steps, so each step runs with and
 * without it in turn and a burst of load falls on both alike (more precise than two browsers on a loaded
 * machine). Prints the workbench page's main-thread CPU per step (CDP ThreadTime), with and without.
 * `npx wxt build && TOGGLE_CSS='html.probe table.case-rows td { … }' TOGGLE_CASES=10000 npx tsx tests/bench/cases-toggle.ts`.
 */
import { launch } from '../e2e/harness';
import { summarise } from './stats';
import { filterOnce, firstRender, seed, settled, stepList } from './workbench';

async function main(): Promise<void> {
  const cases = Number(process.env.TOGGLE_CASES ?? 10_000);
  const rounds = Number(process.env.TOGGLE_RUNS ?? 8);
  const s = await launch();
  const page = await s.openExtensionPage('options.html');
  await page.locator('[data-jzs-cases-panel]').waitFor();
  await seed(page, cases);
  await firstRender(page, cases);
  await settled(page);
  await page.addStyleTag({ content: process.env.TOGGLE_CSS ?? '' });
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpu = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
  const steps = await stepList(page);
  const out = { on: [] as number[], off: [] as number[], onWall: [] as number[], offWall: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    for (const [j, [sel, v, ev]] of steps.entries()) {
      // Each step twice, the probe on and off, in turns; the step is undone between the two (its partner step).
      for (const [k, on] of ((i + j) % 2 ? [true, false] : [false, true]).entries()) {
        await page.evaluate((p) => {
          document.documentElement.classList.toggle('probe', p);
          return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        }, on);
        const a = await cpu();
        const wall = await filterOnce(page, sel, v, ev);
        const b = await cpu();
        out[on ? 'on' : 'off'].push((b - a) * 1000);
        out[on ? 'onWall' : 'offWall'].push(wall);
        const [usel, uv, uev] = steps[j % 2 ? j - 1 : j + 1] ?? steps[0] ?? ['', '', 'change'];
        if (k === 0) await filterOnce(page, usel, uv, uev); // undo before the second run of the step
      }
    }
    process.stderr.write(`round ${i + 1}/${rounds}\n`);
  }
  await s.close();
  const m = (xs: number[]) => summarise(xs).median.toFixed(1);
  console.log(`${cases} cases, ${out.on.length} steps each: cpu with ${m(out.on)} ms, without ${m(out.off)} ms; wall with ${m(out.onWall)}, without ${m(out.offWall)} ms`);
}

void main();
