// engine.mayBe (the syntactic pre-filter of engine.matchTop) over every spelling the engine recognises: it must
// accept each, and reject the look-alikes that are no op at all. Every rule test runs the same check on its own
// samples (tests/helpers/rule-tester.ts).
import { describe, expect, it } from 'vitest';
import { checkMayBe } from '../helpers/may-be.js';

const TF = "import * as tf from '@tensorflow/tfjs';\nimport { exp as e, sub } from '@tensorflow/tfjs';\n";
const KERNELS = "import { logSumExp as lse, softmax, sigmoid, mean } from 'eslint-plugin-numerics/kernels';\n";

/** One sample per spelling; the comment names what the engine makes of it. */
const SPELLINGS = [
  'const a = x + y, b = x - y, c = x * y, d = x / y, e = x ** y, f = x ** 2, g = -x;', // operators
  "const a = Math.exp(x), b = Math.log(x), c = Math.log1p(x), d = Math.expm1(x), e = Math.sqrt(x), f = Math.abs(x), g = Math.tanh(x);",
  "const a = Math.pow(x, 2), b = Math.pow(x, 0.5), c = Math.max(x, y), d = Math.min(x, y), e = Math.max(...xs), f = Math['exp'](x);",
  `${TF}const a = tf.exp(x), b = tf.log(x), c = tf.sum(x, 1), d = tf.softmax(x), e = tf.sigmoid(x), f = tf.pow(x, 2), g = e(x), h = sub(x, y);`,
  `${TF}const a = tf.tensor([1]).exp().log().sum(1).sqrt().square().neg().div(2).mul(3).add(1).sub(1).maximum(0).logSoftmax();`,
  `${TF}const a = tf.losses.logLoss(y, p), b = tf.clipByValue(x, 0, 1), c = tf.mean(tf.square(x)), d = tf.logSumExp(x);`,
  `${KERNELS}const a = lse(xs), b = softmax(xs), c = sigmoid(x), d = mean(xs);`,
  'function stableSoftmax(xs) { const m = Math.max(...xs); const e = xs.map((v) => Math.exp(v - m)); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); }\nconst p = stableSoftmax(z);',
  'function logistic(x) { return 1 / (1 + Math.exp(-x)); }\nconst q = logistic(z);',
  'const s = xs.reduce((a, b) => a + b, 0), m = xs.reduce((a, b) => Math.max(a, b)), e = xs.map(Math.exp), l = xs.map((v) => Math.log(v));',
  'function f(xs) { let s = 0; for (const v of xs) s += v * v; return s; }',
  'function f(xs) { let s = 0; for (let i = 0; i < xs.length; i++) { s += Math.exp(xs[i]); } return Math.log(s); }',
  'function f(xs) { let s = 0; xs.forEach((v) => { s += v; }); return s / xs.length; }',
  'const y = (x as number) ** 2 + (x! * x!);',
];

describe('engine.mayBe', () => {
  it('accepts every spelling the engine recognises', () => {
    const report = checkMayBe(SPELLINGS.map((code) => ({ code })), 'typescript');
    expect(report.unparsed).toBe(0);
    expect(report.missed).toEqual([]);
    // Not vacuous: the samples hold this many recognised ops (each sample contributes several).
    expect(report.recognised).toBeGreaterThanOrEqual(75);
  });
});
