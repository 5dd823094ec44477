import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { countTags } from '@/lib/library/library';
import { normalizeTag, tagKey } from '@/lib/paper/tags';
import { useOptionsServices } from './services';

/** Every tag with its count: rename (onto an existing tag: merge) or delete. */
export function TagsSection() {
  const { library } = useOptionsServices();
  const tags = useLiveQuery(() => countTags(library.db), [library]);
  const [message, setMessage] = useState<string>();

  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      {message && <p role="status">{message}</p>}
      {tags?.length === 0 && <p className="muted">No tags yet. Tag papers on Hugging Face or in the popup.</p>}
      <ul className="tag-table" aria-label="Tags">
        {tags?.map(({ tag, count }) => (
          <TagRow key={tag} tag={tag} count={count} allTags={tags.map((t) => t.tag)} onDone={setMessage} />
        ))}
      </ul>
    </section>
  );
}

function TagRow({ tag, count, allTags, onDone }: { tag: string; count: number; allTags: string[]; onDone: (message: string) => void }) {
  const { library } = useOptionsServices();
  const [name, setName] = useState(tag);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const target = normalizeTag(name);
  const mergeInto = allTags.find((t) => tagKey(t) === tagKey(target) && tagKey(t) !== tagKey(tag));
  const changed = target !== '' && target !== tag;

  const rename = async () => {
    try {
      const n = await library.renameTag(tag, target);
      onDone(mergeInto ? `Merged “${tag}” into “${mergeInto}” on ${n} papers.` : `Renamed “${tag}” to “${target}” on ${n} papers.`);
    } catch (e) {
      setError(String(e));
    }
  };
  const remove = async () => {
    const n = await library.deleteTag(tag);
    onDone(`Removed the tag “${tag}” from ${n} papers. The papers stay in your library.`);
  };

  return (
    <li className="tag-row">
      <span className="tag-name">{tag}</span> <span className="muted">{count} {count === 1 ? 'paper' : 'papers'}</span>
      <input aria-label={`New name for ${tag}`} value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />
      <button
        type="button"
        disabled={!changed}
        aria-label={mergeInto ? `Merge ${tag} into ${mergeInto}` : `Rename ${tag}`}
        onClick={() => void rename()}
      >
        {mergeInto ? `Merge into ${mergeInto}` : 'Rename'}
      </button>
      {confirming ? (
        <span role="group" aria-label={`Delete ${tag}?`}>
          Remove “{tag}” from {count} papers?{' '}
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete tag
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" aria-label={`Delete tag ${tag}`} onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
      {error && <span className="error" role="alert">{error}</span>}
    </li>
  );
}
