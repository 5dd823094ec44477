import { element, onDemand, type CardFeature } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

/** Problems, shown on the card where the user acted, and Undo after the paper was unsaved here. */
export const cardStatus: CardFeature = {
  name: 'status',
  init({ document, actions, listen, whenUsed }) {
    // A live region says aloud what changes in it once it is there, so the region is made, empty,
    // as soon as the reader points at the bar or focuses it: before any reply to what they do. Most
    // cards are never used, and an empty region on each was a sixth of what a bar cost the page to
    // style and lay out. A problem on a card nobody used (the library unreachable as the page
    // loads) is shown all the same, unannounced: one per card would be a hundred announcements.
    const anchor = document.createComment('status');
    let region: { status: HTMLElement; message: Text; undo: { get(): HTMLButtonElement; made(): HTMLButtonElement | undefined } } | undefined;
    const show = () => {
      if (region) return region;
      const status = element(document, 'span', 'status quiet');
      status.setAttribute('role', 'status');
      const message = document.createTextNode('');
      const undoAnchor = document.createComment('undo');
      status.append(message, undoAnchor);
      anchor.after(status);
      const undo = onDemand(undoAnchor, () => {
        const button = element(document, 'button', 'undo', t('common_undo'));
        button.type = 'button';
        button.setAttribute('aria-label', t('card_undo_label'));
        listen(button, 'click', () => actions.undoUnsave());
        return button;
      });
      return (region = { status, message, undo });
    };
    let used = false;
    whenUsed(() => {
      used = true;
      show();
    });
    return {
      nodes: [anchor],
      update({ error, undo: token }) {
        const text = error || (token ? t('card_removed') : '');
        if (!region && !text) return;
        const { status, message, undo } = show();
        const fresh = text !== '' && text !== message.data;
        status.classList.toggle('error', error !== '');
        status.classList.toggle('quiet', text === '');
        message.data = text;
        const offer = Boolean(token) && error === '';
        if (offer || undo.made()) undo.get().hidden = !offer;
        // On a full bar what the reader's action brought (Undo, a problem) could sit past its end:
        // brought into sight, where they are (not on cards nobody used: a hundred scrolls at load).
        if (used && fresh) (offer ? undo.get() : status).scrollIntoView({ block: 'nearest', inline: 'nearest' });
      },
    };
  },
};
