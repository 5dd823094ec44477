import { useState } from 'react';
import type { Reply } from '@/lib/messages/protocol';
import { useServices } from '@/components/popup/services';
import { t, tn } from '@/lib/i18n';

interface BulkBarProps {
  ids: string[];
  knownTags: string[];
  run: <R extends Reply>(request: Promise<R>) => Promise<R>;
  onRemove: () => void;
  onClear: () => void;
}

/** Acts on every selected paper at once: tag, untag, remove. */
export function BulkBar({ ids, knownTags, run, onRemove, onClear }: BulkBarProps) {
  const { library, send } = useServices();
  const [tag, setTag] = useState('');
  const [untag, setUntag] = useState('');

  const tagAll = async () => {
    if (!tag.trim()) return;
    const papers = [...(await library.papers(ids)).values()];
    const reply = await run(send({ type: 'savePapers', papers: papers.map(({ id, title }) => ({ id, title })), tags: [tag.trim()] }));
    if (reply.ok) setTag('');
  };
  const untagAll = async () => {
    if (!untag) return;
    const reply = await run(send({ type: 'removeTagFromPapers', ids, tag: untag }));
    if (reply.ok) setUntag('');
  };

  return (
    <div className="bulk" role="toolbar" aria-label={t('popup_bulk_label')}>
      <span>{tn('popup_bulk_selected', ids.length)}</span>
      <input
        aria-label={t('popup_bulk_tag_label')}
        placeholder={t('popup_bulk_tag_placeholder')}
        list="bulk-known-tags"
        value={tag}
        onChange={(e) => setTag(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && void tagAll()}
      />
      <datalist id="bulk-known-tags">
        {knownTags.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <button type="button" onClick={() => void tagAll()}>
        {t('popup_bulk_tag')}
      </button>
      <select aria-label={t('popup_bulk_untag_label')} value={untag} onChange={(e) => setUntag(e.target.value)}>
        <option value="">{t('popup_bulk_untag_choose')}</option>
        {knownTags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void untagAll()} disabled={!untag}>
        {t('popup_bulk_untag')}
      </button>
      <button type="button" className="danger" onClick={onRemove}>
        {t('popup_bulk_remove')}
      </button>
      <button type="button" onClick={onClear}>
        {t('popup_bulk_clear')}
      </button>
    </div>
  );
}
