/**
 * Where the confirm's page-script task spends its CPU (bench T8; a tool, not a bench): a V8 CPU profile of the
 * page renderer (fine sampling) around each click on 确认填写 in the panel frame on the bench's 40-field page,
 * self and inclusive time per function summed over the runs (per confirm). Functions injected by
 * executeScript have no URL; they are named by their minified name and line:column (columns count from the
 * function's own start, 12 characters into the source executeScript makes of it, in the built chunk).
 * `npx wxt build && npx tsx tests/bench/fill-profile.ts` (PROFILE_RUNS=20, PROFILE_US=25).
 */
import { launch, panelFrame, rulesIn } from '../e2e/harness';
import { activateMini40Applicant } from './mini-40';
import type { CpuProfile, ProfileNode } from './cpu-profile';


const RUNS = Number(process.env.PROFILE_RUNS ?? 20);
const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;

async function main(): Promise<void> {
  const s = await launch(process.env.FILL_DIR ? { extensionDir: process.env.FILL_DIR } : {});
  const bench = await s.openExtensionPage('options.html');
  await activateMini40Applicant(bench);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  /** Every sample of the page's renderer in the confirm's window, by the script its function is in (ms per confirm). */
  const byScript = new Map<string, number>();
  /** Inclusive time of the functions above our content scripts' samples (what called them, and when). */
  const ours = new Map<string, number>();
  for (let i = 0; i <= RUNS; i++) {
    const page = await s.open('bench-mini-40');
    await rulesIn(page);
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-action="fill"]').click();
    await panel.locator('[data-jzs-action="confirm-fill"]').waitFor();
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_US ?? 25) });
    await cdp.send('Profiler.start');
    await panel.locator('[data-jzs-action="confirm-fill"]').click();
    await panel.locator('[data-jzs-fill-results]').waitFor();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.detach();
    await page.close();
    if (i === 0) continue;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // Only the samples under the injected functions (no URL, at line 0 column 12 of the source executeScript
    // makes of them: callKept and the kept page script), not Playwright's own injected scripts (no URL either).
    const inScript = (id: number): boolean => {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const m = nodes.get(cur);
        if (m && m.callFrame.url === '' && m.callFrame.lineNumber === 0 && m.callFrame.columnNumber === 12) return true;
      }
      return false;
    };
    profile.samples.forEach((id, k) => {
      const n = nodes.get(id);
      if (n && !/^\((idle|program|root)\)$/.test(n.callFrame.functionName)) {
        // Our content script (its world's event handlers, observers) shows under its own URL; the injected page script under none.
        const script = n.callFrame.url.replace(/^chrome-extension:\/\/[^/]+/, 'extension:') || (inScript(id) ? '(page script)' : '(no URL)');
        byScript.set(script, (byScript.get(script) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000 / RUNS);
        if (script.startsWith('extension:')) for (let cur: number | undefined = id, seen = new Set<string>(); cur !== undefined; cur = parent.get(cur)) {
          const m = nodes.get(cur);
          if (!m || seen.has(name(m))) continue;
          seen.add(name(m));
          ours.set(name(m), (ours.get(name(m)) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000 / RUNS);
        }
      }
      if (!n || /^\((idle|program|root)\)$/.test(n.callFrame.functionName) || !inScript(id)) return;
      const dt = (profile.timeDeltas[k] ?? 0) / 1000 / RUNS;
      self.set(name(n), (self.get(name(n)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const m = nodes.get(cur);
        if (!m) continue;
        const key = name(m);
        if (seen.has(key)) continue;
        seen.add(key);
        incl.set(key, (incl.get(key) ?? 0) + dt);
      }
    });
  }
  await s.close();
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(3).padStart(8)} ms  ${k}`).join('\n');
  console.log(`self (ms per confirm, mean of ${RUNS}):\n${top(self, 45)}`);
  console.log(`\ninclusive:\n${top(incl, 45)}`);
  console.log(`\nevery sample of the page's renderer in the window, by script:\n${top(byScript, 12)}`);
  console.log(`\nour content scripts' samples, inclusive:\n${top(ours, 40)}`);
}

void main();
