import { element, type CardFeature } from '../card-feature';

/** On a paper's own page: up to 5 saved papers like it, linking to their Hugging Face pages. */
export const relatedPapers: CardFeature = {
  name: 'related',
  init({ document }) {
    const box = element(document, 'nav', 'related');
    box.setAttribute('aria-label', 'Related in your library');
    let shown = '';
    return {
      nodes: [box],
      update({ related }) {
        const key = related.map((r) => r.id).join(',');
        if (key === shown) return;
        shown = key;
        box.hidden = related.length === 0;
        const list = element(document, 'ul');
        for (const paper of related) {
          const link = element(document, 'a', undefined, paper.title);
          link.href = `https://huggingface.co/papers/${paper.id}`;
          const item = element(document, 'li');
          item.append(link);
          list.append(item);
        }
        box.replaceChildren(element(document, 'span', 'related-title', 'Related in your library:'), list);
      },
    };
  },
};
