// Fix equivalence for numerics/no-unguarded-division: its three suggestions, each applied by messageId (the rule
// offers one suggestion per finding, of the kind the denominator calls for; naming it also checks that kind).
//
// What each suggestion promises (rules/no-unguarded-division.ts, docs/rules/no-unguarded-division.md) and what the
// cases below prove by running original and fixed code:
//
// - `safeDivSuggestion` (plain numbers): `n / d` → `safeDiv(n, d)`, "0 where d is 0". safeDiv is one IEEE division
//   whenever d ≠ 0, so where the original is finite — even for a subnormal denominator (only an exact 0 is caught) —
//   the fixed value is bit-identical (`same: { ulps: 0 }`). Where the original is NaN (0/0) or ±Infinity (n/0) the
//   fixed value is exactly 0, the documented fallback. Spellings: an operator inside `map` through a const sum, a
//   range `(v − lo)/(hi − lo)` through const min/max, a count of matches, the kernels `mean`/`std`, `Math.hypot`
//   (two findings fixed in one pass), a length with `checkLength`, and CommonJS (`require` of the kernel).
// - `maximumSuggestion` (a tensor that cannot be negative: norm, sum of squares, Σ|x|, std, range):
//   `tf.div(n, tf.maximum(d, ε))`. Where d ≥ ε the guard is inactive and the fixed value is bit-identical; where
//   d = 0 (zero vector, constant data) the fixed value is n/ε, which is 0 for these numerators (x = 0, x − min = 0,
//   x − mean = 0) instead of NaN; where 0 < d < ε the value is n/ε instead of n/d (documented: the guard changes the
//   value there; `reference` rows). Spellings: `tf.div`, chained `x.div(x.norm())`, a const row norm, `epsilon` as
//   rule option and as `settings.numerics.epsilon`. The suggestion promises a finite value, not a finite gradient:
//   the gradient of x/max(Σx², ε) at 0 is finite (w/ε, proved), while through `tf.norm` it stays NaN at the zero
//   vector — the limitation the rule doc states — which a row below confirms.
// - `doubleWhereSuggestion` (a signed tensor: a sum, through a const): `tf.where(|d| ≥ ε, tf.div(n, tf.where(|d| ≥
//   ε, d, 1)), 0)`. Where |d| ≥ ε: bit-identical value; where |d| < ε (including a sum that cancels to 0): exactly 0.
//   It promises a finite value AND gradient where |d| < ε; the gradient cases run `tf.grad` through the fix and
//   check it is 0 on the degenerate rows (NaN originally) and the analytic derivative elsewhere.
//
// Not a case: a signed tensor sum written inline (`tf.div(x, tf.sum(x, -1, true))`) gets no suggestion at all — the
// double-where form repeats the denominator three times, and the rule does not repeat a call — see the last test.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, std } from '../../src/kernels/index.js';
import { describeFixEquivalence, lint, tensor, type FixCase, type InputCase, type Tolerance } from '../helpers/fix-harness.js';
import { finite } from './inputs.js';
import { divRef, hypotRef } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const KERNEL_IMPORT = /import \{ safeDiv \} from 'eslint-plugin-numerics\/kernels';/;

/** ε as a float32 tensor holds it. */
const EPS32 = Math.fround(1e-7);
/** Where the guard is inactive every rewrite is the original division, bit for bit. */
const EXACT: Tolerance = { ulps: 0 };

/** safeDiv(n, d): 0 where d is 0, else n/d correctly rounded. */
const safeDivRef = (n: number, d: number) => (d === 0 ? 0 : divRef(n, d));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------------------------
// safeDiv (plain numbers)

