import { LIMITS } from '@/lib/paper/limits';
import { MAX_TAG_LENGTH, normalizeTag } from '@/lib/paper/tags';
import { isReplicaId, type Stamp } from '@/lib/sync/clock';
import type { MarkRegister } from '@/lib/sync/marks';
import type { NoteRegister, NoteVersion } from '@/lib/sync/note-register';
import { normalizePaper, type PaperMeta, type PaperState, type TagRegister } from '@/lib/sync/paper-state';
import { emptySyncState, type SyncState } from '@/lib/sync/sync-state';
import { MAX_SETTING_NAME_LENGTH, MAX_SETTING_VALUE_LENGTH, type SettingRegister } from '@/lib/sync/synced-settings';
import { arxivIdFromKey, arxivKey, compareArxivKeys, type ArxivKey } from '@/lib/sync/codec/arxiv-key';
import { ByteReader, ByteWriter, DamagedItemError } from '@/lib/sync/codec/bytes';

/**
 * The binary body of an item (format 1): a state's papers, marks and settings, in canonical order so
 * that equal states give equal bytes. Replica ids and tag spellings are written once, in tables at the
 * top, and referred to by index; times are gaps from the item's earliest time, and within a paper are
 * written against its last edit or its date saved (`nearTimes`: an action's tags and note share its
 * stamp, which makes a zero).
 *
 *   replicas   count, ids
 *   tags       count, spellings
 *   base       earliest stamp time in the item
 *   papers     count, then per paper (by id):
 *                id gap ·2 + odd, head (meta | removed·2 | note·4 | tag count·8),
 *                meta: time-base [replica], updatedAt-time, updatedAt-savedAt
 *                removed: time-base [replica]
 *                tags: spelling index, near time·2 + on [replica]
 *                note: versions (near time [replica], text), other replicas seen (near time [replica])
 *   marks      count, then per mark (by id): id gap ·2 + odd, (time-base)·2 + on [replica]
 *   settings   count, then per setting (by name): name, JSON value, time-base [replica]
 *
 * [replica]: the stamp's replica, as its index in the table, packed into the number before it
 * (number · replicas + index), so that one browser's items spend nothing on it.
 */

/** Papers are written column by column (like with like compresses better), each column a byte run. */
const PAPER_COLUMNS = ['ids', 'heads', 'times', 'dates', 'tags', 'tagTimes', 'notes', 'text'] as const;
type PaperColumn = (typeof PAPER_COLUMNS)[number];

