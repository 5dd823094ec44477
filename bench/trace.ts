import { summarize as summarizeFigure } from './stats';
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, which other programs on the machine do not stretch as they stretch `dur`. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string }; elementCount?: number; beginData?: { dirtyObjects?: number } };
}

export interface MainThreadTime {
  /** All main-thread task time, ms: the thread's CPU time where the trace has it (so that other work
   * on a busy machine does not count), else wall time. */
  total: number;
  /** Durations of tasks of 50 ms or more, ms, longest first. */
  longTasks: number[];
  /**
   * The same by the thread's CPU time: on a busy machine a task's wall time also counts the moments
   * the thread waited for a processor, which lengthen the page's frames alike with and without the
   * extension, and push frames near 50 ms over it at random. Both are reported.
   */
  longTasksOnThread: number[];
  /** The longest task, ms. */
  longest: number;
  /**
   * Tasks of 50 ms or more that the extension made long: its own script in the task (content script
   * functions, timers, evaluation) is what takes the task past 50 ms.
   */
  causedLongTasks: number;
  /** The extension's own script time in its longest slice of work, ms. */
  longestOwnSlice: number;
  /** The same by the thread's CPU time. */
  longestOwnSliceOnThread: number;
  /**
   * Main-thread time by what it went to, ms: each task's direct parts, by kind (the extension's
   * script, the page's script, style, layout, paint, parsing, other). Work a script forces (a style
   * recalculation inside a function call) counts as that script's.
   */
  byKind: Record<string, number>;
  /**
   * How much the page had to style and lay out: elements whose style was computed, and objects laid
   * out. Counts, not times: the machine's load does not stretch them, so what the extension adds to
   * them is the rendering work its bars cost, apart from the page's frames running slower or faster.
   */
  styledElements: number;
  laidOutObjects: number;
  /**
   * Layouts and drawn frames (lifecycle updates that reached pre-paint) of the page. On a long listing
   * each costs the page a pass over its whole list, so a change that makes the page lay out once more
   * costs what a frame costs, whatever it changed.
   */
  layouts: number;
  frames: number;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'].join(',');

/** Records a Chrome trace of the page's renderer while `action` runs. */
export async function traceMainThread(page: Page, action: () => Promise<void>): Promise<MainThreadTime> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return summarize(events);
}

function summarize(events: TraceEvent[]): MainThreadTime {
  // The renderer main thread is the one that parsed the page, or (no parsing traced) ran its frames.
  const main = events.find((e) => e.name === 'ParseHTML') ?? events.find((e) => e.name === 'UpdateLayoutTree' || e.name === 'Layout');
  if (!main) return { total: 0, longTasks: [], longTasksOnThread: [], longest: 0, causedLongTasks: 0, longestOwnSlice: 0, longestOwnSliceOnThread: 0, byKind: {}, styledElements: 0, laidOutObjects: 0, layouts: 0, frames: 0 };
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const runTasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const tasks = runTasks.map((e) => e.dur! / 1000);
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur!) / 1000;
  const isOwnScript = ownScript(runTasks, onMain);
  const own = merge(
    onMain
      .filter(isOwnScript)
      .map((e) => [e.ts, e.ts + e.dur!] as [number, number]),
  );
  const ownOnThread = ownThreadTimeByTask(runTasks, onMain.filter(isOwnScript));
  let caused = 0;
  let longestOwn = 0;
  for (const task of runTasks) {
    const end = task.ts + task.dur!;
    const ours = own.reduce((n, [a, b]) => n + Math.max(0, Math.min(end, b) - Math.max(task.ts, a)), 0);
    longestOwn = Math.max(longestOwn, ours / 1000);
    if (task.dur! >= 50_000 && task.dur! - ours < 50_000) caused++;
  }
  return {
    total: runTasks.reduce((n, e) => n + cpu(e), 0),
    longTasks: tasks.filter((d) => d >= 50).sort((a, b) => b - a),
    longTasksOnThread: runTasks.map(cpu).filter((d) => d >= 50).sort((a, b) => b - a),
    longest: Math.max(0, ...tasks),
    causedLongTasks: caused,
    longestOwnSlice: longestOwn,
    longestOwnSliceOnThread: Math.max(0, ...ownOnThread.values()),
    byKind: byKind(runTasks, onMain, isOwnScript, own),
    styledElements: onMain.reduce((n, e) => n + (e.name === 'UpdateLayoutTree' ? (e.args?.elementCount ?? 0) : 0), 0),
    laidOutObjects: onMain.reduce((n, e) => n + (e.name === 'Layout' ? (e.args?.beginData?.dirtyObjects ?? 0) : 0), 0),
    layouts: onMain.filter((e) => e.name === 'Layout').length,
    frames: onMain.filter((e) => e.name === 'PrePaint').length,
  };
}

const KIND: Record<string, string> = {
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
  ParseHTML: 'parse',
  ParseAuthorStyleSheet: 'parse',
};

function kindOf(event: TraceEvent, isOwnScript: (e: TraceEvent) => boolean): string {
  if (isOwnScript(event)) return 'extension script';
  if (SCRIPT.has(event.name) || event.name === 'EventDispatch' || event.name === 'FireAnimationFrame' || event.name === 'v8.run') return 'page script';
  return KIND[event.name] ?? 'other';
}

