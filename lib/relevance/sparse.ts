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

const squaredNorms = new WeakMap<SparseVector, number>();

/** |x|^2, remembered per vector (the same vectors serve many models). */
export function squaredNorm(x: SparseVector): number {
  let sum = squaredNorms.get(x);
  if (sum === undefined) {
    sum = 0;
    for (const v of x.values) sum += v * v;
    squaredNorms.set(x, sum);
  }
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
  const magnitudes = new Float32Array(x.values.length);
  for (let k = 0; k < magnitudes.length; k++) magnitudes[k] = Math.abs(x.values[k]!);
  magnitudes.sort();
  const cutoff = magnitudes[magnitudes.length - count]!;
  let above = 0;
  for (const m of magnitudes) if (m > cutoff) above++;
  let ties = count - above; // values equal to the cutoff that still fit, first come first kept
  const indices: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < x.indices.length; k++) {
    const m = Math.abs(x.values[k]!);
    if (m > cutoff || (m === cutoff && ties-- > 0)) {
      indices.push(x.indices[k]!);
      values.push(x.values[k]!);
    }
  }
  return { indices: new Uint32Array(indices), values: new Float32Array(values) };
}

/** The vector scaled to unit length. */
export function normalized(x: SparseVector): SparseVector {
  const norm = Math.sqrt(squaredNorm(x));
  if (norm === 0 || norm === 1) return x;
  const values = new Float32Array(x.values.length);
  for (let k = 0; k < values.length; k++) values[k] = x.values[k]! / norm;
  return { indices: x.indices, values };
}
