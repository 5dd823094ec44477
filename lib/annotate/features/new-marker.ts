import { element, type CardFeature } from '../card-feature';

/** "New": the paper entered the trending list since the user last looked. */
export const newMarker: CardFeature = {
  name: 'new-marker',
  init({ document }) {
    const marker = element(document, 'span', 'new', 'New');
    marker.title = 'Entered the trending list since you last looked';
    return { nodes: [marker], update: (state) => (marker.hidden = !state.isNew) };
  },
};
