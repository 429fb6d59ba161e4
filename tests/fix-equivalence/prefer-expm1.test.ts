// Fix equivalence for numerics/prefer-expm1: exp(x) − 1 → expm1(x), 1 − exp(x) → −expm1(x).
//
// Near 0 exp(x) − 1 cancels (all digits lost below ~1e-16 in float64, ~6e-8 in float32): the fixed form must match
// the 60-digit reference to 2 ulps and the original must not (`improve`). On ordinary inputs (|x| ≥ 0.5) both agree
// within 4 ulps (`same`): the subtraction amplifies exp's rounding by e^x/|e^x − 1| ≤ 2.6 there.

import fc from 'fast-check';
import { describeFixEquivalence, tensor, type FixCase, type InputCase, type Tolerance } from '../helpers/fix-harness.js';
import { finite } from './inputs.js';
import { expm1Ref } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

const SAME: Tolerance = { ulps: 4 };
const REFERENCE: Tolerance = { ulps: 2 };

const SCALARS: InputCase[] = [
  { label: 'near 0: 1e-10 (naive keeps ~7 digits)', args: [1e-10], expect: 'improve' },
  { label: 'near 0: 1e-17 (naive gives 0)', args: [1e-17], expect: 'improve' },
  { label: 'near 0: -2e-12', args: [-2e-12], expect: 'improve' },
  { label: 'near 0: 3e-8', args: [3e-8], expect: 'improve' },
  { label: 'ordinary: 0.5', args: [0.5], expect: 'same' },
  { label: 'ordinary: 2.5', args: [2.5], expect: 'same' },
  { label: 'ordinary: 30', args: [30], expect: 'same' },
  { label: 'ordinary: -0.7', args: [-0.7], expect: 'same' },
  { label: 'ordinary: -20', args: [-20], expect: 'same' },
];

const TENSORS: InputCase[] = [
  { label: 'near 0: [1e-10, 1e-17] (naive gives 0)', args: [tensor([1e-10, 1e-17])], expect: 'improve' },
  { label: 'near 0: [1e-5, -3e-6]', args: [tensor([1e-5, -3e-6])], expect: 'improve' },
  { label: 'ordinary: [0.5, 2.5, 30, -0.7, -20]', args: [tensor([0.5, 2.5, 30, -0.7, -20])], expect: 'same' },
];

const expm1 = (x: number) => expm1Ref(x);
const negExpm1 = (x: number) => -expm1Ref(x);
const tensorExpm1 = (x: number[]) => x.map(expm1Ref);
const tensorNegExpm1 = (x: number[]) => x.map((v) => -expm1Ref(v));

// fast-check: x in [-700, 700] and near 0; the `auto` comparison lets the fix differ only towards the reference.
const PROPERTY = { args: fc.oneof(finite(-700, 700), finite(-1e-6, 1e-6)).map((x) => [x] as const), numRuns: 100 };

const common = { same: SAME, referenceTolerance: REFERENCE };

