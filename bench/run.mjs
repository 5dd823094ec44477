// PaperShelf's benchmark: builds the extension and prints the figures that docs say we watch.
// It reports; it never fails on a number. Results also go to bench/results.json (not committed).
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const quick = process.argv.includes('--quick');
execSync('npx wxt build', { stdio: 'ignore' });

const out = '.output/chrome-mv3';
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const js = files(out).filter((f) => f.endsWith('.js'));
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const contentScripts = js.filter((f) => f.includes('content-scripts'));

const rows = [
  {
    figure: 'content script size, gzip, in all',
    value: contentScripts.reduce((n, f) => n + gz(f), 0) / 1024,
    unit: 'kB',
    target: '<= 15 kB',
  },
  ...js.map((f) => ({ figure: `bundle ${f.slice(out.length + 1)} (gzip)`, value: gz(f) / 1024, unit: 'kB', target: '' })),
];

const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(10)}  target`);
for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${`${r.value.toFixed(1)} ${r.unit}`.padStart(10)}  ${r.target}`);
writeFileSync('bench/results.json', JSON.stringify({ quick, at: new Date().toISOString(), rows }, null, 2));
