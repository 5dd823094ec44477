// Turns the text rendering of a real Hugging Face search listing into tests/fixtures/hf/seed-papers.json,
// the data our fixture pages are built from. Titles, abstracts, author counts, organizations, dates and
// comment counts are real; arXiv ids, author names, upvotes and GitHub repos are made up (the text
// rendering does not carry them) but shaped like real ones.
// Run: node scripts/seed-to-json.mjs ../shared/seeds/hf-papers-search-listing.txt
import { readFileSync, writeFileSync } from 'node:fs';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FIRST = ['Wei', 'Anna', 'Rahul', 'Sofia', 'Jun', 'Mateo', 'Yuki', 'Amara', 'Lukas', 'Mei', 'Omar', 'Elena', 'Hiroshi', 'Priya', 'Tomás', 'Chen', 'Fatima', 'Jonas', 'Ines', 'Kwame'];
const LAST = ['Zhang', 'Müller', 'Sharma', 'Rossi', 'Kim', 'García', 'Tanaka', 'Okafor', 'Schmidt', 'Liu', 'Haddad', 'Petrova', 'Sato', 'Iyer', 'Silva', 'Wang', 'Benali', 'Berg', 'Moreau', 'Mensah'];

function hash(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  return h;
}

const lines = readFileSync(process.argv[2], 'utf8').split('\n');
const papers = [];
const usedIds = new Set();
for (let i = 0; i < lines.length; i++) {
  if (lines[i] !== '·') continue;
  // Walk back: byline, blank, abstract, blank, title.
  const byline = lines[i - 1];
  const abstract = lines[i - 3];
  const title = lines[i - 5];
  const dateLine = lines[i + 1];
  const m = /^([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$/.exec(dateLine);
  if (!m) throw new Error(`unexpected date line ${JSON.stringify(dateLine)}`);
  const [, mon, day, year, comments] = m;
  const month = MONTHS.indexOf(mon) + 1;
  const fullYear = year ? Number(year) : 2026;
  const h = hash(title);
  let id;
  for (let n = h; ; n++) {
    id = `${String(fullYear % 100).padStart(2, '0')}${String(month).padStart(2, '0')}.${String(10000 + (n % 89999)).padStart(5, '0')}`;
    if (!usedIds.has(id)) break;
  }
  usedIds.add(id);
  const authorsMatch = /^\s+•\s+(\d+) authors?$/.exec(byline);
  const orgMatch = /^(\S+) (.+)$/.exec(byline);
  const authorCount = authorsMatch ? Number(authorsMatch[1]) : 3 + (h % 5);
  const authors = Array.from({ length: authorCount }, (_, k) => `${FIRST[(h + k * 7) % FIRST.length]} ${LAST[((h >>> 3) + k * 3) % LAST.length]}`);
  const upvotes = h % 7 === 0 ? 0 : (h >>> 5) % 180;
  const hasGithub = h % 3 === 0;
  const stars = hasGithub ? [12, 87, 430, 1660, 2310, 15400][(h >>> 7) % 6] : undefined;
  papers.push({
    id,
    title,
    summary: abstract.trim(),
    aiSummary: h % 4 === 0 ? undefined : abstract.split(/(?<=\.)\s/)[0],
    authors,
    organization: authorsMatch ? undefined : { handle: orgMatch[1], name: orgMatch[2] },
    publishedAt: `${fullYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    dateShownWithYear: Boolean(year),
    comments: comments ? Number(comments) : 0,
    upvotes,
    github: hasGithub ? { repo: `https://github.com/${orgMatch && !authorsMatch ? orgMatch[1] : 'research-lab'}/${title.split(/[^A-Za-z0-9]/)[0] || 'code'}`, stars } : undefined,
    submittedBy: ['akhaliq', 'nielsr', 'taesiri', 'JarvisPei'][h % 4],
  });
}
if (papers.length !== 47) throw new Error(`expected 47 papers, found ${papers.length}`);
writeFileSync('tests/fixtures/hf/seed-papers.json', JSON.stringify(papers, null, 1) + '\n');
console.log(`wrote ${papers.length} papers`);
