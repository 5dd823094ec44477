import type { AnnotatedPage } from '@/lib/annotate/annotated-page';
import type { CardActions } from '@/lib/annotate/card-feature';
import { t } from '@/lib/i18n';
import type { Reply } from '@/lib/messages/protocol';

/** How long a card offers Undo after its paper was unsaved there. */
export const UNDO_SHOWN_MS = 8000;

type CardReply = Reply<'cardSave' | 'cardUnsave' | 'cardUndo' | 'cardAddTag' | 'cardRemoveTag'>;

/**
 * What the controls on a paper's cards do: each asks the background and shows its answer on every
 * card of the paper, busy meanwhile, the problem where the user acted if there is one.
 */
export function cardActions(id: string, page: AnnotatedPage): CardActions {
  const each = (fn: (bar: ReturnType<AnnotatedPage['bars']>[number]) => void) => page.bars(id).forEach(fn);
  const first = () => page.bars(id)[0];
  const apply = async (request: Promise<CardReply>) => {
    each((bar) => bar.update({ busy: true, error: '', undo: undefined }));
    const reply = await request;
    each((bar) => bar.update({ busy: false }));
    if (!reply.ok) return each((bar) => bar.update({ error: reply.error }));
    page.showSaved([id], reply.saved);
    if ('undo' in reply && reply.undo) offerUndo(reply.undo);
  };
  /** Offers Undo on the paper's cards for a few seconds. */
  const offerUndo = (undo: string) => {
    each((bar) => bar.update({ undo }));
    page.setTimeout(() => each((bar) => bar.state.undo === undo && bar.update({ undo: undefined })), UNDO_SHOWN_MS);
  };
  return {
    toggleSave: () => {
      const bar = first();
      if (!bar || bar.state.busy) return;
      if (bar.state.saved) return void apply(page.send({ type: 'cardUnsave', id }));
      const paper = page.paper(id);
      if (paper) void apply(page.send({ type: 'cardSave', paper }));
      else bar.update({ error: t('card_unreadable') });
    },
    addTag: (tag) => void apply(page.send({ type: 'cardAddTag', id, tag, paper: page.paper(id) })),
    removeTag: (tag) => void apply(page.send({ type: 'cardRemoveTag', id, tag })),
    undoUnsave: () => {
      const undo = first()?.state.undo;
      if (undo) void apply(page.send({ type: 'cardUndo', undo }));
    },
    // The library's tags for the autocomplete, the paper's suggested tags first.
    tagNames: async () => {
      const reply = await page.send({ type: 'cardTagNames', id });
      return reply.ok ? reply.tags : [];
    },
    toggleNotInterested: () => {
      const bar = first();
      if (!bar) return;
      const marked = !bar.state.notInterested;
      const paper = page.paper(id);
      const request = marked ? (paper ? page.send({ type: 'cardNotInterested', paper }) : undefined) : page.send({ type: 'cardInterestedAgain', id });
      if (!request) return;
      each((b) => b.update({ notInterested: marked, forYou: '' }));
      void request.then((reply) => !reply.ok && each((b) => b.update({ notInterested: !marked, error: reply.error })));
    },
  };
}
