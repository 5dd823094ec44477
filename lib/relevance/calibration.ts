/**
 * Platt scaling: P(positive | score) = 1 / (1 + exp(a * score + b)), fitted by the Newton method with
 * backtracking of Lin, Lin and Weng (2007), the one LIBSVM uses, on targets smoothed by the class counts so
 * that a handful of examples does not give probabilities of exactly 0 or 1.
 */
export interface PlattScaling {
  readonly a: number;
  readonly b: number;
}

export function plattProbability(platt: PlattScaling, score: number): number {
  const z = platt.a * score + platt.b;
  return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
}

/** log(1 + exp(z)) without overflow. */
function softplus(z: number): number {
  return z >= 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Fits a and b; with `slope`, a is fixed and only b is fitted. */
export function fitPlatt(scores: ArrayLike<number>, positive: ArrayLike<boolean>, slope?: number): PlattScaling {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (positive[i]) positives++;
  const negatives = n - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const target = (i: number) => (positive[i] ? hi : lo);
  const objective = (a: number, b: number) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const z = scores[i]! * a + b;
      f += target(i) * z + softplus(-z);
    }
    return f;
  };
  let a = slope ?? 0;
  let b = Math.log((negatives + 1) / (positives + 1));
  let value = objective(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const s = scores[i]!;
      const z = s * a + b;
      const p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
      const d2 = p * (1 - p);
      h11 += s * s * d2;
      h22 += d2;
      h21 += s * d2;
      const d1 = target(i) - p;
      g1 += s * d1;
      g2 += d1;
    }
    if ((slope !== undefined || Math.abs(g1) < 1e-5) && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21;
    const da = slope !== undefined ? 0 : -(h22 * g1 - h21 * g2) / det;
    const db = slope !== undefined ? -g2 / h22 : -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * da + g2 * db;
    let step = 1;
    while (step >= 1e-10) {
      const next = objective(a + step * da, b + step * db);
      if (next < value + 1e-4 * step * gd) {
        a += step * da;
        b += step * db;
        value = next;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { a, b };
}

/** The value below which a share `q` of the values lie (linear interpolation between order statistics). */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const at = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}
