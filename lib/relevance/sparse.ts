/** A sparse vector: feature indices in increasing order and their values. */
export interface SparseVector {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

export const EMPTY_VECTOR: SparseVector = { indices: new Uint32Array(0), values: new Float32Array(0) };

/** The dot product with a dense vector. */
export function dotDense(x: SparseVector, w: ArrayLike<number>): number {
  const { indices, values } = x;
  let sum = 0;
  for (let k = 0; k < indices.length; k++) sum += values[k]! * w[indices[k]!]!;
  return sum;
}

/** The dot product of two sparse vectors (a merge of their sorted indices). */
export function dotSparse(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.indices;
  const bi = b.indices;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

export function squaredNorm(x: SparseVector): number {
  let sum = 0;
  for (const v of x.values) sum += v * v;
  return sum;
}

/** Builds a vector from index/value pairs in any order (no repeated index), scaled to unit length. */
export function unitVector(pairs: ReadonlyArray<readonly [number, number]>): SparseVector {
  const sorted = pairs.filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  const indices = new Uint32Array(sorted.length);
  const values = new Float32Array(sorted.length);
  let norm = 0;
  for (const [, v] of sorted) norm += v * v;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  sorted.forEach(([i, v], k) => {
    indices[k] = i;
    values[k] = v * scale;
  });
  return { indices, values };
}

/** The `count` largest values of a vector (by magnitude), as a vector again. */
export function strongest(x: SparseVector, count: number): SparseVector {
  if (x.indices.length <= count) return x;
  const order = Array.from(x.indices.keys()).sort((a, b) => Math.abs(x.values[b]!) - Math.abs(x.values[a]!));
  const kept = order.slice(0, count).sort((a, b) => a - b);
  return {
    indices: Uint32Array.from(kept, (k) => x.indices[k]!),
    values: Float32Array.from(kept, (k) => x.values[k]!),
  };
}
