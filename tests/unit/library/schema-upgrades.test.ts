// @vitest-environment node
import { createLibraryDatabase, LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '@/lib/library/schema';
import { version2Words } from '@/lib/library/version2-words';
import { newPaper } from '@/lib/paper/paper';
import { manyPapers } from '../../fixtures/hf/markup';
import { freshDatabaseName } from '../helpers';

const ROWS = 20_000;
const TAGS = ['LLM', 'vision', 'to read', 'RL'];

/** 20,000 papers as an older version stored them (the abstract left out to keep the test quick). */
function rowsAt(version: number) {
  return manyPapers(ROWS).map((p, i) => {
    const paper = newPaper({ id: p.id, title: p.title, summary: '', authors: p.authors.slice(0, 3) }, 1_700_000_000_000 + i, [TAGS[i % 4]!, ...(i % 5 === 0 ? ['Starred'] : [])]);
    return version === 2 || version === 3 ? { ...paper, words: version2Words(paper) } : paper;
  });
}

describe.each(SCHEMA_VERSIONS.filter((v) => v.version < LATEST_SCHEMA_VERSION).map((v) => v.version))(
  'a version %i library with 20,000 papers',
  (version) => {
    it('upgrades to the newest version with the same papers and tags', async () => {
      const name = freshDatabaseName();
      const old = createLibraryDatabase(name, version);
      const rows = rowsAt(version);
      await old.table('papers').bulkAdd(rows);
      old.close();

      const db = createLibraryDatabase(name);
      await db.open();
      expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
      expect(await db.papers.count()).toBe(ROWS);
      const ids = await db.papers.toCollection().primaryKeys();
      expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
      for (const tag of [...TAGS, 'Starred']) {
        expect(await db.papers.where('tags').equals(tag).count()).toBe(rows.filter((r) => r.tags.includes(tag)).length);
      }
      const sample = await db.papers.get(rows[12_345]!.id);
      expect(sample).toMatchObject({ title: rows[12_345]!.title, tags: rows[12_345]!.tags, savedAt: rows[12_345]!.savedAt });
      expect(sample).not.toHaveProperty('words');
      db.close();
    }, 180_000);
  },
);
