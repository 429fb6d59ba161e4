// Fix equivalence for numerics/no-naive-logsumexp: every autofixable spelling, run before and after the fix.

import fc from 'fast-check';
import { describeFixEquivalence, tensor, type FixCase, type InputCase } from '../helpers/fix-harness.js';
import { finite, logitArray, logitMatrix, normalMatrix, normals } from './inputs.js';
import { columns, logAddExpRef, lseRef, rows } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

// ----------------------------------------------------------------------------------------------------------------
// Inputs

/** Plain float64 arrays: exp overflows above ~709.78, underflows below ~-745.13. */
const ARRAYS: InputCase[] = [
  { label: 'ordinary: 12 normal logits', args: [normals(12, 1)], expect: 'same' },
  { label: 'ordinary: 8 logits, sd 10', args: [normals(8, 2, 10)], expect: 'same' },
  { label: 'ordinary: one element', args: [[0.75]], expect: 'same' },
  { label: 'overflow: [1000, 1000] = 1000 + ln 2', args: [[1000, 1000]], expect: 'rescue' },
  { label: 'overflow: logits ~1000', args: [normals(6, 3, 1, 1000)], expect: 'rescue' },
  { label: 'underflow: all ~-1000', args: [[-1000, -1001, -1000.5]], expect: 'rescue' },
  { label: 'mixed: [1000, -1000, 0, 500]', args: [[1000, -1000, 0, 500]], expect: 'rescue' },
  { label: 'mixed: 711 and ordinary', args: [[711, 0.5, -2]], expect: 'rescue' },
];

/** float32 tensors (rows × cols): exp overflows above ~88.72, underflows (to 0) below ~-103.97. */
const MATRICES: InputCase[] = [
  { label: 'ordinary: 3×5 normal logits', args: [tensor(normalMatrix(3, 5, 11))], expect: 'same' },
  { label: 'ordinary: 2×4, sd 5', args: [tensor(normalMatrix(2, 4, 12, 5))], expect: 'same' },
  { label: 'overflow: logits ~100', args: [tensor(normalMatrix(2, 4, 13, 1, 100))], expect: 'rescue' },
  { label: 'underflow: logits ~-120', args: [tensor(normalMatrix(2, 3, 14, 1, -120))], expect: 'rescue' },
  { label: 'mixed: an overflowing row, an ordinary row', args: [tensor([[100, 90, -5, 0], [0.5, -0.25, 1, 2]])], expect: 'rescue' },
];

/** Scalars a, b for `log(exp(a) + exp(b))`. */
const PAIRS: InputCase[] = [
  { label: 'ordinary', args: [1.3, -0.2], expect: 'same' },
  { label: 'ordinary: equal', args: [0.5, 0.5], expect: 'same' },
  { label: 'ordinary: far apart', args: [3, -30], expect: 'same' },
  { label: 'overflow: (1000, 1000) = 1000 + ln 2', args: [1000, 1000], expect: 'rescue' },
  { label: 'underflow: (-1000, -1000.5)', args: [-1000, -1000.5], expect: 'rescue' },
  { label: 'mixed: (800, -800)', args: [800, -800], expect: 'rescue' },
];

const TRIPLES: InputCase[] = [
  { label: 'ordinary', args: [1.3, -0.2, 0.4], expect: 'same' },
  { label: 'overflow', args: [1000, 999, 1001], expect: 'rescue' },
  { label: 'underflow', args: [-1000, -999, -1001], expect: 'rescue' },
  { label: 'mixed', args: [750, 0, -750], expect: 'rescue' },
];

// ----------------------------------------------------------------------------------------------------------------
// References

/** log-sum-exp of a 1-D or 2-D array over `axis` (all axes when undefined), as TF.js shapes it. */
function lseTensor(axis?: number | number[], keepDims = false) {
  return (x: number[] | number[][]): unknown => {
    if (!Array.isArray(x[0])) {
      const v = lseRef(x as number[]);
      return keepDims ? [v] : v;
    }
    const m = x as number[][];
    if (axis === undefined || Array.isArray(axis)) {
      const v = lseRef(m.flat());
      return keepDims ? [[v]] : v;
    }
    if (axis === 1 || axis === -1) return rows(m, lseRef, keepDims);
    const c = columns(m, lseRef);
    return keepDims ? [c] : c;
  };
}

