import { element, onDemand, type CardFeature } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

/** On a paper's own page: up to 5 saved papers like it, linking to their Hugging Face pages. */
export const relatedPapers: CardFeature = {
  name: 'related',
  init({ document }) {
    const anchor = document.createComment('related');
    const box = onDemand(anchor, () => {
      const nav = element(document, 'nav', 'related');
      nav.setAttribute('aria-label', t('card_related_label'));
      return nav;
    });
    let shown = '';
    return {
      nodes: [anchor],
      update({ related }) {
        const key = related.map((r) => r.id).join(',');
        if (key === shown) return;
        shown = key;
        const nav = box.get();
        nav.hidden = related.length === 0;
        const list = element(document, 'ul');
        for (const paper of related) {
          const link = element(document, 'a', undefined, paper.title);
          link.href = `https://huggingface.co/papers/${paper.id}`;
          const item = element(document, 'li');
          item.append(link);
          list.append(item);
        }
        nav.replaceChildren(element(document, 'span', 'related-title', t('card_related_title')), list);
      },
    };
  },
};
