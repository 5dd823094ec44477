import { readDataBlob } from '../hf/data-blob';
import { ANNOTATION_ATTRIBUTE, cardsIn } from '../hf/listing-cards';
import { papersPageKind } from '../hf/page-kind';
import { readPaperPage } from '../hf/paper-page';
import { readFoundCard, type ListedCard } from '../hf/read-listing';
import type { CardPaper, Reply, RequestOf, RequestType } from '../messages/protocol';
import type { PaperMetadataInput } from '../paper/model';
import { CardBar } from './card-bar';

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

interface Annotation {
  id: string;
  card: Element;
  paper: PaperMetadataInput;
  controls: CardBar;
}

/** Script time per slice of annotation work: leaves the frame's rendering well under 50 ms. */
const SLICE_BUDGET_MS = 8;
/** Cards whose controls are built straight away: about a screenful. */
const EAGER_CARDS = 12;
/** Cards built together when their group comes near the viewport. */
const GROUP_SIZE = 8;
const MUTATION_DEBOUNCE_MS = 60;
const REPORT_DEBOUNCE_MS = 250;
/** Papers' metadata per report message: cloning thousands at once would be a long task. */
const REPORT_BATCH = 300;
/** How long a card offers Undo after its paper was unsaved there. */
export const UNDO_SHOWN_MS = 8000;

/**
 * Keeps PaperShelf's controls on every paper card of the page: annotates cards as they appear,
 * forgets removed ones, and shows the library's state for each paper.
 */
export class Annotator {
  private readonly byCard = new Map<Element, Annotation>();
  private readonly byId = new Map<string, Set<Annotation>>();
  private readonly pendingRoots = new Set<Node>();
  private blob: { raw: string | null; papers: ReturnType<typeof readDataBlob> } = { raw: null, papers: new Map() };
  private newIds = new Set<string>();
  private tagNames: Promise<string[]> | undefined;
  private mutationTimer = false;
  private pendingRemoval = false;
  private reportGeneration = 0;
  /** Ids whose metadata the background already has for this page. */
  private readonly reported = new Set<string>();
  private observer: MutationObserver | undefined;
  private working: Promise<void> = Promise.resolve();
  /** Controls waiting to be built, by the host elements that stand for their group. */
  private readonly groups = new WeakMap<Element, CardBar[]>();
  /**
   * Builds cards' controls when they come within a screen or so of the viewport. It watches only
   * the first and last card of each small group: the cost of an IntersectionObserver grows with its
   * targets on every frame, and a 5,000-card page must not pay for 5,000.
   */
  private nearViewport: IntersectionObserver | undefined;
  /** Follows the page's light/dark switch (a class on <html>). */
  private theme: MutationObserver | undefined;
  private dark = false;
  /** The address last scanned; another one means the site navigated in the page. */
  private href = '';

  constructor(private readonly deps: AnnotatorDeps) {}

  get annotationCount(): number {
    return this.byCard.size;
  }

