import { element, type CardFeature } from '../card-feature';

/** "Not interested": the paper stops counting and teaches "For you"; pressed again, it is undone. */
export const notInterested: CardFeature = {
  name: 'not-interested',
  init({ document, actions, listen }) {
    const button = element(document, 'button', 'not-interested', 'Not interested');
    button.type = 'button';
    listen(button, 'click', () => actions.toggleNotInterested());
    return {
      nodes: [button],
      update({ saved, notInterested: marked }) {
        button.hidden = saved;
        button.setAttribute('aria-pressed', String(marked));
        button.title = marked ? 'Click to undo' : 'Fewer papers like this';
      },
    };
  },
};
