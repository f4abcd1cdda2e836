/**
 * What the confirm's read-back turn waits for (bench T8; a tool, not a bench): on the bench's 40-field MiniUI
 * page, one task writes the 40 fields through the page's API (setValue) and busies itself for as long as the
 * confirm's page task takes; the page's own 0 ms timer is queued as a watcher would; then one of the turn kinds
 * (`setTimeout(0)`, a `MessageChannel` message, a microtask) is awaited. Per kind: the time from the task's end to
 * the turn, whether a rendering step (a `requestAnimationFrame` callback) ran before it, and whether the page's
 * 0 ms timer ran before it. `npx wxt build && npx tsx tests/bench/turn-order.ts` (TURN_RUNS=20).
 */
import { launch } from '../e2e/harness';
import { MINI_40_VALUES } from './mini-40';

type Kind = 'timeout' | 'channel' | 'microtask';
interface Row { kind: Kind; ms: number; renderedFirst: boolean; pageTimerFirst: boolean }

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const s = await launch();
  const rows: Row[] = [];
  const runs = Number(process.env.TURN_RUNS ?? 20);
  const kinds: Kind[] = ['timeout', 'channel', 'microtask'];
  for (let i = 0; i < runs; i++) {
    for (const kind of i % 2 ? [...kinds].reverse() : kinds) {
      const page = await s.open('bench-mini-40');
      await page.waitForFunction('typeof mini !== "undefined" && !!mini.get("B_XM")');
      const row = await page.evaluate(({ values, kind, busyMs, write }) => {
        const w = window as unknown as { mini: { get(id: string): { setValue(x: string): void; getValue(): unknown } } };
        let rendered = false;
        let pageTimer = false;
        requestAnimationFrame(() => { rendered = true; });
        if (write) for (const [id, x] of Object.entries(values)) w.mini.get(id).setValue(x);
        setTimeout(() => { pageTimer = true; }, 0);
        const t = performance.now();
        while (performance.now() - t < busyMs) { /* the confirm's checks */ }
        const end = performance.now();
        const turn = kind === 'timeout' ? new Promise<void>((r) => setTimeout(r, 0))
          : kind === 'channel' ? new Promise<void>((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); })
          : Promise.resolve().then(() => undefined);
        return turn.then(() => ({ kind, ms: performance.now() - end, renderedFirst: rendered, pageTimerFirst: pageTimer }));
      }, { values: MINI_40_VALUES, kind, busyMs: 4, write: !process.env.TURN_NO_WRITE });
      rows.push(row);
      await page.close();
    }
  }
  await s.close();
  for (const kind of kinds) {
    const r = rows.filter((x) => x.kind === kind);
    console.log(`${kind.padEnd(10)} task end → turn median ${median(r.map((x) => x.ms)).toFixed(2)} ms (${r.map((x) => x.ms.toFixed(1)).join(' ')}); rendered first ${r.filter((x) => x.renderedFirst).length}/${r.length}; page's 0 ms timer first ${r.filter((x) => x.pageTimerFirst).length}/${r.length}`);
  }
}

void main();
