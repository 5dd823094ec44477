import { element, type CardFeature } from '../card-feature';

/** "For you": among the page's papers most like the reader's library; the reason on hover and for screen readers. */
export const forYouMarker: CardFeature = {
  name: 'for-you',
  init({ document }) {
    const marker = element(document, 'span', 'for-you', 'For you');
    marker.setAttribute('role', 'note');
    return {
      nodes: [marker],
      update({ forYou, saved }) {
        marker.hidden = forYou === '' || saved;
        marker.title = forYou;
        marker.setAttribute('aria-label', `For you: ${forYou}`);
      },
    };
  },
};
