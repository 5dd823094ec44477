import { LIMITS } from '../../paper/limits';
import { element, type CardFeature } from '../card-feature';

/**
 * The paper's tags as chips that remove their tag, and an input that adds one: Enter adds,
 * Backspace on an empty input removes the last, Escape closes. Autocomplete lists the library's
 * tags; it lives inside the card's closed shadow root, out of the page's reach.
 */
export const tagEditor: CardFeature = {
  name: 'tags',
  init({ id, document, actions, listen, state }) {
    const list = element(document, 'ul', 'tags');
    list.setAttribute('aria-label', 'Tags');

    const datalist = element(document, 'datalist');
    datalist.id = `papershelf-tags-${id}`;
    const input = element(document, 'input', 'tag-input');
    input.type = 'text';
    input.placeholder = '+ tag';
    input.maxLength = LIMITS.tag;
    input.setAttribute('aria-label', 'Add tag');
    input.setAttribute('list', datalist.id);

    listen(input, 'keydown', (event) => {
      const value = input.value.trim();
      if (event.key === 'Enter' && value !== '') {
        event.preventDefault();
        input.value = '';
        actions.addTag(value);
      } else if (event.key === 'Backspace' && input.value === '' && state().tags.length > 0) {
        event.preventDefault();
        actions.removeTag(state().tags.at(-1)!);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        input.value = '';
        input.blur();
      }
    });
    listen(input, 'focus', () => {
      void actions.tagNames().then((tags) =>
        datalist.replaceChildren(...tags.map((tag) => Object.assign(document.createElement('option'), { value: tag }))),
      );
    });
    listen(list, 'click', (event) => {
      const chip = (event.target as Element | null)?.closest('button');
      if (chip?.textContent) actions.removeTag(chip.textContent);
    });

    let shown: string[] = [];
    return {
      nodes: [list, input, datalist],
      update({ tags }) {
        if (tags.length === shown.length && tags.every((t, i) => t === shown[i])) return;
        shown = tags;
        list.replaceChildren(
          ...tags.map((tag) => {
            const chip = element(document, 'button', 'tag', tag);
            chip.type = 'button';
            chip.setAttribute('aria-label', `Remove tag ${tag}`);
            const item = element(document, 'li');
            item.append(chip);
            return item;
          }),
        );
      },
    };
  },
};
