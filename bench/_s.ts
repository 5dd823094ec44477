import { measureScrolling } from './scrolling';
const r = await measureScrolling(Number(process.argv[2] ?? 100), Number(process.argv[3] ?? 3));
console.log(JSON.stringify({ own: r.pageOwn.median.toFixed(0), added: r.added.median.toFixed(0), pct: (100 * r.added.median / r.pageOwn.median).toFixed(1), kinds: Object.fromEntries(Object.entries(r.addedByKind).map(([k, v]) => [k, Math.round(v)])), lt: [r.longTasksAlone, r.longTasksWith], scroll: [r.longestScrollTaskAlone.median.toFixed(0), r.longestScrollTaskWith.median.toFixed(0)] }));
