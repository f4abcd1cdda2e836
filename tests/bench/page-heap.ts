/**
 * What our extension adds to the bench page's JS heap (T4; a tool, not a bench): a heap snapshot of the page
 * renderer after one load and a GC, with ours and with the baseline extension, self sizes summed per node
 * type and class/string name, and the largest differences printed. `npx wxt build && npx tsx tests/bench/page-heap.ts`.
 */
import { join } from 'node:path';
import { launch, ROOT, type Session } from '../e2e/harness';
import { replica } from '../fixtures/replicas';
import { writeEmptyExtension, writeFloorExtension } from './empty-extension';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

async function snapshot(s: Session, frameUrlPart?: string): Promise<Map<string, number>> {
  const url = replica('zwdt-declaration-initial').url;
  const page = await s.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('jzs-overlay-ready').length > 0);
  await sleep(1500);
  const target = frameUrlPart ? page.frames().find((f) => f.url().includes(frameUrlPart)) : undefined;
  if (frameUrlPart && !target) throw new Error(`no frame ${frameUrlPart}`);
  const cdp = target ? await s.context.newCDPSession(target) : await s.context.newCDPSession(page);
  let json = '';
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => {
    json += e.chunk;
  });
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  await page.close();
  const snap = JSON.parse(json) as Snapshot;
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const out = new Map<string, number>();
  for (let i = 0; i < snap.nodes.length; i += f.length) {
    const type = types[snap.nodes[i + iType] ?? 0] ?? '?';
    const rawName = snap.strings[snap.nodes[i + iName] ?? 0] ?? '';
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? `${rawName.slice(0, 50).replace(/\s+/g, ' ')}…` : rawName.slice(0, 60);
    const key = `${type} ${name}`;
    out.set(key, (out.get(key) ?? 0) + (snap.nodes[i + iSize] ?? 0));
  }
  return out;
}

async function main(): Promise<void> {
  // HEAP_FRAME="panel.html": that frame's own process instead of the page, against the floor's blank frame.
  const frame = process.env.HEAP_FRAME;
  // HEAP_OURS / HEAP_BASE=<dir>: other builds on either side (e.g. one with only part of the panel loaded).
  const ours = await launch(process.env.HEAP_OURS ? { extensionDir: process.env.HEAP_OURS } : {});
  const a = await snapshot(ours, frame);
  await ours.close();
  const bench = join(ROOT, '.output', 'bench');
  const baseDir = process.env.HEAP_BASE ?? (frame ? writeFloorExtension(join(bench, 'floor-extension')) : writeEmptyExtension(join(bench, 'empty-extension')));
  const base = await launch({ extensionDir: baseDir });
  const b = await snapshot(base, frame);
  await base.close();
  const total = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  console.log(`total: ours ${(total(a) / 1048576).toFixed(2)} MiB, baseline ${(total(b) / 1048576).toFixed(2)} MiB`);
  const byType = new Map<string, number>();
  for (const [k, v] of a) byType.set(k.split(' ')[0] ?? k, (byType.get(k.split(' ')[0] ?? k) ?? 0) + v);
  for (const [k, v] of b) byType.set(k.split(' ')[0] ?? k, (byType.get(k.split(' ')[0] ?? k) ?? 0) - v);
  console.log('by type (ours − baseline, KiB):');
  for (const [k, v] of [...byType].sort((x, y) => y[1] - x[1]).slice(0, 12)) console.log(`${(v / 1024).toFixed(1).padStart(9)}  ${k}`);
  const diff = new Map<string, number>();
  for (const [k, v] of a) diff.set(k, v - (b.get(k) ?? 0));
  console.log('largest entries (ours − baseline, KiB):');
  // HEAP_TYPE=string: only entries of that node type (e.g. which strings).
  const only = process.env.HEAP_TYPE;
  const rows = [...diff].filter(([k]) => !only || k.startsWith(`${only} `));
  for (const [k, v] of rows.sort((x, y) => y[1] - x[1]).slice(0, Number(process.env.HEAP_TOP ?? 40))) console.log(`${(v / 1024).toFixed(1).padStart(9)}  ${k}`);
}

void main();
