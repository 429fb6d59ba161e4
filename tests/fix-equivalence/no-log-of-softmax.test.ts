// Fix equivalence for numerics/no-log-of-softmax: log(softmax(x)) → tf.logSoftmax / kernel logSoftmax.

import { describeFixEquivalence, tensor, type FixCase, type InputCase } from '../helpers/fix-harness.js';
import { logitArray, logitMatrix, normalMatrix, normals } from './inputs.js';
import { logSoftmaxRef } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const KERNELS = `import { softmax } from 'eslint-plugin-numerics/kernels';\n`;
/** A max-shifted local softmax helper, as people write it. */
const LOCAL_SOFTMAX = `function softmax(xs: number[]) {\n  const m = Math.max(...xs);\n  const e = xs.map((v) => Math.exp(v - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);\n}\n`;

// ----------------------------------------------------------------------------------------------------------------
// Inputs. Float32 softmax rounds a probability below ~1e-45 (logits ~104 apart) to 0, float64 below ~5e-324
// (~745 apart); its log is then -Infinity where logSoftmax is finite.

const TENSORS: InputCase[] = [
  { label: 'the design example: logits [0, 200] → [-200, 0]', args: [tensor([0, 200])], expect: 'rescue' },
  { label: 'ordinary: 7 normal logits', args: [tensor(normals(7, 51))], expect: 'same' },
  { label: 'ordinary: 3×4 normal logits', args: [tensor(normalMatrix(3, 4, 52))], expect: 'same' },
  { label: 'overflow-sized logits ~100 (softmax itself is stable)', args: [tensor(normals(5, 53, 1, 100))], expect: 'same' },
  { label: 'mixed rows: one with a 150 gap, one ordinary', args: [tensor([[150, 0, -1], [0.5, -0.5, 1]])], expect: 'rescue' },
];

const ARRAYS: InputCase[] = [
  { label: 'ordinary: 9 normal logits', args: [normals(9, 61)], expect: 'same' },
  { label: 'ordinary: sd 10', args: [normals(6, 62, 10)], expect: 'same' },
  { label: 'logits ~1000 (softmax itself is stable)', args: [normals(5, 63, 1, 1000)], expect: 'same' },
  { label: 'underflow: [0, 800] → [-800, 0]', args: [[0, 800]], expect: 'rescue' },
  { label: 'mixed: [1000, -1000, 0]', args: [[1000, -1000, 0]], expect: 'rescue' },
];

const ELEMENTS: InputCase[] = [
  { label: 'ordinary, k = 2', args: [normals(5, 64), 2], expect: 'same' },
  { label: 'underflowing element: [0, 800], k = 0 → -800', args: [[0, 800], 0], expect: 'rescue' },
  { label: 'dominant element: [0, 800], k = 1 → 0', args: [[0, 800], 1], expect: 'same' },
];

// ----------------------------------------------------------------------------------------------------------------
// References

/** logSoftmax over the last axis of a 1-D or 2-D array. */
function logSoftmaxLast(x: number[] | number[][]): unknown {
  return Array.isArray(x[0]) ? (x as number[][]).map(logSoftmaxRef) : logSoftmaxRef(x as number[]);
}

const TENSOR_PROPERTY = { args: logitMatrix(-150, 150).map((x) => [tensor(x)] as const), numRuns: 25 };
const ARRAY_PROPERTY = { args: logitArray(-1200, 1200).map((xs) => [xs] as const), numRuns: 40 };

// ----------------------------------------------------------------------------------------------------------------

const tensorCases: FixCase[] = [
  {
    name: 'tf.log(tf.softmax(x)) → tf.logSoftmax(x)',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(tf.softmax(x));\n}\n`,
    expectOutput: ['tf.logSoftmax(x)'],
    reference: logSoftmaxLast,
    inputs: TENSORS,
    property: TENSOR_PROPERTY,
  },
  {
    name: 'explicit last axis carried: tf.log(tf.softmax(x, -1))',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(tf.softmax(x, -1));\n}\n`,
    expectOutput: ['tf.logSoftmax(x, -1)'],
    reference: logSoftmaxLast,
    inputs: TENSORS,
  },
  {
    name: 'chained: x.softmax().log() → x.logSoftmax()',
    code: `${TF}export function f(x: tf.Tensor) {\n  return x.softmax().log();\n}\n`,
    expectOutput: ['x.logSoftmax()'],
    reference: logSoftmaxLast,
    inputs: TENSORS,
    property: TENSOR_PROPERTY,
  },
  {
    name: 'mixed: tf.softmax(x).log()',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.softmax(x).log();\n}\n`,
    // chained only when x is known to be a tensor; either spelling is right
    expectOutput: [/return (tf\.logSoftmax\(x\)|x\.logSoftmax\(\));/],
    reference: logSoftmaxLast,
    inputs: TENSORS,
  },
  {
    name: 'mixed: tf.log(x.softmax())',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(x.softmax());\n}\n`,
    expectOutput: ['tf.logSoftmax(x)'],
    reference: logSoftmaxLast,
    inputs: TENSORS,
  },
  {
    name: 'across a const temporary',
    code: `${TF}export function f(x: tf.Tensor) {\n  const p = tf.softmax(x);\n  return tf.log(p);\n}\n`,
    expectOutput: ['return tf.logSoftmax(x);'],
    rejectOutput: ['const p'],
    reference: logSoftmaxLast,
    inputs: TENSORS,
  },
  {
    name: 'named imports',
    code: `import { log, softmax, type Tensor } from '@tensorflow/tfjs';\nexport function f(x: Tensor) {\n  return log(softmax(x));\n}\n`,
    expectOutput: [/import \{[^}]*\blogSoftmax\b[^}]*\} from '@tensorflow\/tfjs'/, 'return logSoftmax(x);'],
    reference: logSoftmaxLast,
    inputs: TENSORS,
  },
  {
    name: 'require (CommonJS)',
    filename: 'case.cjs',
    code: `const tf = require('@tensorflow/tfjs');\nfunction f(x) {\n  return tf.log(tf.softmax(x));\n}\nmodule.exports = { f };\n`,
    expectOutput: ['tf.logSoftmax(x)'],
    reference: logSoftmaxLast,
    inputs: TENSORS,
  },
  {
    name: 'a tensor-like array argument, functional spelling',
    code: `${TF}export function f(xs: number[]) {\n  return tf.log(tf.softmax(xs));\n}\n`,
    expectOutput: ['tf.logSoftmax(xs)'],
    reference: logSoftmaxRef,
    // xs arrive as plain numbers; TF.js makes float32 tensors of them
    domain: 'float32',
    inputs: [
      { label: '[0, 200]', args: [[0, 200]], expect: 'rescue' },
      { label: 'ordinary', args: [normals(6, 65).map(Math.fround)], expect: 'same' },
    ],
  },
];

