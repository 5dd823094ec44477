import { DATA_BLOB_SELECTOR, PageData, parseDataBlob } from '@/lib/hf/data-blob';
import { ANNOTATION_ATTRIBUTE, readCardTitle, titleOf, type FoundCard } from '@/lib/hf/listing-cards';
import { papersPageKind } from '@/lib/hf/pages/kind';
import { read as readPaperPage } from '@/lib/hf/pages/paper';
import { readFoundCard } from '@/lib/hf/pages/listing';
import type { PagePapersReply } from '@/lib/messages/page-papers';
import type { CardPaper, Reply, RequestOf, RequestType } from '@/lib/messages/protocol';
import type { PaperMetadataInput } from '@/lib/paper/model';
import type { AnnotatedPage } from '@/lib/annotate/annotated-page';
import { BarBuilder } from '@/lib/annotate/bar-builder';
import { BarPlaces, type BarPlacement, type BarSpot } from '@/lib/annotate/bar-places';
import { cardActions } from '@/lib/annotate/card-actions';
import { CardBar } from '@/lib/annotate/card-bar';
import { scanCards } from '@/lib/annotate/card-scanner';
import { NearScreen } from '@/lib/annotate/near-screen';
import { WaitingCards } from '@/lib/annotate/waiting-cards';
import { markForYou, pagePapers, seenReporter, sendDetails } from '@/lib/annotate/page-reports';

/** What the annotator needs from its surroundings; the content script passes the real ones. */
export interface AnnotatorDeps {
  document: Document;
  location: () => URL;
  send: <T extends RequestType>(request: RequestOf<T>) => Promise<Reply<T>>;
  /** Timers that stop when PaperShelf stops on this page. */
  setTimeout: (callback: () => void, ms: number) => unknown;
  today?: () => Date;
  /** Which events count as the user's own; only tests replace it. */
  isTrusted?: (event: Event) => boolean;
}

/** One paper card on the page and its bar. */
interface Annotation {
  id: string;
  card: Element;
  /** A paper page's heading rather than a listing card. */
  heading: boolean;
  /** Where the bar went (in a card's byline or at its end, or after a heading), once it is built. */
  placement?: BarPlacement;
  bar: CardBar;
  /** What the page says about the paper, read the first time it is needed. */
  paper?: PaperMetadataInput;
  /** The card's title alone, read the first time it is needed (each new batch of cards asks again). */
  title?: string;
  /** The card's title link, when the scanner passed it. */
  titleLink?: Element;
}

const MUTATION_DEBOUNCE_MS = 60;
/** What the annotator watches: cards coming and going anywhere in the page. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true };
/** A window being resized fires many events: the bars are looked at once it rests this long. */
const RESIZE_DEBOUNCE_MS = 150;
/** Ids per state request: a few hundred keeps each message and its reply small. */
const STATE_BATCH = 500;

/**
 * Keeps PaperShelf's bar on every paper card of the page, and only coordinates: the scanner finds
 * cards (ids only), the builder builds the first cards' bars a slice at a time and the rest are built
 * as their cards come near the screen, each bar's features draw themselves, and cards are read in full
 * only when a paper is saved or the popup asks.
 */
