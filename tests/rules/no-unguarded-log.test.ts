import rule from '../../rules/no-unguarded-log.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";

ruleTester.run('no-unguarded-log', rule, {
  valid: [
    // Guarded: + eps, max, clip, an enclosing condition, an early return.
    'export const f = (xs: number[]) => Math.log(xs.reduce((a, b) => a + b, 0) + 1e-12);',
    'export const f = (xs: number[]) => Math.log(Math.max(xs.filter((v) => v > 0).length, 1));',
    `${TF}export const f = (x: tf.Tensor) => tf.log(tf.clipByValue(tf.sum(x), 1e-7, 1));`,
    `${TF}export const f = (x: tf.Tensor) => tf.log(tf.maximum(tf.sum(x), 1e-7));`,
    'export function f(xs: number[]) { const n = xs.filter((v) => v > 0).length; return n > 0 ? Math.log(n) : 0; }',
    'export function f(xs: number[]) { const s = xs.reduce((a, b) => a + b, 0); if (s <= 0) return -Infinity; return Math.log(s); }',
    // Not zero-prone: literals, a log of exp, a positive expression, a plain parameter, a sum of exps (another rule's).
    'export const c = Math.log(2);',
    'export const f = (x: number) => Math.log(Math.exp(x));',
    'export const f = (x: number) => Math.log(1 + x * x);',
    'export const f = (x: number) => Math.log(x);',
    'export const f = (xs: number[]) => Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));',
    // xlogy already.
    "import { xlogy } from 'eslint-plugin-numerics/kernels';\nexport const h = (ps: number[]) => -ps.reduce((a, p) => a + xlogy(p, p), 0);",
    // p * log(q) with q unrelated to p is a cross term, not an entropy term.
    'export const ce = (p: number, q: number) => p * Math.log(q);',
  ],
  invalid: [
    // Entropy and KL terms → xlogy (autofix: value-identical where finite, 0 where p = 0).
    {
      code: 'export const entropy = (ps: number[]) => -ps.reduce((a, p) => a + p * Math.log(p), 0);',
      output: "import { xlogy } from 'eslint-plugin-numerics/kernels';\nexport const entropy = (ps: number[]) => -ps.reduce((a, p) => a + xlogy(p, p), 0);",
      errors: [{ messageId: 'entropyTerm' }],
    },
    {
      code: 'export const kl = (p: number, q: number) => p * Math.log(p / q);',
      output: "import { xlogy } from 'eslint-plugin-numerics/kernels';\nexport const kl = (p: number, q: number) => xlogy(p, p / q);",
      errors: [{ messageId: 'entropyTerm' }],
    },
    {
      code: 'export const kl = (ps: number[], qs: number[]) => ps.reduce((a, p, i) => a + Math.log(p / qs[i]) * p, 0);',
      output: "import { xlogy } from 'eslint-plugin-numerics/kernels';\nexport const kl = (ps: number[], qs: number[]) => ps.reduce((a, p, i) => a + xlogy(p, p / qs[i]), 0);",
      errors: [{ messageId: 'entropyTerm' }],
    },
    { code: `${TF}export const h = (p: tf.Tensor) => tf.neg(tf.sum(tf.mul(p, tf.log(p))));`, output: null, errors: [{ messageId: 'tensorEntropyTerm' }] },
    // The log of a count, a sum, a ratio of a count.
    {
      // The filtered array in a temporary.
      code: 'export function lc(xs: number[]) {\n  const hits = xs.filter((v) => v > 0);\n  return Math.log(hits.length);\n}',
      output: null,
      errors: [{ messageId: 'unguardedLog', suggestions: [{ messageId: 'floorSuggestion', output: 'export function lc(xs: number[]) {\n  const hits = xs.filter((v) => v > 0);\n  return Math.log(Math.max(hits.length, 1e-7));\n}' }] }],
    },
    {
      code: 'export const lc = (xs: number[]) => Math.log(xs.filter((v) => v > 0).length);',
      output: null,
      errors: [{ messageId: 'unguardedLog', suggestions: [{ messageId: 'floorSuggestion', output: 'export const lc = (xs: number[]) => Math.log(Math.max(xs.filter((v) => v > 0).length, 1e-7));' }] }],
    },
    {
      code: 'export const idf = (docs: string[][], term: string) => Math.log(docs.filter((d) => d.includes(term)).length / docs.length);',
      output: null,
      errors: [
        {
          messageId: 'unguardedLog',
          suggestions: [{ messageId: 'floorSuggestion', output: 'export const idf = (docs: string[][], term: string) => Math.log(Math.max(docs.filter((d) => d.includes(term)).length / docs.length, 1e-7));' }],
        },
      ],
    },
    {
      code: `${TF}export const f = (x: tf.Tensor) => tf.log(tf.sum(x, -1));`,
      output: null,
      errors: [{ messageId: 'unguardedLog', suggestions: [{ messageId: 'floorSuggestion', output: `${TF}export const f = (x: tf.Tensor) => tf.log(tf.maximum(tf.sum(x, -1), 1e-7));` }] }],
    },
  ],
});

ruleTester.run('no-unguarded-log (look-alikes)', rule, {
  valid: [
    'export function f(Math: { log(v: number): number }, xs: number[]) { return Math.log(xs.reduce((a, b) => a + b, 0)); }',
    'export function h(Math: { log(v: number): number }, p: number) { return p * Math.log(p); }',
  ],
  invalid: [],
});
