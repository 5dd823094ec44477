import { element, onDemand, type CardFeature } from '../card-feature';

/** "New": the paper entered the trending list since the user last looked. */
export const newMarker: CardFeature = {
  name: 'new-marker',
  init({ document }) {
    const anchor = document.createComment('new');
    const marker = onDemand(anchor, () => {
      const span = element(document, 'span', 'new', 'New');
      span.title = 'Entered the trending list since you last looked';
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
