import { describe, expect, it } from 'vitest';
import { BarBuilder, BUILT_AT_ONCE } from '@/lib/annotate/bar-builder';

/** A builder whose tasks run when the test says, on a clock that moves 1 ms per bar built. */
function builder() {
  const tasks: (() => void)[] = [];
  let clock = 0;
  const built: number[] = [];
  const b = new BarBuilder((work) => tasks.push(work), () => clock);
  const bar = (n: number) => () => {
    clock += 1;
    built.push(n);
  };
  const runTask = () => tasks.shift()?.();
  return { b, bar, built, tasks, runTask };
}

describe('building bars without long tasks', () => {
  it("builds the page's first bars together when asked, and the rest in slices, a task each", () => {
    const { b, bar, built, tasks, runTask } = builder();
    const count = BUILT_AT_ONCE + 30;
    for (let n = 0; n < count; n++) b.add(bar(n));
    expect(built).toEqual([]);
    b.buildFirst();
    expect(built).toEqual([...Array(BUILT_AT_ONCE).keys()]);
    b.buildFirst();
    expect(built).toHaveLength(BUILT_AT_ONCE);
    expect(tasks).toHaveLength(1);
    runTask();
    const afterOne = built.length - BUILT_AT_ONCE;
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThan(30);
    while (tasks.length > 0) runTask();
    expect(built).toEqual([...Array(count).keys()]);
  });

  it('builds the bar of a card that came near in a task of its own, not in the frame that told it', () => {
    const { b, bar, built, tasks, runTask } = builder();
    b.later(bar(1));
    b.later(bar(2));
    expect(built).toEqual([]);
    expect(tasks).toHaveLength(1);
    runTask();
    expect(built).toEqual([1, 2]);
    expect(tasks).toHaveLength(0);
    b.later(bar(3));
    runTask();
    expect(built).toEqual([1, 2, 3]);
  });
});
