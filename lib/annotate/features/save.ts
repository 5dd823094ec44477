import { element, type CardFeature } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

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
        save.textContent = t(saved ? 'save_toggle_saved' : 'save_toggle_save');
        save.title = t(saved ? 'card_saved_title' : 'card_save_title');
      },
    };
  },
};