const cases: FixCase[] = [
  {
    name: 'Math.exp(x) - 1 → Math.expm1(x)',
    code: `export function f(x: number) {\n  return Math.exp(x) - 1;\n}\n`,
    expectOutput: ['return Math.expm1(x);'],
    ...common,
    reference: expm1,
    inputs: SCALARS,
    property: PROPERTY,
  },
  {
    name: '1 - Math.exp(x) → -Math.expm1(x)',
    code: `export function f(x: number) {\n  return 1 - Math.exp(x);\n}\n`,
    expectOutput: ['return -Math.expm1(x);'],
    ...common,
    reference: negExpm1,
    inputs: SCALARS,
    property: PROPERTY,
  },
  {
    name: '-1 + Math.exp(x)',
    code: `export function f(x: number) {\n  return -1 + Math.exp(x);\n}\n`,
    expectOutput: ['Math.expm1(x)'],
    ...common,
    reference: expm1,
    inputs: SCALARS,
  },
  {
    name: 'Math.exp(x) + -1',
    code: `export function f(x: number) {\n  return Math.exp(x) + -1;\n}\n`,
    expectOutput: ['Math.expm1(x)'],
    ...common,
    reference: expm1,
    inputs: SCALARS,
  },
  {
    name: 'negated form inside a product: 3 * (1 - Math.exp(x))',
    code: `export function f(x: number) {\n  return 3 * (1 - Math.exp(x));\n}\n`,
    expectOutput: ['Math.expm1(x)'],
    ...common,
    reference: (x: number) => -3 * expm1Ref(x),
    inputs: SCALARS,
  },
  {
    name: 'negated form as the base of a power: (1 - Math.exp(x)) ** 2',
    code: `export function f(x: number) {\n  return (1 - Math.exp(x)) ** 2;\n}\n`,
    expectOutput: ['(-Math.expm1(x)) ** 2'],
    ...common,
    referenceTolerance: { ulps: 3 },
    reference: (x: number) => expm1Ref(x) ** 2,
    inputs: SCALARS.filter((input) => Math.abs(input.args[0] as number) > 1e-15),
  },
  {
    name: 'negated form as a method receiver: (1 - Math.exp(x)).toFixed(20)',
    code: `export function f(x: number) {\n  return Number((1 - Math.exp(x)).toPrecision(17));\n}\n`,
    expectOutput: ['(-Math.expm1(x)).toPrecision(17)'],
    ...common,
    reference: negExpm1,
    inputs: SCALARS,
  },
  {
    name: 'the (exp(x) − 1)/x idiom',
    code: `export function f(x: number) {\n  return (Math.exp(x) - 1) / x;\n}\n`,
    expectOutput: ['Math.expm1(x)) / x'],
    ...common,
    referenceTolerance: { ulps: 3 },
    reference: (x: number) => expm1Ref(x) / x,
    inputs: SCALARS,
  },
  {
    name: '1 - Math.exp(-x) → -Math.expm1(-x)',
    code: `export function f(x: number) {\n  return 1 - Math.exp(-x);\n}\n`,
    expectOutput: ['-Math.expm1(-x)'],
    ...common,
    reference: (x: number) => -expm1Ref(-x),
    inputs: SCALARS,
  },
  {
    name: 'across a const temporary',
    code: `export function f(x: number) {\n  const e = Math.exp(x);\n  return e - 1;\n}\n`,
    expectOutput: ['return Math.expm1(x);'],
    rejectOutput: ['const e'],
    ...common,
    reference: expm1,
    inputs: SCALARS,
  },
  {
    name: 'a temporary still in use is kept',
    code: `export function f(x: number) {\n  const e = Math.exp(x);\n  return [e - 1, e];\n}\n`,
    expectOutput: ['[Math.expm1(x), e]'],
    ...common,
    reference: (x: number) => [expm1Ref(x), Math.exp(x)],
    referenceTolerance: { ulps: 2 },
    inputs: SCALARS,
  },
  {
    name: 'compound assignment: y -= 1 - Math.exp(x)',
    code: `export function f(x: number) {\n  let y = 0;\n  y -= 1 - Math.exp(x);\n  return y;\n}\n`,
    expectOutput: ['y -= -Math.expm1(x)'],
    ...common,
    reference: expm1,
    inputs: SCALARS,
  },
  {
    name: 'plain JS, CommonJS',
    filename: 'case.cjs',
    code: `function f(x) {\n  return Math.exp(x) - 1;\n}\nmodule.exports = { f };\n`,
    expectOutput: ['Math.expm1(x)'],
    ...common,
    reference: expm1,
    inputs: SCALARS,
  },
  {
    name: 'tf.sub(tf.exp(x), 1) → tf.expm1(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.sub(tf.exp(x), 1);\n}\n`,
    expectOutput: ['tf.expm1(x)'],
    ...common,
    reference: tensorExpm1,
    inputs: TENSORS,
  },
  {
    name: 'tf.sub(1, tf.exp(x)) → tf.neg(tf.expm1(x))',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.sub(1, tf.exp(x));\n}\n`,
    expectOutput: ['tf.neg(tf.expm1(x))'],
    ...common,
    reference: tensorNegExpm1,
    inputs: TENSORS,
  },
  {
    name: 'tf.add(tf.exp(x), -1) → tf.expm1(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.add(tf.exp(x), -1);\n}\n`,
    expectOutput: ['tf.expm1(x)'],
    ...common,
    reference: tensorExpm1,
    inputs: TENSORS,
  },
  {
    name: 'chained: x.exp().sub(1) → x.expm1()',
    code: `${TF}export function f(x: tf.Tensor) {\n  return x.exp().sub(1);\n}\n`,
    expectOutput: ['x.expm1()'],
    ...common,
    reference: tensorExpm1,
    inputs: TENSORS,
  },
  {
    name: 'mixed, in a chain: tf.exp(x).sub(1).mul(2)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.exp(x).sub(1).mul(2);\n}\n`,
    // chained only when x is known to be a tensor; either spelling is right
    expectOutput: [/return (tf\.expm1\(x\)|x\.expm1\(\))\.mul\(2\);/],
    ...common,
    reference: (x: number[]) => x.map((v) => 2 * expm1Ref(v)),
    inputs: TENSORS,
  },
  {
    name: 'named imports',
    code: `import { exp, sub, type Tensor } from '@tensorflow/tfjs';\nexport function f(x: Tensor) {\n  return sub(exp(x), 1);\n}\n`,
    expectOutput: [/import \{[^}]*\bexpm1\b[^}]*\} from '@tensorflow\/tfjs'/, 'return expm1(x);'],
    ...common,
    reference: tensorExpm1,
    inputs: TENSORS,
  },
  {
    name: 'require (CommonJS), tensors',
    filename: 'case.cjs',
    code: `const tf = require('@tensorflow/tfjs');\nfunction f(x) {\n  return tf.sub(1, tf.exp(x));\n}\nmodule.exports = { f };\n`,
    expectOutput: ['tf.neg(tf.expm1(x))'],
    ...common,
    reference: tensorNegExpm1,
    inputs: TENSORS,
  },
];

cases.push({
  // was a bug (the fix emitted xs.expm1() on a number[]); fixed in e5d89da
  name: 'chained sub on a functional exp of a plain array: tf.exp(xs).sub(1) stays functional',
  code: `${TF}export function f(xs: number[]) {\n  return tf.exp(xs).sub(1);\n}\n`,
  expectOutput: ['return tf.expm1(xs);'],
  ...common,
  reference: tensorExpm1,
  domain: 'float32',
  inputs: [
    { label: 'near 0', args: [[1e-10, 2e-6]], expect: 'improve' },
    { label: 'ordinary', args: [[0.5, 2.5, -0.7]], expect: 'same' },
  ],
});

describeFixEquivalence('prefer-expm1', cases);
