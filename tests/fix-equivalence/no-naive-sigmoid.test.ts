// Fix equivalence for numerics/no-naive-sigmoid: exp(x)/(1 + exp(x)), tensor 1/(1 + exp(−x)), tanh from exp(2x)
// → tf.sigmoid / kernel sigmoid / Math.tanh.

import { describeFixEquivalence, tensor, type FixCase, type InputCase, type Tolerance } from '../helpers/fix-harness.js';
import { finite } from './inputs.js';
import { sigmoidRef, tanhRef } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

// exp(x)/(1 + exp(x)) is Infinity/Infinity = NaN once exp overflows (x > ~709.8 in float64, ~88.7 in float32).
const SCALARS: InputCase[] = [
  { label: 'ordinary: 0.3', args: [0.3], expect: 'same' },
  { label: 'ordinary: -4', args: [-4], expect: 'same' },
  { label: 'ordinary: 15', args: [15], expect: 'same' },
  { label: 'overflow: x = 800 → 1', args: [800], expect: 'rescue' },
  { label: 'very negative: x = -800 → 0', args: [-800] },
];
const TENSORS: InputCase[] = [
  { label: 'ordinary', args: [tensor([0.3, -4, 6, 15])], expect: 'same' },
  { label: 'overflow: [100, -1]', args: [tensor([100, -1])], expect: 'rescue' },
];
// tanh = (exp(2x) − 1)/(exp(2x) + 1): NaN once exp(2x) overflows (x > ~354.9).
const TANH: InputCase[] = [
  { label: 'ordinary: 0.3', args: [0.3], expect: 'same' },
  { label: 'ordinary: -2', args: [-2], expect: 'same' },
  { label: 'overflow: x = 400 → 1', args: [400], expect: 'rescue' },
];

// The naive quotient rounds twice more than the kernel; near 0 tanh's naive form cancels (exp(2x) − 1), so the
// `same` tolerance is relative 1e-12 and `auto` accepts moves onto the reference.
const common: { same: Tolerance; referenceTolerance: Tolerance } = { same: { rel: 1e-12, abs: 1e-300 }, referenceTolerance: { ulps: 4, abs: 1e-300 } };
const tensorCommon: { same: Tolerance; referenceTolerance: Tolerance } = { same: { rel: 1e-5, abs: 1e-7 }, referenceTolerance: { rel: 1e-5, abs: 1e-7, ulps: 8 } };
const map = (fn: (x: number) => number) => (x: number[]) => x.map(fn);

const cases: FixCase[] = [
  {
    name: 'plain: Math.exp(x) / (1 + Math.exp(x)) → sigmoid(x)',
    code: `export function f(x: number) {\n  return Math.exp(x) / (1 + Math.exp(x));\n}\n`,
    expectOutput: [/import \{ sigmoid \} from 'eslint-plugin-numerics\/kernels'/, 'return sigmoid(x);'],
    ...common,
    reference: sigmoidRef,
    inputs: SCALARS,
    property: { args: finite(-1000, 1000).map((x) => [x] as const), numRuns: 80 },
  },
  {
    name: 'plain across a const temporary: e / (1 + e)',
    code: `export function f(x: number) {\n  const e = Math.exp(x);\n  return e / (1 + e);\n}\n`,
    expectOutput: ['return sigmoid(x);'],
    rejectOutput: ['const e'],
    ...common,
    reference: sigmoidRef,
    inputs: SCALARS,
  },
  {
    name: 'tanh from exp(2x): (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1) → Math.tanh(x)',
    code: `export function f(x: number) {\n  return (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1);\n}\n`,
    expectOutput: ['return Math.tanh(x);'],
    ...common,
    reference: tanhRef,
    inputs: TANH,
    property: { args: finite(-400, 400).map((x) => [x] as const), numRuns: 80 },
  },
  {
    name: 'tanh from exp(x) and exp(-x)',
    code: `export function f(x: number) {\n  return (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x));\n}\n`,
    expectOutput: ['return Math.tanh(x);'],
    ...common,
    reference: tanhRef,
    // exp(x) overflows only above ~709.8 here
    inputs: [...TANH.filter((input) => input.expect === 'same'), { label: 'overflow: x = 800 → 1', args: [800], expect: 'rescue' }],
  },
  {
    name: 'tensor: tf.div(1, tf.add(1, tf.exp(tf.neg(x)))) → tf.sigmoid(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.div(1, tf.add(1, tf.exp(tf.neg(x))));\n}\n`,
    expectOutput: ['tf.sigmoid(x)'],
    ...tensorCommon,
    reference: map(sigmoidRef),
    // 1/(1 + exp(−x)) never overflows to NaN (1/Infinity = 0): ordinary inputs and very negative ones
    inputs: [TENSORS[0], { label: 'very negative: [-100, 1]', args: [tensor([-100, 1])] }],
  },
  {
    name: 'tensor: tf.div(tf.exp(x), tf.add(1, tf.exp(x))) → tf.sigmoid(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.div(tf.exp(x), tf.add(1, tf.exp(x)));\n}\n`,
    expectOutput: ['tf.sigmoid(x)'],
    ...tensorCommon,
    reference: map(sigmoidRef),
    inputs: TENSORS,
  },
  {
    name: 'tensor across a const temporary: tf.div(e, tf.add(e, 1))',
    code: `${TF}export function f(x: tf.Tensor) {\n  const e = tf.exp(x);\n  return tf.div(e, tf.add(e, 1));\n}\n`,
    expectOutput: ['return tf.sigmoid(x);'],
    ...tensorCommon,
    reference: map(sigmoidRef),
    inputs: TENSORS,
  },
];

describeFixEquivalence('no-naive-sigmoid', cases);
