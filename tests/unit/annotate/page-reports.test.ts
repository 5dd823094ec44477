import type { AnnotatedPage } from '@/lib/annotate/annotated-page';
import type { CardBar } from '@/lib/annotate/card-bar';
import { SLICE_BUDGET_MS } from '@/lib/annotate/card-scanner';
import { markForYou } from '@/lib/annotate/page-reports';
import { manyPapers } from '../../fixtures/hf/markup';

describe("asking which of a page's papers are For you", () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the cards a slice at a time, so a page of thousands sees no long task, and marks the picks', async () => {
    const papers = manyPapers(200);
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    let tasks = 0;
    const updates = new Map<string, unknown>();
    const sent: { papers: { id: string; title: string }[] }[] = [];
    const page = {
      ids: () => papers.map((p) => p.id),
      text: (id: string) => {
        clock += 1; // reading a card's title takes a millisecond here
        const paper = papers.find((p) => p.id === id)!;
        return { title: paper.title, summary: '' };
      },
      nextTask: async () => {
        tasks++;
      },
      send: async (request: { papers: { id: string; title: string }[] }) => {
        sent.push(request);
        return { ok: true, picks: [{ id: papers[3]!.id, reason: 'Like “LLM”' }], notInterested: [papers[5]!.id] };
      },
      bars: (id: string) => [{ update: (state: unknown) => updates.set(id, state) } as unknown as CardBar],
    } as unknown as AnnotatedPage;

    await markForYou(page);

    expect(tasks).toBeGreaterThanOrEqual(Math.floor(papers.length / (SLICE_BUDGET_MS + 1)));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.papers.map((p) => p.title)).toEqual(papers.map((p) => p.title));
    expect(updates.get(papers[3]!.id)).toEqual({ forYou: 'Like “LLM”', notInterested: false });
    expect(updates.get(papers[5]!.id)).toEqual({ forYou: '', notInterested: true });
  });
});