const NORMALIZE: InputCase[] = [
  { label: 'ordinary: [1, 2, 5]', args: [[1, 2, 5]], expect: 'same' },
  { label: 'signed: [3, -1, 0.5]', args: [[3, -1, 0.5]], expect: 'same' },
  { label: 'subnormal total 4e-320 (only an exact 0 is caught)', args: [[3e-320, 1e-320]], expect: 'same' },
  { label: 'all zero: 0/0 → 0', args: [[0, 0, 0]], expect: 'rescue' },
  { label: 'cancels: [1, -1] → ±Infinity → 0', args: [[1, -1]], expect: 'rescue' },
  { label: 'cancels: [2.5, -2.5, 0]', args: [[2.5, -2.5, 0]], expect: 'rescue' },
  { label: 'empty', args: [[]] },
];

const plain = { same: EXACT, referenceTolerance: EXACT };

const safeDivCases: FixCase[] = [
  {
    name: 'safeDiv: v / total through a const sum, inside map',
    code: `export function f(xs: number[]) {\n  const total = xs.reduce((a, b) => a + b, 0);\n  return xs.map((v) => v / total);\n}\n`,
    mode: 'suggest',
    suggestion: 'safeDivSuggestion',
    expectOutput: [KERNEL_IMPORT, 'xs.map((v) => safeDiv(v, total))'],
    ...plain,
    reference: (xs: number[]) => xs.map((v) => safeDivRef(v, sum(xs))),
    inputs: NORMALIZE,
    property: {
      // no |v| below 1e-300, so no quotient is subnormal (the 60-digit reference is exact only for normal results)
      args: fc
        .array(fc.oneof(fc.constant(0), fc.constant(1), fc.constant(-1), finite(-1e6, 1e6).map((v) => (Math.abs(v) < 1e-300 ? 0 : v))), { maxLength: 6 })
        .map((xs) => [xs] as const),
      numRuns: 80,
    },
  },
  {
    name: 'safeDiv: range (v − lo) / (hi − lo) through const min and max',
    code: `export function f(xs: number[]) {\n  const lo = Math.min(...xs);\n  const hi = Math.max(...xs);\n  return xs.map((v) => (v - lo) / (hi - lo));\n}\n`,
    mode: 'suggest',
    suggestion: 'safeDivSuggestion',
    expectOutput: [KERNEL_IMPORT, 'safeDiv(v - lo, hi - lo)'],
    ...plain,
    reference: (xs: number[]) => xs.map((v) => safeDivRef(v - Math.min(...xs), Math.max(...xs) - Math.min(...xs))),
    inputs: [
      { label: 'ordinary: [1, 3, 2]', args: [[1, 3, 2]], expect: 'same' },
      { label: 'constant [3, 3, 3]: 0/0 → 0', args: [[3, 3, 3]], expect: 'rescue' },
      { label: 'one element: 0/0 → 0', args: [[7]], expect: 'rescue' },
    ],
  },
  {
    name: 'safeDiv: a count of matches (precision with no positive prediction)',
    code: `export const f = (xs: number[]) => xs.filter((v) => v > 0.5).length / xs.filter((v) => v > 0).length;\n`,
    mode: 'suggest',
    suggestion: 'safeDivSuggestion',
    expectOutput: ['safeDiv(xs.filter((v) => v > 0.5).length, xs.filter((v) => v > 0).length)'],
    ...plain,
    reference: (xs: number[]) => safeDivRef(xs.filter((v) => v > 0.5).length, xs.filter((v) => v > 0).length),
    inputs: [
      { label: 'ordinary: 1 of 3', args: [[0.7, 0.2, 0.1]], expect: 'same' },
      { label: 'no match: 0/0 → 0', args: [[-1, -2]], expect: 'rescue' },
      { label: 'empty: 0/0 → 0', args: [[]], expect: 'rescue' },
    ],
  },
  {
    name: 'safeDiv: z-score (v − mean(xs)) / std(xs) with the kernels',
    code: `import { mean, std } from 'eslint-plugin-numerics/kernels';\nexport const f = (xs: number[], v: number) => (v - mean(xs)) / std(xs);\n`,
    mode: 'suggest',
    suggestion: 'safeDivSuggestion',
    expectOutput: ["import { mean, std, safeDiv } from 'eslint-plugin-numerics/kernels';", 'safeDiv(v - mean(xs), std(xs))'],
    ...plain,
    reference: (xs: number[], v: number) => safeDivRef(v - mean(xs), std(xs)),
    inputs: [
      { label: 'ordinary', args: [[1, 2, 4], 3], expect: 'same' },
      { label: 'constant data, v off the mean: Infinity → 0', args: [[5, 5], 6], expect: 'rescue' },
      { label: 'constant data, v on the mean: 0/0 → 0', args: [[5, 5], 5], expect: 'rescue' },
    ],
  },
  {
    name: 'safeDiv: x / Math.hypot(x, y) and y / Math.hypot(x, y) (two findings, one pass)',
    code: `export const f = (x: number, y: number) => [x / Math.hypot(x, y), y / Math.hypot(x, y)];\n`,
    mode: 'suggest',
    suggestion: 'safeDivSuggestion',
    expectOutput: ['[safeDiv(x, Math.hypot(x, y)), safeDiv(y, Math.hypot(x, y))]'],
    ...plain,
    reference: (x: number, y: number) => [safeDivRef(x, hypotRef(x, y)), safeDivRef(y, hypotRef(x, y))],
    inputs: [
      { label: 'ordinary: (3, 4)', args: [3, 4], expect: 'same' },
      { label: 'tiny: (1e-200, -1e-200)', args: [1e-200, -1e-200], expect: 'same' },
      { label: 'subnormal: (5e-324, 0)', args: [5e-324, 0], expect: 'same' },
      { label: 'zero vector: 0/0 → 0', args: [0, 0], expect: 'rescue' },
      { label: 'signed zeros: (-0, 0)', args: [-0, 0], expect: 'rescue' },
    ],
  },
  {
    name: 'safeDiv: a mean over xs.length with checkLength',
    code: `export const f = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;\n`,
    mode: 'suggest',
    suggestion: 'safeDivSuggestion',
    options: [{ checkLength: true }],
    expectOutput: ['safeDiv(xs.reduce((a, b) => a + b, 0), xs.length)'],
    ...plain,
    reference: (xs: number[]) => safeDivRef(sum(xs), xs.length),
    inputs: [
      { label: 'ordinary', args: [[1, 2, 4]], expect: 'same' },
      { label: 'empty: 0/0 → 0', args: [[]], expect: 'rescue' },
    ],
  },
  {
    name: 'safeDiv: plain JS, CommonJS (the kernel is required)',
    filename: 'case.cjs',
    code: `function f(xs) {\n  const total = xs.reduce((a, b) => a + b, 0);\n  return xs.map((v) => v / total);\n}\nmodule.exports = { f };\n`,
    mode: 'suggest',
    suggestion: 'safeDivSuggestion',
    expectOutput: [/require\('eslint-plugin-numerics\/kernels'\)/, 'safeDiv(v, total)'],
    ...plain,
    reference: (xs: number[]) => xs.map((v) => safeDivRef(v, sum(xs))),
    inputs: NORMALIZE,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// tf.maximum(d, ε) (non-negative tensor denominators)

/** n / max(d, ε) elementwise over a vector with a scalar d (the values as float32 holds them). */
const floorDiv = (n: readonly number[], d: number, eps = EPS32) => n.map((v) => v / Math.max(d, eps));
const norm = (xs: readonly number[]) => Math.sqrt(xs.reduce((a, b) => a + b * b, 0));
const tensorExact = { same: EXACT };

const maximumCases: FixCase[] = [
  {
    name: 'maximum: tf.div(x, tf.norm(x))',
    code: `${TF}export const f = (x: tf.Tensor) => tf.div(x, tf.norm(x));\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    expectOutput: ['tf.div(x, tf.maximum(tf.norm(x), 1e-7))'],
    ...tensorExact,
    reference: (x: number[]) => floorDiv(x, norm(x)),
    inputs: [
      { label: 'ordinary: [3, 4]', args: [tensor([3, 4])], expect: 'same' },
      { label: 'ordinary: [-1, 2, 0.5]', args: [tensor([-1, 2, 0.5])], expect: 'same' },
      { label: 'zero vector: NaN → 0', args: [tensor([0, 0])], expect: 'rescue' },
      { label: 'norm underflows in float32: [1e-30, 0] → x/ε', args: [tensor([1e-30, 0])], expect: 'rescue' },
      { label: 'floor active on a finite original: norm 5e-8 < ε → x/ε', args: [tensor([3e-8, 4e-8])], expect: 'reference' },
    ],
  },
  {
    name: 'maximum: chained x.div(x.norm())',
    code: `${TF}export const f = (x: tf.Tensor) => x.div(x.norm());\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    expectOutput: ['tf.div(x, tf.maximum(x.norm(), 1e-7))'],
    ...tensorExact,
    reference: (x: number[]) => floorDiv(x, norm(x)),
    inputs: [
      { label: 'ordinary: [3, 4]', args: [tensor([3, 4])], expect: 'same' },
      { label: 'zero vector: NaN → 0', args: [tensor([0, 0, 0])], expect: 'rescue' },
    ],
  },
  {
    name: 'maximum: row norms through a const, chained division',
    code: `${TF}export function f(x: tf.Tensor) {\n  const n = tf.norm(x, 'euclidean', -1, true);\n  return x.div(n);\n}\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    expectOutput: ['return tf.div(x, tf.maximum(n, 1e-7));'],
    ...tensorExact,
    reference: (x: number[][]) => x.map((row) => floorDiv(row, norm(row))),
    inputs: [
      { label: 'ordinary rows', args: [tensor([[3, 4], [1, -1]])], expect: 'same' },
      { label: 'a zero row: [[3, 4], [0, 0]]', args: [tensor([[3, 4], [0, 0]])], expect: 'rescue' },
    ],
  },
  {
    name: 'maximum: a sum of squares, tf.div(x, tf.sum(tf.square(x)))',
    code: `${TF}export const f = (x: tf.Tensor) => tf.div(x, tf.sum(tf.square(x)));\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    expectOutput: ['tf.div(x, tf.maximum(tf.sum(tf.square(x)), 1e-7))'],
    ...tensorExact,
    reference: (x: number[]) => floorDiv(x, norm(x) ** 2),
    inputs: [
      { label: 'ordinary', args: [tensor([1, 2, 2])], expect: 'same' },
      { label: 'zero vector: NaN → 0', args: [tensor([0, 0])], expect: 'rescue' },
    ],
  },
  {
    name: 'maximum: an L1 norm, tf.div(x, tf.sum(tf.abs(x)))',
    code: `${TF}export const f = (x: tf.Tensor) => tf.div(x, tf.sum(tf.abs(x)));\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    expectOutput: ['tf.div(x, tf.maximum(tf.sum(tf.abs(x)), 1e-7))'],
    ...tensorExact,
    reference: (x: number[]) => floorDiv(x, x.reduce((a, b) => a + Math.abs(b), 0)),
    inputs: [
      { label: 'ordinary', args: [tensor([1, -2, 1])], expect: 'same' },
      { label: 'zero vector: NaN → 0', args: [tensor([0, 0])], expect: 'rescue' },
    ],
  },
  {
    name: 'maximum: a range, (x − min) / (max − min)',
    code: `${TF}export const f = (x: tf.Tensor) => tf.div(tf.sub(x, tf.min(x)), tf.sub(tf.max(x), tf.min(x)));\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    expectOutput: ['tf.div(tf.sub(x, tf.min(x)), tf.maximum(tf.sub(tf.max(x), tf.min(x)), 1e-7))'],
    ...tensorExact,
    reference: (x: number[]) => floorDiv(x.map((v) => v - Math.min(...x)), Math.max(...x) - Math.min(...x)),
    inputs: [
      { label: 'ordinary', args: [tensor([1, 3, 2, 5])], expect: 'same' },
      { label: 'constant: 0/0 → 0', args: [tensor([3, 3, 3])], expect: 'rescue' },
    ],
  },
  {
    name: 'maximum: a standard deviation, (x − mean) / sqrt(variance) from tf.moments',
    code: `${TF}export const f = (x: tf.Tensor) => tf.div(tf.sub(x, tf.moments(x).mean), tf.sqrt(tf.moments(x).variance));\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    expectOutput: ['tf.maximum(tf.sqrt(tf.moments(x).variance), 1e-7)'],
    ...tensorExact,
    reference: (x: number[]) => {
      const m = mean(x);
      return floorDiv(
        x.map((v) => v - m),
        Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / x.length),
      );
    },
    inputs: [
      { label: 'ordinary', args: [tensor([1, 2, 4, 5])], expect: 'same' },
      { label: 'constant: 0/0 → 0', args: [tensor([2, 2, 2, 2])], expect: 'rescue' },
    ],
  },
  {
    name: 'maximum: option epsilon 1e-6, chained x.div(x.square().sum().sqrt())',
    code: `${TF}export const f = (x: tf.Tensor) => x.div(x.square().sum().sqrt());\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    options: [{ epsilon: 1e-6 }],
    expectOutput: ['tf.div(x, tf.maximum(x.square().sum().sqrt(), 1e-6))'],
    ...tensorExact,
    reference: (x: number[]) => floorDiv(x, norm(x), Math.fround(1e-6)),
    inputs: [
      { label: 'ordinary: [3, 4]', args: [tensor([3, 4])], expect: 'same' },
      { label: 'zero vector: NaN → 0', args: [tensor([0, 0])], expect: 'rescue' },
      { label: 'floor active: norm 5e-7 < 1e-6 → x/1e-6', args: [tensor([3e-7, 4e-7])], expect: 'reference' },
    ],
  },
  {
    name: 'maximum: settings.numerics.epsilon 1e-5',
    code: `${TF}export const f = (x: tf.Tensor) => tf.div(x, tf.norm(x));\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    settings: { epsilon: 1e-5 },
    expectOutput: ['tf.div(x, tf.maximum(tf.norm(x), 1e-5))'],
    ...tensorExact,
    reference: (x: number[]) => floorDiv(x, norm(x), Math.fround(1e-5)),
    inputs: [
      { label: 'ordinary', args: [tensor([3, 4])], expect: 'same' },
      { label: 'floor active: norm 5e-6 < 1e-5', args: [tensor([3e-6, 4e-6])], expect: 'reference' },
    ],
  },
  {
    name: 'maximum, gradient: d/dx Σ w·x/max(Σx², ε) is finite at the zero vector (w/ε)',
    code: `${TF}function scaled(v: tf.Tensor) {\n  return tf.div(v, tf.sum(tf.square(v)));\n}\nexport function f(x: tf.Tensor, w: tf.Tensor) {\n  return tf.grad((v) => tf.sum(tf.mul(scaled(v), w)))(x);\n}\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    expectOutput: ['tf.div(v, tf.maximum(tf.sum(tf.square(v)), 1e-7))'],
    reference: (x: number[], w: number[]) => {
      const q = norm(x) ** 2;
      if (q < EPS32) return w.map((wi) => wi / EPS32); // max(q, ε) passes no gradient to q below ε
      const wx = x.reduce((a, xi, i) => a + w[i] * xi, 0);
      return x.map((xi, j) => w[j] / q - (2 * xi * wx) / (q * q));
    },
    inputs: [
      { label: 'ordinary', args: [tensor([1, 2]), tensor([1, -3])] },
      { label: 'zero vector: gradient NaN → w/ε', args: [tensor([0, 0]), tensor([1, -3])], expect: 'rescue' },
    ],
  },
  {
    name: 'maximum, gradient through tf.norm: still NaN at the zero vector (the limitation the rule doc states)',
    code: `${TF}function unit(v: tf.Tensor) {\n  return tf.div(v, tf.norm(v));\n}\nexport function f(x: tf.Tensor, w: tf.Tensor) {\n  return tf.grad((v) => tf.sum(tf.mul(unit(v), w)))(x);\n}\n`,
    mode: 'suggest',
    suggestion: 'maximumSuggestion',
    expectOutput: ['tf.div(v, tf.maximum(tf.norm(v), 1e-7))'],
    // the reference says NaN at the zero vector: the fixed gradient must be NaN there too (tf.norm's own gradient)
    reference: (x: number[], w: number[]) => {
      const r = norm(x);
      if (r === 0) return x.map(() => NaN);
      const wx = x.reduce((a, xi, i) => a + w[i] * xi, 0);
      return x.map((xi, j) => w[j] / r - (xi * wx) / r ** 3);
    },
    inputs: [
      { label: 'ordinary', args: [tensor([3, 4]), tensor([1, 2])] },
      { label: 'zero vector: NaN before and after', args: [tensor([0, 0]), tensor([1, 2])] },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// double where (signed tensor denominators)

/** The double-where value: n/d where |d| ≥ ε, else 0; rows of x over their sums (keepDims). */
const guardedRowDiv = (x: number[][], numerator: (row: number[]) => number[] = (row) => row) =>
  x.map((row) => {
    const s = sum(row);
    return Math.abs(s) >= EPS32 ? numerator(row).map((v) => v / s) : numerator(row).map(() => 0);
  });

const ROWS: InputCase[] = [
  { label: 'ordinary rows', args: [tensor([[1, 2], [3, -1]])], expect: 'same' },
  { label: 'a row that cancels: [1, -1] → ±Infinity → 0 (the doc example)', args: [tensor([[1, -1], [1, 3]])], expect: 'rescue' },
  { label: 'an all-zero row: 0/0 → 0', args: [tensor([[0, 0], [2, 2]])], expect: 'rescue' },
  { label: 'guard active on a finite original: |sum| = 2e-8 < ε → 0', args: [tensor([[1e-8, 1e-8], [1, 1]])], expect: 'reference' },
];

const doubleWhereCases: FixCase[] = [
  {
    name: 'double where: row sums through a const, tf.div(x, s)',
    code: `${TF}export function f(x: tf.Tensor) {\n  const s = tf.sum(x, -1, true);\n  return tf.div(x, s);\n}\n`,
    mode: 'suggest',
    suggestion: 'doubleWhereSuggestion',
    expectOutput: ['return tf.where(tf.greaterEqual(tf.abs(s), 1e-7), tf.div(x, tf.where(tf.greaterEqual(tf.abs(s), 1e-7), s, tf.onesLike(s))), tf.zerosLike(x));'],
    ...tensorExact,
    reference: (x: number[][]) => guardedRowDiv(x),
    inputs: ROWS,
  },
  {
    name: 'double where: chained x.div(s) with a chained sum',
    code: `${TF}export function f(x: tf.Tensor) {\n  const s = x.sum(-1, true);\n  return x.div(s);\n}\n`,
    mode: 'suggest',
    suggestion: 'doubleWhereSuggestion',
    expectOutput: ['tf.div(x, tf.where(tf.greaterEqual(tf.abs(s), 1e-7), s, tf.onesLike(s)))'],
    ...tensorExact,
    reference: (x: number[][]) => guardedRowDiv(x),
    inputs: ROWS,
  },
  {
    name: 'double where: a scalar numerator, tf.div(1, s) (where broadcasts zerosLike(1))',
    code: `${TF}export function f(x: tf.Tensor) {\n  const s = tf.sum(x, -1, true);\n  return tf.div(1, s);\n}\n`,
    mode: 'suggest',
    suggestion: 'doubleWhereSuggestion',
    expectOutput: ['tf.zerosLike(1)'],
    ...tensorExact,
    reference: (x: number[][]) => guardedRowDiv(x, () => [1]),
    inputs: ROWS,
  },
  {
    name: 'double where: a total sum, tf.div(x, s) with s = tf.sum(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  const s = tf.sum(x);\n  return tf.div(x, s);\n}\n`,
    mode: 'suggest',
    suggestion: 'doubleWhereSuggestion',
    ...tensorExact,
    reference: (x: number[]) => guardedRowDiv([x])[0],
    inputs: [
      { label: 'ordinary', args: [tensor([1, 2, -4])], expect: 'same' },
      { label: 'cancels: [2, -1, -1] → 0', args: [tensor([2, -1, -1])], expect: 'rescue' },
    ],
  },
  {
    name: 'double where: plain JS module (the doc form)',
    filename: 'case.js',
    code: `${TF}export function f(x) {\n  const s = tf.sum(x, -1, true);\n  return tf.div(x, s);\n}\n`,
    mode: 'suggest',
    suggestion: 'doubleWhereSuggestion',
    expectOutput: ['tf.where(tf.greaterEqual(tf.abs(s), 1e-7)'],
    ...tensorExact,
    reference: (x: number[][]) => guardedRowDiv(x),
    inputs: ROWS,
  },
  {
    name: 'double where, gradient: finite (0) on a row that cancels, the analytic derivative elsewhere',
    code: `${TF}function normalize(v: tf.Tensor) {\n  const s = tf.sum(v, -1, true);\n  return tf.div(v, s);\n}\nexport function f(x: tf.Tensor, w: tf.Tensor) {\n  return tf.grad((v) => tf.sum(tf.mul(normalize(v), w)))(x);\n}\n`,
    mode: 'suggest',
    suggestion: 'doubleWhereSuggestion',
    expectOutput: ['tf.div(v, tf.where(tf.greaterEqual(tf.abs(s), 1e-7), s, tf.onesLike(s)))'],
    // d/dx_j Σ_i w_i x_i / s = w_j / s − (w·x) / s², and 0 on a masked row
    reference: (x: number[][], w: number[][]) =>
      x.map((row, r) => {
        const s = sum(row);
        if (Math.abs(s) < EPS32) return row.map(() => 0);
        const wx = row.reduce((a, xi, i) => a + w[r][i] * xi, 0);
        return row.map((_, j) => w[r][j] / s - wx / (s * s));
      }),
    inputs: [
      { label: 'ordinary rows', args: [tensor([[1, 2], [1, 3]]), tensor([[1, 2], [1, 2]])], expect: 'same' },
      { label: 'the doc example: row [1, -1] → gradient NaN → [0, 0]', args: [tensor([[1, -1], [1, 3]]), tensor([[1, 2], [1, 2]])], expect: 'rescue' },
      { label: 'an all-zero row', args: [tensor([[0, 0], [1, 3]]), tensor([[1, 2], [1, 2]])], expect: 'rescue' },
    ],
  },
];

describeFixEquivalence('no-unguarded-division', [...safeDivCases, ...maximumCases, ...doubleWhereCases]);

describe('no-unguarded-division: findings without a suggestion', () => {
  it('an inline signed tensor sum is reported without a suggestion (the double where would repeat the call)', () => {
    const code = `${TF}export const f = (x: tf.Tensor) => tf.div(x, tf.sum(x, -1, true));\n`;
    const messages = lint(code, { rules: ['no-unguarded-division'] });
    expect(messages.map((m) => m.messageId)).toEqual(['unguardedDivision']);
    expect(messages[0].suggestions ?? []).toEqual([]);
  });
});
