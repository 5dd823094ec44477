import { ANNOTATION_ATTRIBUTE } from '../hf/listing-cards';
import { applyControlsStyles } from './styles';

export interface CardState {
  saved: boolean;
  tags: string[];
  isNew: boolean;
}

export interface CardActions {
  toggleSave(): void;
  addTag(tag: string): void;
  removeTag(tag: string): void;
  /** Tags already used in the library, for autocomplete. */
  knownTags(): Promise<string[]>;
}

/**
 * The controls PaperShelf adds to one paper card: Save toggle, tag chips, an inline tag input and
 * the New marker, inside an open shadow root so the page's styles and ours never meet. Built from
 * nodes; page text only ever goes in as text.
 */
export class CardControls {
  readonly host: HTMLElement;
  private readonly save: HTMLButtonElement;
  private readonly tagList: HTMLUListElement;
  private readonly input: HTMLInputElement;
  private readonly datalist: HTMLDataListElement;
  private readonly newMarker: HTMLSpanElement;
  private readonly status: HTMLSpanElement;
  private state: CardState = { saved: false, tags: [], isNew: false };

  constructor(
    readonly id: string,
    private readonly actions: CardActions,
    placement: 'card' | 'heading' = 'card',
  ) {
    this.host = document.createElement('div');
    this.host.setAttribute(ANNOTATION_ATTRIBUTE, id);
    this.host.dataset.papershelfSaved = 'false';
    this.host.dataset.placement = placement;
    if (document.documentElement.classList.contains('dark')) this.host.dataset.theme = 'dark';
    const root = this.host.attachShadow({ mode: 'open' });
    applyControlsStyles(root);

    const bar = el('div', 'bar');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', `PaperShelf: ${id}`);

    this.newMarker = el('span', 'new', 'New');
    this.newMarker.title = 'Entered the trending list since you last looked';
    this.newMarker.hidden = true;

    this.save = el('button', 'save');
    this.save.type = 'button';
    this.save.addEventListener('click', () => this.actions.toggleSave());

    this.tagList = el('ul', 'tags');
    this.tagList.setAttribute('aria-label', 'Tags');

    this.datalist = el('datalist');
    this.datalist.id = 'papershelf-known-tags';
    this.input = el('input', 'tag-input');
    this.input.type = 'text';
    this.input.placeholder = '+ tag';
    this.input.maxLength = 64;
    this.input.setAttribute('aria-label', 'Add tag');
    this.input.setAttribute('list', this.datalist.id);
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('focus', () => void this.fillSuggestions());

    this.status = el('span', 'status');
    this.status.setAttribute('role', 'status');

    bar.append(this.newMarker, this.save, this.tagList, this.input, this.datalist, this.status);
    root.append(bar);

    // Our controls sit inside the page's card: keep clicks and keys from reaching the page's own
    // handlers (following the card's link, keyboard shortcuts).
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress']) {
      this.host.addEventListener(type, (event) => event.stopPropagation());
    }
    this.render();
  }

  update(state: Partial<CardState>): void {
    this.state = { ...this.state, ...state };
    this.render();
  }

  get current(): CardState {
    return this.state;
  }

  setBusy(busy: boolean): void {
    this.save.setAttribute('aria-busy', String(busy));
  }

  /** Shows a problem where the user is looking: on the card itself. */
  showError(message: string): void {
    this.status.textContent = message;
  }

  private render() {
    const { saved, tags, isNew } = this.state;
    this.host.dataset.papershelfSaved = String(saved);
    this.save.setAttribute('aria-pressed', String(saved));
    this.save.textContent = saved ? '★ Saved' : '☆ Save';
    this.save.title = saved ? 'In your PaperShelf library. Click to remove it.' : 'Save to your PaperShelf library';
    this.newMarker.hidden = !isNew;
    this.tagList.replaceChildren(
      ...tags.map((tag) => {
        const chip = el('button', 'tag', tag);
        chip.type = 'button';
        chip.setAttribute('aria-label', `Remove tag ${tag}`);
        chip.addEventListener('click', () => this.actions.removeTag(tag));
        const item = el('li');
        item.append(chip);
        return item;
      }),
    );
  }

  private onKey(event: KeyboardEvent) {
    const value = this.input.value.trim();
    if (event.key === 'Enter' && value !== '') {
      event.preventDefault();
      this.input.value = '';
      this.actions.addTag(value);
    } else if (event.key === 'Backspace' && this.input.value === '' && this.state.tags.length > 0) {
      event.preventDefault();
      this.actions.removeTag(this.state.tags[this.state.tags.length - 1]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.input.value = '';
      this.input.blur();
    }
  }

  private async fillSuggestions() {
    const tags = await this.actions.knownTags();
    this.datalist.replaceChildren(...tags.map((tag) => Object.assign(document.createElement('option'), { value: tag })));
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