  /** Annotates what is on the page now and starts watching for changes. */
  start(): Promise<void> {
    if (typeof IntersectionObserver === 'function') {
      this.nearViewport = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting) this.buildGroup(entry.target);
          }
        },
        { rootMargin: '100% 0px' },
      );
    }
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.deps.document.body, { childList: true, subtree: true });
    const html = this.deps.document.documentElement;
    this.dark = html.classList.contains('dark');
    this.theme = new MutationObserver(() => {
      if (html.classList.contains('dark') === this.dark) return;
      this.dark = !this.dark;
      for (const a of this.byCard.values()) a.controls.setTheme(this.dark);
    });
    this.theme.observe(html, { attributes: true, attributeFilter: ['class'] });
    return this.rescan();
  }

  stop(): void {
    this.observer?.disconnect();
    this.nearViewport?.disconnect();
    this.theme?.disconnect();
    for (const a of this.byCard.values()) a.controls.remove();
    this.byCard.clear();
    this.byId.clear();
  }

  /** Reads the whole page again: after in-page navigation it may be another listing or a paper page. */
  rescan(): Promise<void> {
    this.href = this.deps.location().href;
    return this.enqueue(async () => {
      // Another page: the background starts its list afresh, so report every paper again.
      this.reported.clear();
      this.forgetDetached();
      const page = papersPageKind(this.deps.location());
      if (page.kind === 'paper') await this.annotatePaperPage(page.id);
      await this.annotate([this.deps.document.body]);
    });
  }

  /** The library changed elsewhere: refresh the cards of the papers that changed. */
  refresh(ids: string[] | 'all'): Promise<void> {
    this.tagNames = undefined;
    const shown = ids === 'all' ? [...this.byId.keys()] : ids.filter((id) => this.byId.has(id));
    return this.loadStates(shown);
  }

  /** Papers that newly trend since the user last looked get a New marker. */
  setNewPapers(ids: Iterable<string>): void {
    this.newIds = new Set(ids);
    for (const [id, annotations] of this.byId) for (const a of annotations) a.controls.update({ isNew: this.newIds.has(id) });
  }

  /**
   * The ids of the papers on the page, once each, in the order their cards were found: document
   * order for a page read from the top, then cards as they were added. No DOM query: on a page of
   * thousands of cards, one would be a long task of its own.
   */
  idsInPageOrder(): string[] {
    return [...new Set([...this.byCard.values()].map((a) => a.id))];
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.working = this.working.then(work, work);
    return this.working;
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
      const roots = [...this.pendingRoots].filter((n) => n.isConnected);
      const removed = this.pendingRemoval;
      this.pendingRoots.clear();
      this.pendingRemoval = false;
      // The site navigates in the page (pushState) and then renders the new page: seen here, with
      // no timer polling the address.
      if (this.deps.location().href !== this.href) {
        void this.rescan();
        return;
      }
      void this.enqueue(async () => {
        if (removed) this.forgetDetached();
        await this.annotate(roots as Element[]);
        if (removed) this.scheduleReport();
      });
    }, MUTATION_DEBOUNCE_MS);
  }

  /**
   * Finds, reads and annotates the cards in `roots` in slices of a few milliseconds each, yielding
   * between them, so the page never sees a long task however many cards it has. Each slice asks the
   * library about its papers without waiting; the answers fill the cards in as they come.
   */
  private async annotate(roots: Element[]) {
    const blob = this.dataBlob();
    const today = this.today();
    const attached: CardBar[] = [];
    const states: Promise<void>[] = [];
    let annotated = 0;
    for (const root of roots) {
      const cards = cardsIn(root);
      for (let done = false; !done; ) {
        const deadline = performance.now() + SLICE_BUDGET_MS;
        const ids: string[] = [];
        while (performance.now() < deadline) {
          const next = cards.next();
          if (next.done) {
            done = true;
            break;
          }
          if (this.isAnnotated(next.value.element)) continue;
          const card = readFoundCard(next.value, blob, today);
          if (!card) continue;
          const controls = this.attach(card, 'card');
          // The first screenful is built at once; the rest when it comes near.
          if (this.annotationCount <= EAGER_CARDS || !this.nearViewport) controls.build();
          else attached.push(controls);
          ids.push(card.id);
        }
        annotated += ids.length;
        if (ids.length > 0) states.push(this.loadStates(ids));
        if (!done) await this.nextTask();
      }
    }
    this.watchGroups(attached);
    await Promise.all(states);
    if (annotated > 0) this.scheduleReport();
  }

  /** Watches the unbuilt controls in groups, by each group's first and last card. */
  private watchGroups(controls: CardBar[]) {
    for (let i = 0; i < controls.length; i += GROUP_SIZE) {
      const group = controls.slice(i, i + GROUP_SIZE);
      for (const edge of new Set([group[0]!, group[group.length - 1]!])) {
        this.groups.set(edge.host, group);
        this.nearViewport?.observe(edge.host);
      }
    }
  }

  private buildGroup(edge: Element) {
    const group = this.groups.get(edge);
    if (!group) return;
    for (const controls of group) controls.build();
    for (const member of [group[0]!, group[group.length - 1]!]) {
      this.groups.delete(member.host);
      this.nearViewport?.unobserve(member.host);
    }
  }



  private async annotatePaperPage(id: string) {
    const page = readPaperPage(this.deps.document, id, this.today());
    if (!page || this.isAnnotated(page.heading)) return;
    const blobPaper = this.dataBlob().get(id);
    this.attach({ id, element: page.heading, paper: { ...blobPaper, ...page.paper } }, 'heading').build();
    await this.loadStates([id]);
    this.scheduleReport();
  }

  private isAnnotated(card: Element): boolean {
    const existing = this.byCard.get(card);
    if (!existing) return false;
    if (existing.controls.host.isConnected) return true;
    // The page re-rendered the card's insides and dropped our controls: annotate it again.
    this.forget(existing);
    return false;
  }

  private attach(card: ListedCard, placement: 'card' | 'heading'): CardBar {
    const controls = new CardBar(card.id, this.actionsFor(card.id), this.deps.document, { placement, isTrusted: this.deps.isTrusted });
    controls.update({ isNew: this.newIds.has(card.id) });
    if (placement === 'heading' || card.element.tagName === 'A') card.element.after(controls.host);
    else card.element.append(controls.host);
    const annotation: Annotation = { id: card.id, card: card.element, paper: card.paper, controls };
    this.byCard.set(card.element, annotation);
    let set = this.byId.get(card.id);
    if (!set) this.byId.set(card.id, (set = new Set()));
    set.add(annotation);
    return controls;
  }

  private forget(annotation: Annotation) {
    // A group's watched edge is going: build the rest of its group now rather than never.
    this.buildGroup(annotation.controls.host);
    annotation.controls.remove();
    this.byCard.delete(annotation.card);
    const set = this.byId.get(annotation.id);
    set?.delete(annotation);
    if (set?.size === 0) this.byId.delete(annotation.id);
  }

  private forgetDetached() {
    for (const annotation of [...this.byCard.values()]) {
      if (!annotation.card.isConnected || !annotation.controls.host.isConnected) this.forget(annotation);
    }
  }

  private async loadStates(ids: string[]) {
    if (ids.length === 0) return;
    const unique = [...new Set(ids)];
    const reply = await this.deps.send({ type: 'cardStates', ids: unique });
    if (!reply.ok) {
      this.each(unique, (c) => c.update({ error: reply.error }));
      return;
    }
    this.showSaved(unique, reply.saved);
  }

  /** Shows the library's answer for `ids`: those in `saved` are saved with their tags, the rest not. */
  private showSaved(ids: string[], saved: CardPaper[]) {
    const byId = new Map(saved.map((p) => [p.id, p]));
    this.each(ids, (controls, id) => controls.update({ saved: byId.has(id), tags: byId.get(id)?.tags ?? [] }));
  }

  private each(ids: string[], fn: (controls: CardBar, id: string) => void) {
    for (const id of ids) for (const a of this.byId.get(id) ?? []) fn(a.controls, id);
  }

  private actionsFor(id: string) {
    const first = () => this.byId.get(id)?.values().next().value;
    const apply = async (request: Promise<Reply<'cardSave' | 'cardUnsave' | 'cardUndo' | 'cardAddTag' | 'cardRemoveTag'>>) => {
      this.each([id], (c) => c.update({ busy: true, error: '', undo: undefined }));
      const reply = await request;
      this.each([id], (c) => c.update({ busy: false }));
      if (!reply.ok) {
        this.each([id], (c) => c.update({ error: reply.error }));
        return;
      }
      this.tagNames = undefined;
      this.showSaved([id], reply.saved);
      if ('undo' in reply && reply.undo) this.offerUndo(id, reply.undo);
    };
    return {
      toggleSave: () => {
        const annotation = first();
        if (!annotation || annotation.controls.state.busy) return;
        void apply(
          annotation.controls.state.saved
            ? this.deps.send({ type: 'cardUnsave', id })
            : this.deps.send({ type: 'cardSave', paper: annotation.paper }),
        );
      },
      addTag: (tag: string) => void apply(this.deps.send({ type: 'cardAddTag', id, tag, paper: first()?.paper })),
      removeTag: (tag: string) => void apply(this.deps.send({ type: 'cardRemoveTag', id, tag })),
      undoUnsave: () => {
        const undo = first()?.controls.state.undo;
        if (undo) void apply(this.deps.send({ type: 'cardUndo', undo }));
      },
      tagNames: () => (this.tagNames ??= this.loadTagNames()),
    };
  }

  /** Offers Undo on the paper's cards for a few seconds. */
  private offerUndo(id: string, undo: string) {
    this.each([id], (c) => c.update({ undo }));
    this.deps.setTimeout(() => this.each([id], (c) => c.state.undo === undo && c.update({ undo: undefined })), UNDO_SHOWN_MS);
  }

  private async loadTagNames(): Promise<string[]> {
    const reply = await this.deps.send({ type: 'cardTagNames' });
    return reply.ok ? reply.tags : [];
  }

  /** Reports once things settle: the order of every paper, and the metadata of those not reported yet. */
  private scheduleReport() {
    const generation = ++this.reportGeneration;
    this.deps.setTimeout(() => {
      if (generation !== this.reportGeneration) return;
      void this.report();
    }, REPORT_DEBOUNCE_MS);
  }

  /** Sends the page order with new papers' metadata, a few hundred per message and task. */
  private async report() {
    const order = this.idsInPageOrder();
    const fresh = order.filter((id) => !this.reported.has(id));
    for (let i = 0; i === 0 || i < fresh.length; i += REPORT_BATCH) {
      if (i > 0) await this.nextTask();
      const batch = fresh.slice(i, i + REPORT_BATCH);
      const papers = batch.flatMap((id) => this.byId.get(id)?.values().next().value?.paper ?? []);
      const reply = await this.deps.send({ type: 'reportPagePapers', papers, order });
      if (!reply.ok) return;
      for (const id of batch) this.reported.add(id);
    }
  }

  private dataBlob() {
    const raw = this.deps.document.querySelector('[data-target="DailyPapers"][data-props]')?.getAttribute('data-props') ?? null;
    if (raw !== this.blob.raw) this.blob = { raw, papers: readDataBlob(this.deps.document) };
    return this.blob.papers;
  }

  private today() {
    return this.deps.today?.() ?? new Date();
  }

  private nextTask() {
    return new Promise<void>((resolve) => this.deps.setTimeout(resolve, 0));
  }
}
