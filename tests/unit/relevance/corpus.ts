import type { LibraryPaper } from '@/lib/relevance';
import { seededRandom } from '@/lib/relevance/random';

/** Words of made-up papers on a few topics, plus words every paper uses. */
export const TOPICS = {
  rl: 'reinforcement learning policy reward agent environment exploration value function actor critic markov decision',
  diffusion: 'diffusion image generation denoising score sampler latent pixels text-to-image guidance noise schedule',
  proteins: 'protein folding structure residues amino acid sequence binding molecular dynamics enzyme',
  speech: 'speech recognition acoustic audio phoneme spoken transcription waveform speaker utterance',
} as const;
const COMMON = 'we study novel results experiments benchmark performance evaluate framework analysis data training';

export type Topic = keyof typeof TOPICS;

/** A paper on a topic: a title and an abstract drawn from its words and common ones. */
export function paperOn(topic: Topic, id: string, seed: number, tags: string[] = [topic]): LibraryPaper {
  const random = seededRandom(seed);
  const own = TOPICS[topic].split(' ');
  const common = COMMON.split(' ');
  const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
  const title = Array.from({ length: 6 }, () => pick(own)).join(' ');
  const summary = Array.from({ length: 60 }, () => (random() < 0.6 ? pick(own) : pick(common))).join(' ');
  return { id, title, summary, tags };
}

/** `perTopic` papers on each of the given topics, tagged with the topic's name. */
export function library(topics: Topic[], perTopic: number, seed = 1): LibraryPaper[] {
  return topics.flatMap((topic, t) =>
    Array.from({ length: perTopic }, (_, i) => paperOn(topic, `${topic}-${i}`, seed * 1000 + t * 100 + i)),
  );
}
