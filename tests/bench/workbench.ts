/**
 * The workbench's benchmarks (issue 15.5):
 *  - T10: the cases table (workbench 办件) over 10,000 cases against the same table over 100 cases, the store
 *    otherwise the same (10,000 applicants in both): first render of the table when the workbench opens, and
 *    a filter change (status, business, employer, name) until the new rows are painted.
 *  - T11: 20 phone-photo JPEGs of ≈ 3 MB each (generated in the browser, fixed seed) merged into ONE PDF within
 *    the 2 MB limit by the PDF tool's core, against pdf-lib's plain merge of the same files (which does not meet
 *    the limit); and the renderer's peak memory during our merge against the inputs' total size.
 * Both sides of each ratio run in the same browser(s), interleaved.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { BUSINESS_IDS } from '../../src/domain/ids';
import { CASE_STATUSES } from '../../src/domain/case-status';
import { checkCharacter } from '../../src/validate/id-number';
import { chromiumPath, launch, ROOT, sendFrom, type Session } from '../e2e/harness';
import { type Summary, summarise } from './stats';

export interface BenchRow {
  id: string;
  title: string;
  unit: string;
  value: Summary;
  baseline?: Summary | undefined;
  ratio?: number | undefined;
  goal: string;
  pass: boolean;
  note?: string | undefined;
}

type Log = (msg: string) => void;

// ---------------------------------------------------------------- T10
const SURNAMES = '张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志红玉梅飞鹏斌辉宁新';

function idNumber(i: number): string {
  const first = `370102${1960 + (i % 40)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return first + checkCharacter(first);
}

/** 10,000 applicants (the same in both stores), then `cases` cases spread over them, statuses and businesses. */
export async function seed(page: Page, cases: number): Promise<void> {
  const items = Array.from({ length: 10_000 }, (_, i) => ({
    kind: 'create',
    body: {
      data: {
        name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 ? GIVEN[(i * 13) % GIVEN.length] : ''}`,
        idNumber: idNumber(i),
        employerName: `济南第${i % 40}建筑工程有限公司`,
      },
    },
  }));
  await sendFrom(page, 'ui:profiles.commit', { items });
  const profiles = await sendFrom<Array<{ id: string }>>(page, 'ui:profiles.all', {});
  const start = Date.parse('2026-01-05T02:00:00Z');
  const made = Array.from({ length: cases }, (_, i) => {
    const at = new Date(start + i * 97_000).toISOString();
    const status = CASE_STATUSES[(i * 3) % CASE_STATUSES.length] ?? 'preparing';
    return {
      id: randomUUID(),
      profileId: profiles[(i * 7919) % profiles.length]?.id,
      createdAt: at,
      updatedAt: at,
      revision: 1,
      business: BUSINESS_IDS[i % BUSINESS_IDS.length],
      status,
      statusSince: at,
      conditions: [],
      ready: i % 4 ? ['id-card'] : [],
      submittedOn: status === 'preparing' || status === 'ready' ? undefined : at.slice(0, 10),
      notes: i % 5 ? '' : '原件已收，待单位盖章',
      archived: false,
    };
  });
  await sendFrom(page, 'ui:cases.restore', { cases: made });
}

/** Reload the workbench and return when its cases table first painted rows (ms from navigation start). */
export async function firstRender(page: Page, expected: number): Promise<number> {
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('jzs-cases-rendered').length > 0, undefined, { timeout: 60_000 });
  const count = await page.locator('[data-jzs-case-count]').getAttribute('data-jzs-case-count');
  if (Number(count) !== expected) throw new Error(`T10: the table says ${count} cases, expected ${expected}`);
  return page.evaluate(() => performance.getEntriesByName('jzs-cases-rendered')[0]?.startTime ?? Number.NaN);
}

/** One filter change as the clerk makes it, until the table painted the rows it asked for. */
export async function filterOnce(page: Page, selector: string, value: string, event: 'change' | 'input'): Promise<number> {
  return page.evaluate(
    async ([sel, v, ev]) => {
      const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(sel);
      if (!el) throw new Error(`no ${sel}`);
      const t0 = performance.now();
      const painted = new Promise<number>((resolve) => {
        const obs = new PerformanceObserver((list) => {
          const mark = list.getEntries().find((e) => e.name === 'jzs-cases-rendered' && e.startTime >= t0);
          if (mark) {
            obs.disconnect();
            resolve(mark.startTime);
          }
        });
        obs.observe({ type: 'mark' });
      });
      el.value = v;
      el.dispatchEvent(new Event(ev, { bubbles: true }));
      return (await painted) - t0;
    },
    [selector, value, event] as const,
  );
}

/** Wait until the workbench has settled: the profile list counted and the deadlines computed (the background answers one message at a time). */
export async function settled(page: Page): Promise<void> {
  await page.locator('[data-jzs-profile-count="10000"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-jzs-deadline-employer] option').length > 1, undefined, { timeout: 60_000 });
}

export type Step = [selector: string, value: string, event: 'change' | 'input'];

/** The bench's eight filter steps (each filter set, then cleared), as the clerk makes them. */
export async function stepList(page: Page): Promise<Step[]> {
  const employer = await page.locator('[data-jzs-case-filter="employer"] option').nth(3).evaluate((o) => (o instanceof HTMLOptionElement ? o.value : ''));
  return [
    ['[data-jzs-case-filter="status"]', 'needs-correction', 'change'],
    ['[data-jzs-case-filter="status"]', '', 'change'],
    ['[data-jzs-case-filter="business"]', 'change', 'change'],
    ['[data-jzs-case-filter="business"]', '', 'change'],
    ['[data-jzs-case-filter="employer"]', employer, 'change'],
    ['[data-jzs-case-filter="employer"]', '\u0000', 'change'],
    ['[data-jzs-case-filter="name"]', '张', 'input'],
    ['[data-jzs-case-filter="name"]', '', 'input'],
  ];
}

/** The eight steps timed one by one on one page; cases-trace.ts traces them. */
export async function filterSteps(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (const [sel, v, ev] of await stepList(page)) out.push(await filterOnce(page, sel, v, ev));
  return out;
}

export async function casesTableBench(runs: number, log: Log): Promise<BenchRow[]> {
  const sessions: Array<{ s: Session; page: Page; cases: number }> = [];
  for (const cases of [10_000, 100]) {
    const s = await launch();
    const page = await s.openExtensionPage('options.html');
    await page.locator('[data-jzs-cases-panel]').waitFor();
    log(`  T10: seeding 10,000 applicants and ${cases} cases…`);
    await seed(page, cases);
    await firstRender(page, cases); // warm: the background has read and decoded the cases once
    sessions.push({ s, page, cases });
  }
  const [big, small] = sessions;
  if (!big || !small) throw new Error('T10: no sessions');
  const render = { big: [] as number[], small: [] as number[] };
  const filter = { big: [] as number[], small: [] as number[] };
  type Side = typeof big;
  const key = (side: Side) => (side === big ? 'big' : 'small');
  for (let i = 0; i < runs; i++) {
    log(`  T10 run ${i + 1}/${runs}`);
    const order: Side[] = i % 2 ? [big, small] : [small, big];
    // Each side loads and settles before the other loads: a load never competes with the other side's settling.
    for (const side of order) {
      render[key(side)].push(await firstRender(side.page, side.cases));
      await settled(side.page);
    }
    // The two tables take turns step by step (each in its own browser), so a burst of load on this shared
    // machine falls on both sides alike instead of on one side's eight steps.
    const steps = await Promise.all(order.map((side) => stepList(side.page)));
    const times: number[][] = order.map(() => []);
    for (let j = 0; j < 8; j++) {
      for (const side of j % 2 ? [...order].reverse() : order) {
        const o = order.indexOf(side);
        const step = steps[o]?.[j];
        if (!step) throw new Error('T10: no step');
        times[o]?.push(await filterOnce(side.page, step[0], step[1], step[2]));
      }
    }
    for (const [o, side] of order.entries()) {
      const mine = times[o] ?? [];
      if (process.env.BENCH_DETAIL) log(`    ${side.cases} cases: render ${render[key(side)].at(-1)?.toFixed(0)} ms; filter steps ${mine.map((x) => x.toFixed(0)).join(' ')} ms`);
      filter[key(side)].push(...mine);
    }
  }
  for (const { s } of sessions) await s.close();
  const r = summarise(render.big);
  const rb = summarise(render.small);
  const f = summarise(filter.big);
  const fb = summarise(filter.small);
  return [
    {
      id: 'T10',
      title: 'cases table, first render on opening the workbench: 10,000 cases vs 100 (same 10,000 applicants)',
      unit: 'ms',
      value: r,
      baseline: rb,
      ratio: r.median / rb.median,
      goal: '≤ 1.2×',
      pass: r.median / rb.median <= 1.2,
      note: '50 rows a page; from navigation start to the first rows painted',
    },
    {
      id: 'T10',
      title: 'cases table, filter change → new rows painted (status, business, employer, name; set and cleared; workbench loaded): 10,000 cases vs 100',
      unit: 'ms',
      value: f,
      baseline: fb,
      ratio: f.median / fb.median,
      goal: '≤ 1.2×',
      pass: f.median / fb.median <= 1.2,
      note: `p95 ${f.p95.toFixed(1)} vs ${fb.p95.toFixed(1)} ms`,
    },
  ];
}

// ---------------------------------------------------------------- T11
const T11_FILES = 20;
const T11_TARGET = 3_000_000;
const T11_LIMIT = 2_097_152; // 个人信息更改's one PDF ≤ 2 MB (rules/businesses/info-change.json)

interface T11Api {
  generate(count: number, target: number): Promise<number[]>;
  ours(limit: number): Promise<{ ms: number; bytes: number; setting: string; pages: number; stages: Record<string, number> }>;
  plain(): Promise<{ ms: number; bytes: number }>;
  decodeOnly(maxSide: number): Promise<number>;
}

async function pageScript(out: string): Promise<{ code: string; worker: string }> {
  const result = await build({ entryPoints: [join(ROOT, 'tests', 'bench', 'pdf-page.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'error' });
  const code = result.outputFiles[0]?.text ?? '';
  writeFileSync(join(out, 't11-page.js'), code);
  // The PDF tool's codec worker, as its own module script (the workbench's build makes the same with Vite).
  const w = await build({ entryPoints: [join(ROOT, 'src', 'pdf', 'codec-worker.ts')], bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'error' });
  const worker = w.outputFiles[0]?.text ?? '';
  writeFileSync(join(out, 't11-codec-worker.js'), worker);
  return { code, worker };
}

/** Resident set size and its peak since the last reset (Linux /proc), of one process. */
function rss(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) * 1024;
  return { now: kb('VmRSS'), peak: kb('VmHWM') };
}

/** CPU time (user + system, all threads) a process has used so far, in ms (Linux /proc; 10 ms ticks). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

/** Reset a process's peak RSS to its current RSS (Linux: "5" into clear_refs). */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export async function pdfMergeBench(runs: number, out: string, log: Log): Promise<BenchRow[]> {
  const { code, worker } = await pageScript(out);
  // A plain browser (the PDF core does not need the extension), under the same network guards as the tests.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--proxy-server=127.0.0.1:9', '--js-flags=--expose-gc'],
  });
  const context = await browser.newContext();
  // The one page is answered by the route itself (nothing is fetched); a loopback origin is a secure context,
  // as the workbench's extension page is (WebCodecs' ImageDecoder exists only there). All else is aborted.
  const url = 'http://127.0.0.1/t11.html';
  const workerUrl = 'http://127.0.0.1/t11-codec-worker.js';
  await context.route('**/*', (route) => {
    const asked = route.request().url();
    if (asked === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><meta charset="utf-8"><title>T11</title><script>${code}</script>` });
    if (asked === workerUrl) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: worker });
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto(url);
  const cdp = await context.newCDPSession(page);
  const bcdp = await browser.newBrowserCDPSession();
  const navigatorCores = await page.evaluate(() => navigator.hardwareConcurrency);
  log(`  T11: generating ${T11_FILES} photos of ≈ ${T11_TARGET / 1e6} MB…`);
  const sizes = await page.evaluate(([n, target]) => (globalThis as unknown as { jzsT11: T11Api }).jzsT11.generate(n, target), [T11_FILES, T11_TARGET] as const);
  const total = sizes.reduce((a, b) => a + b, 0);
  // The page's renderer: the one renderer process this browser runs (one blank page, no extension).
  const info = (await bcdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  const renderers = info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  const renderer = renderers.sort((a, b) => rss(b).now - rss(a).now)[0];
  if (renderer === undefined) throw new Error('T11: no renderer process');

  const gc = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
  };
  const ours: number[] = [];
  const plain: number[] = [];
  const peaks: number[] = [];
  const floor: number[] = [];
  const entropy: number[] = [];
  const stages: Array<Record<string, number>> = [];
  // CPU time of the renderer (every thread: the page's and the decoders'), which waiting for a core on a loaded
  // machine does not inflate: what the work costs, and so what it would take on a machine with more cores.
  // And the page's own thread (CDP ThreadTime): work there runs on one core whatever the machine has.
  const cpu = { ours: [] as number[], plain: [] as number[], entropy: [] as number[], oursPage: [] as number[], plainPage: [] as number[] };
  await cdp.send('Performance.enable');
  const pageCpu = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  const cpuOf = async <T>(into: number[], work: () => Promise<T>, onPage?: number[]): Promise<T> => {
    const before = cpuMs(renderer);
    const beforePage = await pageCpu();
    const r = await work();
    onPage?.push((await pageCpu()) - beforePage);
    into.push(cpuMs(renderer) - before);
    return r;
  };
  let last = { bytes: 0, setting: '', pages: 0 };
  let plainBytes = 0;
  const runOurs = async () => {
    await gc();
    const before = rss(renderer).now;
    resetPeak(renderer);
    const r = await cpuOf(cpu.ours, () => page.evaluate((limit) => (globalThis as unknown as { jzsT11: T11Api }).jzsT11.ours(limit), T11_LIMIT), cpu.oursPage);
    // Peak memory of the merge: the inputs (resident before it started) plus what the merge added on top.
    peaks.push(total + rss(renderer).peak - before);
    last = r;
    stages.push(r.stages);
    const side = Number(/^(\d+)px/.exec(r.setting)?.[1]);
    const decodeOnly = (s: number) => page.evaluate((s) => (globalThis as unknown as { jzsT11: T11Api }).jzsT11.decodeOnly(s), s);
    if (side) floor.push(await decodeOnly(side));
    entropy.push(await cpuOf(cpu.entropy, () => decodeOnly(0)));
    return r.ms;
  };
  const runPlain = async () => {
    await gc();
    const r = await cpuOf(cpu.plain, () => page.evaluate(() => (globalThis as unknown as { jzsT11: T11Api }).jzsT11.plain()), cpu.plainPage);
    plainBytes = r.bytes;
    return r.ms;
  };
  await runPlain(); // warm (compiles pdf-lib)
  await runOurs();
  peaks.length = 0;
  for (const xs of Object.values(cpu)) xs.length = 0;
  floor.length = 0;
  entropy.length = 0;
  stages.length = 0;
  for (let i = 0; i < runs; i++) {
    log(`  T11 run ${i + 1}/${runs}`);
    if (i % 2) {
      ours.push(await runOurs());
      plain.push(await runPlain());
    } else {
      plain.push(await runPlain());
      ours.push(await runOurs());
    }
  }
  await bcdp.detach();
  await cdp.detach();
  await browser.close();
  const o = summarise(ours);
  const p = summarise(plain);
  const peak = summarise(peaks.map((b) => b / 1048576));
  const mb = (b: number) => (b / 1048576).toFixed(2);
  const med = (xs: number[]) => (xs.length ? summarise(xs).median.toFixed(0) : '?');
  const where = Object.keys(stages[0] ?? {}).map((k) => `${k} ${med(stages.map((s) => s[k] ?? 0))}`).join(', ');
  const smallest = entropy.length ? summarise(entropy).median : Number.NaN;
  return [
    {
      id: 'T11',
      title: `merge ${T11_FILES} phone-photo JPEGs (${mb(total)} MiB in all) into one PDF ≤ 2 MiB, vs pdf-lib's plain merge of the same files`,
      unit: 'ms',
      value: o,
      baseline: p,
      ratio: o.median / p.median,
      goal: '≤ 2×, result ≤ 2 MiB',
      pass: o.median / p.median <= 2 && last.bytes <= T11_LIMIT && last.pages === T11_FILES,
      note:
        `ours ${mb(last.bytes)} MiB (${last.pages} pages, ${last.setting}); plain merge ${mb(plainBytes)} MiB; only decoding the photos at that size takes ${med(floor)} ms, ` +
        `at the smallest size (1/8) ${med(entropy)} ms = ${((total / 1e6) / (smallest / 1000)).toFixed(0)} MB/s of JPEG (medians); ours per stage, summed over images (ms, medians): ${where}; ` +
        `renderer CPU time (all threads, medians): ours ${med(cpu.ours)} ms (of it the page's thread ${med(cpu.oursPage)} ms), plain merge ${med(cpu.plain)} ms (page's thread ${med(cpu.plainPage)} ms), decoding at 1/8 ${med(cpu.entropy)} ms; ${navigatorCores} cores here`,
    },
    {
      id: 'T11',
      title: 'peak memory of the renderer during our merge (inputs + what the merge adds), vs the inputs’ total',
      unit: 'MiB',
      value: peak,
      baseline: summarise([total / 1048576]),
      ratio: peak.max / (total / 1048576),
      goal: '≤ 3× (worst run)',
      pass: peak.max <= (3 * total) / 1048576,
    },
  ];
}
