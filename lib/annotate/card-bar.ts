import { ANNOTATION_ATTRIBUTE } from '../hf/listing-cards';
import type { CardActions, CardContext, CardFeature, CardFeatureView, CardState } from './card-feature';
import { forYouMarker } from './features/for-you';
import { newMarker } from './features/new-marker';
import { notInterested } from './features/not-interested';
import { relatedPapers } from './features/related';
import { saveToggle } from './features/save';
import { cardStatus } from './features/status';
import { suggestedTags } from './features/suggestions';
import { tagEditor } from './features/tags';
import { applyControlsStyles } from './styles';

/** The bar's features, in the order they appear. */
export const CARD_FEATURES: readonly CardFeature[] = [newMarker, forYouMarker, saveToggle, tagEditor, suggestedTags, notInterested, cardStatus, relatedPapers];

export interface CardBarOptions {
  placement?: 'card' | 'heading';
  /** Which events count as the user's own; only tests replace it (their events are synthetic). */
  isTrusted?: (event: Event) => boolean;
  features?: readonly CardFeature[];
}

/** Events stopped at the bar so that the card around it (a link, the page's shortcuts) never sees them. */
const KEPT_FROM_PAGE = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress'];

/**
 * PaperShelf's bar on one paper card. The page sees a host element with the paper's id (the page's
 * own data) and nothing else: the controls live in a closed shadow root, so page scripts can read
 * neither the saved state nor the tags, and every control acts on the user's own input only.
 * The host is cheap; the controls are built by `build()` when the card comes near the viewport.
 */
export class CardBar {
  readonly host: HTMLElement;
  /** The closed root, for this extension's code only (page scripts cannot reach it). */
  root: ShadowRoot | undefined;
  private views: CardFeatureView[] = [];
  private bar: HTMLElement | undefined;
  private current: CardState = { saved: false, tags: [], isNew: false, busy: false, error: '', suggested: [], forYou: '', notInterested: false, related: [] };
  private readonly abort = new AbortController();
  private readonly isTrusted: (event: Event) => boolean;

  constructor(
    readonly id: string,
    private readonly actions: CardActions,
    private readonly document: Document,
    private readonly options: CardBarOptions = {},
  ) {
    this.host = document.createElement('div');
    this.host.setAttribute(ANNOTATION_ATTRIBUTE, id);
    this.isTrusted = options.isTrusted ?? ((event) => event.isTrusted);
  }

  get isRemoved(): boolean {
    return this.abort.signal.aborted;
  }

  get isBuilt(): boolean {
    return this.root !== undefined;
  }

  get state(): CardState {
    return this.current;
  }

  build(): void {
    if (this.root) return;
    const { document } = this;
    const root = (this.root = this.host.attachShadow({ mode: 'closed' }));
    applyControlsStyles(root, document);
    const bar = (this.bar = document.createElement('div'));
    bar.className = `bar ${this.options.placement ?? 'card'}`;
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', `PaperShelf: ${this.id}`);
    this.setTheme(document.documentElement.classList.contains('dark'));

    const context: CardContext = {
      id: this.id,
      document,
      actions: this.actions,
      state: () => this.current,
      signal: this.abort.signal,
      listen: (target, type, handler) =>
        target.addEventListener(type, (event) => this.isTrusted(event) && handler(event), { signal: this.abort.signal }),
    };
    this.views = (this.options.features ?? CARD_FEATURES).map((feature) => feature.init(context));
    for (const view of this.views) bar.append(...view.nodes);
    root.append(bar);
    for (const type of KEPT_FROM_PAGE) this.host.addEventListener(type, (event) => event.stopPropagation(), { signal: this.abort.signal });
    this.render();
  }

  update(state: Partial<CardState>): void {
    this.current = { ...this.current, ...state };
    this.render();
  }

  /** Follows the page's light or dark theme. */
  setTheme(dark: boolean): void {
    this.bar?.classList.toggle('dark', dark);
  }

  /** The card is gone: stop listening and take the bar off the page. */
  remove(): void {
    this.abort.abort();
    this.host.remove();
  }

  private render() {
    for (const view of this.views) view.update(this.current);
  }
}
