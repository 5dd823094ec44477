import { ANNOTATION_ATTRIBUTE } from '@/lib/hf/listing-cards';
import { showOverflow } from '@/lib/annotate/bar-overflow';
import type { BarPlacement } from '@/lib/annotate/bar-places';
import type { CardActions, CardContext, CardFeature, CardFeatureView, CardState } from '@/lib/annotate/card-feature';
import { forYouMarker } from '@/lib/annotate/features/for-you';
import { newMarker } from '@/lib/annotate/features/new-marker';
import { notInterested } from '@/lib/annotate/features/not-interested';
import { relatedPapers } from '@/lib/annotate/features/related';
import { saveToggle } from '@/lib/annotate/features/save';
import { cardStatus } from '@/lib/annotate/features/status';
import { suggestedTags } from '@/lib/annotate/features/suggestions';
import { tagEditor } from '@/lib/annotate/features/tags';
import { applyControlsStyles } from '@/lib/annotate/styles';
import { t } from '@/lib/i18n';

/**
 * The bar's features, in the order they appear. What the bar says (a problem, Removed and Undo)
 * comes right after Save: a bar is one line that scrolls sideways when full, and the message must be
 * in sight where the reader just acted.
 */
export const CARD_FEATURES: readonly CardFeature[] = [newMarker, forYouMarker, saveToggle, cardStatus, tagEditor, suggestedTags, notInterested, relatedPapers];

export interface CardBarOptions {
  /** Which events count as the user's own; only tests replace it (their events are synthetic). */
  isTrusted?: (event: Event) => boolean;
  features?: readonly CardFeature[];
}

/**
 * Whether `next` says anything `current` does not (lists compared item by item). The library's
 * answers reach every card of a page, bars not yet built included, and most change nothing: this
 * runs thousands of times on a long listing, so it stops at the first difference and writes nothing out.
 */
function changes(current: CardState, next: Partial<CardState>): boolean {
  for (const key in next) {
    const was = current[key as keyof CardState];
    const is = next[key as keyof CardState];
    if (Array.isArray(was) && Array.isArray(is) ? !sameItems(was, is) : was !== is) return true;
  }
  return false;
}

/** Lists with the same items: tags by their text, related papers by what they show. */
function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i] || JSON.stringify(item) === JSON.stringify(b[i]));
}

/** Events stopped at the bar so that the card around it (a link, the page's shortcuts) never sees them. */
const KEPT_FROM_PAGE = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress'];
/** One listener for every bar (it holds nothing of a bar, and goes with the host when the bar is removed). */
const keepFromPage = (event: Event) => event.stopPropagation();

/**
 * PaperShelf's bar on one paper card. The page sees a host element with the paper's id (the page's
 * own data) and nothing else: the controls live in a closed shadow root, so page scripts can read
 * neither the saved state nor the tags, and every control acts on the user's own input only.
 * Until its card comes near the screen a bar is only its state: `build()` puts the host, the root and
 * the controls together then, and the state it was told meanwhile shows at once.
 */
export class CardBar {
  private drawn: { host: HTMLElement; root: ShadowRoot; bar: HTMLElement } | undefined;
  private views: CardFeatureView[] = [];
  private current: CardState = { saved: false, tags: [], isNew: false, busy: false, error: '', suggested: [], forYou: '', notInterested: false, related: [] };
  /** Tells the bar's faded ends that its content changed; set once the reader has used the bar. */
  private overflowChanged: (() => void) | undefined;
  /** Stops the controls' listeners; made with the controls (a page may hold thousands of bars never built). */
  private abort: AbortController | undefined;
  private removed = false;
  private readonly isTrusted: (event: Event) => boolean;

  constructor(
    readonly id: string,
    /** What the controls do, made when the bar is built (a page may hold thousands of bars never built). */
    private readonly actions: () => CardActions,
    private readonly document: Document,
    private readonly options: CardBarOptions = {},
  ) {
    this.isTrusted = options.isTrusted ?? ((event) => event.isTrusted);
  }

