import { measureListing } from './listing';
for (const n of [1000, 5000]) {
  const r = await measureListing(n, 2);
  console.log(n, 'added', r.added.median.toFixed(0), 'pageOwn', r.pageOwn.median.toFixed(0), 'extra', r.extraLongTasks, 'caused', r.causedLongTasks, 'ownSlice', r.longestOwnSlice.median.toFixed(1), r.longestOwnSlice.max.toFixed(1));
}
