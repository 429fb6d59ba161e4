/**
 * All rules together: where two rules see overlapping code, `eslint --fix` must end in the stable form, the
 * output must parse, and a second run must change nothing.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.all] as Linter.Config[];

function fixAll(code: string): string {
  const linter = new Linter({ configType: 'flat' });
  const result = linter.verifyAndFix(code, config, 'file.ts');
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  const again = linter.verifyAndFix(result.output, config, 'file.ts');
  expect(again.output).toBe(result.output); // stable
  return result.output;
}

const TF = "import * as tf from '@tensorflow/tfjs';\n";

const CASES: { name: string; code: string; output: string }[] = [
  { name: 'softplus is one finding, fixed to the kernel', code: 'const y = Math.log(1 + Math.exp(x));', output: "import { softplus } from 'eslint-plugin-numerics/kernels';\nconst y = softplus(x);" },
  {
    name: 'log(1 - sigmoid) ends as logSigmoid(-x)',
    code: 'const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));\nconst y = Math.log(1 - sigmoid(z));',
    output: "import { logSigmoid } from 'eslint-plugin-numerics/kernels';\nconst sigmoid = (v: number) => 1 / (1 + Math.exp(-v));\nconst y = logSigmoid(-z);",
  },
  { name: 'tanh from exp(2x) is not also an expm1 rewrite', code: 'const t = (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1);', output: 'const t = Math.tanh(x);' },
  { name: 'log of a written-out tensor sigmoid', code: `${TF}const y = tf.log(tf.div(1, tf.add(1, tf.exp(tf.neg(x)))));`, output: `${TF}const y = tf.logSigmoid(x);` },
  {
    name: 'log of a naive tensor softmax ends as logSoftmax',
    code: `${TF}const y = tf.log(tf.div(tf.exp(x), tf.sum(tf.exp(x), -1, true)));`,
    output: `${TF}const y = tf.logSoftmax(x);`,
  },
  {
    name: 'log of a naive array softmax ends as the logSoftmax kernel',
    code: 'function f(xs: number[]) {\n  const e = xs.map(Math.exp);\n  const s = e.reduce((a, b) => a + b, 0);\n  const p = e.map((v) => v / s);\n  return p.map(Math.log);\n}',
    // Known wart: the softmax import added by the first pass stays (unused) after log-of-softmax fuses the chain.
    output: "import { softmax, logSoftmax } from 'eslint-plugin-numerics/kernels';\nfunction f(xs: number[]) {\n  return logSoftmax(xs);\n}",
  },
  {
    name: 'several kernels in one file converge in one run',
    code: [
      'export const a = (x: number, y: number) => Math.log(Math.exp(x) + Math.exp(y));',
      'export const b = (xs: number[]) => Math.log(xs.map(Math.exp).reduce((s, v) => s + v, 0));',
      'export const c = (z: number) => Math.log(1 + Math.exp(z));',
      'export const d = (z: number) => Math.exp(z) / (1 + Math.exp(z));',
      'export const e = (r: number) => Math.log(1 + r);',
      'export const f = (r: number) => Math.exp(r) - 1;',
      'export const g = (p: { x: number; y: number }) => Math.sqrt(p.x * p.x + p.y * p.y);',
    ].join('\n'),
    output: [
      // Each rule inserts the union of its own kernels; a later rule's names are merged into the same import.
      "import { logAddExp, logSumExp, softplus, sigmoid } from 'eslint-plugin-numerics/kernels';",
      'export const a = (x: number, y: number) => logAddExp(x, y);',
      'export const b = (xs: number[]) => logSumExp(xs);',
      'export const c = (z: number) => softplus(z);',
      'export const d = (z: number) => sigmoid(z);',
      'export const e = (r: number) => Math.log1p(r);',
      'export const f = (r: number) => Math.expm1(r);',
      'export const g = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);',
    ].join('\n'),
  },
];

describe('all rules together', () => {
  for (const { name, code, output } of CASES) {
    it(name, () => {
      expect(fixAll(code)).toBe(output);
    });
  }
});
