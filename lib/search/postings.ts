// The papers of each word, packed small: a word's papers in ascending order, each written as the gap
// from the paper before (so a common word costs a byte a paper) shifted left by two bits that say
// which field the word is in, as a variable-length integer (seven bits a byte, the high bit set on
// every byte but the last).

/** A posting before packing: a paper number and a field weight (1, 2, 4 or 8). */
export const posting = (doc: number, weight: number) => doc * 4 + (31 - Math.clz32(weight));
export const postingDoc = (value: number) => Math.floor(value / 4);
const postingWeight = (value: number) => 1 << (value & 3);

/** Packs each word's postings (ascending) one after another; word w's bytes run from offsets[w] to offsets[w + 1]. */
export function packPostings(lists: readonly (readonly number[])[]): { offsets: Int32Array; postings: Uint8Array } {
  const offsets = new Int32Array(lists.length + 1);
  let bytes = new Uint8Array(1 << 16);
  let at = 0;
  lists.forEach((list, w) => {
    offsets[w] = at;
    let doc = 0;
    for (const value of list) {
      if (at + 5 > bytes.length) {
        const grown = new Uint8Array(bytes.length * 2);
        grown.set(bytes);
        bytes = grown;
      }
      const next = postingDoc(value);
      let packed = ((next - doc) << 2) | (value & 3);
      doc = next;
      while (packed > 127) {
        bytes[at++] = (packed & 127) | 128;
        packed >>>= 7;
      }
      bytes[at++] = packed;
    }
  });
  offsets[lists.length] = at;
  return { offsets, postings: bytes.slice(0, at) };
}

/** Unpacks the postings in `postings[from..to)` to the start of `into` (room for one per paper); returns how many. */
export function unpackPostings(postings: Uint8Array, from: number, to: number, into: Int32Array): number {
  let count = 0;
  let doc = 0;
  for (let p = from; p < to; ) {
    let byte = postings[p++]!;
    let packed = byte & 127;
    for (let shift = 7; byte > 127; shift += 7) {
      byte = postings[p++]!;
      packed |= (byte & 127) << shift;
    }
    doc += packed >>> 2;
    into[count++] = doc * 4 + (packed & 3);
  }
  return count;
}

/** For each of the first `count` postings in `list`, raises `weights[paper]` to the posting's field weight. */
export function raiseWeights(list: ArrayLike<number>, count: number, weights: Uint8Array): void {
  for (let i = 0; i < count; i++) {
    const value = list[i]!;
    const doc = postingDoc(value);
    const weight = postingWeight(value);
    if (weights[doc]! < weight) weights[doc] = weight;
  }
}
