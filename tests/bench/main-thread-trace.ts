/**
 * Where a page's long tasks come from (bench T9): a Chrome trace of the page's renderer main thread (the UI
 * thread; not its workers, not the extension's service worker) over a span between two performance marks, giving
 * each top-level task's wall time — what the Long Tasks API reports — and its thread CPU time. On a loaded machine
 * a task's wall time includes the time the thread waited for a core; its CPU time is the work it really did.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Session } from '../e2e/harness';

export interface TaskTiming {
  /** ms after the first mark */
  at: number;
  wallMs: number;
  cpuMs: number;
}

export interface MainThreadTasks {
  longestWall: TaskTiming;
  longestCpu: TaskTiming;
  /** Tasks of 50 ms or more (wall), as the Long Tasks API counts them. */
  long: TaskTiming[];
}

/** A Chrome trace event's timing fields (microseconds; `tdur`: the thread's CPU time). */
export interface TraceTiming {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur: number;
  tdur: number;
}

/** A trace event with its category and arguments, as the bench's tracing tools read them. */
export interface RawTraceEvent extends TraceTiming {
  cat: string;
  args: Record<string, unknown>;
}

/** A value CDP hands over untyped, as a plain record (empty when it is not an object). */
export const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v)) : {});

/** Every trace event of `categories` while `work` runs (Chrome tracing over the session's CDP channel). */
export async function recordTrace(cdp: CDPSession, categories: string, work: () => Promise<void>): Promise<RawTraceEvent[]> {
  const events: RawTraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => {
    for (const raw of d.value) {
      const r = rec(raw);
      events.push({ name: String(r.name), cat: String(r.cat), ph: String(r.ph), pid: Number(r.pid), tid: Number(r.tid), ts: Number(r.ts), dur: Number(r.dur ?? 0), tdur: Number(r.tdur ?? 0), args: rec(r.args) });
    }
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
  }
  return events;
}

interface TraceEvent extends TraceTiming {
  threadName: string;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One trace event, read field by field (CDP hands them over untyped). */
function toEvent(raw: unknown): TraceEvent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const e = new Map(Object.entries(raw));
  const args = e.get('args');
  const threadName = typeof args === 'object' && args !== null ? str(new Map(Object.entries(args)).get('name')) : '';
  return { name: str(e.get('name')), ph: str(e.get('ph')), pid: num(e.get('pid')), tid: num(e.get('tid')), ts: num(e.get('ts')), dur: num(e.get('dur')), tdur: num(e.get('tdur')), threadName };
}

/** Run `work` while tracing; the page's tasks between marks `from` and `to` (both set by the page during `work`). */
export async function traceMainThread(s: Session, page: Page, work: () => Promise<void>, from: string, to: string): Promise<MainThreadTasks> {
  const cdp = await s.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const raw of e.value) {
      const ev = toEvent(raw);
      if (ev) events.push(ev);
    }
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'blink.user_timing,disabled-by-default-devtools.timeline,__metadata', transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const start = events.find((e) => e.name === from);
  const end = events.find((e) => e.name === to && e.pid === start?.pid);
  if (!start || !end) throw new Error(`trace: marks ${from}/${to} not found`);
  const main = events.find((e) => e.pid === start.pid && e.ph === 'M' && e.name === 'thread_name' && e.threadName === 'CrRendererMain');
  const tasks = events
    .filter((e) => e.pid === start.pid && e.tid === main?.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts + e.dur >= start.ts && e.ts <= end.ts)
    .map((e) => ({ at: (e.ts - start.ts) / 1000, wallMs: e.dur / 1000, cpuMs: e.tdur / 1000 }));
  const none: TaskTiming = { at: 0, wallMs: 0, cpuMs: 0 };
  const longestBy = (k: 'wallMs' | 'cpuMs') => tasks.reduce((a, b) => (b[k] > a[k] ? b : a), none);
  return { longestWall: longestBy('wallMs'), longestCpu: longestBy('cpuMs'), long: tasks.filter((t) => t.wallMs >= 50) };
}
