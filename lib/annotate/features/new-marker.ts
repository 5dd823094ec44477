import { element, onDemand, type CardFeature } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

/** "New": the paper entered the trending list since the user last looked. */
export const newMarker: CardFeature = {
  name: 'new-marker',
  init({ document }) {
    const anchor = document.createComment('new');
    const marker = onDemand(anchor, () => {
      const span = element(document, 'span', 'new', t('card_new'));
      span.title = t('card_new_title');
      return span;
    });
    return {
      nodes: [anchor],
      update: ({ isNew }) => {
        if (isNew) marker.get().hidden = false;
        else if (marker.made()) marker.made()!.hidden = true;
      },
    };
  },
};
