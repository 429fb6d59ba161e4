// Seeded inputs and fast-check arbitraries shared by the fix-equivalence tables.

import fc from 'fast-check';

/** mulberry32: a small seeded PRNG, so "random" inputs are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n standard-normal logits (Box–Muller), times `scale`, plus `shift`. */
export function normals(n: number, seed: number, scale = 1, shift = 0): number[] {
  const u = prng(seed);
  const out: number[] = [];
  while (out.length < n) {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    const t = 2 * Math.PI * u();
    out.push(shift + scale * r * Math.cos(t));
    if (out.length < n) out.push(shift + scale * r * Math.sin(t));
  }
  return out;
}

/** A rows × cols matrix of normal logits. */
export function normalMatrix(rows: number, cols: number, seed: number, scale = 1, shift = 0): number[][] {
  const flat = normals(rows * cols, seed, scale, shift);
  return Array.from({ length: rows }, (_, i) => flat.slice(i * cols, (i + 1) * cols));
}

/** A finite double in [min, max] (no NaN, no ±Infinity, no -0 surprises beyond what doubles allow). */
export function finite(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** An array of logits; the wide ranges mix ordinary, overflowing and underflowing elements. */
export function logitArray(min: number, max: number, maxLength = 16): fc.Arbitrary<number[]> {
  return fc.array(finite(min, max), { minLength: 1, maxLength });
}

/** A rows × cols matrix (rows 1–3, cols 1–8) of logits, as nested arrays. */
export function logitMatrix(min: number, max: number): fc.Arbitrary<number[][]> {
  return fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }))
    .chain(([rows, cols]) => fc.array(fc.array(finite(min, max), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
}
