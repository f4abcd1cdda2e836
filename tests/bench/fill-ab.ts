/**
 * Two builds of the extension side by side on bench T8's path (a tool, not a bench): the same click on 确认填写
 * in the panel frame, alternated between the builds (A B B A …) in one process so that both meet the same
 * load; per build the click → results time (the confirm's own marks) and the page renderer's script task in
 * wall and CPU time (a Chrome trace). `FILL_AB=dirA,dirB npx tsx tests/bench/fill-ab.ts` (AB_RUNS=12), each dir a
 * copy of `.output/chrome-mv3`.
 * Each build runs in AB_SESSIONS browsers (2), launched in mirrored order (A B B A): one browser of a pair is
 * not like the other — the same build in the first and the second browser differed by 0.5–1.2 ms of task CPU
 * (medians of 20 runs, 2026-12-02 22:15, load 12–14), enough to pass for a change between builds. Even so, the
 * same build on both sides differs by ~0.6 ms in a run of 20 (an A/A run, FINDINGS): repeat, with both orders.
 */
import type { Page } from 'playwright-core';
import { launch, panelFrame, rulesIn, type Session } from '../e2e/harness';
import { FILL_MARKS } from '../../src/fill/confirm';
import { recordTrace } from './main-thread-trace';
import { activateMini40Applicant } from './mini-40';

const at = (a: number[], q: number) => [...a].sort((x, y) => x - y)[Math.floor(a.length * q)] ?? Number.NaN;
const median = (a: number[]) => at(a, 0.5);
const CATEGORIES = 'devtools.timeline,blink.user_timing,v8.execute,toplevel';

async function prepared(dir: string): Promise<Session> {
  const s = await launch({ extensionDir: dir });
  const bench = await s.openExtensionPage('options.html');
  await activateMini40Applicant(bench);
  return s;
}

async function confirmOnce(s: Session): Promise<{ ms: number; wall: number; cpu: number; ok: number }> {
  const page: Page = await s.open('bench-mini-40');
  await rulesIn(page);
  const panel = await panelFrame(page);
  await panel.locator('[data-jzs-action="fill"]').click();
  await panel.locator('[data-jzs-action="confirm-fill"]').waitFor();
  const cdp = await s.context.newCDPSession(page);
  const events = await recordTrace(cdp, CATEGORIES, async () => {
    await panel.locator('[data-jzs-action="confirm-fill"]').click();
    await panel.locator('[data-jzs-fill-results]').waitFor();
  });
  await cdp.detach();
  const ok = Number(await panel.locator('[data-jzs-fill-results]').getAttribute('data-ok'));
  await page.close();
  const click = events.find((e) => e.name === FILL_MARKS.confirm);
  const done = events.find((e) => e.name === FILL_MARKS.results);
  if (!click || !done) throw new Error('marks not in the trace');
  const task = events.filter((x) => x.name === 'EvaluateScript' && x.ph === 'X' && x.ts >= click.ts && x.ts <= done.ts).sort((a, b) => b.dur - a.dur)[0];
  return { ms: (done.ts - click.ts) / 1000, wall: (task?.dur ?? Number.NaN) / 1000, cpu: (task?.tdur ?? Number.NaN) / 1000, ok };
}

async function main(): Promise<void> {
  const dirs = (process.env.FILL_AB ?? '').split(',').filter(Boolean);
  if (dirs.length < 2) throw new Error('FILL_AB=dirA,dirB');
  const perBuild = Number(process.env.AB_SESSIONS ?? 2);
  // Launch order A B, then B A, …: which build a browser runs is balanced against when it was launched.
  const builds = Array.from({ length: perBuild }, (_, j) => (j % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()])).flat();
  const sessions: Session[] = [];
  for (const k of builds) sessions.push(await prepared(dirs[k] ?? ''));
  for (const s of sessions) await confirmOnce(s); // the first confirm of a browser is not counted
  const rows = dirs.map(() => ({ ms: [] as number[], wall: [] as number[], cpu: [] as number[], ok: [] as number[] }));
  const runs = Number(process.env.AB_RUNS ?? 12);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [...sessions.keys()].reverse() : [...sessions.keys()];
    for (const j of order) {
      const r = await confirmOnce(sessions[j] as Session);
      const row = rows[builds[j] ?? -1];
      if (!row) continue;
      row.ms.push(r.ms);
      row.wall.push(r.wall);
      row.cpu.push(r.cpu);
      row.ok.push(r.ok);
    }
  }
  await Promise.all(sessions.map((s) => s.close()));
  dirs.forEach((d, k) => {
    const r = rows[k];
    if (!r) return;
    // On a loaded machine the low quartile and the minimum say more about the code than the median.
    const f = (a: number[]) => `median ${median(a).toFixed(2)}  p25 ${at(a, 0.25).toFixed(2)}  min ${Math.min(...a).toFixed(2)}  (${a.map((x) => x.toFixed(1)).join(' ')})`;
    console.log(`${d}\n  click→results ${f(r.ms)}\n  task wall     ${f(r.wall)}\n  task CPU      ${f(r.cpu)}\n  ok ${Math.min(...r.ok)}–${Math.max(...r.ok)}`);
  });
}

void main();