const arrayRef = (xs: number[]) => lseRef(xs);
const pairRef = (a: number, b: number) => logAddExpRef(a, b);
const tripleRef = (a: number, b: number, c: number) => lseRef([a, b, c]);

// fast-check: bounded, seeded runs. Wide ranges mix ordinary, overflowing and underflowing elements.
const ARRAY_PROPERTY = { args: logitArray(-1200, 1200).map((xs) => [xs] as const), numRuns: 40 };
const ORDINARY_ARRAY_PROPERTY = { args: logitArray(-30, 30).map((xs) => [xs] as const), numRuns: 40 };
const MATRIX_PROPERTY = { args: logitMatrix(-150, 150).map((x) => [tensor(x)] as const), numRuns: 25 };
const PAIR_PROPERTY = { args: fc.tuple(finite(-1200, 1200), finite(-1200, 1200)), numRuns: 60 };

// ----------------------------------------------------------------------------------------------------------------
// Tensor spellings → tf.logSumExp

const tensorCases: FixCase[] = [
  {
    name: 'tf functional, namespace import, all axes',
    code: `${TF}export function f(x: tf.Tensor) {\n  return tf.log(tf.sum(tf.exp(x)));\n}\n`,
    expectOutput: ['tf.logSumExp(x)'],
    reference: lseTensor(),
    inputs: MATRICES,
  },
  {
    name: 'tf functional, axis and keepDims carried: tf.log(tf.sum(tf.exp(x), 1, true))',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return tf.log(tf.sum(tf.exp(x), 1, true));\n}\n`,
    expectOutput: ['tf.logSumExp(x, 1, true)'],
    reference: lseTensor(1, true),
    inputs: MATRICES,
    property: MATRIX_PROPERTY,
  },
  {
    name: 'tf functional, axis list [0, 1]',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return tf.log(tf.sum(tf.exp(x), [0, 1]));\n}\n`,
    expectOutput: ['tf.logSumExp(x, [0, 1])'],
    reference: lseTensor([0, 1]),
    inputs: MATRICES,
  },
  {
    name: 'named imports, axis -1',
    code: `import { exp, log, sum, type Tensor } from '@tensorflow/tfjs';\nexport function f(x: Tensor) {\n  return log(sum(exp(x), -1));\n}\n`,
    expectOutput: ['logSumExp(x, -1)', /import \{[^}]*\blogSumExp\b[^}]*\} from '@tensorflow\/tfjs'/],
    reference: lseTensor(-1),
    inputs: MATRICES,
  },
  {
    name: 'aliased named imports, axis 0 with keepDims',
    code: `import { exp as e, log as ln, sum as total, Tensor } from '@tensorflow/tfjs';\nexport function f(x: Tensor) {\n  return ln(total(e(x), 0, true));\n}\n`,
    expectOutput: ['logSumExp(x, 0, true)'],
    reference: lseTensor(0, true),
    inputs: MATRICES,
  },
  {
    name: 'require (CommonJS), namespace binding, axis 1',
    filename: 'case.cjs',
    code: `const tf = require('@tensorflow/tfjs');\nfunction f(x) {\n  return tf.log(tf.sum(tf.exp(x), 1));\n}\nmodule.exports = { f };\n`,
    expectOutput: ['tf.logSumExp(x, 1)'],
    rejectOutput: ['import '],
    reference: lseTensor(1),
    inputs: MATRICES,
  },
  {
    name: 'require (CommonJS), destructured binding',
    filename: 'case.cjs',
    code: `const { exp, log, sum } = require('@tensorflow/tfjs');\nfunction f(x) {\n  return log(sum(exp(x), 1));\n}\nmodule.exports = { f };\n`,
    expectOutput: ['logSumExp(x, 1)', /const \{[^}]*\blogSumExp\b[^}]*\} = require\('@tensorflow\/tfjs'\)/],
    reference: lseTensor(1),
    inputs: MATRICES,
  },
  {
    name: 'ES module .js file',
    filename: 'case.js',
    code: `import * as tf from '@tensorflow/tfjs';\nexport function f(x) {\n  return tf.log(tf.sum(tf.exp(x), -1));\n}\n`,
    expectOutput: ['tf.logSumExp(x, -1)'],
    reference: lseTensor(-1),
    inputs: MATRICES,
  },
  {
    name: 'chained: x.exp().sum(1).log() stays chained',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return x.exp().sum(1).log();\n}\n`,
    expectOutput: ['x.logSumExp(1)'],
    reference: lseTensor(1),
    inputs: MATRICES,
    property: MATRIX_PROPERTY,
  },
  {
    name: 'chained with keepDims: x.exp().sum(1, true).log()',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return x.exp().sum(1, true).log();\n}\n`,
    expectOutput: ['x.logSumExp(1, true)'],
    reference: lseTensor(1, true),
    inputs: MATRICES,
  },
  {
    name: 'mixed: tf.log(x.exp().sum(-1))',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return tf.log(x.exp().sum(-1));\n}\n`,
    expectOutput: ['tf.logSumExp(x, -1)'],
    reference: lseTensor(-1),
    inputs: MATRICES,
  },
  {
    name: 'mixed: tf.sum(tf.exp(x), 1).log()',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return tf.sum(tf.exp(x), 1).log();\n}\n`,
    // chained only when x is known to be a tensor; either spelling is right
    expectOutput: [/return (tf\.logSumExp\(x, 1\)|x\.logSumExp\(1\));/],
    reference: lseTensor(1),
    inputs: MATRICES,
  },
  {
    // TF.js functional ops take plain arrays too: a chained fix would call .logSumExp on a number[]
    name: 'mixed on a plain array: tf.sum(tf.exp(xs), 1).log() stays functional',
    code: `${TF}export function f(xs: number[][]) {\n  return tf.sum(tf.exp(xs), 1).log();\n}\n`,
    expectOutput: ['return tf.logSumExp(xs, 1);'],
    reference: lseTensor(1),
    domain: 'float32',
    inputs: [
      { label: 'ordinary', args: [normalMatrix(2, 3, 15).map((row) => row.map(Math.fround))], expect: 'same' },
      { label: 'overflow', args: [[[100, 100], [1, 2]]], expect: 'rescue' },
    ],
  },
  {
    name: 'across const temporaries (removed by the fix)',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  const e = tf.exp(x);\n  const s = tf.sum(e, 1, true);\n  return tf.log(s);\n}\n`,
    expectOutput: ['tf.logSumExp(x, 1, true)'],
    rejectOutput: ['const e', 'const s'],
    reference: lseTensor(1, true),
    inputs: MATRICES,
  },
  {
    name: 'across const temporaries that stay in use',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  const e = tf.exp(x);\n  const s = tf.sum(e, 1, true);\n  const lse = tf.log(s);\n  return tf.sub(lse, tf.log(tf.max(e, 1, true)));\n}\n`,
    expectOutput: ['tf.logSumExp(x, 1, true)', 'const e = tf.exp(x)'],
    // lse − max: log1p-sized, so the rows of the result sit in [0, ln 5]
    reference: (x: number[][]) => rows(x, (row) => lseRef(row) - Math.max(...row), true),
    inputs: MATRICES.filter((input) => input.expect === 'same'),
  },
  {
    name: 'arrow function inside tf.tidy, argument expression',
    code: `${TF}export const f = (x: tf.Tensor2D) => tf.tidy(() => tf.log(tf.sum(tf.exp(tf.mul(x, 2)), 1)));\n`,
    expectOutput: ['tf.logSumExp(tf.mul(x, 2), 1)'],
    reference: (x: number[][]) => rows(x.map((row) => row.map((v) => 2 * v)), lseRef),
    inputs: MATRICES,
  },
  {
    name: 'inside a larger expression: the result is scaled',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return tf.log(tf.sum(tf.exp(x), 1)).mul(2);\n}\n`,
    expectOutput: ['tf.logSumExp(x, 1).mul(2)'],
    reference: (x: number[][]) => rows(x, (row) => 2 * lseRef(row)),
    inputs: MATRICES,
  },
  {
    name: 'comment inside the pattern: suggestion only, applied on request',
    mode: 'suggest',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  return tf.log(tf.sum(tf.exp(x), /* axis */ 1));\n}\n`,
    expectOutput: ['tf.logSumExp(x, 1)'],
    reference: lseTensor(1),
    inputs: MATRICES,
  },
  {
    // A -Infinity mask can reach the input: tf.logSumExp gives NaN on a fully masked row where the naive form gives
    // -Infinity, so the rule suggests instead of fixing. Partially masked rows keep their value.
    name: '-Infinity mask: suggestion, same value on partially masked rows',
    mode: 'suggest',
    code: `${TF}export function f(x: tf.Tensor2D) {\n  const masked = tf.where(tf.greater(x, 0), x, tf.fill(x.shape, -Infinity));\n  return tf.log(tf.sum(tf.exp(masked), 1));\n}\n`,
    expectOutput: ['tf.logSumExp(masked, 1)'],
    reference: (x: number[][]) => rows(x, (row) => lseRef(row.map((v) => (v > 0 ? v : -Infinity)))),
    inputs: [
      { label: 'ordinary, partial mask', args: [tensor([[1, -2, 0.5], [-1, 3, 2]])], expect: 'same' },
      { label: 'overflow, partial mask', args: [tensor([[100, -2, 99], [-1, 3, 2]])], expect: 'rescue' },
    ],
  },
];

