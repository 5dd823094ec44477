import { element, type CardFeature } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

/** "Not interested": the paper stops counting and teaches "For you"; pressed again, it is undone. */
export const notInterested: CardFeature = {
  name: 'not-interested',
  init({ document, actions, listen }) {
    const button = element(document, 'button', 'not-interested', t('common_not_interested'));
    button.type = 'button';
    listen(button, 'click', () => actions.toggleNotInterested());
    return {
      nodes: [button],
      update({ saved, notInterested: marked }) {
        button.hidden = saved;
        button.setAttribute('aria-pressed', String(marked));
        button.title = t(marked ? 'card_not_interested_undo_title' : 'card_not_interested_title');
      },
    };
  },
};
