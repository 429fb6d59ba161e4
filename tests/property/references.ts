// Exact values for the generated programs: the 60-digit references of the fix-equivalence tables, plus the few this
// suite needs on top (variance, binary cross-entropy, xlogy, tensor reductions along an axis).

import {
  D,
  dec,
  expm1Ref as expm1Exact,
  hypotRef,
  log1pRef,
  logSigmoidRef as logSigmoidExact,
  logSoftmaxRef,
  lseRef,
  sigmoidRef as sigmoidExact,
  softmaxRef as softmaxExact,
  softplusRef as softplusExact,
  tanhRef,
} from '../fix-equivalence/reference.js';

export { hypotRef, log1pRef, logSoftmaxRef, lseRef, tanhRef };

// Beyond |x| = 1000 the 60-digit forms would ask decimal.js for exp(±1e300) (minutes and gigabytes); there the
// double result is known exactly: softplus(x) = x above (e^-x < ulp/2), 0 below (e^x underflows); likewise the rest.
const FAR = 1000;

export function softplusRef(x: number): number {
  return x > FAR ? x : x < -FAR ? 0 : softplusExact(x);
}

export function logSigmoidRef(x: number): number {
  return x > FAR ? -0 : x < -FAR ? x : logSigmoidExact(x);
}

export function sigmoidRef(x: number): number {
  return x > FAR ? 1 : x < -FAR ? 0 : sigmoidExact(x);
}

export function expm1Ref(x: number): number {
  return x < -FAR ? -1 : expm1Exact(x);
}

/** softmax of a vector; elements more than 2000 below the max are 0 (the 60-digit form would exponentiate them). */
export function softmaxRef(xs: readonly number[]): number[] {
  const m = Math.max(...xs);
  if (!Number.isFinite(m) || xs.every((x) => x - m > -2 * FAR)) return softmaxExact(xs);
  const kept = xs.map((x, i) => [x, i] as const).filter(([x]) => x - m > -2 * FAR);
  const values = softmaxExact(kept.map(([x]) => x));
  const out: number[] = xs.map(() => 0);
  kept.forEach(([, i], j) => {
    out[i] = values[j];
  });
  return out;
}

/** Σ(x − mean)²/(n − ddof) at 60 digits (mean of the doubles exact), rounded once; NaN when n − ddof ≤ 0. */
export function varianceRef(xs: ArrayLike<number>, ddof: number, sqrt = false): number {
  const n = xs.length;
  if (n - ddof <= 0) return NaN;
  const values = Array.from(xs, dec);
  const mean = values.reduce((a, b) => a.plus(b), new D(0)).div(n);
  const v = values.reduce((a, x) => a.plus(x.minus(mean).pow(2)), new D(0)).div(n - ddof);
  return (sqrt ? v.sqrt() : v).toNumber();
}

/**
 * y·log σ(z) + (1 − y)·log σ(−z), the (negated) binary cross-entropy on σ(z): both terms are ≤ 0 for y ∈ [0, 1], so
 * summing the correctly rounded parts in double keeps it within a few ulps.
 */
export function bceRef(y: number, z: number): number {
  const a = y === 0 ? 0 : y * logSigmoidRef(z);
  const b = 1 - y === 0 ? 0 : (1 - y) * logSigmoidRef(-z);
  return a + b;
}

/** x·log(y), 0 at x = 0 (whatever y is): the xlogy kernel's definition, in double. */
export function xlogyRef(x: number, y: number): number {
  return x === 0 ? 0 : x * Math.log(y); // 0·log(0/0) = 0 too (a KL term at p = q = 0)
}

/** A TF.js reduction of a 2-D array: over all elements, rows (axis 1 / -1) or columns (axis 0), keepDims or not. */
export function reduce2d(x: readonly (readonly number[])[], axis: number | undefined, keepDims: boolean, fn: (v: number[]) => number): unknown {
  if (axis === undefined) {
    const v = fn(x.flat());
    return keepDims ? [[v]] : v;
  }
  if (axis === 1 || axis === -1) return x.map((row) => (keepDims ? [fn([...row])] : fn([...row])));
  const columns = x[0].map((_, j) => fn(x.map((row) => row[j])));
  return keepDims ? [columns] : columns;
}

/** An operation that maps a vector to a vector, applied along an axis of a 2-D array (all elements: flattened). */
export function along2d(x: readonly (readonly number[])[], axis: number | undefined, fn: (v: number[]) => number[]): number[][] {
  if (axis === undefined) {
    const flat = fn(x.flat());
    const cols = x[0].length;
    return x.map((_, i) => flat.slice(i * cols, (i + 1) * cols));
  }
  if (axis === 1 || axis === -1) return x.map((row) => fn([...row]));
  const columns = x[0].map((_, j) => fn(x.map((row) => row[j])));
  return x.map((row, i) => row.map((_, j) => columns[j][i]));
}

export function map2d(x: unknown, fn: (v: number) => number): unknown {
  return Array.isArray(x) ? x.map((v) => map2d(v, fn)) : fn(x as number);
}
