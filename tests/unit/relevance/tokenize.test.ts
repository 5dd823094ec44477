// @vitest-environment node
import { contentWords, foldText, surfaceForms, termsOf } from '@/lib/relevance/tokenize';

describe('the tokenizer', () => {
  it('lower-cases, folds accents and compatibility forms', () => {
    expect(foldText('Schrödinger Équation ﬁnite')).toBe('schrodinger equation finite');
    expect(contentWords('Schrödinger')).toEqual(['schroding']);
  });

  it('drops English stop words, numbers alone and one-letter words, and stems', () => {
    expect(contentWords('We propose a method for the training of 2 Neural Networks in 2024')).toEqual([
      'propos',
      'method',
      'train',
      'neural',
      'network',
    ]);
    expect(contentWords('3D point clouds')).toEqual(['3d', 'point', 'cloud']);
  });

  it('gives words and pairs of consecutive words, stop words removed first', () => {
    expect(termsOf('Networks of neurons learn')).toEqual(['network', 'neuron', 'learn', 'network neuron', 'neuron learn']);
  });

  it('reads Chinese and Japanese character by character, other scripts by word', () => {
    expect(termsOf('深度学习')).toEqual(['深', '度', '学', '习', '深 度', '度 学', '学 习']);
    // Marks are folded in every script, the same way when training and when scoring ("й" reads "и").
    expect(contentWords('Глубокое обучение нейронных сетей')).toEqual(['глубокое', 'обучение', 'неиронных', 'сетеи']);
  });

  it('copes with empty, odd and very long text', () => {
    expect(termsOf('')).toEqual([]);
    expect(termsOf('— … ✓ 123 456')).toEqual([]);
    expect(contentWords(`${'x'.repeat(40)} real`)).toEqual(['real']); // an overlong run is not a word
    const long = 'transformer attention '.repeat(500); // 11,000 characters
    expect(termsOf(long).length).toBe(2 * 1000 - 1);
  });

  it('knows how the paper wrote each term', () => {
    const forms = surfaceForms({ title: 'Reinforcement Learning for Robots', summary: '' });
    expect(forms.get('reinforc learn')).toBe('reinforcement learning');
    expect(forms.get('robot')).toBe('robots');
  });
});
