/**
 * Two builds of ours side by side on the bench's portal page (T1/T3/T4; a tool, not a bench): `AB_BEFORE` (a
 * copied `.output/chrome-mv3` of the code before a change) and the current build, interleaved with the bench's
 * baseline extension, rotating which goes first, medians printed. On a loaded machine a change is judged by
 * the before/after difference within one run, never against another run's figures.
 * `AB_BEFORE=/tmp/before AB_RUNS=12 npx tsx tests/bench/page-ab.ts`.
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
  const sides: Array<[string, Session, PageSample[]]> = [
    ['before', await launch({ extensionDir: before }), []],
    ['after', await launch(), []],
    ['baseline', await launch({ extensionDir: writeEmptyExtension(join(ROOT, '.output', 'bench', 'empty-extension')) }), []],
  ];
  for (const [, s] of sides) await samplePage(s, url);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(i + k) % sides.length];
      if (side) side[2].push(await samplePage(side[1], url));
    }
  }
  for (const [, s] of sides) await s.close();
  const med = (xs: PageSample[], f: (x: PageSample) => number) => summarise(xs.map(f)).median;
  const base = sides[2]?.[2] ?? [];
  for (const [name, , xs] of sides) {
    const task = med(xs, (x) => x.taskMs);
    console.log(
      `${name.padEnd(8)} task ${task.toFixed(1)} ms (${(task / med(base, (x) => x.taskMs)).toFixed(2)}×), page CPU ${med(xs, (x) => x.cpuMs).toFixed(1)} ms, frame task ${med(xs, (x) => x.frameTaskMs).toFixed(1)} ms, ready ${med(xs, (x) => x.readyMs).toFixed(1)} ms (+${(med(xs, (x) => x.readyMs) - med(base, (x) => x.readyMs)).toFixed(1)}), checklist ${med(xs, (x) => x.checklistMs).toFixed(0)} ms, heap ${(med(xs, (x) => x.heap) / 1048576).toFixed(2)} MiB (frame ${(med(xs, (x) => x.frameHeap) / 1048576).toFixed(2)})`,
    );
  }
}

void main();
