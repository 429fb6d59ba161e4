import rule from '../../rules/no-naive-variance.js';
import { ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const VARIANCE = "import { variance } from 'eslint-plugin-numerics/kernels';";
const STD = "import { std } from 'eslint-plugin-numerics/kernels';";

ruleTester.run('no-naive-variance', rule, {
  valid: [
    // Two-pass and Welford.
    'function v(xs: number[]) { const m = xs.reduce((a, b) => a + b, 0) / xs.length; return xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length; }',
    // Two-pass, with the deviation in a const of a block-bodied callback.
    'function v(xs: number[]) { const m = xs.reduce((a, b) => a + b, 0) / xs.length; return xs.reduce((a, x) => { const d = x - m; return a + d * d; }, 0) / xs.length; }',
    'function v(xs: number[]) { let n = 0, mean = 0, m2 = 0; for (const x of xs) { n++; const d = x - mean; mean += d / n; m2 += d * (x - mean); } return m2 / (n - 1); }',
    "import * as tf from '@tensorflow/tfjs'; const { mean, variance } = tf.moments(x, 0);",
    "import * as tf from '@tensorflow/tfjs'; const m = tf.mean(x, 0, true); const v = tf.mean(tf.square(tf.sub(x, m)), 0);",
    // E[x²] alone, and a difference of moments of different data or axes.
    "import * as tf from '@tensorflow/tfjs'; const e2 = tf.mean(tf.square(x));",
    "import * as tf from '@tensorflow/tfjs'; const d = tf.sub(tf.mean(tf.square(x)), tf.square(tf.mean(y)));",
    "import * as tf from '@tensorflow/tfjs'; const d = tf.sub(tf.mean(tf.square(x), 0), tf.square(tf.mean(x, 1)));",
    'const d = (xs: number[], ys: number[]) => xs.reduce((a, v) => a + v * v, 0) / xs.length - (ys.reduce((a, b) => a + b, 0) / ys.length) ** 2;',
    // Constants; look-alikes.
    'const d = [1, 2].reduce((a, v) => a + v * v, 0) / 2 - ([1, 2].reduce((a, b) => a + b, 0) / 2) ** 2;',
    "import * as np from 'numjs'; const d = np.subtract(np.mean(np.square(x)), np.square(np.mean(x)));",
    "import * as tf from '@tensorflow/tfjs'; function f(tf) { return tf.sub(tf.mean(tf.square(x)), tf.square(tf.mean(x))); }",
    // f() * f() is not a square of one value.
    'const d = (xs: number[]) => xs.reduce((a, v) => a + v * v, 0) / xs.length - mean(xs) * next();',
  ],
  invalid: [
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst v = ${tf}.sub(${tf}.mean(${tf}.square(x), 1), ${tf}.square(${tf}.mean(x, 1)));`,
      output: `${header}\nconst v = ${tf}.moments(x, 1).variance;`,
      errors: [{ messageId: 'naiveVariance' as const }],
    })),
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst v = x.square().mean(-1, true).sub(x.mean(-1, true).square());",
      output: "import * as tf from '@tensorflow/tfjs';\nconst v = tf.moments(x, -1, true).variance;",
      errors: [{ messageId: 'naiveVariance' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst v = tf.sub(tf.mean(tf.mul(x, x)), tf.pow(tf.mean(x), 2));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst v = tf.moments(x).variance;",
      errors: [{ messageId: 'naiveVariance' }],
    },
    {
      code: "import { mean, square, sub } from '@tensorflow/tfjs';\nconst v = sub(mean(square(x), 0), square(mean(x, 0)));",
      output: "import { mean, square, sub, moments } from '@tensorflow/tfjs';\nconst v = moments(x, 0).variance;",
      errors: [{ messageId: 'naiveVariance' }],
    },
    // Across temporaries, inside a helper, with a sqrt: reported once, as a standard deviation.
    {
      code: [
        "import * as tf from '@tensorflow/tfjs';",
        'function layerStd(x) {',
        '  const m = tf.mean(x, 0);',
        '  const m2 = tf.mean(tf.mul(x, x), 0);',
        '  return tf.sqrt(tf.sub(m2, tf.mul(m, m)));',
        '}',
      ].join('\n'),
      output: ["import * as tf from '@tensorflow/tfjs';", 'function layerStd(x) {', '  return tf.sqrt(tf.moments(x, 0).variance);', '}'].join('\n'),
      errors: [{ messageId: 'naiveStd', line: 5 }],
    },
    // Arrays: reduce means, map squares, `mean * mean`, `mean ** 2`, Math.pow.
    {
      // The square in a const temporary of a block-bodied callback.
      code: 'export function spread(xs: number[]) {\n  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;\n  const meanSq = xs.reduce((a, v) => {\n    const sq = v * v;\n    return a + sq;\n  }, 0) / xs.length;\n  return meanSq - mean * mean;\n}',
      output: "import { variance } from 'eslint-plugin-numerics/kernels';\nexport function spread(xs: number[]) {\n  return variance(xs);\n}",
      errors: [{ messageId: 'naiveVariance', line: 7 }],
    },
    {
      code: 'export function variance(xs: number[]) {\n  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;\n  const meanSq = xs.reduce((a, v) => a + v * v, 0) / xs.length;\n  return meanSq - mean * mean;\n}',
      output: "import { variance as numericsVariance } from 'eslint-plugin-numerics/kernels';\nexport function variance(xs: number[]) {\n  return numericsVariance(xs);\n}",
      errors: [{ messageId: 'naiveVariance', line: 4 }],
    },
    {
      code: 'export function spread(xs: number[]) {\n  const n = xs.length;\n  const mean = xs.reduce((a, b) => a + b, 0) / n;\n  const meanSq = xs.map((v) => v ** 2).reduce((a, b) => a + b, 0) / n;\n  return meanSq - Math.pow(mean, 2);\n}',
      output: `${VARIANCE}\nexport function spread(xs: number[]) {\n  const n = xs.length;\n  return variance(xs);\n}`,
      errors: [{ messageId: 'naiveVariance' }],
    },
    // Loops that accumulate sum and sumSq; the sample variance (n − 1); the std.
    {
      code: [
        'export function sampleStd(xs: number[]) {',
        '  let sum = 0;',
        '  let sumSq = 0;',
        '  for (const x of xs) {',
        '    sum += x;',
        '    sumSq += x * x;',
        '  }',
        '  return Math.sqrt((sumSq - (sum * sum) / xs.length) / (xs.length - 1));',
        '}',
      ].join('\n'),
      output: [STD, 'export function sampleStd(xs: number[]) {', '  return std(xs, { ddof: 1 });', '}'].join('\n'),
      errors: [{ messageId: 'naiveStd' }],
    },
    {
      code: [
        'export function sampleVariance(xs: Float64Array) {',
        '  let s = 0, s2 = 0;',
        '  for (let i = 0; i < xs.length; i++) {',
        '    s += xs[i];',
        '    s2 += xs[i] ** 2;',
        '  }',
        '  const n = xs.length;',
        '  return (s2 - s * s / n) / (n - 1);',
        '}',
      ].join('\n'),
      output: [VARIANCE, 'export function sampleVariance(xs: Float64Array) {', '  const n = xs.length;', '  return variance(xs, { ddof: 1 });', '}'].join('\n'),
      errors: [{ messageId: 'naiveVariance' }],
    },
    // The accumulators are used elsewhere: the loop stays.
    {
      code: 'export function stats(xs: number[]) {\n  let sum = 0;\n  let sumSq = 0;\n  for (const x of xs) {\n    sum += x;\n    sumSq += x * x;\n  }\n  return { total: sum, variance: sumSq / xs.length - (sum / xs.length) ** 2 };\n}',
      output: `${VARIANCE}\nexport function stats(xs: number[]) {\n  let sum = 0;\n  let sumSq = 0;\n  for (const x of xs) {\n    sum += x;\n    sumSq += x * x;\n  }\n  return { total: sum, variance: variance(xs) };\n}`,
      errors: [{ messageId: 'naiveVariance' }],
    },
    // Σx · mean form.
    {
      code: 'export const ss = (xs: number[]) => {\n  const s = xs.reduce((a, b) => a + b, 0);\n  const m = s / xs.length;\n  return (xs.reduce((a, v) => a + v * v, 0) - s * m) / (xs.length - 1);\n};',
      output: `${VARIANCE}\nexport const ss = (xs: number[]) => {\n  return variance(xs, { ddof: 1 });\n};`,
      errors: [{ messageId: 'naiveVariance' }],
    },
    // A count that is not the data's length: report, no fix.
    {
      code: 'export const v = (xs: number[], n: number) => xs.reduce((a, x) => a + x * x, 0) / n - (xs.reduce((a, b) => a + b, 0) / n) ** 2;',
      output: null,
      errors: [{ messageId: 'naiveVariance' }],
    },
    // Regression code: n·Σx² − (Σx)², reported without a fix.
    {
      code: 'export function denominator(xs: number[]) {\n  const n = xs.length;\n  let sx = 0, sxx = 0;\n  for (let i = 0; i < n; i++) {\n    sx += xs[i];\n    sxx += xs[i] * xs[i];\n  }\n  return n * sxx - sx * sx;\n}',
      output: null,
      errors: [{ messageId: 'scaledSumOfSquares' }],
    },
  ],
});

// Streaming state: sums kept in class fields or closure variables and combined in another method.
ruleTester.run('no-naive-variance (streaming state)', rule, {
  valid: [
    // Welford in a class.
    'class Stats {\n  n = 0;\n  mean = 0;\n  m2 = 0;\n  push(x: number) {\n    this.n++;\n    const d = x - this.mean;\n    this.mean += d / this.n;\n    this.m2 += d * (x - this.mean);\n  }\n  variance() {\n    return this.m2 / (this.n - 1);\n  }\n}',
    // A field written in two places is not one running sum.
    'class S {\n  sum = 0;\n  sumSq = 0;\n  n = 0;\n  push(x: number) { this.sum += x; this.sumSq += x * x; this.n++; }\n  scale(k: number) { this.sum *= k; }\n  variance() { return this.sumSq / this.n - (this.sum / this.n) ** 2; }\n}',
  ],
  invalid: [
    {
      code: 'export class Stats {\n  private sum = 0;\n  private sumSq = 0;\n  private n = 0;\n  push(x: number) {\n    this.sum += x;\n    this.sumSq += x * x;\n    this.n++;\n  }\n  reset() {\n    this.sum = 0;\n    this.sumSq = 0;\n    this.n = 0;\n  }\n  variance() {\n    return this.sumSq / this.n - (this.sum / this.n) ** 2;\n  }\n}',
      output: null,
      errors: [{ messageId: 'streamingVariance', line: 16 }],
    },
    {
      code: 'export class Meter {\n  total = 0;\n  totalSq = 0;\n  count = 0;\n  add(v: number) { this.total += v; this.totalSq += v * v; this.count += 1; }\n  std() { return Math.sqrt((this.totalSq - this.total * this.total / this.count) / (this.count - 1)); }\n}',
      output: null,
      errors: [{ messageId: 'streamingVariance' }],
    },
    {
      code: 'export function tracker() {\n  let sum = 0;\n  let sumSq = 0;\n  let n = 0;\n  return {\n    push(x: number) { sum += x; sumSq += x * x; n++; },\n    variance: () => sumSq / n - (sum / n) * (sum / n),\n  };\n}',
      output: null,
      errors: [{ messageId: 'streamingVariance' }],
    },
  ],
});

// Σx² − n·mean²: the same cancellation written with the mean.
ruleTester.run('no-naive-variance (n·mean² form)', rule, {
  valid: [
    // n·mean² alone, or with a count that is not the data's length.
    'export const f = (xs: number[], k: number) => { const mean = xs.reduce((a, b) => a + b, 0) / xs.length; return xs.reduce((a, v) => a + v * v, 0) - k * mean * mean; };',
  ],
  invalid: [
    {
      code: 'export function sampleVariance(xs: number[]) {\n  const n = xs.length;\n  const mean = xs.reduce((a, b) => a + b, 0) / n;\n  const sumSq = xs.reduce((a, v) => a + v * v, 0);\n  return (sumSq - n * mean * mean) / (n - 1);\n}',
      output: "import { variance } from 'eslint-plugin-numerics/kernels';\nexport function sampleVariance(xs: number[]) {\n  const n = xs.length;\n  return variance(xs, { ddof: 1 });\n}",
      errors: [{ messageId: 'naiveVariance' }],
    },
    {
      code: 'export function sampleVariance(xs: number[]) {\n  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;\n  let sumSq = 0;\n  for (const x of xs) sumSq += x * x;\n  return (sumSq - xs.length * mean ** 2) / (xs.length - 1);\n}',
      output: "import { variance } from 'eslint-plugin-numerics/kernels';\nexport function sampleVariance(xs: number[]) {\n  return variance(xs, { ddof: 1 });\n}",
      errors: [{ messageId: 'naiveVariance' }],
    },
  ],
});
