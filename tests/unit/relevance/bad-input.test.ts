// @vitest-environment node
import {
  deserializeModel,
  relatedInLibrary,
  scorePaper,
  serializeModel,
  suggestTags,
  trainAll,
  trainInSlices,
  trainRelevance,
  type LibraryPaper,
  type RelevanceModel,
} from '@/lib/relevance';
import { library, paperOn } from './corpus';

/** Every public scorer on a few awkward papers; none may throw. */
function scoreEverything(model: RelevanceModel) {
  const papers = [
    { title: '', summary: '' },
    { title: 'Only a title', summary: '' },
    { title: '深度学习的图像生成', summary: '我们提出了一种新的扩散模型。' },
    { title: 'Обучение с подкреплением', summary: 'Агент учится на наградах.' },
    { title: 'Long', summary: 'reinforcement learning agent '.repeat(400) }, // 11,600 characters
    paperOn('rl', 'x', 9),
  ];
  for (const paper of papers) {
    const scores = scorePaper(model, paper);
    expect(scores.suggestions.length).toBeLessThanOrEqual(3);
    if (scores.forYou) expect(Number.isFinite(scores.forYou.score)).toBe(true);
    relatedInLibrary(model, paper);
  }
  expect(deserializeModel(structuredClone(serializeModel(model)))).not.toBeNull();
}

describe('learning from awkward libraries', () => {
  it.each<[string, LibraryPaper[]]>([
    ['an empty library', []],
    ['one paper', [paperOn('rl', 'a', 1)]],
    ['one tag on every paper', library(['rl'], 6)],
    ['papers without abstracts', library(['rl', 'speech'], 5).map((p) => ({ ...p, summary: '' }))],
    ['papers with empty titles and abstracts', library(['rl'], 4).map((p) => ({ ...p, title: '', summary: '' }))],
    [
      'non-English papers',
      [
        ...Array.from({ length: 4 }, (_, i) => ({ id: `zh${i}`, title: `图像生成 ${i}`, summary: '扩散模型用于图像生成。', tags: ['视觉'] })),
        ...Array.from({ length: 4 }, (_, i) => ({ id: `ru${i}`, title: `Обучение ${i}`, summary: 'Агент учится на наградах.', tags: ['RL'] })),
      ],
    ],
    ['a 10,000-character abstract', [...library(['rl', 'speech'], 4), { ...paperOn('rl', 'long', 3), summary: 'policy '.repeat(1500) }]],
    ['duplicate ids and untagged papers', [...library(['rl'], 4), ...library(['rl'], 4).map((p) => ({ ...p, tags: [] })), { ...paperOn('speech', 'u', 1), tags: [] }]],
    ['blank and odd tags', library(['rl'], 4).map((p) => ({ ...p, tags: ['', '  ', 'rl', 'RL '] }))],
  ])('%s: trains, scores and stores without throwing', (_, papers) => {
    const seen = library(['proteins'], 3).map(({ id, title, summary }) => ({ id: `s${id}`, title, summary }));
    scoreEverything(trainAll({ library: papers }));
    scoreEverything(trainAll({ library: papers, seen, extraCorpus: seen }));
  });

  it('a single tag on every paper is learned against unsaved papers, or not at all without any', () => {
    const papers = library(['rl'], 6);
    expect(trainAll({ library: papers }).tags).toEqual([]);
    const seen = library(['speech'], 6).map(({ id, title, summary }) => ({ id: `s${id}`, title, summary }));
    const model = trainAll({ library: papers, seen });
    expect(model.tags.map((t) => t.key)).toEqual(['rl']);
    expect(suggestTags(model, paperOn('rl', 'n', 77, []))[0]?.tag).toBe('rl');
  });
});

describe('training in slices', () => {
  const input = { library: library(['rl', 'diffusion', 'proteins'], 30) };

  it('yields often and ends with the same model as training at once', async () => {
    let steps = 0;
    const generator = trainRelevance(input);
    let next = generator.next();
    while (!next.done) {
      steps++;
      next = generator.next();
    }
    expect(steps).toBeGreaterThan(2);
    let pauses = 0;
    const sliced = await trainInSlices(input, {}, { sliceMs: 0, pause: async () => void pauses++ });
    expect(pauses).toBe(steps);
    const whole = trainAll(input);
    expect(serializeModel({ ...sliced, trainedAt: 0 })).toEqual(serializeModel({ ...whole, trainedAt: 0 }));
    expect(serializeModel({ ...next.value, trainedAt: 0 })).toEqual(serializeModel({ ...whole, trainedAt: 0 }));
  });

  it('stops when told to', async () => {
    const controller = new AbortController();
    const training = trainInSlices(input, {}, { sliceMs: 0, signal: controller.signal, pause: async () => controller.abort(new Error('library changed')) });
    await expect(training).rejects.toThrow('library changed');
  });
});
