// Fix equivalence for numerics/prefer-log1p: log(1 + x) → log1p(x), log(1 − x) → log1p(−x).
//
// Near 0 the naive form loses digits (all of them below ~1e-16 in float64, ~1e-8 in float32): there the fixed form
// must match the 60-digit reference to 2 ulps and the original must not (`improve`: the fix is an improvement).
// On ordinary inputs both must agree within 4 ulps (`same`): log(1 + x) then carries the rounding of 1 + x,
// amplified by 1/|log(1 + x)| ≤ 2.5 for the inputs used (|log(1 + x)| ≥ 0.4), plus the rounding of the log.

import fc from 'fast-check';
import { describeFixEquivalence, tensor, type FixCase, type InputCase, type Tolerance } from '../helpers/fix-harness.js';
import { finite } from './inputs.js';
import { log1pRef } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

const SAME: Tolerance = { ulps: 4 };
const REFERENCE: Tolerance = { ulps: 2 };

/** Scalar x for log(1 + x). */
const PLUS: InputCase[] = [
  { label: 'near 0: 1e-10 (naive keeps ~6 digits)', args: [1e-10], expect: 'improve' },
  { label: 'near 0: 1e-17 (naive gives 0)', args: [1e-17], expect: 'improve' },
  { label: 'near 0: -3e-12', args: [-3e-12], expect: 'improve' },
  { label: 'near 0: 2.5e-9', args: [2.5e-9], expect: 'improve' },
  { label: 'ordinary: 0.5', args: [0.5], expect: 'same' },
  { label: 'ordinary: 3', args: [3], expect: 'same' },
  { label: 'ordinary: 1e6', args: [1e6], expect: 'same' },
  { label: 'ordinary: -0.5', args: [-0.5], expect: 'same' },
];

/** Scalar x for log(1 − x): the same magnitudes, mirrored. */
const MINUS: InputCase[] = PLUS.map((input) => ({ ...input, args: [-(input.args[0] as number)] }));

/** Float32 tensors for tf.log(tf.add(x, 1)): 1 + x rounds away every digit of x below ~6e-8. */
const TENSOR_PLUS: InputCase[] = [
  { label: 'near 0: [1e-10, 1e-17] (naive gives 0)', args: [tensor([1e-10, 1e-17])], expect: 'improve' },
  { label: 'near 0: [1e-5, -3e-6]', args: [tensor([1e-5, -3e-6])], expect: 'improve' },
  { label: 'ordinary: [0.5, 3, 100, -0.5]', args: [tensor([0.5, 3, 100, -0.5])], expect: 'same' },
];
const TENSOR_MINUS: InputCase[] = TENSOR_PLUS.map((input) => {
  const spec = input.args[0] as { data: number[] };
  return { ...input, args: [tensor(spec.data.map((v) => -v))] };
});

const plusRef = (x: number) => log1pRef(x);
const minusRef = (x: number) => log1pRef(-x);
const tensorPlusRef = (x: number[]) => x.map(log1pRef);
const tensorMinusRef = (x: number[]) => x.map((v) => log1pRef(-v));

// fast-check: x anywhere in (-1, 1e6]; small x shows the improvement, the rest must agree (`auto`).
const PLUS_PROPERTY = { args: fc.oneof(finite(-0.999, 1e6), finite(-1e-6, 1e-6)).map((x) => [x] as const), numRuns: 100 };
const MINUS_PROPERTY = { args: fc.oneof(finite(-1e6, 0.999), finite(-1e-6, 1e-6)).map((x) => [x] as const), numRuns: 100 };

const common = { same: SAME, referenceTolerance: REFERENCE };

