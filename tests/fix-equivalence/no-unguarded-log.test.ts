// Fix equivalence for numerics/no-unguarded-log: the floor suggestion (numbers and tensors, functional and chained),
// the xlogy autofix of entropy/KL terms, and the xlogy suggestion it falls back to when a comment would be lost.
//
// What each fix promises (rules/no-unguarded-log.ts, docs/rules/no-unguarded-log.md) and what the cases prove by
// running original and fixed code:
//
// - `floorSuggestion`, plain numbers: `Math.log(x)` → `Math.log(Math.max(x, ε))` for x a count of matches, a sum, a
//   norm (`Math.hypot`) or a ratio of a count, inline or through a const. Where x ≥ ε, Math.max returns x itself:
//   the value is bit-identical (`same: { ulps: 0 }`). Where the original is -Infinity (x = 0: no match, empty or
//   all-zero data, the zero vector) or NaN (a sum that is negative) the fixed value is log ε — −16.118095650958320
//   for the default 1e-7 — checked against a correctly rounded ln ε to 1 ulp. Where 0 < x < ε the floor changes a
//   finite value to log ε (documented: `reference` rows). ε from the `epsilon` option and from
//   `settings.numerics.epsilon` lands in the code and in the value.
// - `floorSuggestion`, tensors: `tf.log(x)` → `tf.log(tf.maximum(x, ε))`, chained `x.log()` → `x.maximum(ε).log()`,
//   named imports → `log(maximum(x, ε))`. Bit-identical where x ≥ ε; log(float32 ε) = −16.118095 (float32) where the
//   sum is 0 or negative. The gradient (not promised by the message, proved anyway): 1/x where x ≥ ε, 0 where the
//   floor is active — finite where the original's 1/0 is Infinity.
// - xlogy autofix (`entropyTerm`): `p * Math.log(p)` → `xlogy(p, p)`, `p * Math.log(p / q)` → `xlogy(p, p / q)`
//   ("the same value wherever the original is finite, and 0 instead of NaN at p = 0"). xlogy computes the same
//   `x * Math.log(y)` for x ≠ 0, so finite values are bit-identical; at p = 0 the term is 0 and an entropy or KL sum
//   matches the 60-digit reference with the 0·log 0 = 0 convention.
// - `xlogySuggestion`: the same rewrite offered as a suggestion when a comment inside the term would be lost.
//
// Bugs these tables found, fixed and kept as cases (the last block):
// - the xlogy fix of a KL term was NaN at p = q = 0 (`xlogy(0, 0 / 0)` was NaN): xlogy now returns 0 whenever x is
//   0, the convention 0·log(0/0) = 0 the rule cites (TensorFlow's and JAX's xlogy);
// - the chained floor on a type assertion did not parse: `(tf.sum(x) as tf.Tensor).log()` became
//   `tf.sum(x) as tf.Tensor.maximum(1e-7).log()` (the receiver lost its parentheses).
// Not a bug, documented: the floor of a log of a ratio stays NaN when the ratio is 0/0 (empty data), since
// `Math.max(NaN, ε)` is NaN; the floor handles zeros, as the kernel safeLog does, and the doc says so.

import { describeFixEquivalence, tensor, type FixCase, type InputCase, type Tolerance } from '../helpers/fix-harness.js';
import { D, dec, lnRef } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const EXACT: Tolerance = { ulps: 0 };
/** Math.log is within 1 ulp of ln, not always correctly rounded. */
const LOG_REFERENCE: Tolerance = { ulps: 1 };

/** log(max(x, ε)) for plain numbers, correctly rounded. */
const floorRef = (x: number, eps = 1e-7) => lnRef(Math.max(x, eps));
/** log(max(x, ε)) as a float32 tensor computes it: ε and x as float32. */
const floorRef32 = (x: number, eps = 1e-7) => Math.log(Math.max(x, Math.fround(eps)));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------------------------
// Math.log(Math.max(x, ε))

