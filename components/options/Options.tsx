export function Options() {
  return (
    <main className="options">
      <h1>PaperShelf settings</h1>
      <section aria-labelledby="tags-heading">
        <h2 id="tags-heading">Tags</h2>
        <p className="muted">Rename, merge and delete tags here (coming soon).</p>
      </section>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Data</h2>
        <p className="muted">Export and import your library (coming soon).</p>
      </section>
      <section aria-labelledby="trending-heading">
        <h2 id="trending-heading">Trending</h2>
        <p className="muted">Choose how PaperShelf watches Hugging Face for newly trending papers (coming soon).</p>
      </section>
    </main>
  );
}
