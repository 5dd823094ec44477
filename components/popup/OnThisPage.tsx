import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { papersPageKind } from '@/lib/hf/pages/kind';
import type { PaperMetadataInput } from '@/lib/paper/model';
import { TagEditor } from '@/components/TagEditor';
import { PaperByline, SaveToggle } from '@/components/popup/paper-bits';
import { useServices } from '@/components/popup/services';
import { useAction } from '@/components/popup/useAction';
import { useTagCounts } from '@/components/popup/useKnownTags';
import { VirtualList } from '@/components/popup/VirtualList';
import { byForYou, ForYouReason, OrderPicker, SuggestedTags, useForYou, type ListOrder } from '@/components/popup/for-you';
import { t, tn } from '@/lib/i18n';
import { tParts } from '@/components/i18n';

type PageState = { kind: 'loading' } | { kind: 'not-papers' } | { kind: 'papers'; papers: PaperMetadataInput[] };

/** The papers the current Hugging Face tab shows, in page order, each ready to save and tag. */
export function OnThisPage({ onPage }: { onPage?: (count: number) => void }) {
  const { library, send, activeTab, pagePapers } = useServices();
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [tagsForAll, setTagsForAll] = useState('');
  const { run, error, busy } = useAction();
  const knownTags = useTagCounts().map((t) => t.tag);
  const [order, setOrder] = useState<ListOrder>('list');

  useEffect(() => {
    let live = true;
    void (async () => {
      const tab = await activeTab();
      const kind = tab?.url ? papersPageKind(new URL(tab.url)).kind : 'other';
      if (!tab || kind === 'other') return live && setPage({ kind: 'not-papers' });
      const reply = await pagePapers(tab.id);
      if (live) setPage(reply ? { kind: 'papers', papers: reply.papers } : { kind: 'not-papers' });
    })();
    return () => {
      live = false;
    };
  }, [activeTab, pagePapers]);

  const listed = page.kind === 'papers' ? page.papers : undefined;
  const { scores, learned } = useForYou(listed);
  const papers = !listed ? [] : order === 'for-you' ? byForYou(listed, scores) : listed;
  useEffect(() => onPage?.(papers.length), [onPage, papers.length]);
  const ids = papers.map((p) => p.id);
  const saved = useLiveQuery(
    () => library.papers(ids),
    [library, ids.join(',')],
  );

  if (page.kind === 'loading') return <p className="muted">{t('popup_looking')}</p>;
  if (page.kind === 'not-papers' || papers.length === 0) {
    return (
      <div className="empty">
        <p>{t(page.kind === 'papers' ? 'popup_not_papers_loaded' : 'popup_not_papers_page')}</p>
        <p>
          {tParts(
            'popup_open_papers',
            <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">
              huggingface.co/papers
            </a>,
          )}
        </p>
      </div>
    );
  }

  const saveAll = () =>
    void run(
      send({
        type: 'savePapers',
        papers,
        tags: tagsForAll
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      }),
    ).then((reply) => reply.ok && setTagsForAll(''));

  return (
    <section aria-label={t('popup_on_page_label')}>
      <div className="toolbar">
        <span className="muted" aria-live="polite">
          {tn('popup_on_page_count', papers.length, saved?.size ?? 0)}
        </span>
        <input
          aria-label={t('popup_tags_for_all_label')}
          placeholder={t('popup_tags_for_all_placeholder')}
          value={tagsForAll}
          onChange={(e) => setTagsForAll(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && saveAll()}
        />
        <button type="button" onClick={saveAll} disabled={busy}>
          {t('popup_save_all')}
        </button>
        <OrderPicker value={order} onChange={setOrder} listLabel={t('popup_order_page')} learned={learned} />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <VirtualList
        label={t('popup_on_page_label')}
        count={papers.length}
        idAt={(index) => papers[index]?.id}
        renderRow={(index) => {
          const paper = papers[index]!;
          const inLibrary = saved?.get(paper.id);
          return (
            <div className="row">
              <a className="title" href={`https://huggingface.co/papers/${paper.id}`} target="_blank" rel="noreferrer" tabIndex={-1}>
                {paper.title}
              </a>
              <PaperByline paper={paper} />
              <ForYouReason score={scores.get(paper.id)} />
              <div className="row-actions">
                <SaveToggle
                  saved={inLibrary !== undefined}
                  title={paper.title}
                  onToggle={() => void run(inLibrary ? send({ type: 'unsavePapers', ids: [paper.id] }) : send({ type: 'savePapers', papers: [paper] }))}
                />
                <TagEditor
                  tags={inLibrary?.tags ?? []}
                  knownTags={knownTags}
                  onAdd={(tag) => void run(send({ type: 'addTag', id: paper.id, tag, paper }))}
                  onRemove={(tag) => void run(send({ type: 'removeTag', id: paper.id, tag }))}
                />
                <SuggestedTags id={paper.id} saved={inLibrary !== undefined} tags={inLibrary?.tags ?? []} onAdd={(tag) => void run(send({ type: 'addTag', id: paper.id, tag }))} />
              </div>
            </div>
          );
        }}
      />
    </section>
  );
}
