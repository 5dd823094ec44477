import { element, onDemand, type CardFeature } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

/** "For you": among the page's papers most like the reader's library; the reason on hover and for screen readers. */
export const forYouMarker: CardFeature = {
  name: 'for-you',
  init({ document }) {
    const anchor = document.createComment('for-you');
    const marker = onDemand(anchor, () => {
      const span = element(document, 'span', 'for-you', t('common_for_you'));
      span.setAttribute('role', 'note');
      return span;
    });
    return {
      nodes: [anchor],
      update({ forYou, saved }) {
        const show = forYou !== '' && !saved;
        if (!show && !marker.made()) return;
        const span = marker.get();
        span.hidden = !show;
        span.title = forYou;
        span.setAttribute('aria-label', t('common_for_you_reason', forYou));
      },
    };
  },
};
