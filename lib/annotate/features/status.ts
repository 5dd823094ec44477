import { element, type CardFeature } from '../card-feature';

/** Problems, shown on the card where the user acted, and Undo after the paper was unsaved here. */
export const cardStatus: CardFeature = {
  name: 'status',
  init({ document, actions, listen }) {
    const status = element(document, 'span', 'status');
    status.setAttribute('role', 'status');
    const message = element(document, 'span');
    const undo = element(document, 'button', 'undo', 'Undo');
    undo.type = 'button';
    undo.setAttribute('aria-label', 'Undo remove');
    listen(undo, 'click', () => actions.undoUnsave());
    status.append(message, undo);
    return {
      nodes: [status],
      update({ error, undo: token }) {
        status.classList.toggle('error', error !== '');
        message.textContent = error || (token ? 'Removed from your library.' : '');
        undo.hidden = !token || error !== '';
      },
    };
  },
};
