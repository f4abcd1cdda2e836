/**
 * Two builds of ours side by side on the bench's portal page (T1/T3/T4; a tool, not a bench): `AB_BEFORE` (a
 * copied `.output/chrome-mv3` of the code before a change) and the current build, interleaved with the bench's
 * baseline extension, rotating which goes first, medians printed. On a loaded machine a change is judged by
 * the before/after difference within one run, never against another run's figures.
 * `AB_BEFORE=/tmp/before AB_RUNS=12 npx tsx tests/bench/page-ab.ts` (AB_AFTER=<dir>: another build than the
 * current one; AB_SESSIONS=n: fresh browsers n times, below).
 */
import { join } from 'node:path';
import { launch, ROOT, type Session } from '../e2e/harness';
import { replica } from '../fixtures/replicas';
import { writeEmptyExtension } from './empty-extension';
import { type PageSample, samplePage } from './page-sample';
import { summarise } from './stats';

const RUNS = Number(process.env.AB_RUNS ?? 12);

async function main(): Promise<void> {
  const before = process.env.AB_BEFORE;
  if (!before) throw new Error('AB_BEFORE: the directory of the build before the change');
  const url = replica('zwdt-declaration-initial').url;
  const dirs: Array<[string, string | undefined]> = [
    ['before', before],
    ['after', process.env.AB_AFTER],
    ['baseline', writeEmptyExtension(join(ROOT, '.output', 'bench', 'empty-extension'))],
  ];
  const sides: Array<[string, PageSample[]]> = dirs.map(([name]) => [name, []]);
  // AB_SESSIONS: the runs are split over this many fresh browser sessions per side (launched in turn, in a
  // rotating order): one Chromium instance can be slower than another all along on a loaded machine, and a
  // single session per side would read that as the change's effect.
  const sessions = Math.max(1, Number(process.env.AB_SESSIONS ?? 1));
  for (let g = 0; g < sessions; g++) {
    const open: Session[] = [];
    for (let k = 0; k < dirs.length; k++) {
      const dir = dirs[(g + k) % dirs.length]?.[1];
      open[(g + k) % dirs.length] = await launch(dir ? { extensionDir: dir } : {});
    }
    // A warm-up load per session (not counted); the placement memory fills as on a person's second visit.
    for (const s of open) await samplePage(s, url);
    const rounds = Math.ceil(RUNS / sessions);
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < dirs.length; k++) {
        const at = (i + g + k) % dirs.length;
        const s = open[at];
        if (s) sides[at]?.[1].push(await samplePage(s, url));
      }
    }
    for (const s of open) await s.close();
  }
  const med = (xs: PageSample[], f: (x: PageSample) => number) => summarise(xs.map(f)).median;
  const base = sides[2]?.[1] ?? [];
  for (const [name, xs] of sides) {
    const task = med(xs, (x) => x.taskMs);
    console.log(
      `${name.padEnd(8)} page CPU runs ${xs.map((x) => x.cpuMs.toFixed(0)).join(' ')}\n${name.padEnd(8)} task ${task.toFixed(1)} ms (${(task / med(base, (x) => x.taskMs)).toFixed(2)}×), page CPU ${med(xs, (x) => x.cpuMs).toFixed(1)} ms, frame task ${med(xs, (x) => x.frameTaskMs).toFixed(1)} ms, ready ${med(xs, (x) => x.readyMs).toFixed(1)} ms (+${(med(xs, (x) => x.readyMs) - med(base, (x) => x.readyMs)).toFixed(1)}), checklist ${med(xs, (x) => x.checklistMs).toFixed(0)} ms, heap ${(med(xs, (x) => x.heap) / 1048576).toFixed(2)} MiB (frame ${(med(xs, (x) => x.frameHeap) / 1048576).toFixed(2)})`,
    );
  }
}

void main();
