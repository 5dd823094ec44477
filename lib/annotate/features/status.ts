import { element, onDemand, type CardFeature } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

/** Problems, shown on the card where the user acted, and Undo after the paper was unsaved here. */
export const cardStatus: CardFeature = {
  name: 'status',
  init({ document, actions, listen }) {
    // A live region is there from the start, so that what it says later is announced.
    const status = element(document, 'span', 'status');
    status.setAttribute('role', 'status');
    const message = document.createTextNode('');
    const anchor = document.createComment('undo');
    status.append(message, anchor);
    const undo = onDemand(anchor, () => {
      const button = element(document, 'button', 'undo', t('common_undo'));
      button.type = 'button';
      button.setAttribute('aria-label', t('card_undo_label'));
      listen(button, 'click', () => actions.undoUnsave());
      return button;
    });
    return {
      nodes: [status],
      update({ error, undo: token }) {
        status.classList.toggle('error', error !== '');
        message.data = error || (token ? t('card_removed') : '');
        const offer = Boolean(token) && error === '';
        if (offer || undo.made()) undo.get().hidden = !offer;
      },
    };
  },
};
