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
  private parts:
    | { save: HTMLButtonElement; tagList: HTMLUListElement; input: HTMLInputElement; datalist: HTMLDataListElement; newMarker: HTMLSpanElement; status: HTMLSpanElement }
    | undefined;
  private state: CardState = { saved: false, tags: [], isNew: false };
  private error = '';
  private busy = false;

  /**
   * Creates only the host element, which carries the paper's id and saved state; the controls
   * inside are built by `build()` when the card comes near the viewport, so a page of thousands of
   * cards costs little more than the cards the user looks at.
   */
  constructor(
    readonly id: string,
    private readonly actions: CardActions,
    private readonly placement: 'card' | 'heading' = 'card',
  ) {
    this.host = document.createElement('div');
    this.host.setAttribute(ANNOTATION_ATTRIBUTE, id);
    this.host.dataset.papershelfSaved = 'false';
    // The bar's height, kept before it is built so building it never shifts the page.
    this.host.style.minHeight = placement === 'card' ? '34px' : '44px';
  }

  get isBuilt(): boolean {
    return this.parts !== undefined;
  }

  build(): void {
    if (this.parts) return;
    this.host.dataset.placement = this.placement;
    if (document.documentElement.classList.contains('dark')) this.host.dataset.theme = 'dark';
    const root = this.host.attachShadow({ mode: 'open' });
    applyControlsStyles(root);

    const bar = el('div', 'bar');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', `PaperShelf: ${this.id}`);

    const newMarker = el('span', 'new', 'New');
    newMarker.title = 'Entered the trending list since you last looked';

    const save = el('button', 'save');
    save.type = 'button';
    save.dataset.action = 'save';

    const tagList = el('ul', 'tags');
    tagList.setAttribute('aria-label', 'Tags');

    const datalist = el('datalist');
    datalist.id = 'papershelf-known-tags';
    const input = el('input', 'tag-input');
    input.type = 'text';
    input.placeholder = '+ tag';
    input.maxLength = 64;
    input.setAttribute('aria-label', 'Add tag');
    input.setAttribute('list', datalist.id);
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('focus', () => void this.fillSuggestions());

    const status = el('span', 'status');
    status.setAttribute('role', 'status');

    bar.append(newMarker, save, tagList, input, datalist, status);
    root.append(bar);
    // One listener for every button in the bar.
    root.addEventListener('click', (event) => this.onClick(event));

    // Our controls sit inside the page's card: keep clicks and keys from reaching the page's own
    // handlers (following the card's link, keyboard shortcuts).
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress']) {
      this.host.addEventListener(type, (event) => event.stopPropagation());
    }
    this.parts = { save, tagList, input, datalist, newMarker, status };
    this.render();
  }

  update(state: Partial<CardState>): void {
    this.state = { ...this.state, ...state };
    this.host.dataset.papershelfSaved = String(this.state.saved);
    this.render();
  }

  get current(): CardState {
    return this.state;
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.render();
  }

  /** Shows a problem where the user is looking: on the card itself. */
  showError(message: string): void {
    this.error = message;
    this.render();
  }

  private render() {
    if (!this.parts) return;
    const { save, tagList, newMarker, status } = this.parts;
    const { saved, tags, isNew } = this.state;
    save.setAttribute('aria-pressed', String(saved));
    save.setAttribute('aria-busy', String(this.busy));
    save.textContent = saved ? '★ Saved' : '☆ Save';
    save.title = saved ? 'In your PaperShelf library. Click to remove it.' : 'Save to your PaperShelf library';
    newMarker.hidden = !isNew;
    status.textContent = this.error;
    const shown = [...tagList.querySelectorAll('button')].map((b) => b.textContent);
    if (shown.length === tags.length && shown.every((t, i) => t === tags[i])) return;
    tagList.replaceChildren(
      ...tags.map((tag) => {
        const chip = el('button', 'tag', tag);
        chip.type = 'button';
        chip.dataset.action = 'remove-tag';
        chip.setAttribute('aria-label', `Remove tag ${tag}`);
        const item = el('li');
        item.append(chip);
        return item;
      }),
    );
  }

  private onClick(event: Event) {
    const button = (event.target as Element | null)?.closest?.('button');
    if (button?.dataset.action === 'save') this.actions.toggleSave();
    else if (button?.dataset.action === 'remove-tag' && button.textContent) this.actions.removeTag(button.textContent);
  }

  private onKey(event: KeyboardEvent) {
    const input = this.parts!.input;
    const value = input.value.trim();
    if (event.key === 'Enter' && value !== '') {
      event.preventDefault();
      input.value = '';
      this.actions.addTag(value);
    } else if (event.key === 'Backspace' && input.value === '' && this.state.tags.length > 0) {
      event.preventDefault();
      this.actions.removeTag(this.state.tags[this.state.tags.length - 1]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.value = '';
      input.blur();
    }
  }

  private async fillSuggestions() {
    const tags = await this.actions.knownTags();
    this.parts!.datalist.replaceChildren(...tags.map((tag) => Object.assign(document.createElement('option'), { value: tag })));
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
