/**
 * Figures for syncing the library through storage.sync (lib/sync), in Node: `npx tsx bench/sync.ts`.
 *
 * - what a 3,000-paper library takes in storage.sync, per paper, as the browsers count it;
 * - how many papers of that kind fit at all;
 * - the time to apply 1,000 papers arriving from another browser (decode, merge, and the library
 *   changes to make), to apply one changed item to a 3,000-paper library, and to plan the writes
 *   after one local change.
 */
import { pathToFileURL } from 'node:url';
import { applyRemoteItems } from '../lib/sync/apply-remote';
import { itemBytes } from '../lib/sync/quota';
import { emptySyncState, joinStates, recordLocalPapers, viewLibrary } from '../lib/sync/sync-state';
import { planWrites } from '../lib/sync/write-plan';
import { buildLibrary } from '../tests/fixtures/sync-library';
import { summarize, type Figure } from './stats';

const NOW = Date.UTC(2026, 10, 20);

function time(runs: number, run: () => void): Figure {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    values.push(performance.now() - start);
  }
  return summarize(values);
}

function publish(count: number, seed = 7) {
  const library = buildLibrary(count, seed);
  const plan = planWrites(library.state, {}, { now: NOW });
  return { ...library, plan, store: plan.set as Record<string, unknown> };
}

export interface SyncFigures {
  /** A 3,000-paper library in storage.sync: bytes, items, bytes per paper. */
  bytes: number;
  items: number;
  bytesPerPaper: number;
  /** Papers that fit of an 8,000-paper library, and those reported unsynced. */
  fit: number;
  unsynced: number;
  applyThousand: Figure;
  applyThousandToThreeThousand: Figure;
  applyOneItem: Figure;
  planAfterEdit: Figure;
}

export function measureSync(runs: number): SyncFigures {
  const full = publish(3000);
  const bytes = Object.entries(full.store).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  const big = publish(8000, 11);
  const thousand = publish(1000, 3);
  const [key, value] = Object.entries(full.store)[0]!;
  const row = viewLibrary(full.state).papers[0]!;
  return {
    bytes,
    items: Object.keys(full.store).length,
    bytesPerPaper: bytes / full.papers.length,
    fit: 8000 - big.plan.unsynced.papers,
    unsynced: big.plan.unsynced.papers,
    applyThousand: time(runs, () => void applyRemoteItems(emptySyncState(), thousand.store)),
    applyThousandToThreeThousand: time(runs, () => {
      const state = joinStates(emptySyncState(), full.state);
      const applied = applyRemoteItems(state, thousand.store);
      if (applied.changes.papers.length !== 1000) throw new Error(`expected 1,000 changes, got ${applied.changes.papers.length}`);
    }),
    applyOneItem: time(runs, () => void applyRemoteItems(joinStates(emptySyncState(), full.state), { [key]: value })),
    planAfterEdit: time(runs, () => {
      const state = joinStates(emptySyncState(), full.state);
      recordLocalPapers(state, [{ id: row.id, after: { ...row, tags: [...row.tags, 'new'], updatedAt: NOW } }], { t: NOW, r: 'bench' });
      const plan = planWrites(state, full.store, { now: NOW });
      if (Object.keys(plan.set).length !== 1) throw new Error('expected one item to write');
    }),
  };
}

const ms = (f: Figure) => `${f.median.toFixed(1)} ms (${f.min.toFixed(1)}–${f.max.toFixed(1)})`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const RUNS = Number(process.env.RUNS ?? 15);
  const f = measureSync(RUNS);
  const rows: [string, string][] = [
    ['3,000 papers in storage.sync', `${f.bytes} bytes in ${f.items} items (quota 102,400)`],
    ['per paper (with removals, marks)', `${f.bytesPerPaper.toFixed(1)} bytes`],
    ['papers that fit (8,000-paper library)', `${f.fit} (${f.unsynced} reported unsynced)`],
    ['apply 1,000 remote papers (empty library)', ms(f.applyThousand)],
    ['apply 1,000 remote papers (3,000 of its own)', ms(f.applyThousandToThreeThousand)],
    ['apply one changed item (3,000 papers)', ms(f.applyOneItem)],
    ['plan writes after one edit (3,000 papers)', ms(f.planAfterEdit)],
  ];
  const width = Math.max(...rows.map(([figure]) => figure.length));
  for (const [figure, result] of rows) console.log(`${figure.padEnd(width)}  ${result}`);
  console.log(`\ntimes: median of ${RUNS} runs (min–max), Node ${process.version}`);
}
