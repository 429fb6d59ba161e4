// Fix equivalence for numerics/no-naive-softmax: exp(x)/Σexp(x) without a max shift → tf.softmax / kernel softmax.

import { describeFixEquivalence, tensor, type FixCase, type InputCase } from '../helpers/fix-harness.js';
import { logitArray, logitMatrix, normalMatrix, normals } from './inputs.js';
import { softmaxRef } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

// Float32: exp overflows above ~88.7 (Infinity/Infinity = NaN); float64 above ~709.8. All logits very negative
// make every exp 0 (0/0 = NaN).
const MATRICES: InputCase[] = [
  { label: 'ordinary: 3×5 normal logits', args: [tensor(normalMatrix(3, 5, 71))], expect: 'same' },
  { label: 'overflow: logits ~100', args: [tensor(normalMatrix(2, 4, 72, 1, 100))], expect: 'rescue' },
  { label: 'underflow: logits ~-120', args: [tensor(normalMatrix(2, 3, 73, 1, -120))], expect: 'rescue' },
  { label: 'mixed rows', args: [tensor([[100, 90, 0], [0.5, -0.5, 1]])], expect: 'rescue' },
];

const ARRAYS: InputCase[] = [
  { label: 'ordinary: 8 normal logits', args: [normals(8, 74)], expect: 'same' },
  { label: 'ordinary: sd 10', args: [normals(6, 75, 10)], expect: 'same' },
  { label: 'overflow: logits ~1000', args: [normals(5, 76, 1, 1000)], expect: 'rescue' },
  { label: 'underflow: all ~-1000', args: [[-1000, -1001, -999]], expect: 'rescue' },
  { label: 'mixed: [800, 0, -800]', args: [[800, 0, -800]], expect: 'rescue' },
];

const rowsSoftmax = (x: number[][]) => x.map(softmaxRef);

const cases: FixCase[] = [
  {
    name: 'tf: e = tf.exp(x); tf.div(e, tf.sum(e, -1, true)) → tf.softmax(x)',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  const e = tf.exp(x);\n  return tf.div(e, tf.sum(e, -1, true));\n}\n`,
    expectOutput: ['return tf.softmax(x);'],
    reference: rowsSoftmax,
    inputs: MATRICES,
    property: { args: logitMatrix(-150, 150).map((x) => [tensor(x)] as const), numRuns: 25 },
  },
  {
    name: 'chained: e = x.exp(); e.div(e.sum(-1, true)) → x.softmax()',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  const e = x.exp();\n  return e.div(e.sum(-1, true));\n}\n`,
    expectOutput: ['return x.softmax();'],
    reference: rowsSoftmax,
    inputs: MATRICES,
  },
  {
    name: 'explicit axis 1 on a 2-D tensor: suggestion with an explicit max shift',
    mode: 'suggest',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  const e = tf.exp(x);\n  return tf.div(e, tf.sum(e, 1, true));\n}\n`,
    expectOutput: ['tf.max(x, 1, true)'],
    reference: rowsSoftmax,
    inputs: MATRICES,
  },
  {
    name: 'axis 0: suggestion with an explicit max shift over axis 0',
    mode: 'suggest',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  const e = tf.exp(x);\n  return tf.div(e, tf.sum(e, 0, true));\n}\n`,
    expectOutput: ['tf.max(x, 0, true)'],
    reference: (x: number[][]) => {
      const t = x[0].map((_, j) => softmaxRef(x.map((row) => row[j])));
      return x.map((row, i) => row.map((_, j) => t[j][i]));
    },
    inputs: MATRICES,
  },
  {
    name: 'plain: e = xs.map(Math.exp); e.map((v) => v / s) → softmax(xs)',
    code: `export function f(xs: number[]) {\n  const e = xs.map(Math.exp);\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);\n}\n`,
    expectOutput: [/import \{ softmax \} from 'eslint-plugin-numerics\/kernels'/, 'return softmax(xs);'],
    reference: softmaxRef,
    inputs: ARRAYS,
    property: { args: logitArray(-1200, 1200).map((xs) => [xs] as const), numRuns: 40 },
  },
  {
    name: 'plain: xs.map((v) => Math.exp(v) / s)',
    code: `export function f(xs: number[]) {\n  const s = xs.map(Math.exp).reduce((a, b) => a + b, 0);\n  return xs.map((v) => Math.exp(v) / s);\n}\n`,
    expectOutput: ['return softmax(xs);'],
    reference: softmaxRef,
    inputs: ARRAYS,
  },
  {
    // The kernel requires t > 0, so a temperature of unknown sign is only a suggestion; applied, it keeps the value.
    name: 'plain with a temperature → softmax(xs, t) (suggestion)',
    mode: 'suggest',
    code: `export function f(xs: number[], t: number) {\n  const e = xs.map((v) => Math.exp(v / t));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);\n}\n`,
    expectOutput: ['return softmax(xs, t);'],
    reference: (xs: number[], t: number) => softmaxRef(xs.map((v) => v / t)),
    inputs: [
      ...ARRAYS.map((input) => ({ ...input, args: [...input.args, 0.5] })),
      { label: 'ordinary, t = 3', args: [normals(6, 77), 3], expect: 'same' as const },
    ],
  },
];

describeFixEquivalence('no-naive-softmax', cases);
