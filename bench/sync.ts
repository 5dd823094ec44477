/**
 * Figures for syncing the library through storage.sync (lib/sync), in Node: `npx tsx bench/sync.ts`.
 *
 * - what a 3,000-paper library takes in storage.sync, per paper, as the browsers count it;
 * - how many papers of that kind fit at all;
 * - the time to apply 1,000 papers arriving from another browser (decode, merge, and the library
 *   changes to make), to apply one changed item to a 3,000-paper library, and to plan the writes
 *   after one local change.
 */
import { applyRemoteItems } from '../lib/sync/apply-remote';
import { itemBytes } from '../lib/sync/quota';
import { emptySyncState, joinStates, recordLocalPapers, viewLibrary } from '../lib/sync/sync-state';
import { planWrites } from '../lib/sync/write-plan';
import { buildLibrary } from '../tests/fixtures/sync-library';
import { summarize } from './stats';

const NOW = Date.UTC(2026, 10, 20);
const RUNS = Number(process.env.RUNS ?? 15);

function time(run: () => void): string {
  const values: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    values.push(performance.now() - start);
  }
  const { median, min, max } = summarize(values);
  return `${median.toFixed(1)} ms (${min.toFixed(1)}–${max.toFixed(1)})`;
}

function publish(count: number, seed = 7) {
  const library = buildLibrary(count, seed);
  const plan = planWrites(library.state, {}, { now: NOW });
  return { ...library, plan, store: plan.set as Record<string, unknown> };
}

const rows: [string, string][] = [];

const full = publish(3000);
const bytes = Object.entries(full.store).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
rows.push(['3,000 papers in storage.sync', `${bytes} bytes in ${Object.keys(full.store).length} items (quota 102,400)`]);
rows.push(['per paper (with removals, marks)', `${(bytes / full.papers.length).toFixed(1)} bytes`]);

const big = publish(8000, 11);
rows.push(['papers that fit (8,000-paper library)', `${8000 - big.plan.unsynced.papers} (${big.plan.unsynced.papers} reported unsynced)`]);

const thousand = publish(1000, 3);
rows.push(['apply 1,000 remote papers (empty library)', time(() => void applyRemoteItems(emptySyncState(), thousand.store))]);
rows.push(['apply 1,000 remote papers (3,000 of its own)', time(() => {
  const state = joinStates(emptySyncState(), full.state);
  const applied = applyRemoteItems(state, thousand.store);
  if (applied.changes.papers.length !== 1000) throw new Error(`expected 1,000 changes, got ${applied.changes.papers.length}`);
})]);

const [key, value] = Object.entries(full.store)[0]!;
rows.push(['apply one changed item (3,000 papers)', time(() => void applyRemoteItems(joinStates(emptySyncState(), full.state), { [key]: value }))]);

const row = viewLibrary(full.state).papers[0]!;
rows.push(['plan writes after one edit (3,000 papers)', time(() => {
  const state = joinStates(emptySyncState(), full.state);
  recordLocalPapers(state, [{ id: row.id, after: { ...row, tags: [...row.tags, 'new'], updatedAt: NOW } }], { t: NOW, r: 'bench' });
  const plan = planWrites(state, full.store, { now: NOW });
  if (Object.keys(plan.set).length !== 1) throw new Error('expected one item to write');
})]);

const width = Math.max(...rows.map(([figure]) => figure.length));
for (const [figure, result] of rows) console.log(`${figure.padEnd(width)}  ${result}`);
console.log(`\ntimes: median of ${RUNS} runs (min–max), Node ${process.version}`);