const cases: FixCase[] = [
  {
    name: 'Math.log(1 + x) → Math.log1p(x)',
    code: `export function f(x: number) {\n  return Math.log(1 + x);\n}\n`,
    expectOutput: ['Math.log1p(x)'],
    ...common,
    reference: plusRef,
    inputs: PLUS,
    property: PLUS_PROPERTY,
  },
  {
    name: 'operands swapped: Math.log(x + 1)',
    code: `export function f(x: number) {\n  return Math.log(x + 1);\n}\n`,
    expectOutput: ['Math.log1p(x)'],
    ...common,
    reference: plusRef,
    inputs: PLUS,
  },
  {
    name: 'Math.log(1 - x) → Math.log1p(-x)',
    code: `export function f(x: number) {\n  return Math.log(1 - x);\n}\n`,
    expectOutput: ['Math.log1p(-x)'],
    ...common,
    reference: minusRef,
    inputs: MINUS,
    property: MINUS_PROPERTY,
  },
  {
    name: 'compound operand: Math.log(1 - 2 * x) → Math.log1p(-(2 * x))',
    code: `export function f(x: number) {\n  return Math.log(1 - 2 * x);\n}\n`,
    expectOutput: ['Math.log1p(-(2 * x))'],
    ...common,
    reference: (x: number) => log1pRef(-2 * x),
    inputs: MINUS.map((input) => ({ ...input, args: [(input.args[0] as number) / 2] })),
  },
  {
    name: 'double negation: Math.log(1 - -x) → Math.log1p(x)',
    code: `export function f(x: number) {\n  return Math.log(1 - -x);\n}\n`,
    expectOutput: ['Math.log1p(x)'],
    ...common,
    reference: plusRef,
    inputs: PLUS,
  },
  {
    name: 'across a const temporary',
    code: `export function f(x: number) {\n  const y = 1 + x;\n  return Math.log(y);\n}\n`,
    expectOutput: ['return Math.log1p(x);'],
    rejectOutput: ['const y'],
    ...common,
    reference: plusRef,
    inputs: PLUS,
  },
  {
    name: 'inside a larger expression',
    code: `export function f(x: number) {\n  return 2 * Math.log(1 + x) / x;\n}\n`,
    expectOutput: ['2 * Math.log1p(x) / x'],
    ...common,
    reference: (x: number) => (2 * log1pRef(x)) / x,
    // the division adds one rounding to both forms
    referenceTolerance: { ulps: 3 },
    inputs: PLUS,
  },
  {
    name: 'plain JS, CommonJS',
    filename: 'case.cjs',
    code: `function f(x) {\n  return Math.log(1 + x);\n}\nmodule.exports = { f };\n`,
    expectOutput: ['Math.log1p(x)'],
    ...common,
    reference: plusRef,
    inputs: PLUS,
  },
  {
    name: 'tf.log(tf.add(1, x)) → tf.log1p(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(tf.add(1, x));\n}\n`,
    expectOutput: ['tf.log1p(x)'],
    ...common,
    reference: tensorPlusRef,
    inputs: TENSOR_PLUS,
  },
  {
    name: 'tf.log(tf.add(x, 1)) → tf.log1p(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(tf.add(x, 1));\n}\n`,
    expectOutput: ['tf.log1p(x)'],
    ...common,
    reference: tensorPlusRef,
    inputs: TENSOR_PLUS,
  },
  {
    name: 'tf.log(tf.sub(1, x)) → tf.log1p(tf.neg(x))',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(tf.sub(1, x));\n}\n`,
    expectOutput: ['tf.log1p(tf.neg(x))'],
    ...common,
    reference: tensorMinusRef,
    inputs: TENSOR_MINUS,
  },
  {
    name: 'chained: x.add(1).log() → x.log1p()',
    code: `${TF}export function f(x: tf.Tensor) {\n  return x.add(1).log();\n}\n`,
    expectOutput: ['x.log1p()'],
    ...common,
    reference: tensorPlusRef,
    inputs: TENSOR_PLUS,
  },
  {
    name: 'mixed: tf.sub(1, x).log() → log1p of −x',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.sub(1, x).log();\n}\n`,
    // chained only when x is known to be a tensor; either spelling is right
    expectOutput: [/return (tf\.log1p\(tf\.neg\(x\)\)|x\.neg\(\)\.log1p\(\));/],
    ...common,
    reference: tensorMinusRef,
    inputs: TENSOR_MINUS,
  },
  {
    name: 'named imports',
    code: `import { add, log, type Tensor } from '@tensorflow/tfjs';\nexport function f(x: Tensor) {\n  return log(add(x, 1));\n}\n`,
    expectOutput: [/import \{[^}]*\blog1p\b[^}]*\} from '@tensorflow\/tfjs'/, 'return log1p(x);'],
    ...common,
    reference: tensorPlusRef,
    inputs: TENSOR_PLUS,
  },
];

cases.push({
  // was a bug (the fix emitted xs.log1p() on a number[]); fixed in e5d89da
  name: 'chained log on a functional add of a plain array: tf.add(xs, 1).log() stays functional',
  code: `${TF}export function f(xs: number[]) {\n  return tf.add(xs, 1).log();\n}\n`,
  expectOutput: ['return tf.log1p(xs);'],
  ...common,
  reference: tensorPlusRef,
  domain: 'float32',
  inputs: [
    { label: 'near 0', args: [[1e-10, 2e-6]], expect: 'improve' },
    { label: 'ordinary', args: [[0.5, 3, -0.5]], expect: 'same' },
  ],
});

describeFixEquivalence('prefer-log1p', cases);
