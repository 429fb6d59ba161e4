// Fix equivalence for numerics/no-naive-variance: E[x²] − E[x]² (and the Σx² − (Σx)²/n sum forms) → tf.moments /
// kernel variance / std, run before and after the fix.
//
// What the inputs show:
// - ordinary data (offset ≤ 10, unit spread): `same`. The naive form's relative error is about n·u·(1 + mean²/var)
//   (u = 2⁻⁵³ ≈ 1.1e-16; the two moments are each rounded to ~n·u of E[x²] ≈ mean² + var, and their difference is
//   var). With n = 16 and mean²/var ≤ 100 that is ≤ 2e-13, inside the default 1e-12 relative tolerance, while the
//   fixed result is within 8 ulps of the 60-digit two-pass reference.
// - data at an offset of 1e4, 1e8, 1e9 with unit spread: `improve`. mean²/var is 1e8…1e18, so the naive form keeps
//   ~8 digits at 1e4 and none at 1e8/1e9, where it returns 0, 2, 4, 128, 384 or negative values (-256) for a
//   variance of ~1 (and NaN under a square root). The fix matches the reference to 8 ulps (~1e-15 relative).
// - constant data: `improve` with an exact reference (`{ ulps: 0 }`): the kernel gives exactly 0 where the naive
//   form gives ~5e-18 (at 0.1) or -512 (at 1e9 + 0.1; NaN under a square root).
// - float32 tensors (TF.js cpu backend) at offsets 1e3 and 1e4: `improve`. Naive: x² ≈ 1e6…1e8 is rounded to a
//   float32 ulp of 0.0625…8 before the subtraction, so the variance (~1) is off by ≥ 1e-2 or wholly lost.
//   tf.moments (mean, then mean((x − mean)²)) computes var + (mean − mean̂)² with |mean − mean̂| ≤ a few float32
//   ulps of the mean (≤ 2e-3 at 1e4), i.e. ≤ 4e-6 relative, plus ~n·2⁻²⁴ from the squares and the mean; the default
//   float32 tolerance (1e-5 relative + 1e-5 absolute against the float64 reference of the float32 data) holds.
//   Ordinary float32 data (mean ~0): `same` within that tolerance.

import fc from 'fast-check';
import { D, dec, type Dec } from './reference.js';
import { normalMatrix, normals } from './inputs.js';
import { describeFixEquivalence, tensor, type FixCase, type InputCase, type Tolerance } from '../helpers/fix-harness.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const EXACT: Tolerance = { ulps: 0 };

// ----------------------------------------------------------------------------------------------------------------
// References: exact mean of the doubles, then Σ(x − mean)²/(n − ddof), at 60 digits, rounded once.

function varianceDec(xs: ArrayLike<number>, ddof = 0): Dec {
  const values = Array.from(xs, dec);
  const mean = values.reduce((a, b) => a.plus(b), new D(0)).div(values.length);
  return values.reduce((a, v) => a.plus(v.minus(mean).pow(2)), new D(0)).div(values.length - ddof);
}

const varianceRef = (xs: ArrayLike<number>, ddof = 0): number => varianceDec(xs, ddof).toNumber();
const stdRef = (xs: ArrayLike<number>, ddof = 0): number => varianceDec(xs, ddof).sqrt().toNumber();

/** Variance of a 2-D array over `axis` (all axes when undefined), shaped as TF.js shapes it. */
function tensorVariance(axis?: number, keepDims = false, sqrt = false) {
  const one = (xs: number[]): number => (sqrt ? stdRef(xs) : varianceRef(xs));
  return (x: number[][]): unknown => {
    if (axis === undefined) {
      const v = one(x.flat());
      return keepDims ? [[v]] : v;
    }
    if (axis === 1 || axis === -1) return x.map((row) => (keepDims ? [one(row)] : one(row)));
    const c = x[0].map((_, j) => one(x.map((row) => row[j])));
    return keepDims ? [c] : c;
  };
}

// ----------------------------------------------------------------------------------------------------------------
// Inputs

