import { describe, expect, it, vi } from 'vitest';
import type { LibraryFinder } from '@/lib/search/finder';
import { startedOnFirstFind } from '@/lib/search/worker-finder';

const answer = { ids: ['2609.08183'], total: 1, tagCounts: [], approximate: false, firstPapers: [] };

describe('the popup starting its search', () => {
  it('starts the finder on the first question only, and once', async () => {
    const find = vi.fn<LibraryFinder['find']>(async () => answer);
    const start = vi.fn(() => ({ find }));
    const finder = startedOnFirstFind(start);
    expect(start).not.toHaveBeenCalled();

    await expect(finder.find({ text: 'diffusion', tags: [], sort: 'relevance' }, 7)).resolves.toEqual(answer);
    await finder.find({ text: 'diffusion video', tags: [], sort: 'relevance' }, 7);
    expect(start).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenNthCalledWith(2, { text: 'diffusion video', tags: [], sort: 'relevance' }, 7);
  });
});
