export interface Figure {
  median: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

export async function repeat(times: number, run: () => Promise<number>): Promise<Figure> {
  const values: number[] = [];
  for (let i = 0; i < times; i++) values.push(await run());
  return summarize(values);
}

/** With minus alone, pair by pair (`alone[i]` and `withExt[i]` were measured one after the other). */
export function pairedDifference<T>(alone: T[], withExt: T[], pick: (reading: T) => number): Figure {
  return summarize(withExt.map((reading, i) => pick(reading) - pick(alone[i]!)));
}
