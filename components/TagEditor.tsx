import { useId, useState, type KeyboardEvent } from 'react';
import { t } from '@/lib/i18n';

interface TagEditorProps {
  tags: string[];
  knownTags: string[];
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
  label?: string;
}

/** Tag chips (each removes its tag) and an input: Enter adds, Backspace on empty removes the last. */
export function TagEditor({ tags, knownTags, onAdd, onRemove, label = t('tag_add_label') }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && draft.trim() !== '') {
      event.preventDefault();
      onAdd(draft.trim());
      setDraft('');
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      event.preventDefault();
      onRemove(tags[tags.length - 1]!);
    } else if (event.key === 'Escape' && draft !== '') {
      event.preventDefault();
      event.stopPropagation();
      setDraft('');
    }
  };
  return (
    <div className="tag-editor">
      {tags.map((tag) => (
        <button key={tag} type="button" className="chip" aria-label={t('tag_remove_label', tag)} onClick={() => onRemove(tag)}>
          {tag}
        </button>
      ))}
      <input
        className="tag-input"
        aria-label={label}
        placeholder={t('tag_placeholder')}
        list={listId}
        maxLength={64}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <datalist id={listId}>
        {knownTags
          .filter((t) => !tags.includes(t))
          .map((t) => (
            <option key={t} value={t} />
          ))}
      </datalist>
    </div>
  );
}
