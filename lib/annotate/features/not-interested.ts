import { element, onDemand, type CardFeature, type CardState } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

/**
 * "Not interested": the paper stops counting and teaches "For you"; pressed again, it is undone.
 *
 * It answers a recommendation, so it is on the bar from the start where the card shows one (a For
 * you marker) and where the paper is marked; on the other cards it is made when the reader first
 * points at the bar or moves focus into it (Tab from Save reaches it). A button on every card was
 * three of the ten boxes a bar adds to the page's layout, and a fifth of what it styles.
 */
export const notInterested: CardFeature = {
  name: 'not-interested',
  init({ document, actions, listen, whenUsed, state }) {
    const anchor = document.createComment('not-interested');
    const made = onDemand(anchor, () => {
      const button = element(document, 'button', 'not-interested', t('common_not_interested'));
      button.type = 'button';
      listen(button, 'click', () => actions.toggleNotInterested());
      return button;
    });
    const show = ({ saved, notInterested: marked }: CardState) => {
      const button = made.get();
      button.hidden = saved;
      button.setAttribute('aria-pressed', String(marked));
      button.title = t(marked ? 'card_not_interested_undo_title' : 'card_not_interested_title');
    };
    whenUsed(() => show(state()));
    return {
      nodes: [anchor],
      update(current) {
        if (made.made() || current.forYou !== '' || current.notInterested) show(current);
      },
    };
  },
};
