// Fix equivalence for numerics/no-naive-log-sigmoid: log(sigmoid(x)), log(1 − sigmoid(x)), softplus log(1 + exp(x))
// → tf.logSigmoid / tf.softplus / kernels logSigmoid, softplus.

import { describeFixEquivalence, tensor, type FixCase, type InputCase, type Tolerance } from '../helpers/fix-harness.js';
import { finite } from './inputs.js';
import { logSigmoidRef, softplusRef } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const SIGMOID_KERNEL = `import { sigmoid } from 'eslint-plugin-numerics/kernels';\n`;

// Float64: exp(−x) overflows for x < −709.8, so log(1/(1 + exp(−x))) is log(0) = −Infinity; for x > ~37 the naive
// forms round 1 + exp(−x) to 1 and give 0 where the answer is −exp(−x) (finite but wrong: `auto` lets the fix
// move onto the reference). Float32: the same at x < −88.7 and x > ~17.
const SCALARS: InputCase[] = [
  { label: 'ordinary: 0.3', args: [0.3], expect: 'same' },
  { label: 'ordinary: -4', args: [-4], expect: 'same' },
  { label: 'ordinary: 12', args: [12], expect: 'same' },
  { label: 'overflow: x = -800 → -800', args: [-800], expect: 'rescue' },
  { label: 'rounding: x = 50 → -exp(-50)', args: [50] },
];
const MIRRORED: InputCase[] = SCALARS.map((input) => ({ ...input, args: [-(input.args[0] as number)] }));

const TENSORS: InputCase[] = [
  { label: 'ordinary', args: [tensor([0.3, -4, 6])], expect: 'same' },
  { label: 'overflow: [-200, 0.5]', args: [tensor([-200, 0.5])], expect: 'rescue' },
];
const SOFTPLUS_TENSORS: InputCase[] = [
  { label: 'ordinary', args: [tensor([0.3, -4, 6])], expect: 'same' },
  { label: 'overflow: [100, 0.5]', args: [tensor([100, 0.5])], expect: 'rescue' },
];

// Float64 kernels: within a few ulps of the reference; plain results near 0 have an absolute floor.
const common: { same: Tolerance; referenceTolerance: Tolerance } = { same: { rel: 1e-12, abs: 1e-15 }, referenceTolerance: { ulps: 4, abs: 1e-300 } };
const tensorCommon: { same: Tolerance; referenceTolerance: Tolerance } = { same: { rel: 1e-5, abs: 1e-6 }, referenceTolerance: { rel: 1e-5, abs: 1e-6, ulps: 8 } };

const PROPERTY = { args: finite(-1000, 1000).map((x) => [x] as const), numRuns: 80 };
const map = (fn: (x: number) => number) => (x: number[]) => x.map(fn);

