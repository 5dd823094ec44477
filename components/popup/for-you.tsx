import { useEffect, useState } from 'react';
import type { ForYouScore } from '@/lib/messages/protocol';
import { sameTag } from '@/lib/paper/tags';
import { useServices } from '@/components/popup/services';
import { t } from '@/lib/i18n';

export type ListOrder = 'list' | 'for-you';

interface PaperText {
  id: string;
  title: string;
  summary?: string;
}

/**
 * The "For you" score and reason of each paper, from what PaperShelf learned of the library (in the
 * background). `learned` is false while there is nothing to learn from (an empty library) or
 * learning is off.
 */
export function useForYou(papers: readonly PaperText[] | undefined): { scores: Map<string, ForYouScore>; learned: boolean | undefined } {
  const { send } = useServices();
  const [answer, setAnswer] = useState<{ key: string; scores: Map<string, ForYouScore>; learned: boolean }>();
  const key = papers?.map((p) => p.id).join(',') ?? '';
  useEffect(() => {
    if (!papers || papers.length === 0) return;
    let live = true;
    void send({ type: 'rankForYou', papers: papers.map((p) => ({ id: p.id, title: p.title, summary: (p.summary ?? '').slice(0, 5000) })) }).then(
      (reply) => live && setAnswer({ key, scores: new Map(reply.ok ? reply.scores.map((s) => [s.id, s]) : []), learned: reply.ok && reply.learned }),
    );
    return () => {
      live = false;
    };
    // `key` stands for the papers: a new array of the same papers asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [send, key]);
  if (!papers || papers.length === 0) return { scores: new Map(), learned: undefined };
  return answer?.key === key ? answer : { scores: new Map(), learned: undefined };
}

/** Sorts by "For you" score, best first; papers without a score keep their order after the rest. */
export function byForYou<T extends { id: string }>(items: readonly T[], scores: Map<string, ForYouScore>): T[] {
  return [...items].sort((a, b) => (scores.get(b.id)?.score ?? -Infinity) - (scores.get(a.id)?.score ?? -Infinity));
}

export function OrderPicker({ value, onChange, listLabel, learned }: { value: ListOrder; onChange: (order: ListOrder) => void; listLabel: string; learned: boolean | undefined }) {
  if (learned === false) return <span className="muted">{t('popup_learn_first')}</span>;
  return (
    <label>
      {t('popup_order')}{' '}
      <select aria-label={t('popup_order')} value={value} onChange={(e) => onChange(e.target.value as ListOrder)}>
        <option value="for-you">{t('common_for_you')}</option>
        <option value="list">{listLabel}</option>
      </select>
    </label>
  );
}

/** Why a paper is for you, in a few words; nothing for papers that are not. */
export function ForYouReason({ score }: { score: ForYouScore | undefined }) {
  if (!score?.likeLibrary) return null;
  return <span className="for-you-reason">{t('common_for_you_reason', score.reason)}</span>;
}

/** Tags PaperShelf suggests for a saved paper, best first; one click adds one, nothing is added without it. */
export function SuggestedTags({ id, saved, tags, onAdd }: { id: string; saved: boolean; tags: string[]; onAdd: (tag: string) => void }) {
  const { send } = useServices();
  const [suggested, setSuggested] = useState<string[]>([]);
  useEffect(() => {
    if (!saved) return;
    let live = true;
    void send({ type: 'suggestTags', id }).then((reply) => live && setSuggested(reply.ok ? reply.tags : []));
    return () => {
      live = false;
    };
  }, [send, id, saved]);
  const offer = saved ? suggested.filter((tag) => !tags.some((t) => sameTag(t, tag))) : [];
  if (offer.length === 0) return null;
  return (
    <span className="suggested">
      {offer.map((tag) => (
        <button key={tag} type="button" className="chip suggestion" aria-label={t('tag_add_suggested_label', tag)} onClick={() => onAdd(tag)}>
          + {tag}
        </button>
      ))}
    </span>
  );
}