export class Annotator {
  private readonly byCard = new Map<Element, Annotation>();
  private readonly byId = new Map<string, Set<Annotation>>();
  private readonly pendingRoots = new Set<Node>();
  private readonly builder: BarBuilder;
  private readonly places = new BarPlaces();
  /** Tells when a card that waits for the screen comes near it (undefined until started). */
  private nearScreen: NearScreen | undefined;
  /** Cards whose bars wait until the card comes near the screen (undefined until started). */
  private waiting: WaitingCards<Annotation> | undefined;
  private resizeTimer = false;
  /** Stops the window listeners when PaperShelf stops on the page. */
  private listening: AbortController | undefined;
  private blob: { raw: string | null; papers: PageData } = { raw: null, papers: new PageData() };
  private blobElement: Element | null = null;
  /** The page's data was looked at in this run of PaperShelf's script (see dataBlob). */
  private blobChecked = false;
  private newIds = new Set<string>();
  private mutationTimer = false;
  private pendingRemoval = false;
  /** The page as card actions and page reports see it. */
  private readonly page: AnnotatedPage;
  private readonly reportSeen: () => void;
  private observer: MutationObserver | undefined;
  /** Follows the page's light/dark switch (a class on <html>). */
  private theme: MutationObserver | undefined;
  private dark = false;
  /** The address last scanned; another one means the site navigated in the page. */
  private href = '';
  private working: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AnnotatorDeps) {
    this.builder = new BarBuilder((work) => this.deps.setTimeout(() => this.unobserved(work), 0));
    this.page = {
      send: deps.send,
      setTimeout: deps.setTimeout,
      location: deps.location,
      ids: () => [...this.byId.keys()],
      bars: (id) => [...(this.byId.get(id) ?? [])].map((a) => a.bar),
      paper: (id) => {
        const first = this.byId.get(id)?.values().next().value;
        return first && this.paperOf(first);
      },
      text: (id) => {
        const first = this.byId.get(id)?.values().next().value;
        const known = first?.paper ?? this.dataBlob().text(id);
        const title = known?.title ?? (first && (first.title ??= (first.titleLink && titleOf(first.titleLink)) || readCardTitle(first.card, id)));
        return title ? { title, summary: known?.summary ?? '' } : undefined;
      },
      showSaved: (ids, saved) => this.showSaved(ids, saved),
      nextTask: () => this.nextTask(),
    };
    this.reportSeen = seenReporter(this.page);
  }

  get annotationCount(): number {
    return this.byCard.size;
  }

  /** Annotates what is on the page now and starts watching for changes. */
  start(): Promise<void> {
    const { document } = this.deps;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.body, OBSERVED);
    const html = document.documentElement;
    this.dark = html.classList.contains('dark');
    this.theme = new MutationObserver(() => {
      if (html.classList.contains('dark') === this.dark) return;
      this.dark = !this.dark;
      for (const a of this.byCard.values()) a.bar.setTheme(this.dark);
    });
    this.theme.observe(html, { attributes: true, attributeFilter: ['class'] });
    this.listening = new AbortController();
    document.defaultView?.addEventListener('resize', () => this.onResize(), { signal: this.listening.signal });
    this.nearScreen = new NearScreen(document, (card) => this.waiting?.near(card), this.listening.signal);
    this.waiting = new WaitingCards(this.nearScreen, (batch) => this.buildTogether(batch));
    return this.rescan();
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.theme?.disconnect();
    this.listening?.abort();
    for (const a of this.byCard.values()) a.bar.remove();
    this.byCard.clear();
    this.byId.clear();
    this.waiting?.clear();
  }

  /** Reads the whole page again: after in-page navigation it may be another listing or a paper page. */
  rescan(): Promise<void> {
    this.href = this.deps.location().href;
    return this.enqueue(async () => {
      this.unobserved(() => this.forgetDetached());
      this.builder.restart();
      const page = papersPageKind(this.deps.location());
      if (page.kind === 'other') {
        // The site navigated away from its papers pages: nothing here is a paper card.
        for (const annotation of [...this.byCard.values()]) this.forget(annotation);
        return;
      }
      if (page.kind === 'paper') this.annotatePaperPage(page.id);
      await this.annotate([this.deps.document.body]);
    });
  }

  /** The library changed elsewhere: show the new state of the papers that changed. */
  refresh(ids: string[] | 'all'): Promise<void> {
    const shown = ids === 'all' ? [...this.byId.keys()] : ids.filter((id) => this.byId.has(id));
    return this.loadStates(shown);
  }

  /** Papers that newly trend since the user last looked get a New marker. */
  setNewPapers(ids: Iterable<string>): void {
    this.newIds = new Set(ids);
    for (const [id, annotations] of this.byId) for (const a of annotations) a.bar.update({ isNew: this.newIds.has(id) });
  }



  /** What the page shows about each of its papers, for the popup's "On this page". */
  pagePapers(): Promise<PagePapersReply> {
    return pagePapers(this.page);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.working = this.working.then(work, work);
    return this.working;
  }

  /**
   * Runs `work`, which puts bars in the page, unseen by the annotator's own watch for new cards: a bar
   * going into a card is not the page changing (the watch skipped each bar by its attribute, but was
   * still called with a record for every one). What the page changed before is handled first.
   */
  private unobserved(work: () => void) {
    const observer = this.observer;
    const pending = observer?.takeRecords() ?? [];
    observer?.disconnect();
    try {
      work();
    } finally {
      observer?.observe(this.deps.document.body, OBSERVED);
    }
    if (pending.length > 0) this.onMutations(pending);
  }

  private onMutations(records: MutationRecord[]) {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && !(node as Element).hasAttribute(ANNOTATION_ATTRIBUTE)) this.pendingRoots.add(node);
      }
      if (record.removedNodes.length > 0) this.pendingRemoval = true;
    }
    if ((this.pendingRoots.size === 0 && !this.pendingRemoval) || this.mutationTimer) return;
    this.mutationTimer = true;
    this.deps.setTimeout(() => {
      this.mutationTimer = false;
      const roots = [...this.pendingRoots].filter((n): n is Element => n.isConnected);
      const removed = this.pendingRemoval;
      this.pendingRoots.clear();
      this.pendingRemoval = false;
      // The site navigates in the page (pushState) and then renders the new page: seen here, with
      // no timer polling the address.
      if (this.deps.location().href !== this.href) {
        void this.rescan();
        return;
      }
      if (papersPageKind(this.deps.location()).kind === 'other') return;
      void this.enqueue(async () => {
        if (removed) this.unobserved(() => this.forgetDetached());
        await this.annotate(roots);
      });
    }, MUTATION_DEBOUNCE_MS);
  }

  /** The window crossed the width where the site swaps a card's wide copy for its narrow one: bars follow. */
  private onResize() {
    if (this.resizeTimer) return;
    this.resizeTimer = true;
    this.deps.setTimeout(() => {
      this.resizeTimer = false;
      const placed = [...this.byCard.values()].filter((a) => a.placement === 'byline' && a.bar.host?.isConnected);
      const sample = placed[0];
      if (sample && this.places.shownCopyChanged(sample.bar.host!, sample.card)) this.unobserved(() => placed.forEach((a) => this.place(a)));
    }, RESIZE_DEBOUNCE_MS);
  }

  /** Finds the cards in `roots`, gives each new one a bar, and asks the library about their papers. */
  private async annotate(roots: Element[]) {
    const states: Promise<void>[] = [];
    let added = 0;
    this.nearScreen?.newScan();
    await scanCards(
      roots,
      (card) => this.attach(card, 'card'),
      (fresh) => {
        // Built together, so that the page draws them in one frame (see BUILT_AT_ONCE).
        this.unobserved(() => this.builder.buildFirst());
        added += fresh.length;
        states.push(this.loadStates(fresh.map((c) => c.id)));
      },
      () => this.nextTask(),
      // The page's first cards make a slice of their own: the page lays their bars out in its next
      // frame, and the scan asks which of the other cards are near the screen only after that.
      { firstSlice: this.builder.firstLeft },
    );
    this.unobserved(() => this.builder.buildFirst()); // a paper page's heading, when no card follows it
    await Promise.all(states);
    if (added > 0) {
      this.reportSeen();
      await markForYou(this.page);
    }
  }

  private annotatePaperPage(id: string) {
    const page = readPaperPage(this.deps.document, id, this.today());
    if (!page) return;
    if (this.attach({ id, element: page.heading }, 'heading')) {
      const annotation = this.byCard.get(page.heading)!;
      const paper = (annotation.paper = { ...this.dataBlob().get(id), ...page.paper });
      void this.loadStates([id]);
      void this.deps
        .send({ type: 'cardRelated', paper: { id, title: paper.title, summary: (paper.summary ?? '').slice(0, 5000) } })
        .then((reply) => reply.ok && annotation.bar.update({ related: reply.related }));
    }
  }

  /**
   * Takes a newly found card; false when the card already has its bar. The bar is built now when the
   * card is on screen or near it (or the page draws every card at once), else when the card comes near.
   */
  private attach({ id, element, titleLink }: FoundCard, where: 'card' | 'heading'): boolean {
    const existing = this.byCard.get(element);
    if (existing && existing.id === id) {
      // The page re-rendered the card's insides and dropped our bar: put it back.
      if (existing.bar.isDropped) this.place(existing);
      return false;
    }
    if (existing) this.forget(existing);
    const bar = new CardBar(id, () => cardActions(id, this.page), this.deps.document, { isTrusted: this.deps.isTrusted });
    bar.update({ isNew: this.newIds.has(id) });
    const annotation: Annotation = { id, card: element, heading: where === 'heading', bar, ...(titleLink ? { titleLink } : {}) };
    this.byCard.set(element, annotation);
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(annotation);
    const near = this.nearScreen;
    if (where === 'card' && this.builder.firstLeft === 0 && near?.waitsForScreen(element) && !near.isNear(element)) this.waiting?.add(element, annotation);
    else this.builder.add(() => this.build(annotation));
    return true;
  }

  /** Builds the bar of a card still on the page and puts it in its place. */
  private build(annotation: Annotation) {
    const made = this.make(annotation);
    if (made) this.places.put(made.host, made.spot);
  }

  /**
   * Builds the bars of a batch in slices, off the page, and puts them in the page together in the
   * task after the last slice. Each change to the page has it lay out its whole list in its next
   * frame: bars put in slice by slice cost the page a frame for each slice.
   */
  private buildTogether(batch: Annotation[]) {
    const made: { bar: CardBar; host: HTMLElement; spot: BarSpot }[] = [];
    for (const annotation of batch) {
      this.builder.later(() => {
        const bar = this.make(annotation);
        if (bar) made.push({ bar: annotation.bar, ...bar });
      });
    }
    this.builder.later(() => {
      // Not a bar whose card went or changed paper meanwhile, nor one put in already with the page's own changes.
      for (const { bar, host, spot } of made) if (bar.isDropped && spot.anchor.isConnected) this.places.put(host, spot);
    });
  }

  /** Builds the bar of a card still on the page, for the place it will go: undefined when it needs none. */
  private make(annotation: Annotation): { host: HTMLElement; spot: BarSpot } | undefined {
    const { card, heading, bar } = annotation;
    if (bar.isBuilt || bar.isRemoved) return undefined;
    const spot = this.places.spotFor(card, heading);
    annotation.placement = spot.placement;
    return { host: bar.build(spot.placement), spot };
  }

  private place({ card, heading, bar }: Annotation) {
    if (bar.host) this.places.put(bar.host, this.places.spotFor(card, heading));
  }

  private forget(annotation: Annotation) {
    annotation.bar.remove();
    this.waiting?.delete(annotation.card, annotation);
    this.byCard.delete(annotation.card);
    const set = this.byId.get(annotation.id);
    set?.delete(annotation);
    if (set?.size === 0) this.byId.delete(annotation.id);
  }

  /** Cards the page took away lose their bars; cards whose insides were redrawn get theirs back. */
  private forgetDetached() {
    for (const annotation of [...this.byCard.values()]) {
      if (!annotation.card.isConnected) this.forget(annotation);
      else if (annotation.bar.isDropped) this.place(annotation);
    }
  }

  /** What the page says about the paper of `annotation`: read once, when first needed. */
  private paperOf(annotation: Annotation): PaperMetadataInput | undefined {
    annotation.paper ??= readFoundCard({ id: annotation.id, element: annotation.card }, this.dataBlob(), this.today())?.paper;
    return annotation.paper;
  }

  private async loadStates(ids: string[]) {
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += STATE_BATCH) {
      const batch = unique.slice(i, i + STATE_BATCH);
      const reply = await this.deps.send({ type: 'cardStates', ids: batch });
      if (reply.ok) {
        this.showSaved(batch, reply.saved);
        sendDetails(this.page, reply.saved);
      } else this.each(batch, (bar) => bar.update({ error: reply.error }));
    }
  }

  /** Shows the library's answer for `ids`: those in `saved` are saved with their tags, the rest not. */
  private showSaved(ids: string[], saved: CardPaper[]) {
    const byId = new Map(saved.map((p) => [p.id, p]));
    this.each(ids, (bar, id) => {
      const paper = byId.get(id);
      bar.update({ saved: paper !== undefined, tags: paper?.tags ?? [], ...(paper?.suggested ? { suggested: paper.suggested } : {}) });
    });
  }

  private each(ids: string[], fn: (bar: CardBar, id: string) => void) {
    for (const id of ids) for (const a of this.byId.get(id) ?? []) fn(a.bar, id);
  }

  /**
   * The page's data. Asked once per card when For you reads the page's titles, so it is looked at
   * once per run of PaperShelf's script (the page's own scripts change it between runs; comparing
   * its text, hundreds of kilobytes, for every card cost more than reading the card).
   */
  private dataBlob() {
    if (this.blobChecked) return this.blob.papers;
    this.blobChecked = true;
    queueMicrotask(() => (this.blobChecked = false));
    if (!this.blobElement?.isConnected) this.blobElement = this.deps.document.querySelector(DATA_BLOB_SELECTOR);
    const raw = this.blobElement?.getAttribute('data-props') ?? null;
    if (raw !== this.blob.raw) this.blob = { raw, papers: parseDataBlob(raw) };
    return this.blob.papers;
  }

  private today() {
    return this.deps.today?.() ?? new Date();
  }

  private nextTask() {
    return new Promise<void>((resolve) => this.deps.setTimeout(resolve, 0));
  }
}