function byKind(runTasks: TraceEvent[], onMain: TraceEvent[], isOwnScript: (e: TraceEvent) => boolean, own: [number, number][]): Record<string, number> {
  const out: Record<string, number> = {};
  // Timeline events and promise callbacks only: the scheduler's own wrappers span whole tasks and say
  // nothing of the work.
  const events = onMain
    .filter((e) => e.name !== 'RunTask' && (e.cat.includes('devtools.timeline') || e.name === 'RunMicrotasks'))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // The extension's script inside a part that is not its own (the page's event dispatch calling its
  // listener) counts as the extension's.
  let k = 0;
  const ownWithin = (e: TraceEvent) => {
    const end = e.ts + e.dur!;
    while (k < own.length && own[k]![1] <= e.ts) k++;
    let n = 0;
    for (let m = k; m < own.length && own[m]![0] < end; m++) n += Math.min(end, own[m]![1]) - Math.max(e.ts, own[m]![0]);
    return e.dur! > 0 ? Math.min(1, n / e.dur!) : 0;
  };
  let i = 0;
  for (const task of runTasks) {
    const end = task.ts + task.dur!;
    let covered = 0;
    let childEnd = -Infinity;
    while (i < events.length && events[i]!.ts < task.ts) i++;
    for (let j = i; j < events.length && events[j]!.ts < end; j++) {
      const e = events[j]!;
      if (e.ts < childEnd) continue; // nested inside an earlier direct part
      childEnd = e.ts + e.dur!;
      const kind = kindOf(e, isOwnScript);
      const ms = (e.tdur ?? e.dur!) / 1000;
      const ours = kind === 'extension script' ? 1 : ownWithin(e);
      out[kind] = (out[kind] ?? 0) + ms * (1 - ours);
      out['extension script'] = (out['extension script'] ?? 0) + ms * ours;
      covered += e.tdur ?? e.dur!;
    }
    out.other = (out.other ?? 0) + Math.max(0, (task.tdur ?? task.dur!) - covered) / 1000;
  }
  return out;
}

/** Main-thread time the extension adds, by kind: medians of with minus without, run by run. */
export function addedByKind(alone: MainThreadTime[], withExt: MainThreadTime[]): Record<string, number> {
  const kinds = [...new Set([...alone, ...withExt].flatMap((t) => Object.keys(t.byKind)))];
  return Object.fromEntries(kinds.map((kind) => [kind, summarizeFigure(withExt.map((t, i) => (t.byKind[kind] ?? 0) - (alone[i]!.byKind[kind] ?? 0))).median]));
}

const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'v8.callFunction', 'RunMicrotasks']);

/**
 * Tells the extension's own script: what the trace places in its files, and the timers and promise
 * callbacks it places nowhere. The benchmark's pages run no scripts of their own, so those are the
 * extension's too (the content script's timers and awaits show only so), except the promise
 * callbacks the browser runs while it parses the page or draws a frame, which it runs as much
 * without the extension (the page alone runs 0.5-4 ms of them in most frames while a reader scrolls).
 */
function ownScript(runTasks: TraceEvent[], onMain: TraceEvent[]): (event: TraceEvent) => boolean {
  const parseAndPaint = onMain.filter((e) => e.name === 'ParseHTML' || e.name === 'PrePaint' || e.name === 'Paint').map((e) => e.ts);
  // Tasks in start order; the one a moment falls in is found by halving.
  const taskAt = (ts: number) => {
    let [lo, hi] = [0, runTasks.length - 1];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (runTasks[mid]!.ts <= ts) lo = mid;
      else hi = mid - 1;
    }
    const task = runTasks[lo];
    return task && task.ts <= ts && ts < task.ts + task.dur! ? task : undefined;
  };
  const parsingOrDrawing = new Set(parseAndPaint.map(taskAt).filter((t) => t !== undefined));
  const browsersOwn = (ts: number) => {
    const task = taskAt(ts);
    return task !== undefined && parsingOrDrawing.has(task);
  };
  return (event) => {
    if (!SCRIPT.has(event.name)) return false;
    const url = event.args?.data?.url;
    if (url) return url.startsWith('chrome-extension://');
    return event.name === 'TimerFire' || (event.name === 'RunMicrotasks' && !browsersOwn(event.ts));
  };
}

/** The extension's own script per task by the thread's CPU time, ms (parts inside another of its parts counted once). */
function ownThreadTimeByTask(runTasks: TraceEvent[], own: TraceEvent[]): Map<TraceEvent, number> {
  const out = new Map<TraceEvent, number>();
  let t = 0;
  let end = -Infinity;
  for (const e of [...own].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    if (e.ts < end) continue;
    end = e.ts + e.dur!;
    while (t < runTasks.length && runTasks[t]!.ts + runTasks[t]!.dur! <= e.ts) t++;
    const task = runTasks[t];
    if (task && task.ts <= e.ts) out.set(task, (out.get(task) ?? 0) + (e.tdur ?? e.dur!) / 1000);
  }
  return out;
}

function merge(intervals: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of intervals.sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
