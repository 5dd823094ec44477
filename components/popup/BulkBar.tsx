import { useState } from 'react';
import type { Reply } from '@/lib/messages/protocol';
import { useServices } from './services';

interface BulkBarProps {
  ids: string[];
  knownTags: string[];
  run: <R extends Reply>(request: Promise<R>) => Promise<R>;
  onRemove: () => void;
  onClear: () => void;
}

/** Acts on every selected paper at once: tag, untag, remove. */
export function BulkBar({ ids, knownTags, run, onRemove, onClear }: BulkBarProps) {
  const { db, send } = useServices();
  const [tag, setTag] = useState('');
  const [untag, setUntag] = useState('');

  const tagAll = async () => {
    if (!tag.trim()) return;
    const papers = (await db.papers.bulkGet(ids)).filter((p): p is NonNullable<typeof p> => !!p);
    const reply = await run(send({ type: 'savePapers', papers: papers.map(({ id, title }) => ({ id, title })), tags: [tag.trim()] }));
    if (reply.ok) setTag('');
  };
  const untagAll = async () => {
    if (!untag) return;
    const reply = await run(send({ type: 'removeTagFromPapers', ids, tag: untag }));
    if (reply.ok) setUntag('');
  };

  return (
    <div className="bulk" role="toolbar" aria-label="Selected papers">
      <span>{ids.length} selected</span>
      <input
        aria-label="Tag selected papers"
        placeholder="tag them"
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
        Tag
      </button>
      <select aria-label="Tag to remove from selected papers" value={untag} onChange={(e) => setUntag(e.target.value)}>
        <option value="">remove tag…</option>
        {knownTags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void untagAll()} disabled={!untag}>
        Untag
      </button>
      <button type="button" className="danger" onClick={onRemove}>
        Remove selected
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