/**
 * Plain float64 arrays, n = 16, unit spread. The naive values quoted are those of `meanSq - mean * mean` with reduce
 * means (the sum forms differ in detail, not in kind).
 */
const ARRAYS: InputCase[] = [
  { label: 'ordinary: 16 normals', args: [normals(16, 1)], expect: 'same' },
  { label: 'ordinary: 16 normals at offset 10 (mean²/var = 100)', args: [normals(16, 2, 1, 10)], expect: 'same' },
  { label: 'offset 1e4: naive keeps ~8 digits', args: [normals(16, 1, 1, 1e4)], expect: 'improve' },
  { label: 'offset 1e8: naive 4 (or 4.27) for a variance of ~1', args: [normals(16, 4, 1, 1e8)], expect: 'improve' },
  { label: 'offset 1e8: naive 0 for a variance of ~1', args: [normals(16, 1, 1, 1e8)], expect: 'improve' },
  { label: 'offset 1e9: naive -256 (or -273): negative', args: [normals(16, 3, 1, 1e9)], expect: 'improve' },
  { label: 'offset 1e9: naive 384 (or 410) for a variance of ~1', args: [normals(16, 6, 1, 1e9)], expect: 'improve' },
  { label: 'constant 0.1 × 10: naive ~5e-18, fixed exactly 0', args: [new Array(10).fill(0.1)], expect: 'improve', referenceTolerance: EXACT },
  { label: 'constant 1e9 + 0.1 × 7: naive -512, fixed exactly 0', args: [new Array(7).fill(1e9 + 0.1)], expect: 'improve', referenceTolerance: EXACT },
];

/** For the std forms: a naive variance that rounds negative is NaN under the square root. */
const STD_ARRAYS: InputCase[] = ARRAYS.map((input) => ({ ...input, label: input.label.replace(': negative', ': negative → NaN').replace('-512,', '-512 → NaN,') }));

/** float32 tensors (3 × 8, reduced over rows, columns or all). */
const MATRICES: InputCase[] = [
  { label: 'ordinary float32: 3×8 normals', args: [tensor(normalMatrix(3, 8, 21))], expect: 'same' },
  { label: 'ordinary float32: 3×8, sd 3, offset 2', args: [tensor(normalMatrix(3, 8, 22, 3, 2))], expect: 'same' },
  { label: 'float32 at offset 1e3, unit spread', args: [tensor(normalMatrix(3, 8, 23, 1, 1e3))], expect: 'improve' },
  { label: 'float32 at offset 1e4, unit spread', args: [tensor(normalMatrix(3, 8, 24, 1, 1e4))], expect: 'improve' },
  { label: 'float32 at offset 1e4, sd 10', args: [tensor(normalMatrix(3, 8, 25, 10, 1e4))], expect: 'improve' },
  // Constant data: tf.moments gives exactly 0 here (TF.js divides each x by n in float32, sums in float64 and rounds
  // once; for these constants the mean comes out as the constant, so x − mean is exactly 0). The naive form: exactly
  // 0 over rows of 8 (x/8 and x²/8 are exact), -0.0625 over columns of 3 and over all 24 elements (NaN under tf.sqrt).
  { label: 'float32 constant 1000.1: naive -0.0625 over 3 or 24 elements', args: [tensor(new Array(3).fill(new Array(8).fill(1000.1)))], expect: 'auto', referenceTolerance: EXACT },
  { label: 'float32 constant 1e4 + 0.3', args: [tensor(new Array(3).fill(new Array(8).fill(1e4 + 0.3)))], expect: 'auto', referenceTolerance: EXACT },
];

/**
 * fast-check: data = offset + spread·u, u in [-1, 1], spread 1e-3, 1 or 1e3, 2–32 values; offsets {0, ±1e4, 1e8, ±1e9}
 * for arrays, {0, 1e3, ±1e4} for float32 tensors. `auto`: where the naive result is off the reference (every large
 * offset) the fixed one must be on it (8 ulps in float64, 1e-5 in float32).
 */
function offsetData(offsets: readonly number[], maxLength = 32): fc.Arbitrary<number[]> {
  return fc
    .tuple(fc.constantFrom(...offsets), fc.constantFrom(1e-3, 1, 1e3), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength }))
    .map(([offset, spread, us]) => us.map((u) => offset + spread * u));
}

