import { element, type CardFeature } from '../card-feature';

/** The Save toggle: keeps the paper in the library, or takes it out. */
export const saveToggle: CardFeature = {
  name: 'save',
  init({ document, actions, listen }) {
    const save = element(document, 'button', 'save');
    save.type = 'button';
    listen(save, 'click', () => actions.toggleSave());
    return {
      nodes: [save],
      update({ saved, busy }) {
        save.setAttribute('aria-pressed', String(saved));
        save.setAttribute('aria-busy', String(busy));
        save.textContent = saved ? '★ Saved' : '☆ Save';
        save.title = saved ? 'In your PaperShelf library. Click to remove it.' : 'Save to your PaperShelf library';
      },
    };
  },
};