// ----------------------------------------------------------------------------------------------------------------
// Plain arrays → kernel logSumExp; two terms → logAddExp; three → logSumExp([…])

const KERNEL_IMPORT = /import \{ logSumExp \} from 'eslint-plugin-numerics\/kernels';/;

const arrayCases: FixCase[] = [
  {
    name: 'Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0))',
    code: `export function f(xs: number[]) {\n  return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));\n}\n`,
    expectOutput: ['return logSumExp(xs);', KERNEL_IMPORT],
    rejectOutput: ['Math.exp'],
    reference: arrayRef,
    inputs: ARRAYS,
    property: ARRAY_PROPERTY,
  },
  {
    name: 'map with an arrow: xs.map((v) => Math.exp(v)).reduce(…)',
    code: `export function f(xs: number[]) {\n  return Math.log(xs.map((v) => Math.exp(v)).reduce((a, b) => a + b, 0));\n}\n`,
    expectOutput: ['logSumExp(xs)'],
    reference: arrayRef,
    inputs: ARRAYS,
    property: ORDINARY_ARRAY_PROPERTY,
  },
  {
    name: 'reduce with a block body: const e = Math.exp(v); return acc + e',
    code: `export function f(xs: number[]) {\n  return Math.log(xs.reduce((acc, v) => {\n    const e = Math.exp(v);\n    return acc + e;\n  }, 0));\n}\n`,
    expectOutput: ['logSumExp(xs)'],
    rejectOutput: ['Math.exp'],
    reference: arrayRef,
    inputs: ARRAYS,
    property: ARRAY_PROPERTY,
  },
  {
    name: 'reduce with acc + Math.exp(v)',
    code: `export function f(xs: number[]) {\n  return Math.log(xs.reduce((acc, v) => acc + Math.exp(v), 0));\n}\n`,
    expectOutput: ['logSumExp(xs)'],
    reference: arrayRef,
    inputs: ARRAYS,
    property: ARRAY_PROPERTY,
  },
  {
    name: 'reduce with Math.exp(v) + acc (operands swapped)',
    code: `export function f(xs: number[]) {\n  return Math.log(xs.reduce((acc, v) => Math.exp(v) + acc, 0));\n}\n`,
    expectOutput: ['logSumExp(xs)'],
    reference: arrayRef,
    inputs: ARRAYS,
  },
  {
    name: 'for…of accumulation loop',
    code: `export function f(xs: number[]) {\n  let s = 0;\n  for (const v of xs) s += Math.exp(v);\n  return Math.log(s);\n}\n`,
    expectOutput: ['return logSumExp(xs);'],
    rejectOutput: ['for (', 'let s'],
    reference: arrayRef,
    inputs: ARRAYS,
    property: ARRAY_PROPERTY,
  },
  {
    name: 'indexed for accumulation loop',
    code: `export function f(xs: number[]) {\n  let total = 0;\n  for (let i = 0; i < xs.length; i++) {\n    total += Math.exp(xs[i]);\n  }\n  return Math.log(total);\n}\n`,
    expectOutput: ['return logSumExp(xs);'],
    rejectOutput: ['for (', 'let total'],
    reference: arrayRef,
    inputs: ARRAYS,
    property: ARRAY_PROPERTY,
  },
  {
    name: 'forEach accumulation over a Float64Array',
    code: `export function f(xs: Float64Array) {\n  let total = 0;\n  xs.forEach((v) => {\n    total += Math.exp(v);\n  });\n  return Math.log(total);\n}\n`,
    expectOutput: ['return logSumExp(xs);'],
    reference: (xs: Float64Array) => lseRef(Array.from(xs)),
    inputs: ARRAYS.map((input) => ({ ...input, args: [Float64Array.from(input.args[0] as number[])] })),
  },
  {
    name: 'loop whose accumulator stays in use (loop kept)',
    code: `export function f(xs: number[]) {\n  let s = 0;\n  for (const v of xs) s += Math.exp(v);\n  return [Math.log(s), s > 0 ? 1 : 0];\n}\n`,
    expectOutput: ['[logSumExp(xs), s > 0 ? 1 : 0]', 'for (const v of xs)'],
    reference: (xs: number[]) => [lseRef(xs), 1],
    inputs: ARRAYS.filter((input) => !input.label.startsWith('underflow')),
  },
  {
    name: 'per-row loop nested in an outer loop',
    code: `export function f(xss: number[][]) {\n  const out: number[] = [];\n  for (const xs of xss) {\n    let s = 0;\n    for (const v of xs) s += Math.exp(v);\n    out.push(Math.log(s));\n  }\n  return out;\n}\n`,
    expectOutput: ['out.push(logSumExp(xs))'],
    reference: (xss: number[][]) => xss.map(lseRef),
    inputs: [
      { label: 'ordinary rows', args: [normalMatrix(3, 4, 21)], expect: 'same' },
      { label: 'overflowing and underflowing rows', args: [[[1000, 999], [-1000, -1002], [0.5, 1]]], expect: 'rescue' },
    ],
  },
  {
    name: 'across const temporaries: const e = xs.map(Math.exp); const s = e.reduce(…)',
    code: `export function f(xs: number[]) {\n  const e = xs.map(Math.exp);\n  const s = e.reduce((a, b) => a + b, 0);\n  return Math.log(s);\n}\n`,
    expectOutput: ['return logSumExp(xs);'],
    rejectOutput: ['const e', 'const s'],
    reference: arrayRef,
    inputs: ARRAYS,
  },
  {
    name: 'CommonJS file: the kernel comes in by require',
    filename: 'case.cjs',
    code: `function f(xs) {\n  return Math.log(xs.reduce((acc, v) => acc + Math.exp(v), 0));\n}\nmodule.exports = { f };\n`,
    expectOutput: [/const \{ logSumExp \} = require\('eslint-plugin-numerics\/kernels'\);/, 'logSumExp(xs)'],
    rejectOutput: ['import '],
    reference: arrayRef,
    inputs: ARRAYS,
  },
  {
    name: 'plain JS ES module, top-level function not exported',
    filename: 'case.js',
    code: `function f(xs) {\n  return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));\n}\nexport default f;\n`,
    expectOutput: ['logSumExp(xs)'],
    reference: arrayRef,
    inputs: ARRAYS,
  },
  {
    name: 'kernel name taken by a local binding: the import is aliased',
    code: `const logSumExp = 3;\nexport function f(xs: number[]) {\n  return logSumExp + Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));\n}\n`,
    expectOutput: [/import \{ logSumExp as (\w+) \} from 'eslint-plugin-numerics\/kernels'/],
    reference: (xs: number[]) => 3 + lseRef(xs),
    inputs: ARRAYS,
  },
  {
    name: 'two findings, existing kernel import: one run adds the union to the existing import',
    code: `import { logAddExp } from 'eslint-plugin-numerics/kernels';\nexport function g(a: number, b: number) {\n  return logAddExp(a, b);\n}\nexport function f(xs: number[], a: number, b: number) {\n  return Math.log(xs.map(Math.exp).reduce((p, q) => p + q, 0)) - Math.log(Math.exp(a) + Math.exp(b));\n}\n`,
    expectOutput: [/import \{ (logAddExp, logSumExp|logSumExp, logAddExp) \} from 'eslint-plugin-numerics\/kernels'/, 'logSumExp(xs) - logAddExp(a, b)'],
    reference: (xs: number[], a: number, b: number) => lseRef(xs) - logAddExpRef(a, b),
    inputs: [
      { label: 'ordinary', args: [normals(5, 31), 0.3, -1.1], expect: 'same' },
      { label: 'overflow in both', args: [[1000, 1001], 2000, 2000.5], expect: 'rescue' },
    ],
  },
];

