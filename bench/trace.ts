import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string } };
}

export interface MainThreadTime {
  /** All main-thread task time, ms. */
  total: number;
  /** Durations of tasks of 50 ms or more, ms, longest first. */
  longTasks: number[];
  /** The longest task, ms. */
  longest: number;
  /**
   * Tasks of 50 ms or more that the extension made long: its own script in the task (content script
   * functions, timers, evaluation) is what takes the task past 50 ms.
   */
  causedLongTasks: number;
  /** The extension's own script time in its longest slice of work, ms. */
  longestOwnSlice: number;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'].join(',');

/** Records a Chrome trace of the page's renderer while `action` runs. */
export async function traceMainThread(page: Page, action: () => Promise<void>): Promise<MainThreadTime> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return summarize(events);
}

function summarize(events: TraceEvent[]): MainThreadTime {
  // The renderer main thread is the one that parsed the page.
  const main = events.find((e) => e.name === 'ParseHTML');
  if (!main) return { total: 0, longTasks: [], longest: 0, causedLongTasks: 0, longestOwnSlice: 0 };
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const runTasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const tasks = runTasks.map((e) => e.dur! / 1000);
  const own = merge(
    onMain
      .filter((e) => OWN_SCRIPT.has(e.name) && e.args?.data?.url?.startsWith('chrome-extension://'))
      .map((e) => [e.ts, e.ts + e.dur!] as [number, number]),
  );
  let caused = 0;
  let longestOwn = 0;
  for (const task of runTasks) {
    const end = task.ts + task.dur!;
    const ours = own.reduce((n, [a, b]) => n + Math.max(0, Math.min(end, b) - Math.max(task.ts, a)), 0);
    longestOwn = Math.max(longestOwn, ours / 1000);
    if (task.dur! >= 50_000 && task.dur! - ours < 50_000) caused++;
  }
  return {
    total: tasks.reduce((a, b) => a + b, 0),
    longTasks: tasks.filter((d) => d >= 50).sort((a, b) => b - a),
    longest: Math.max(0, ...tasks),
    causedLongTasks: caused,
    longestOwnSlice: longestOwn,
  };
}

const OWN_SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'v8.callFunction']);

function merge(intervals: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of intervals.sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