const ARRAY_PROPERTY = { args: offsetData([0, 1e4, -1e4, 1e8, 1e9, -1e9]).map((xs) => [xs] as const), numRuns: 60 };
const MATRIX_PROPERTY = {
  args: offsetData([0, 1e3, 1e4, -1e4], 24).map((xs) => [tensor([xs.slice(0, Math.ceil(xs.length / 2)), xs.slice(xs.length - Math.ceil(xs.length / 2))])] as const),
  numRuns: 25,
};

// ----------------------------------------------------------------------------------------------------------------
// Tensor spellings → tf.moments(x, axis, keepDims).variance

const tensorCases: FixCase[] = [
  {
    name: 'tf.sub(tf.mean(tf.square(x), 1), tf.square(tf.mean(x, 1))) → tf.moments(x, 1).variance',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return tf.sub(tf.mean(tf.square(x), 1), tf.square(tf.mean(x, 1)));\n}\n`,
    expectOutput: ['return tf.moments(x, 1).variance;'],
    rejectOutput: ['tf.square'],
    reference: tensorVariance(1),
    inputs: MATRICES,
    property: MATRIX_PROPERTY,
  },
  {
    name: 'chained: x.square().mean(-1, true).sub(x.mean(-1, true).square()) → tf.moments(x, -1, true).variance',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return x.square().mean(-1, true).sub(x.mean(-1, true).square());\n}\n`,
    expectOutput: ['return tf.moments(x, -1, true).variance;'],
    reference: tensorVariance(-1, true),
    inputs: MATRICES,
  },
  {
    name: 'all axes, x·x and pow: tf.sub(tf.mean(tf.mul(x, x)), tf.pow(tf.mean(x), 2)) → tf.moments(x).variance',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.sub(tf.mean(tf.mul(x, x)), tf.pow(tf.mean(x), 2));\n}\n`,
    expectOutput: ['return tf.moments(x).variance;'],
    reference: tensorVariance(),
    inputs: MATRICES,
  },
  {
    name: 'named imports, axis 0: sub(mean(square(x), 0), square(mean(x, 0))) → moments(x, 0).variance',
    code: `import { mean, square, sub, type Tensor2D } from '@tensorflow/tfjs';\nexport function f(x: Tensor2D) {\n  return sub(mean(square(x), 0), square(mean(x, 0)));\n}\n`,
    expectOutput: ['return moments(x, 0).variance;', /import \{[^}]*\bmoments\b[^}]*\} from '@tensorflow\/tfjs'/],
    reference: tensorVariance(0),
    inputs: MATRICES,
  },
  {
    name: 'std across temporaries: tf.sqrt(tf.sub(m2, tf.mul(m, m))) → tf.sqrt(tf.moments(x, 0).variance)',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  const m = tf.mean(x, 0);\n  const m2 = tf.mean(tf.mul(x, x), 0);\n  return tf.sqrt(tf.sub(m2, tf.mul(m, m)));\n}\n`,
    expectOutput: ['return tf.sqrt(tf.moments(x, 0).variance);'],
    rejectOutput: ['const m'],
    reference: tensorVariance(0, false, true),
    inputs: MATRICES,
  },
  {
    name: 'inside tf.tidy in an arrow function, axis 1 with keepDims',
    code: `${TF}export const f = (x: tf.Tensor2D) => tf.tidy(() => tf.sub(tf.mean(tf.square(x), 1, true), tf.square(tf.mean(x, 1, true))));\n`,
    expectOutput: ['tf.moments(x, 1, true).variance'],
    reference: tensorVariance(1, true),
    inputs: MATRICES,
  },
];

// ----------------------------------------------------------------------------------------------------------------
// Plain arrays → kernel variance(xs) / variance(xs, { ddof: 1 }) / std(…)

const VARIANCE_IMPORT = /import \{ variance \} from 'eslint-plugin-numerics\/kernels';/;
const STD_IMPORT = /import \{ std \} from 'eslint-plugin-numerics\/kernels';/;
const population = (xs: number[]) => varianceRef(xs);
const sample = (xs: ArrayLike<number>) => varianceRef(xs, 1);