const SUMS: InputCase[] = [
  { label: 'ordinary: [2, 3]', args: [[2, 3]], expect: 'same' },
  { label: 'ordinary: [0.25, 0.5]', args: [[0.25, 0.5]], expect: 'same' },
  { label: 'at the floor: [1e-7]', args: [[1e-7]], expect: 'same' },
  { label: 'all zero: -Infinity → log ε', args: [[0, 0]], expect: 'rescue' },
  { label: 'empty: -Infinity → log ε', args: [[]], expect: 'rescue' },
  { label: 'negative sum: NaN → log ε', args: [[1, -3]], expect: 'rescue' },
  { label: 'floor active on a finite original: 1e-9 → log ε', args: [[1e-9]], expect: 'reference' },
];

const plain = { same: EXACT, referenceTolerance: LOG_REFERENCE };

const floorNumberCases: FixCase[] = [
  {
    name: 'floor: Math.log of a count of matches (inline)',
    code: `export const f = (xs: number[]) => Math.log(xs.filter((v) => v > 0).length);\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['Math.log(Math.max(xs.filter((v) => v > 0).length, 1e-7))'],
    ...plain,
    reference: (xs: number[]) => floorRef(xs.filter((v) => v > 0).length),
    inputs: [
      { label: 'ordinary: 2 matches', args: [[1, 2, -3]], expect: 'same' },
      { label: 'no match: -Infinity → log ε', args: [[-1, -2]], expect: 'rescue' },
      { label: 'empty: -Infinity → log ε', args: [[]], expect: 'rescue' },
    ],
  },
  {
    name: 'floor: Math.log of a count through a const',
    code: `export function f(xs: number[]) {\n  const n = xs.filter((v) => v > 0).length;\n  return Math.log(n);\n}\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['return Math.log(Math.max(n, 1e-7));'],
    ...plain,
    reference: (xs: number[]) => floorRef(xs.filter((v) => v > 0).length),
    inputs: [
      { label: 'ordinary: 3 matches', args: [[1, 2, 3]], expect: 'same' },
      { label: 'no match: -Infinity → log ε', args: [[0]], expect: 'rescue' },
    ],
  },
  {
    name: 'floor: Math.log of a sum through a const',
    code: `export function f(xs: number[]) {\n  const s = xs.reduce((a, b) => a + b, 0);\n  return Math.log(s);\n}\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['return Math.log(Math.max(s, 1e-7));'],
    ...plain,
    reference: (xs: number[]) => floorRef(sum(xs)),
    inputs: SUMS,
  },
  {
    name: 'floor: Math.log of a ratio of a count (log document frequency)',
    code: `export const f = (docs: string[][], term: string) => Math.log(docs.filter((d) => d.includes(term)).length / docs.length);\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['Math.log(Math.max(docs.filter((d) => d.includes(term)).length / docs.length, 1e-7))'],
    ...plain,
    reference: (docs: string[][], term: string) => floorRef(docs.filter((d) => d.includes(term)).length / docs.length),
    inputs: [
      { label: 'ordinary: in 1 of 2 documents', args: [[['a'], ['b']], 'a'], expect: 'same' },
      { label: 'in no document: -Infinity → log ε (the doc table)', args: [[['a'], ['b']], 'c'], expect: 'rescue' },
      // Documented, not rescued: on no documents the ratio is 0/0 = NaN and Math.max(NaN, ε) is NaN (floors handle
      // zeros; NaN in, NaN out, as safeLog). The reference is NaN too, and the fixed result must be exactly that.
      { label: 'no documents: 0/0 stays NaN', args: [[], 'a'] },
    ],
  },
  {
    name: 'floor: Math.log(Math.hypot(x, y))',
    code: `export const f = (x: number, y: number) => Math.log(Math.hypot(x, y));\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['Math.log(Math.max(Math.hypot(x, y), 1e-7))'],
    ...plain,
    reference: (x: number, y: number) => floorRef(Math.hypot(x, y)),
    inputs: [
      { label: 'ordinary: (3, 4)', args: [3, 4], expect: 'same' },
      { label: 'zero vector: -Infinity → log ε', args: [0, 0], expect: 'rescue' },
    ],
  },
  {
    name: 'floor: option epsilon 1e-12',
    code: `export function f(xs: number[]) {\n  const s = xs.reduce((a, b) => a + b, 0);\n  return Math.log(s);\n}\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    options: [{ epsilon: 1e-12 }],
    expectOutput: ['Math.log(Math.max(s, 1e-12))'],
    ...plain,
    reference: (xs: number[]) => floorRef(sum(xs), 1e-12),
    inputs: [
      { label: 'ordinary', args: [[2, 3]], expect: 'same' },
      { label: 'below the default floor, above this one: 1e-9', args: [[1e-9]], expect: 'same' },
      { label: 'all zero: -Infinity → log 1e-12', args: [[0]], expect: 'rescue' },
    ],
  },
  {
    name: 'floor: settings.numerics.epsilon 1e-3',
    code: `export const f = (xs: number[]) => Math.log(xs.filter((v) => v > 0).length / xs.length);\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    settings: { epsilon: 1e-3 },
    expectOutput: ['Math.log(Math.max(xs.filter((v) => v > 0).length / xs.length, 1e-3))'],
    ...plain,
    reference: (xs: number[]) => floorRef(xs.filter((v) => v > 0).length / xs.length, 1e-3),
    inputs: [
      { label: 'ordinary', args: [[1, -1, 2]], expect: 'same' },
      { label: 'no match: -Infinity → log 1e-3', args: [[-1, -2]], expect: 'rescue' },
    ],
  },
  {
    name: 'floor: plain JS, CommonJS',
    filename: 'case.cjs',
    code: `function f(xs) {\n  const s = xs.reduce((a, b) => a + b, 0);\n  return Math.log(s);\n}\nmodule.exports = { f };\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['return Math.log(Math.max(s, 1e-7));'],
    ...plain,
    reference: (xs: number[]) => floorRef(sum(xs)),
    inputs: SUMS,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// tf.log(tf.maximum(x, ε)), x.maximum(ε).log()

const ROW_SUMS: InputCase[] = [
  { label: 'ordinary rows', args: [tensor([[1, 2], [3, 4]])], expect: 'same' },
  { label: 'a zero-sum row and a negative-sum row: -Infinity, NaN → log ε', args: [tensor([[1, 2], [0, 0], [1, -3]])], expect: 'rescue' },
  { label: 'floor active on a finite original: sum 2e-9 → log ε', args: [tensor([[1e-9, 1e-9], [1, 1]])], expect: 'reference' },
];
const rowFloor = (x: number[][]) => x.map((row) => floorRef32(sum(row)));
const tensorExact = { same: EXACT };

const floorTensorCases: FixCase[] = [
  {
    name: 'floor: tf.log(tf.sum(x, -1))',
    code: `${TF}export const f = (x: tf.Tensor) => tf.log(tf.sum(x, -1));\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['tf.log(tf.maximum(tf.sum(x, -1), 1e-7))'],
    ...tensorExact,
    reference: rowFloor,
    inputs: ROW_SUMS,
  },
  {
    name: 'floor: tf.log(s) through a const',
    code: `${TF}export function f(x: tf.Tensor) {\n  const s = tf.sum(x, -1);\n  return tf.log(s);\n}\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['return tf.log(tf.maximum(s, 1e-7));'],
    ...tensorExact,
    reference: rowFloor,
    inputs: ROW_SUMS,
  },
  {
    name: 'floor, chained: tf.sum(x, -1).log() → tf.sum(x, -1).maximum(1e-7).log()',
    code: `${TF}export const f = (x: tf.Tensor) => tf.sum(x, -1).log();\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['tf.sum(x, -1).maximum(1e-7).log()'],
    ...tensorExact,
    reference: rowFloor,
    inputs: ROW_SUMS,
  },
  {
    name: 'floor, chained through a const: s.log() → s.maximum(1e-7).log()',
    code: `${TF}export function f(x: tf.Tensor) {\n  const s = x.sum(-1);\n  return s.log();\n}\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['return s.maximum(1e-7).log();'],
    ...tensorExact,
    reference: rowFloor,
    inputs: ROW_SUMS,
  },
  {
    name: 'floor: tf.log(tf.norm(x))',
    code: `${TF}export const f = (x: tf.Tensor) => tf.log(tf.norm(x));\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['tf.log(tf.maximum(tf.norm(x), 1e-7))'],
    ...tensorExact,
    reference: (x: number[]) => floorRef32(Math.hypot(...x)),
    inputs: [
      { label: 'ordinary: [3, 4]', args: [tensor([3, 4])], expect: 'same' },
      { label: 'zero vector: -Infinity → log ε', args: [tensor([0, 0])], expect: 'rescue' },
    ],
  },
  {
    name: 'floor: named imports, log(sum(x)) → log(maximum(sum(x), 1e-7))',
    code: `import { log, sum, type Tensor } from '@tensorflow/tfjs';\nexport const f = (x: Tensor) => log(sum(x, -1));\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: [/import \{[^}]*\bmaximum\b[^}]*\} from '@tensorflow\/tfjs'/, 'log(maximum(sum(x, -1), 1e-7))'],
    ...tensorExact,
    reference: rowFloor,
    inputs: ROW_SUMS,
  },
  {
    name: 'floor, gradient: d/dx Σ log(max(Σx, ε)) is 1/Σx, and 0 (not Infinity) where the sum is 0',
    code: `${TF}function logTotal(v: tf.Tensor) {\n  return tf.log(tf.sum(v, -1));\n}\nexport function f(x: tf.Tensor) {\n  return tf.grad((v) => tf.sum(logTotal(v)))(x);\n}\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    expectOutput: ['tf.log(tf.maximum(tf.sum(v, -1), 1e-7))'],
    reference: (x: number[][]) => x.map((row) => row.map(() => (sum(row) >= Math.fround(1e-7) ? 1 / sum(row) : 0))),
    inputs: [
      { label: 'ordinary rows', args: [tensor([[1, 2], [3, 4]])], expect: 'same' },
      { label: 'a zero-sum row: Infinity → 0', args: [tensor([[1, 2], [0, 0]])], expect: 'rescue' },
      // log of a negative sum is NaN, but its derivative 1/s is finite: the floor makes it 0 (documented floor)
      { label: 'a negative-sum row: gradient 1/s → 0 under the floor', args: [tensor([[1, 2], [1, -3]])], expect: 'reference' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// xlogy (entropy and KL terms)

/** x·ln y with 0·ln y = 0, as a decimal (y > 0 when x ≠ 0). */
function xlnyDec(x: number, y: InstanceType<typeof D>) {
  return x === 0 ? new D(0) : dec(x).times(D.ln(y));
}
/** −Σ p ln p, correctly rounded. */
const entropyRef = (ps: number[]) => ps.reduce((a, p) => a.plus(xlnyDec(p, dec(p))), new D(0)).neg().toNumber();
/** Σ p ln(p/q), correctly rounded (0 where p = 0; +Infinity where p > 0 = q). */
const klRef = (ps: number[], qs: number[]) =>
  ps.some((p, i) => p > 0 && qs[i] === 0) ? Infinity : ps.reduce((a, p, i) => a.plus(xlnyDec(p, p === 0 ? new D(1) : dec(p).div(dec(qs[i])))), new D(0)).toNumber();

const xlogyCases: FixCase[] = [
  {
    name: 'xlogy autofix: entropy −Σ p·Math.log(p)',
    code: `export const f = (ps: number[]) => -ps.reduce((a, p) => a + p * Math.log(p), 0);\n`,
    expectOutput: ["import { xlogy } from 'eslint-plugin-numerics/kernels';", 'a + xlogy(p, p)'],
    same: EXACT,
    reference: entropyRef,
    inputs: [
      { label: 'ordinary: [0.5, 0.25, 0.25]', args: [[0.5, 0.25, 0.25]], expect: 'same' },
      { label: 'ordinary: [0.1, 0.2, 0.7]', args: [[0.1, 0.2, 0.7]], expect: 'same' },
      { label: 'a zero probability: NaN → ln 2 (the doc table)', args: [[0.5, 0.5, 0]], expect: 'rescue' },
      { label: 'all mass on one outcome: [1, 0] → 0', args: [[1, 0]], expect: 'rescue' },
    ],
  },
  {
    name: 'xlogy autofix: KL term p·Math.log(p / q)',
    code: `export const f = (p: number, q: number) => p * Math.log(p / q);\n`,
    expectOutput: ['xlogy(p, p / q)'],
    same: EXACT,
    reference: (p: number, q: number) => klRef([p], [q]),
    inputs: [
      { label: 'ordinary: (0.3, 0.6)', args: [0.3, 0.6], expect: 'same' },
      { label: 'ordinary: (0.6, 0.3)', args: [0.6, 0.3], expect: 'same' },
      { label: 'p = 0: 0·(-Infinity) = NaN → 0', args: [0, 0.5], expect: 'rescue' },
      { label: 'q = 0 < p: +Infinity stays (the divergence is infinite)', args: [0.3, 0] },
    ],
  },
  {
    name: 'xlogy autofix: KL sum with the log first, Math.log(p / qs[i]) * p',
    code: `export const f = (ps: number[], qs: number[]) => ps.reduce((a, p, i) => a + Math.log(p / qs[i]) * p, 0);\n`,
    expectOutput: ['a + xlogy(p, p / qs[i])'],
    same: EXACT,
    reference: klRef,
    inputs: [
      { label: 'ordinary', args: [[0.5, 0.3, 0.2], [0.25, 0.25, 0.5]], expect: 'same' },
      { label: 'a zero in p: NaN → finite', args: [[0.5, 0.5, 0], [0.25, 0.25, 0.5]], expect: 'rescue' },
    ],
  },
  {
    name: 'xlogySuggestion: a comment inside the term makes the rewrite a suggestion',
    code: `export const f = (p: number) => p * /* natural log */ Math.log(p);\n`,
    mode: 'suggest',
    suggestion: 'xlogySuggestion',
    expectOutput: ['xlogy(p, p)'],
    same: EXACT,
    reference: (p: number) => (p === 0 ? 0 : dec(p).times(D.ln(dec(p))).toNumber()),
    inputs: [
      { label: 'ordinary: 0.5', args: [0.5], expect: 'same' },
      { label: 'ordinary: 3', args: [3], expect: 'same' },
      { label: 'p = 0: NaN → 0', args: [0], expect: 'rescue' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Found by these tables, fixed: the KL term at p = q = 0, the chained floor on a type assertion

const foundBugs: FixCase[] = [
  {
    // Was a bug: xlogy(0, NaN) was NaN (scipy's convention), so xlogy(p, p / q) stayed NaN at p = q = 0. The kernel
    // now follows TensorFlow/JAX (0 whenever x = 0), the convention 0·log(0/0) = 0 the rule cites.
    name: 'xlogy autofix: KL term at p = q = 0',
    code: `export const f = (p: number, q: number) => p * Math.log(p / q);\n`,
    expectOutput: ['xlogy(p, p / q)'],
    reference: () => 0,
    inputs: [{ label: 'p = q = 0: 0·log(0/0) = 0 by convention', args: [0, 0], expect: 'rescue' }],
  },
  {
    // Was a bug: the receiver was printed with argumentText, not receiverText, so `(tf.sum(x, -1) as tf.Tensor).log()`
    // became `tf.sum(x, -1) as tf.Tensor.maximum(1e-7).log()`, which does not parse.
    name: 'floor, chained on a type assertion: (tf.sum(x, -1) as tf.Tensor).log()',
    code: `${TF}export const f = (x: tf.Tensor) => (tf.sum(x, -1) as tf.Tensor).log();\n`,
    mode: 'suggest',
    suggestion: 'floorSuggestion',
    reference: rowFloor,
    inputs: ROW_SUMS,
  },
];

describeFixEquivalence('no-unguarded-log', [...floorNumberCases, ...floorTensorCases, ...xlogyCases, ...foundBugs]);