tensorCases.push({
  // was a bug (the fix emitted xs.logSoftmax() on a number[]); fixed in e5d89da
  name: 'chained log on a functional softmax of a plain array: tf.softmax(xs).log() stays functional',
  code: `${TF}export function f(xs: number[]) {\n  return tf.softmax(xs).log();\n}\n`,
  expectOutput: ['return tf.logSoftmax(xs);'],
  reference: logSoftmaxRef,
  domain: 'float32',
  inputs: [
    { label: '[0, 200]', args: [[0, 200]], expect: 'rescue' },
    { label: 'ordinary', args: [normals(6, 66).map(Math.fround)], expect: 'same' },
  ],
});

const arrayCases: FixCase[] = [
  {
    name: 'kernel softmax mapped through Math.log → logSoftmax(xs)',
    code: `${KERNELS}export function f(xs: number[]) {\n  return softmax(xs).map(Math.log);\n}\n`,
    expectOutput: [/import \{ (softmax, logSoftmax|logSoftmax, softmax) \} from 'eslint-plugin-numerics\/kernels'/, 'return logSoftmax(xs);'],
    reference: logSoftmaxRef,
    inputs: ARRAYS,
    property: ARRAY_PROPERTY,
  },
  {
    name: 'map with an arrow: softmax(xs).map((p) => Math.log(p))',
    code: `${KERNELS}export function f(xs: number[]) {\n  return softmax(xs).map((p) => Math.log(p));\n}\n`,
    expectOutput: ['return logSoftmax(xs);'],
    reference: logSoftmaxRef,
    inputs: ARRAYS,
  },
  {
    name: 'Float64Array input',
    code: `${KERNELS}export function f(xs: Float64Array) {\n  return softmax(xs).map(Math.log);\n}\n`,
    expectOutput: ['return logSoftmax(xs);'],
    reference: (xs: Float64Array) => logSoftmaxRef(Array.from(xs)),
    inputs: ARRAYS.map((input) => ({ ...input, args: [Float64Array.from(input.args[0] as number[])] })),
  },
  {
    name: 'one element: Math.log(softmax(xs)[k]) → logSoftmax(xs)[k]',
    code: `${KERNELS}export function f(xs: number[], k: number) {\n  return Math.log(softmax(xs)[k]);\n}\n`,
    expectOutput: ['logSoftmax(xs)[k]'],
    reference: (xs: number[], k: number) => logSoftmaxRef(xs)[k],
    inputs: ELEMENTS,
  },
  {
    name: 'one element across a const temporary',
    code: `${KERNELS}export function f(xs: number[], k: number) {\n  const p = softmax(xs);\n  return Math.log(p[k]);\n}\n`,
    expectOutput: ['return logSoftmax(xs)[k];'],
    reference: (xs: number[], k: number) => logSoftmaxRef(xs)[k],
    inputs: ELEMENTS,
  },
  {
    name: 'a local max-shifted softmax helper',
    code: `${LOCAL_SOFTMAX}export function f(xs: number[]) {\n  return softmax(xs).map(Math.log);\n}\n`,
    expectOutput: [/import \{ logSoftmax \} from 'eslint-plugin-numerics\/kernels'/, 'return logSoftmax(xs);'],
    reference: logSoftmaxRef,
    inputs: ARRAYS,
  },
  {
    name: 'a local helper, one element',
    code: `${LOCAL_SOFTMAX}export function f(xs: number[], k: number) {\n  return Math.log(softmax(xs)[k]);\n}\n`,
    expectOutput: ['logSoftmax(xs)[k]'],
    reference: (xs: number[], k: number) => logSoftmaxRef(xs)[k],
    inputs: ELEMENTS,
  },
  {
    name: 'CommonJS kernel require is extended',
    filename: 'case.cjs',
    code: `const { softmax } = require('eslint-plugin-numerics/kernels');\nfunction f(xs) {\n  return softmax(xs).map(Math.log);\n}\nmodule.exports = { f };\n`,
    expectOutput: [/const \{ softmax, logSoftmax \} = require\('eslint-plugin-numerics\/kernels'\)/],
    reference: logSoftmaxRef,
    inputs: ARRAYS,
  },
];

// Formerly reported bugs (a local helper with a temperature, softmax output mutated before the log) are
// RuleTester cases in tests/rules/no-log-of-softmax.test.ts: neither is autofixed any more.

describeFixEquivalence('no-log-of-softmax', [...tensorCases, ...arrayCases]);