const arrayCases: FixCase[] = [
  {
    name: 'the square in a block-bodied reduce callback: const sq = v * v; return a + sq → variance(xs)',
    code: `export function spread(xs: number[]) {\n  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;\n  const meanSq = xs.reduce((a, v) => {\n    const sq = v * v;\n    return a + sq;\n  }, 0) / xs.length;\n  return meanSq - mean * mean;\n}\n`,
    fn: 'spread',
    expectOutput: [VARIANCE_IMPORT, 'return variance(xs);'],
    rejectOutput: ['v * v'],
    reference: population,
    inputs: ARRAYS,
  },
  {
    name: 'reduce means, meanSq − mean * mean (in a function named variance) → numericsVariance(xs)',
    code: `export function variance(xs: number[]) {\n  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;\n  const meanSq = xs.reduce((a, v) => a + v * v, 0) / xs.length;\n  return meanSq - mean * mean;\n}\n`,
    fn: 'variance',
    expectOutput: ["import { variance as numericsVariance } from 'eslint-plugin-numerics/kernels';", 'return numericsVariance(xs);'],
    reference: population,
    inputs: ARRAYS,
  },
  {
    name: 'map squares, Math.pow(mean, 2), n = xs.length kept → variance(xs)',
    code: `export function f(xs: number[]) {\n  const n = xs.length;\n  const mean = xs.reduce((a, b) => a + b, 0) / n;\n  const meanSq = xs.map((v) => v ** 2).reduce((a, b) => a + b, 0) / n;\n  return meanSq - Math.pow(mean, 2);\n}\n`,
    expectOutput: [VARIANCE_IMPORT, 'return variance(xs);'],
    reference: population,
    inputs: ARRAYS,
    property: ARRAY_PROPERTY,
  },
  {
    name: 'one expression with ** 2: Σv²/n − (Σv/n) ** 2 → variance(xs)',
    code: `export const f = (xs: number[]) => xs.reduce((a, v) => a + v * v, 0) / xs.length - (xs.reduce((a, b) => a + b, 0) / xs.length) ** 2;\n`,
    expectOutput: [VARIANCE_IMPORT, 'variance(xs)'],
    reference: population,
    inputs: ARRAYS,
  },
  {
    name: 'std: Math.sqrt(meanSq − mean * mean) → std(xs)',
    code: `export function f(xs: number[]) {\n  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;\n  const meanSq = xs.reduce((a, v) => a + v * v, 0) / xs.length;\n  return Math.sqrt(meanSq - mean * mean);\n}\n`,
    expectOutput: [STD_IMPORT, 'return std(xs);'],
    reference: (xs: number[]) => stdRef(xs),
    inputs: STD_ARRAYS,
  },
  {
    name: 'for…of loop accumulating sum and sumSq, sample std → std(xs, { ddof: 1 })',
    code: `export function f(xs: number[]) {\n  let sum = 0;\n  let sumSq = 0;\n  for (const x of xs) {\n    sum += x;\n    sumSq += x * x;\n  }\n  return Math.sqrt((sumSq - (sum * sum) / xs.length) / (xs.length - 1));\n}\n`,
    expectOutput: [STD_IMPORT, 'return std(xs, { ddof: 1 });'],
    rejectOutput: ['for (', 'sumSq'],
    reference: (xs: number[]) => stdRef(xs, 1),
    inputs: STD_ARRAYS,
    property: ARRAY_PROPERTY,
  },
  {
    name: 'indexed loop over a Float64Array, (s2 − s·s/n)/(n − 1) → variance(xs, { ddof: 1 })',
    code: `export function f(xs: Float64Array) {\n  let s = 0, s2 = 0;\n  for (let i = 0; i < xs.length; i++) {\n    s += xs[i];\n    s2 += xs[i] ** 2;\n  }\n  const n = xs.length;\n  return (s2 - s * s / n) / (n - 1);\n}\n`,
    expectOutput: [VARIANCE_IMPORT, 'return variance(xs, { ddof: 1 });'],
    rejectOutput: ['for ('],
    reference: sample,
    property: { ...ARRAY_PROPERTY, args: ARRAY_PROPERTY.args.map(([xs]) => [Float64Array.from(xs)] as const) },
    inputs: ARRAYS.map((input) => ({ ...input, args: [Float64Array.from(input.args[0] as number[])] })),
  },
  {
    name: 'accumulators used elsewhere: the loop stays, the variance is replaced',
    code: `export function f(xs: number[]) {\n  let sum = 0;\n  let sumSq = 0;\n  for (const x of xs) {\n    sum += x;\n    sumSq += x * x;\n  }\n  return [sum, sumSq / xs.length - (sum / xs.length) ** 2];\n}\n`,
    expectOutput: [VARIANCE_IMPORT, 'return [sum, variance(xs)];', 'for (const x of xs)'],
    // the first element is the running sum, untouched by the fix: its reference is the same left-to-right double sum
    reference: (xs: number[]) => [xs.reduce((a, b) => a + b, 0), varianceRef(xs)],
    inputs: ARRAYS,
  },
  {
    name: 'Σx · mean form: (Σx² − s·m)/(n − 1) → variance(xs, { ddof: 1 })',
    code: `export const f = (xs: number[]) => {\n  const s = xs.reduce((a, b) => a + b, 0);\n  const m = s / xs.length;\n  return (xs.reduce((a, v) => a + v * v, 0) - s * m) / (xs.length - 1);\n};\n`,
    expectOutput: [VARIANCE_IMPORT, 'return variance(xs, { ddof: 1 });'],
    reference: sample,
    inputs: ARRAYS,
  },
  {
    name: 'loop sums with a mean temporary: sumSq / n − mean * mean → variance(xs) (the loop stays, unused)',
    code: `export function f(xs: number[]) {\n  let sum = 0, sumSq = 0;\n  for (const x of xs) {\n    sum += x;\n    sumSq += x * x;\n  }\n  const mean = sum / xs.length;\n  return sumSq / xs.length - mean * mean;\n}\n`,
    expectOutput: [VARIANCE_IMPORT, 'return variance(xs);'],
    rejectOutput: ['const mean'],
    reference: population,
    inputs: ARRAYS,
  },
  {
    name: 'per row inside map: xss.map((xs) => Σv²/n − (Σv/n) ** 2) → xss.map((xs) => variance(xs))',
    code: `export function f(xss: number[][]) {\n  return xss.map((xs) => xs.reduce((a, v) => a + v * v, 0) / xs.length - (xs.reduce((a, b) => a + b, 0) / xs.length) ** 2);\n}\n`,
    expectOutput: ['return xss.map((xs) => variance(xs));'],
    reference: (xss: number[][]) => xss.map((xs) => varianceRef(xs)),
    inputs: [
      { label: 'ordinary rows', args: [[normals(16, 1), normals(8, 2, 1, 10), normals(5, 3, 4)]], expect: 'same' },
      { label: 'rows at 0, 1e4, 1e8, 1e9 and a constant row', args: [[normals(16, 1), normals(16, 1, 1, 1e4), normals(16, 4, 1, 1e8), normals(16, 3, 1, 1e9), new Array(7).fill(1e9 + 0.1)]], expect: 'improve' },
    ],
  },
  {
    // Σx² − n·mean², the other textbook spelling of the one-pass formula, is not recognised (no finding at all).
    name: 'Σx² − n·mean² over (n − 1) → variance(xs, { ddof: 1 })',
    code: `export function f(xs: number[]) {\n  const n = xs.length;\n  const mean = xs.reduce((a, b) => a + b, 0) / n;\n  const sumSq = xs.reduce((a, v) => a + v * v, 0);\n  return (sumSq - n * mean * mean) / (n - 1);\n}\n`,
    expectOutput: [VARIANCE_IMPORT, 'variance(xs, { ddof: 1 })'],
    reference: sample,
    inputs: ARRAYS,
  },
];

const cases = [...tensorCases, ...arrayCases];

describeFixEquivalence('no-naive-variance', cases);
