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
  if (!main) return { total: 0, longTasks: [], longest: 0 };
  const tasks = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask' && e.dur !== undefined)
    .map((e) => e.dur! / 1000);
  return {
    total: tasks.reduce((a, b) => a + b, 0),
    longTasks: tasks.filter((d) => d >= 50).sort((a, b) => b - a),
    longest: Math.max(0, ...tasks),
  };
}