const cases: FixCase[] = [
  {
    name: 'tf.log(tf.sigmoid(x)) → tf.logSigmoid(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(tf.sigmoid(x));\n}\n`,
    expectOutput: ['tf.logSigmoid(x)'],
    ...tensorCommon,
    reference: map(logSigmoidRef),
    inputs: TENSORS,
  },
  {
    name: 'chained: x.sigmoid().log() → x.logSigmoid()',
    code: `${TF}export function f(x: tf.Tensor) {\n  return x.sigmoid().log();\n}\n`,
    expectOutput: ['x.logSigmoid()'],
    ...tensorCommon,
    reference: map(logSigmoidRef),
    inputs: TENSORS,
  },
  {
    name: 'tf.log(tf.sub(1, tf.sigmoid(x))) → tf.logSigmoid(tf.neg(x))',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(tf.sub(1, tf.sigmoid(x)));\n}\n`,
    expectOutput: ['tf.logSigmoid(tf.neg(x))'],
    ...tensorCommon,
    reference: map((v) => logSigmoidRef(-v)),
    inputs: [
      { label: 'ordinary', args: [tensor([0.3, -4, 6])], expect: 'same' },
      { label: 'overflow: [200, 0.5]', args: [tensor([200, 0.5])], expect: 'rescue' },
    ],
  },
  {
    name: 'softplus: tf.log(tf.add(1, tf.exp(x))) → tf.softplus(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(tf.add(1, tf.exp(x)));\n}\n`,
    expectOutput: ['tf.softplus(x)'],
    ...tensorCommon,
    reference: map(softplusRef),
    inputs: SOFTPLUS_TENSORS,
  },
  {
    name: 'softplus: tf.log1p(tf.exp(x)) → tf.softplus(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log1p(tf.exp(x));\n}\n`,
    expectOutput: ['tf.softplus(x)'],
    ...tensorCommon,
    reference: map(softplusRef),
    inputs: SOFTPLUS_TENSORS,
  },
  {
    name: 'plain: Math.log(1 / (1 + Math.exp(-x))) → logSigmoid(x)',
    code: `export function f(x: number) {\n  return Math.log(1 / (1 + Math.exp(-x)));\n}\n`,
    expectOutput: [/import \{ logSigmoid \} from 'eslint-plugin-numerics\/kernels'/, 'return logSigmoid(x);'],
    ...common,
    reference: logSigmoidRef,
    inputs: SCALARS,
    property: PROPERTY,
  },
  {
    name: 'plain: Math.log(sigmoid(x)) with the kernel sigmoid → logSigmoid(x)',
    code: `${SIGMOID_KERNEL}export function f(x: number) {\n  return Math.log(sigmoid(x));\n}\n`,
    expectOutput: ['return logSigmoid(x);'],
    ...common,
    reference: logSigmoidRef,
    inputs: SCALARS,
  },
  {
    name: 'plain: Math.log(1 - sigmoid(x)) → logSigmoid(-x)',
    code: `${SIGMOID_KERNEL}export function f(x: number) {\n  return Math.log(1 - sigmoid(x));\n}\n`,
    expectOutput: ['return logSigmoid(-x);'],
    ...common,
    reference: (x: number) => logSigmoidRef(-x),
    inputs: MIRRORED,
  },
  {
    name: 'plain: a local sigmoid helper',
    code: `function sigmoid(x: number) {\n  return 1 / (1 + Math.exp(-x));\n}\nexport function f(x: number) {\n  return Math.log(sigmoid(x));\n}\n`,
    expectOutput: ['return logSigmoid(x);'],
    ...common,
    reference: logSigmoidRef,
    inputs: SCALARS,
  },
  {
    name: 'plain softplus: Math.log(1 + Math.exp(x)) → softplus(x)',
    code: `export function f(x: number) {\n  return Math.log(1 + Math.exp(x));\n}\n`,
    expectOutput: [/import \{ softplus \} from 'eslint-plugin-numerics\/kernels'/, 'return softplus(x);'],
    ...common,
    reference: softplusRef,
    inputs: MIRRORED,
    property: PROPERTY,
  },
  {
    name: 'plain softplus: Math.log1p(Math.exp(x))',
    code: `export function f(x: number) {\n  return Math.log1p(Math.exp(x));\n}\n`,
    expectOutput: ['return softplus(x);'],
    ...common,
    reference: softplusRef,
    inputs: MIRRORED,
  },
  {
    name: 'plain: -Math.log(1 + Math.exp(-x)) → -softplus(-x)',
    code: `export function f(x: number) {\n  return -Math.log(1 + Math.exp(-x));\n}\n`,
    expectOutput: ['return -softplus(-x);'],
    ...common,
    reference: logSigmoidRef,
    inputs: SCALARS,
  },
  {
    name: 'plain, CommonJS',
    filename: 'case.cjs',
    code: `function f(x) {\n  return Math.log(1 + Math.exp(x));\n}\nmodule.exports = { f };\n`,
    expectOutput: [/const \{ softplus \} = require\('eslint-plugin-numerics\/kernels'\)/],
    ...common,
    reference: softplusRef,
    inputs: MIRRORED,
  },
];

describeFixEquivalence('no-naive-log-sigmoid', cases);