const scalarCases: FixCase[] = [
  {
    name: 'two terms: Math.log(Math.exp(a) + Math.exp(b)) → logAddExp(a, b)',
    code: `export function f(a: number, b: number) {\n  return Math.log(Math.exp(a) + Math.exp(b));\n}\n`,
    expectOutput: ['logAddExp(a, b)', /import \{ logAddExp \} from 'eslint-plugin-numerics\/kernels'/],
    reference: pairRef,
    inputs: PAIRS,
    property: PAIR_PROPERTY,
  },
  {
    name: 'two terms with element operands: Math.log(Math.exp(a[0]) + Math.exp(a[1]))',
    code: `export function f(a: number[]) {\n  return Math.log(Math.exp(a[0]) + Math.exp(a[1]));\n}\n`,
    expectOutput: ['logAddExp(a[0], a[1])'],
    reference: (a: number[]) => logAddExpRef(a[0], a[1]),
    inputs: PAIRS.map((input) => ({ ...input, args: [input.args] })),
  },
  {
    name: 'two terms across const temporaries',
    code: `export function f(a: number, b: number) {\n  const ea = Math.exp(a);\n  const eb = Math.exp(b);\n  return Math.log(ea + eb);\n}\n`,
    expectOutput: ['return logAddExp(a, b);'],
    rejectOutput: ['const ea'],
    reference: pairRef,
    inputs: PAIRS,
  },
  {
    name: 'two terms inside a larger expression: (…) ** 2',
    code: `export function f(a: number, b: number) {\n  return Math.log(Math.exp(a) + Math.exp(b)) ** 2;\n}\n`,
    expectOutput: ['logAddExp(a, b) ** 2'],
    reference: (a: number, b: number) => logAddExpRef(a, b) ** 2,
    inputs: PAIRS,
  },
  {
    name: 'two terms in a CommonJS file',
    filename: 'case.cjs',
    code: `function f(a, b) {\n  return Math.log(Math.exp(a) + Math.exp(b));\n}\nmodule.exports = { f };\n`,
    expectOutput: [/const \{ logAddExp \} = require\('eslint-plugin-numerics\/kernels'\);/],
    reference: pairRef,
    inputs: PAIRS,
  },
  {
    name: 'three terms → logSumExp([a, b, c])',
    code: `export function f(a: number, b: number, c: number) {\n  return Math.log(Math.exp(a) + Math.exp(b) + Math.exp(c));\n}\n`,
    expectOutput: ['logSumExp([a, b, c])'],
    reference: tripleRef,
    inputs: TRIPLES,
    property: { args: fc.tuple(finite(-1200, 1200), finite(-1200, 1200), finite(-1200, 1200)), numRuns: 40 },
  },
];

// Formerly reported bugs, now fixed. The cases that must not be autofixed at all (loops with break/continue,
// data mutated or disposed between the temporaries and the log) are RuleTester cases in tests/rules.
const regressionCases: FixCase[] = [
  {
    name: 'reduce that indexes the array: acc + Math.exp(xs[i])',
    code: `export function f(xs: number[]) {\n  return Math.log(xs.reduce((acc, v, i) => acc + Math.exp(xs[i]), 0));\n}\n`,
    expectOutput: ['return logSumExp(xs);'],
    reference: arrayRef,
    inputs: ARRAYS,
  },
];

describeFixEquivalence('no-naive-logsumexp', [...tensorCases, ...arrayCases, ...scalarCases, ...regressionCases]);
