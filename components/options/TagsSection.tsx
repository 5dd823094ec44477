import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { normalizeTag, tagKey } from '@/lib/paper/tags';
import { useOptionsServices } from '@/components/options/services';
import { t, tn } from '@/lib/i18n';

/** Every tag with its count: rename (onto an existing tag: merge) or delete. */
export function TagsSection() {
  const { reader } = useOptionsServices();
  const tags = useLiveQuery(() => reader.tagCounts(), [reader]);
  const [message, setMessage] = useState<string>();

  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading">{t('options_tags_heading')}</h2>
      {message && <p role="status">{message}</p>}
      {tags?.length === 0 && <p className="muted">{t('options_tags_none')}</p>}
      <ul className="tag-table" aria-label={t('options_tags_heading')}>
        {tags?.map(({ tag, count }) => (
          <TagRow key={tag} tag={tag} count={count} allTags={tags.map((t) => t.tag)} onDone={setMessage} />
        ))}
      </ul>
    </section>
  );
}

function TagRow({ tag, count, allTags, onDone }: { tag: string; count: number; allTags: string[]; onDone: (message: string) => void }) {
  const { send } = useOptionsServices();
  const [name, setName] = useState(tag);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const target = normalizeTag(name);
  const mergeInto = allTags.find((t) => tagKey(t) === tagKey(target) && tagKey(t) !== tagKey(tag));
  const changed = target !== '' && target !== tag;

  const rename = async () => {
    try {
      const reply = await send({ type: 'renameTag', from: tag, to: target });
      if (!reply.ok) return setError(reply.error);
      const n = reply.count;
      onDone(mergeInto ? tn('options_tag_merged', n, tag, mergeInto) : tn('options_tag_renamed', n, tag, target));
    } catch (e) {
      setError(String(e));
    }
  };
  const remove = async () => {
    const reply = await send({ type: 'deleteTag', tag });
    if (!reply.ok) return setError(reply.error);
    onDone(tn('options_tag_removed', reply.count, tag));
  };

  return (
    <li className="tag-row">
      <span className="tag-name">{tag}</span> <span className="muted">{tn('options_tag_count', count)}</span>
      <input aria-label={t('options_tag_new_name_label', tag)} value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />
      <button
        type="button"
        disabled={!changed}
        aria-label={mergeInto ? t('options_tag_merge_label', tag, mergeInto) : t('options_tag_rename_label', tag)}
        onClick={() => void rename()}
      >
        {mergeInto ? t('options_tag_merge', mergeInto) : t('options_tag_rename')}
      </button>
      {confirming ? (
        <span role="group" aria-label={t('options_tag_delete_confirm_label', tag)}>
          {tn('options_tag_delete_confirm', count, tag)}{' '}
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('options_tag_delete_confirmed')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common_cancel')}
          </button>
        </span>
      ) : (
        <button type="button" aria-label={t('options_tag_delete_label', tag)} onClick={() => setConfirming(true)}>
          {t('options_tag_delete')}
        </button>
      )}
      {error && <span className="error" role="alert">{error}</span>}
    </li>
  );
}
