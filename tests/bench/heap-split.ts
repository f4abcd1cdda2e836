/**
 * T4 split by process and build (a tool, not a bench): for each extension directory given (HEAP_DIRS, comma-separated
 * `name=dir`; `ours` = the current build, `floor`, `baseline`), a few loads of the bench page, the JS heap after GC of
 * the page's renderer and of the panel frame's renderer, medians. The heap after GC barely moves with load, so a few
 * loads suffice where task times need many. `npx tsx tests/bench/heap-split.ts`
 */
import { join } from 'node:path';
import { launch, ROOT } from '../e2e/harness';
import { replica } from '../fixtures/replicas';
import { writeEmptyExtension, writeFloorExtension } from './empty-extension';
import { samplePage } from './page-sample';
import { summarise } from './stats';

const RUNS = Number(process.env.HEAP_RUNS ?? 3);

function dirOf(name: string, dir: string | undefined): string | undefined {
  const out = join(ROOT, '.output', 'bench');
  if (dir) return dir;
  if (name === 'baseline') return writeEmptyExtension(join(out, 'empty-extension'));
  if (name === 'floor') return writeFloorExtension(join(out, 'floor-extension'));
  return undefined;
}

async function main(): Promise<void> {
  const url = replica('zwdt-declaration-initial').url;
  const sides = (process.env.HEAP_DIRS ?? 'baseline,floor,ours').split(',').map((s) => s.split('='));
  const mib = (x: number) => (x / 1048576).toFixed(3);
  for (const [name = '', dir] of sides) {
    const s = await launch(dirOf(name, dir) ? { extensionDir: dirOf(name, dir) } : {});
    await samplePage(s, url);
    const xs = [];
    for (let i = 0; i < RUNS; i++) xs.push(await samplePage(s, url));
    await s.close();
    const page = summarise(xs.map((x) => x.heap - x.frameHeap)).median;
    const frame = summarise(xs.map((x) => x.frameHeap)).median;
    console.log(`${name.padEnd(10)} page ${mib(page)} MiB  frame ${mib(frame)} MiB  total ${mib(page + frame)} MiB  (checklist ${summarise(xs.map((x) => x.checklistMs)).median.toFixed(0)} ms)`);
  }
}

void main();
