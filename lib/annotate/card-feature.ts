/** What a card's bar shows: the library's state of its paper and what the bar is doing. */
export interface CardState {
  saved: boolean;
  tags: string[];
  isNew: boolean;
  busy: boolean;
  /** A problem to show on the card, or "". */
  error: string;
  /** Set for a few seconds after the paper was unsaved from this card and can be put back. */
  undo?: string;
  /** Tags to suggest after a save, best first. */
  suggested: string[];
  /** Why the paper is "For you", or "" when it is not marked. */
  forYou: string;
  notInterested: boolean;
  /** On a paper's own page: saved papers like it. */
  related: { id: string; title: string }[];
}

/** What a card's controls can ask for; the annotator carries it out for every card of the paper. */
export interface CardActions {
  toggleSave(): void;
  addTag(tag: string): void;
  removeTag(tag: string): void;
  undoUnsave(): void;
  toggleNotInterested(): void;
  /** The library's tags, for autocomplete. */
  tagNames(): Promise<string[]>;
}

/** What a feature gets to build its part of a card's bar. */
export interface CardContext {
  id: string;
  document: Document;
  actions: CardActions;
  state(): CardState;
  /**
   * Listens on an element inside the bar, for input the user gave: events a page script made
   * (`click()`, `dispatchEvent`) are ignored, so the page cannot act for the user.
   */
  listen<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, handler: (event: HTMLElementEventMap[K]) => void): void;
  /**
   * Runs `callback` once, when the reader first moves the pointer on the bar, touches it or moves
   * focus into it (not when the page scrolls the bar under a pointer at rest): before anything they
   * do on the card. Parts that only matter once the reader acts are made then.
   */
  whenUsed(callback: () => void): void;
  /** Aborts when the card goes away. */
  signal: AbortSignal;
}

/** A part of the bar: builds its nodes once and shows each new state. */
export interface CardFeatureView {
  nodes: Node[];
  update(state: CardState): void;
}

/**
 * One feature of a card's bar, in one file under features/: new marker, save, tags, status. The
 * bar builds them in order, each with the same context, as refined-github registers page features.
 */
export interface CardFeature {
  name: string;
  init(context: CardContext): CardFeatureView;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * An element made only when first needed, in its place in the bar (after `anchor`, an empty comment
 * that costs no style, layout or paint). Most cards never show most parts of a bar; on a page of a
 * thousand cards, the elements not made are the cheapest of all.
 */
export function onDemand<T extends Element>(anchor: Comment, make: () => T): { get(): T; made(): T | undefined } {
  let made: T | undefined;
  return {
    get: () => {
      if (!made) anchor.after((made = make()));
      return made;
    },
    made: () => made,
  };
}