  /** The element the page sees (the paper's id and nothing else), once the bar is built. */
  get host(): HTMLElement | undefined {
    return this.drawn?.host;
  }

  /** The closed root, for this extension's code only (page scripts cannot reach it). */
  get root(): ShadowRoot | undefined {
    return this.drawn?.root;
  }

  get isRemoved(): boolean {
    return this.removed;
  }

  get isBuilt(): boolean {
    return this.drawn !== undefined;
  }

  /** Built and still wanted, but no longer in the page (the page re-rendered its card's insides). */
  get isDropped(): boolean {
    return this.drawn !== undefined && !this.removed && !this.drawn.host.isConnected;
  }

  get state(): CardState {
    return this.current;
  }

  /**
   * Builds the bar for its place and gives back its host, for the caller to put in the page. The
   * host's size is set by the place alone (see styles.ts): nothing the bar shows changes it.
   */
  build(placement: BarPlacement = 'card'): HTMLElement {
    if (this.drawn) return this.drawn.host;
    const { document } = this;
    const host = document.createElement('div');
    host.setAttribute(ANNOTATION_ATTRIBUTE, this.id);
    const root = host.attachShadow({ mode: 'closed' });
    const bar = document.createElement('div');
    this.drawn = { host, root, bar };
    const { signal } = (this.abort = new AbortController());
    applyControlsStyles(root, document, placement);
    // The page's theme (a class on <html>) is set with the bar's own classes: one write per bar.
    bar.className = document.documentElement.classList.contains('dark') ? `bar ${placement} dark` : `bar ${placement}`;
    bar.setAttribute('role', 'group');
    // The bar scrolls sideways when full, and browsers put a scrolling box with more to show in the
    // tab order: Tab would stop on the bar before Save. Its controls scroll into sight when focused.
    bar.tabIndex = -1;
    bar.setAttribute('aria-label', t('card_bar_label', this.id));

    const listen: CardContext['listen'] = (target, type, handler) => target.addEventListener(type, (event) => this.isTrusted(event) && handler(event), { signal });
    const firstUse: (() => void)[] = [];
    let watching = false;
    const context: CardContext = {
      id: this.id,
      document,
      actions: this.actions(),
      state: () => this.current,
      signal,
      listen,
      whenUsed: (callback) => {
        firstUse.push(callback);
        if (watching) return;
        watching = true;
        const used = () => firstUse.splice(0).forEach((run) => run());
        // Pointing comes before a click, a touch before a tap, focus before a key (and before a screen
        // reader's click). Pointing is the pointer moving on the bar: a page scrolled under a pointer
        // at rest tells each bar passing under it that the pointer is over it, and with that, a reader
        // scrolling through a listing with the mouse wheel made the bars of dozens of cards they never
        // used, each a frame's style and layout more while they scrolled.
        listen(bar, 'pointermove', used);
        listen(bar, 'pointerdown', used);
        listen(bar, 'focusin', used);
      },
    };
    context.whenUsed(() => (this.overflowChanged = showOverflow(bar, root, context)));
    this.views = (this.options.features ?? CARD_FEATURES).map((feature) => feature.init(context));
    for (const view of this.views) bar.append(...view.nodes);
    root.append(bar);
    for (const type of KEPT_FROM_PAGE) host.addEventListener(type, keepFromPage);
    this.render();
    return host;
  }

  /**
   * Shows a new state. The page's answers arrive for every card at once (saved states, For you, New),
   * and most change nothing: a bar whose state is the same is not touched, so the page neither lays
   * out nor paints a thousand bars again for them.
   */
  update(state: Partial<CardState>): void {
    if (!changes(this.current, state)) return;
    this.current = { ...this.current, ...state };
    this.render();
    this.overflowChanged?.();
  }

  /** Follows the page's light or dark theme. */
  setTheme(dark: boolean): void {
    this.drawn?.bar.classList.toggle('dark', dark);
  }

  /** The card is gone: stop listening and take the bar off the page. */
  remove(): void {
    this.removed = true;
    this.abort?.abort();
    this.drawn?.host.remove();
  }

  private render() {
    for (const view of this.views) view.update(this.current);
  }
}