export function encodeBody(state: SyncState): Uint8Array {
  const replicas = new Set<string>();
  const spellings = new Set<string>();
  let base = Infinity;
  const see = (s: Stamp) => {
    replicas.add(s.r);
    if (s.t < base) base = s.t;
  };
  for (const paper of state.papers.values()) {
    if (paper.meta) see(paper.meta.at);
    if (paper.removed) see(paper.removed);
    for (const reg of paper.tags) {
      see(reg.at);
      spellings.add(reg.tag);
    }
    for (const v of paper.note?.versions ?? []) see(v.at);
    for (const s of paper.note?.seen ?? []) see(s);
  }
  for (const mark of state.marks.values()) see(mark.at);
  for (const setting of state.settings.values()) see(setting.at);
  if (base === Infinity) base = 0;

  const replicaList = [...replicas].sort();
  const replicaIndex = new Map(replicaList.map((r, i) => [r, i]));
  const spellingList = [...spellings].sort();
  const spellingIndex = new Map(spellingList.map((s, i) => [s, i]));
  const out = new ByteWriter();
  const column = Object.fromEntries(PAPER_COLUMNS.map((name) => [name, new ByteWriter()])) as Record<PaperColumn, ByteWriter>;
  // A stamp's replica rides in the low digits of a number written anyway: value · replicas + index.
  const withReplica = (to: ByteWriter, value: number, s: Stamp) => to.uint(value * replicaList.length + replicaIndex.get(s.r)!);

  out.uint(replicaList.length);
  for (const r of replicaList) out.string(r);
  out.uint(spellingList.length);
  for (const s of spellingList) out.string(s);
  out.uint(base);

  const papers = byArxivKey(state.papers);
  out.uint(papers.length);
  let previous = 0;
  for (const [key, paper] of papers) {
    previous = writeKey(column.ids, key, previous);
    const { meta, removed, note } = paper;
    column.heads.uint(Number(meta !== undefined) | (Number(removed !== undefined) << 1) | (Number(note !== undefined) << 2) | (paper.tags.length << 3));
    if (meta) {
      withReplica(column.times, meta.at.t - base, meta.at);
      column.dates.int(meta.updatedAt - meta.at.t);
      column.dates.int(meta.updatedAt - meta.savedAt);
    }
    if (removed) withReplica(column.times, removed.t - base, removed);
    const near = nearTimes(meta, removed, base);
    for (const reg of paper.tags) {
      column.tags.uint(spellingIndex.get(reg.tag)!);
      withReplica(column.tagTimes, near.code(reg.at.t) * 2 + Number(reg.on), reg.at);
    }
    if (note) {
      column.notes.uint(note.versions.length);
      for (const v of note.versions) {
        withReplica(column.notes, near.code(v.at.t), v.at);
        column.text.string(v.text);
      }
      const others = note.seen.filter((s) => !note.versions.some((v) => v.at.r === s.r));
      column.notes.uint(others.length);
      for (const s of others) withReplica(column.notes, near.code(s.t), s);
    }
  }

  const marks = byArxivKey(state.marks);
  out.uint(marks.length);
  previous = 0;
  for (const [key, mark] of marks) {
    previous = writeKey(out, key, previous);
    withReplica(out, (mark.at.t - base) * 2 + Number(mark.on), mark.at);
  }

  const settings = [...state.settings.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  out.uint(settings.length);
  for (const setting of settings) {
    out.string(setting.name);
    out.string(setting.value);
    withReplica(out, setting.at.t - base, setting.at);
  }
  for (const name of PAPER_COLUMNS) {
    const bytes = column[name].finish();
    out.uint(bytes.length);
    out.raw(bytes);
  }
  return out.finish();
}

/** The state an item body holds; throws DamagedItemError when the bytes do not make a valid one. */
export function decodeBody(bytes: Uint8Array): SyncState {
  const input = new ByteReader(bytes);
  const replicaList = list(input, () => {
    const r = input.string(32);
    if (!isReplicaId(r)) throw new DamagedItemError('bad replica id');
    return r;
  });
  const spellingList = list(input, () => {
    const tag = input.string(MAX_TAG_LENGTH);
    if (tag === '' || normalizeTag(tag) !== tag) throw new DamagedItemError('bad tag');
    return tag;
  });
  const base = input.uint();
  const time = (t: number) => {
    if (!Number.isSafeInteger(t) || t < 0) throw new DamagedItemError('bad time');
    return t;
  };
  /** A number written with a stamp's replica in its low digits: the number, and the replica. */
  const withReplica = (from: ByteReader): [number, string] => {
    const packed = from.uint();
    const r = replicaList[packed % replicaList.length];
    if (r === undefined) throw new DamagedItemError('a stamp without replicas');
    return [Math.floor(packed / replicaList.length), r];
  };
  const stampAt = (t: number, r: string): Stamp => ({ t: time(t), r });

  const state = emptySyncState();
  const paperCount = input.count();

  const readMarkId = idReader(input);
  for (let n = input.count(); n > 0; n--) {
    const id = readMarkId();
    const [packed, r] = withReplica(input);
    const mark: MarkRegister = { id, on: packed % 2 === 1, at: stampAt(base + Math.floor(packed / 2), r) };
    state.marks.set(id, mark);
  }

  for (let n = input.count(); n > 0; n--) {
    const name = input.string(MAX_SETTING_NAME_LENGTH);
    const value = input.string(MAX_SETTING_VALUE_LENGTH);
    if (name === '' || state.settings.has(name) || !isJson(value)) throw new DamagedItemError('bad setting');
    const [gap, r] = withReplica(input);
    const setting: SettingRegister = { name, value, at: stampAt(base + gap, r) };
    state.settings.set(name, setting);
  }

  const column = Object.fromEntries(PAPER_COLUMNS.map((name) => [name, new ByteReader(input.take(input.count()))])) as Record<PaperColumn, ByteReader>;
  if (!input.done()) throw new DamagedItemError('bytes after the end');
  const readId = idReader(column.ids);
  for (let n = paperCount; n > 0; n--) {
    const id = readId();
    const head = column.heads.uint();
    let meta: PaperMeta | undefined;
    let removed: Stamp | undefined;
    if (head & 1) {
      const [gap, r] = withReplica(column.times);
      const at = stampAt(base + gap, r);
      const updatedAt = time(at.t + column.dates.int());
      meta = { at, savedAt: time(updatedAt - column.dates.int()), updatedAt };
    }
    if (head & 2) {
      const [gap, r] = withReplica(column.times);
      removed = stampAt(base + gap, r);
    }
    const near = nearTimes(meta, removed, base);
    const tags: TagRegister[] = [];
    for (let k = Math.floor(head / 8); k > 0; k--) {
      const tag = spellingList[column.tags.uint()];
      if (tag === undefined) throw new DamagedItemError('bad tag index');
      const [packed, r] = withReplica(column.tagTimes);
      tags.push({ tag, on: packed % 2 === 1, at: stampAt(near.time(Math.floor(packed / 2)), r) });
    }
    const note = head & 4
      ? readNote(column.notes, column.text, () => {
          const [code, r] = withReplica(column.notes);
          return stampAt(near.time(code), r);
        })
      : undefined;
    const paper: PaperState = { id, tags };
    if (meta) paper.meta = meta;
    if (removed) paper.removed = removed;
    if (note) paper.note = note;
    state.papers.set(id, normalizePaper(paper));
  }
  if (PAPER_COLUMNS.some((name) => !column[name].done())) throw new DamagedItemError('bytes after the end');
  return state;
}

function readNote(input: ByteReader, text: ByteReader, stamp: () => Stamp): NoteRegister {
  const versions: NoteVersion[] = [];
  for (let n = input.count(); n > 0; n--) {
    const at = stamp();
    versions.push({ text: text.string(LIMITS.note), at });
  }
  const seen = versions.map((v) => v.at);
  for (let n = input.count(); n > 0; n--) seen.push(stamp());
  if (new Set(seen.map((s) => s.r)).size !== seen.length) throw new DamagedItemError('bad note');
  versions.sort((a, b) => b.at.t - a.at.t || (b.at.r < a.at.r ? -1 : 1));
  return { versions, seen: seen.sort((a, b) => (a.r < b.r ? -1 : 1)) };
}

function byArxivKey<T>(entries: ReadonlyMap<string, T>): [ArxivKey, T][] {
  const keyed: [ArxivKey, T][] = [];
  for (const [id, value] of entries) {
    const key = arxivKey(id);
    if (key === undefined) throw new RangeError(`${id} is not an arXiv id the sync format can hold`);
    keyed.push([key, value]);
  }
  return keyed.sort((a, b) => compareArxivKeys(a[0], b[0]));
}

function writeKey(out: ByteWriter, { key, odd }: ArxivKey, previous: number): number {
  out.uint((key - previous) * 2 + Number(odd));
  return key;
}

function idReader(input: ByteReader): () => string {
  let previous: ArxivKey | undefined;
  return () => {
    const packed = input.uint();
    const key = (previous?.key ?? 0) + Math.floor(packed / 2);
    const odd = packed % 2 === 1;
    if (previous !== undefined && compareArxivKeys(previous, { key, odd }) >= 0) throw new DamagedItemError('ids out of order');
    previous = { key, odd };
    const id = arxivIdFromKey({ key, odd });
    if (id === undefined) throw new DamagedItemError('bad id');
    return id;
  };
}

function list<T>(input: ByteReader, read: () => T): T[] {
  const items: T[] = [];
  for (let n = input.count(); n > 0; n--) items.push(read());
  if (new Set(items).size !== items.length) throw new DamagedItemError('repeated table entry');
  return items;
}

/**
 * Times within a paper, written against the two it most likely equals: 0 is the paper's last edit,
 * 1 the date it was saved (a tag added when saving, then the paper edited later), 2 + zigzag(gap from
 * the last edit) anything else.
 */
function nearTimes(meta: PaperMeta | undefined, removed: Stamp | undefined, base: number) {
  const ref = meta?.at.t ?? removed?.t ?? base;
  const saved = meta?.savedAt ?? ref;
  return {
    code: (t: number) => (t === ref ? 0 : t === saved ? 1 : 2 + zigzag(ref - t)),
    time: (code: number) => (code === 0 ? ref : code === 1 ? saved : ref - unzigzag(code - 2)),
  };
}

function zigzag(value: number): number {
  return value < 0 ? -2 * value - 1 : 2 * value;
}

function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
