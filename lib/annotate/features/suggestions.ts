import { tagKey } from '@/lib/paper/tags';
import { element, onDemand, type CardFeature } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

/** Tags PaperShelf suggests after a save, best first: one click adds one. Nothing is added without it. */
export const suggestedTags: CardFeature = {
  name: 'suggestions',
  init({ document, actions, listen }) {
    const anchor = document.createComment('suggested');
    const chips = onDemand(anchor, () => {
      const list = element(document, 'span', 'suggested');
      listen(list, 'click', (event) => {
        const tag = (event.target as Element | null)?.closest('button')?.dataset.tag;
        if (tag) actions.addTag(tag);
      });
      return list;
    });
    let shown = '';
    return {
      nodes: [anchor],
      update({ suggested, tags, saved }) {
        const have = new Set(tags.map(tagKey));
        const offer = saved ? suggested.filter((t) => !have.has(tagKey(t))) : [];
        if (offer.join('\n') === shown) return;
        shown = offer.join('\n');
        chips.get().replaceChildren(
          ...offer.map((tag) => {
            const chip = element(document, 'button', 'suggestion', `+ ${tag}`);
            chip.type = 'button';
            chip.dataset.tag = tag;
            chip.setAttribute('aria-label', t('tag_add_suggested_label', tag));
            return chip;
          }),
        );
      },
    };
  },
};
