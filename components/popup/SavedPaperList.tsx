import type { Paper } from '@/lib/paper/model';

export function SavedPaperList({ papers }: { papers: Paper[] }) {
  if (papers.length === 0) {
    return (
      <p className="empty">
        Nothing saved yet. Open <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Hugging Face papers</a> and
        press Save on a paper.
      </p>
    );
  }
  return (
    <ul className="paper-list" aria-label="Saved papers">
      {papers.map((paper) => (
        <li key={paper.id} className="paper-row">
          <a href={paper.links.huggingFace} target="_blank" rel="noreferrer" className="paper-title">
            {paper.title}
          </a>
          <span className="muted">
            {paper.organization?.name ?? paper.authors.slice(0, 3).join(', ')}
            {paper.tags.length > 0 && ` · ${paper.tags.join(', ')}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
