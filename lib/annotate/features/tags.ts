import { LIMITS } from '@/lib/paper/limits';
import { element, onDemand, type CardContext, type CardFeature } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';

/**
 * The paper's tags as chips that remove their tag, and an input that adds one: Enter adds,
 * Backspace on an empty input removes the last, Escape closes. Autocomplete lists the library's
 * tags; it lives inside the card's closed shadow root, out of the page's reach.
 */
export const tagEditor: CardFeature = {
  name: 'tags',
  init(context) {
    const { document, actions, listen, whenUsed } = context;
    const listAnchor = document.createComment('tags');
    const chips = onDemand(listAnchor, () => {
      const list = element(document, 'ul', 'tags');
      list.setAttribute('aria-label', t('card_tags_label'));
      listen(list, 'click', (event) => {
        const chip = (event.target as Element | null)?.closest('button');
        if (chip?.textContent) actions.removeTag(chip.textContent);
      });
      return list;
    });
    // A text input on every card costs the page dearly: Chromium's autofill looks at each new one
    // and lays the whole page out again for it (seconds of frozen page on a long listing). Each card
    // gets a stand-in with the input's look and name; the input takes its place when it is focused.
    // The stand-in itself is there where tags matter (a saved paper) and on a card the reader points
    // at or tabs into (Tab from Save reaches it), not on every card up front: on a listing the reader
    // only scrolls past, it was a fifth of what the bars added to the page's styling and layout.
    const fieldAnchor = document.createComment('tag-field');
    let field: HTMLInputElement | undefined;
    const standIn = onDemand(fieldAnchor, () => {
      const made = element(document, 'span', 'tag-input stand-in', t('tag_placeholder'));
      made.tabIndex = 0;
      made.setAttribute('role', 'combobox');
      made.setAttribute('aria-expanded', 'false');
      made.setAttribute('aria-label', t('tag_add_label'));
      listen(made, 'focus', () => {
        const input = tagField(context);
        field = input.field;
        made.replaceWith(input.field, input.datalist);
        input.field.focus();
      });
      return made;
    });
    whenUsed(() => standIn.get());

    let shown: string[] = [];
    return {
      nodes: [listAnchor, fieldAnchor],
      update({ tags, saved }) {
        if (saved || tags.length > 0) standIn.get();
        if (tags.length === shown.length && tags.every((t, i) => t === shown[i])) return;
        shown = tags;
        if (tags.length === 0 && !chips.made()) return;
        chips.get().replaceChildren(
          ...tags.map((tag) => {
            const chip = element(document, 'button', 'tag', tag);
            chip.type = 'button';
            chip.setAttribute('aria-label', t('tag_remove_label', tag));
            const item = element(document, 'li');
            item.append(chip);
            return item;
          }),
        );
        // A tag added with Enter pushes the field along a full bar: keep it in sight for the next one.
        if (field?.matches(':focus')) field.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      },
    };
  },
};

/** The text field that adds a tag, with the library's tags as its autocomplete. */
function tagField({ id, document, actions, listen, state }: CardContext): { field: HTMLInputElement; datalist: HTMLDataListElement } {
    const listId = `papershelf-tags-${id}`;
    // Empty until the input is first focused; a datalist is never drawn, and makes the input a combobox.
    const datalist = Object.assign(element(document, 'datalist'), { id: listId });
    const field = element(document, 'input', 'tag-input');
    field.type = 'text';
    field.placeholder = t('tag_placeholder');
    field.maxLength = LIMITS.tag;
    field.setAttribute('aria-label', t('tag_add_label'));
    field.setAttribute('list', listId);

    listen(field, 'keydown', (event) => {
      const value = field.value.trim();
      if (event.key === 'Enter' && value !== '') {
        event.preventDefault();
        field.value = '';
        actions.addTag(value);
      } else if (event.key === 'Backspace' && field.value === '' && state().tags.length > 0) {
        event.preventDefault();
        actions.removeTag(state().tags.at(-1)!);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        field.value = '';
        field.blur();
      }
    });
    listen(field, 'focus', () => {
      void actions.tagNames().then((tags) =>
        datalist.replaceChildren(...tags.map((tag) => Object.assign(document.createElement('option'), { value: tag }))),
      );
    });
    return { field, datalist };
}
