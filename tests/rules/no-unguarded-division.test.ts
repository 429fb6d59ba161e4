import rule from '../../rules/no-unguarded-division.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";
const SUM = 'const total = xs.reduce((a, b) => a + b, 0);';

ruleTester.run('no-unguarded-division', rule, {
  valid: [
    // A zero guard through a boolean temporary.
    'export function normalize(xs: number[]) {\n  const total = xs.reduce((a, b) => a + b, 0);\n  const empty = total === 0;\n  return empty ? xs : xs.map((v) => v / total);\n}',
    // Guards: + eps, max, || 1, ternaries, enclosing ifs, early returns/throws, data emptiness checks.
    `export const f = (xs: number[]) => { const total = xs.reduce((a, b) => a + b, 0) + 1e-12; return xs.map((v) => v / total); };`,
    `export const f = (xs: number[]) => { const total = Math.max(xs.reduce((a, b) => a + b, 0), 1e-12); return xs.map((v) => v / total); };`,
    `export const f = (xs: number[]) => { const total = xs.reduce((a, b) => a + b, 0) || 1; return xs.map((v) => v / total); };`,
    `export const f = (xs: number[]) => { ${SUM} return total !== 0 ? xs.map((v) => v / total) : xs; };`,
    `export const f = (xs: number[]) => { ${SUM} return total === 0 ? xs : xs.map((v) => v / total); };`,
    `export function f(xs: number[]) { ${SUM} if (total > 0) { return xs.map((v) => v / total); } return xs; }`,
    `export function f(xs: number[]) { ${SUM} if (total) return xs.map((v) => v / total); return xs; }`,
    `export function f(xs: number[]) { ${SUM} if (total === 0) return xs; return xs.map((v) => v / total); }`,
    `export function f(xs: number[]) { ${SUM} if (!total) throw new Error('empty'); return xs.map((v) => v / total); }`,
    `export function f(xs: number[]) { ${SUM} if (Math.abs(total) < 1e-12) return xs; return xs.map((v) => v / total); }`,
    `export function f(xs: number[]) { if (xs.length === 0) return []; const total = xs.reduce((a, b) => a + b, 0); return xs.map((v) => v / total); }`,
    `export function f(xs: number[]) { ${SUM} return total > 0 && xs[0] / total > 0.5; }`,
    // Not a zero-prone denominator: a parameter, a constant, a sum of exponentials (positive), a length without checkLength.
    'export const f = (x: number, y: number) => x / y;',
    'export const f = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;',
    'export const f = (x: number) => x / 2;',
    'export const f = (xs: number[]) => { const e = xs.map(Math.exp); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); };',
    `${TF}export const f = (x: tf.Tensor) => tf.div(x, tf.maximum(tf.norm(x), 1e-7));`,
    `${TF}export const f = (x: tf.Tensor) => tf.div(x, tf.add(tf.sum(x), 1e-7));`,
    `${TF}export const f = (x: tf.Tensor) => tf.div(x, tf.clipByValue(tf.sum(x), 1e-7, 1e7));`,
    // Look-alikes.
    'const ops = { sum: (v: number[]) => 1 }; export const f = (xs: number[]) => 1 / ops.sum(xs);',
    'export const f = (xs: number[]) => 1 / xs.reduce((a, b) => a * b, 1);',
  ],
  invalid: [
    {
      code: `export function normalize(xs: number[]) {\n  ${SUM}\n  return xs.map((v) => v / total);\n}`,
      output: null,
      errors: [
        {
          messageId: 'unguardedDivision',
          data: { code: 'v / total', kind: 'sum', when: 'all-zero or empty input', epsilon: '1e-7' },
          suggestions: [
            {
              messageId: 'safeDivSuggestion',
              output: `import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport function normalize(xs: number[]) {\n  ${SUM}\n  return xs.map((v) => safeDiv(v, total));\n}`,
            },
          ],
        },
      ],
    },
    // A guard on another variable does not count.
    {
      code: `export function f(xs: number[], other: number) {\n  ${SUM}\n  if (other !== 0) return xs.map((v) => v / total);\n  return xs;\n}`,
      output: null,
      errors: [{ messageId: 'unguardedDivision', suggestions: [{ messageId: 'safeDivSuggestion', output: `import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: number[], other: number) {\n  ${SUM}\n  if (other !== 0) return xs.map((v) => safeDiv(v, total));\n  return xs;\n}` }] }],
    },
    // Range max − min, count of matches, a standard deviation, a norm.
    {
      code: 'export function scale(xs: number[]) {\n  const lo = Math.min(...xs);\n  const hi = Math.max(...xs);\n  return xs.map((v) => (v - lo) / (hi - lo));\n}',
      output: null,
      errors: [{ messageId: 'unguardedDivision', data: { code: '(v - lo) / (hi - lo)', kind: 'range', when: 'constant input', epsilon: '1e-7' }, suggestions: [{ messageId: 'safeDivSuggestion', output: "import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport function scale(xs: number[]) {\n  const lo = Math.min(...xs);\n  const hi = Math.max(...xs);\n  return xs.map((v) => safeDiv(v - lo, hi - lo));\n}" }] }],
    },
    {
      code: 'export const precision = (xs: number[]) => xs.filter((v) => v > 0.5).length / xs.filter((v) => v > 0).length;',
      output: null,
      errors: [{ messageId: 'unguardedDivision', suggestions: [{ messageId: 'safeDivSuggestion', output: "import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport const precision = (xs: number[]) => safeDiv(xs.filter((v) => v > 0.5).length, xs.filter((v) => v > 0).length);" }] }],
    },
    {
      code: "import { mean, std } from 'eslint-plugin-numerics/kernels';\nexport const z = (xs: number[], v: number) => (v - mean(xs)) / std(xs);",
      output: null,
      errors: [{ messageId: 'unguardedDivision', suggestions: [{ messageId: 'safeDivSuggestion', output: "import { mean, std, safeDiv } from 'eslint-plugin-numerics/kernels';\nexport const z = (xs: number[], v: number) => safeDiv(v - mean(xs), std(xs));" }] }],
    },
    {
      code: 'export const unit = (x: number, y: number) => [x / Math.hypot(x, y), y / Math.hypot(x, y)];',
      output: null,
      errors: [
        { messageId: 'unguardedDivision', suggestions: [{ messageId: 'safeDivSuggestion', output: "import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport const unit = (x: number, y: number) => [safeDiv(x, Math.hypot(x, y)), y / Math.hypot(x, y)];" }] },
        { messageId: 'unguardedDivision', suggestions: [{ messageId: 'safeDivSuggestion', output: "import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport const unit = (x: number, y: number) => [x / Math.hypot(x, y), safeDiv(y, Math.hypot(x, y))];" }] },
      ],
    },
    // Tensors: a norm (non-negative) → maximum; a signed sum → the double-where form.
    {
      code: `${TF}export const unit = (x: tf.Tensor) => tf.div(x, tf.norm(x));`,
      output: null,
      errors: [{ messageId: 'unguardedDivision', suggestions: [{ messageId: 'maximumSuggestion', output: `${TF}export const unit = (x: tf.Tensor) => tf.div(x, tf.maximum(tf.norm(x), 1e-7));` }] }],
    },
    {
      code: `${TF}export function normalize(x: tf.Tensor) {\n  const s = tf.sum(x, -1, true);\n  return tf.div(x, s);\n}`,
      output: null,
      errors: [
        {
          messageId: 'unguardedDivision',
          suggestions: [
            {
              messageId: 'doubleWhereSuggestion',
              output: `${TF}export function normalize(x: tf.Tensor) {\n  const s = tf.sum(x, -1, true);\n  return tf.where(tf.greaterEqual(tf.abs(s), 1e-7), tf.div(x, tf.where(tf.greaterEqual(tf.abs(s), 1e-7), s, tf.onesLike(s))), tf.zerosLike(x));\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `${TF}export const f = (x: tf.Tensor) => x.div(x.square().sum().sqrt());`,
      output: null,
      options: [{ epsilon: 1e-6 }],
      errors: [{ messageId: 'unguardedDivision', suggestions: [{ messageId: 'maximumSuggestion', output: `${TF}export const f = (x: tf.Tensor) => tf.div(x, tf.maximum(x.square().sum().sqrt(), 1e-6));` }] }],
    },
    // A length only with checkLength.
    {
      code: 'export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;',
      options: [{ checkLength: true }],
      output: null,
      errors: [{ messageId: 'unguardedDivision', suggestions: [{ messageId: 'safeDivSuggestion', output: "import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport const mean = (xs: number[]) => safeDiv(xs.reduce((a, b) => a + b, 0), xs.length);" }] }],
    },
  ],
});

// A nonzero constant inside Math.hypot keeps the norm away from 0 (found on the corpus: three.js generators).
ruleTester.run('no-unguarded-division (hypot with a constant term)', rule, {
  valid: ['export const n = (nx: number, nz: number) => { const length = Math.hypot(nx, 1, nz); return [nx / length, 1 / length, nz / length]; };'],
  invalid: [],
});

// A shadowed Math, and a local object with a reduce method that is not an array sum.
ruleTester.run('no-unguarded-division (look-alikes)', rule, {
  valid: [
    'export function f(Math: { hypot(...v: number[]): number }, x: number, y: number) { return x / Math.hypot(x, y); }',
    'const stats = { filter: () => ({ length: 3 }) };\nexport const f = (n: number) => n / stats.filter().length;',
    // A count through a temporary, guarded by an early return; a `moments` that is not TF.js's.
    'export function share(xs: number[]) {\n  const hits = xs.filter((v) => v > 0);\n  if (hits.length === 0) return 0;\n  return 3 / hits.length;\n}',
    `${TF}const stats = { moments: (x: tf.Tensor) => ({ variance: tf.scalar(1) }) };\nexport function z(x: tf.Tensor) {\n  const m = stats.moments(x);\n  return tf.div(x, m.variance);\n}`,
  ],
  invalid: [],
});

// The file filter (ops/vocabulary, ZERO_PRONE_WORDS): each file names its zero-prone value with one word alone, so a
// word the filter forgot would skip the file and fail the case.
ruleTester.run('no-unguarded-division (one zero-prone word per file)', rule, {
  valid: [],
  invalid: [
    {
      // a loop accumulator: only `+=` says "sum"
      code: 'export function firstShare(xs: number[]) {\n  let total = 0;\n  for (const v of xs) total += v;\n  return xs[0] / total;\n}',
      output: null,
      errors: [
        {
          messageId: 'unguardedDivision',
          data: { code: 'xs[0] / total', kind: 'sum', when: 'all-zero or empty input', epsilon: '1e-7' },
          suggestions: [{ messageId: 'safeDivSuggestion', output: "import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport function firstShare(xs: number[]) {\n  let total = 0;\n  for (const v of xs) total += v;\n  return safeDiv(xs[0], total);\n}" }],
        },
      ],
    },
    {
      // The filtered array in a temporary: still a count of matches.
      code: 'export function share(xs: number[]) {\n  const hits = xs.filter((v) => v > 0);\n  return 3 / hits.length;\n}',
      output: null,
      errors: [{ messageId: 'unguardedDivision', data: { code: '3 / hits.length', kind: 'count', when: 'input with no match', epsilon: '1e-7' }, suggestions: [{ messageId: 'safeDivSuggestion', output: "import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport function share(xs: number[]) {\n  const hits = xs.filter((v) => v > 0);\n  return safeDiv(3, hits.length);\n}" }] }],
    },
    {
      // The moments in a temporary.
      code: `${TF}export function z(x: tf.Tensor) {\n  const m = tf.moments(x);\n  return tf.div(x, m.variance);\n}`,
      output: null,
      errors: [
        {
          messageId: 'unguardedDivision',
          data: { code: 'tf.div(x, m.variance)', kind: 'variance', when: 'constant input', epsilon: '1e-7' },
          suggestions: [{ messageId: 'maximumSuggestion', output: `${TF}export function z(x: tf.Tensor) {\n  const m = tf.moments(x);\n  return tf.div(x, tf.maximum(m.variance, 1e-7));\n}` }],
        },
      ],
    },
    {
      code: `${TF}export const z = (x: tf.Tensor) => tf.div(x, tf.moments(x).variance);`,
      output: null,
      errors: [
        {
          messageId: 'unguardedDivision',
          data: { code: 'tf.div(x, tf.moments(x).variance)', kind: 'variance', when: 'constant input', epsilon: '1e-7' },
          suggestions: [{ messageId: 'maximumSuggestion', output: `${TF}export const z = (x: tf.Tensor) => tf.div(x, tf.maximum(tf.moments(x).variance, 1e-7));` }],
        },
      ],
    },
    {
      code: "import { std } from 'eslint-plugin-numerics/kernels';\nexport const z = (xs: number[], v: number) => v / std(xs);",
      output: null,
      errors: [
        {
          messageId: 'unguardedDivision',
          data: { code: 'v / std(xs)', kind: 'standard deviation', when: 'constant input', epsilon: '1e-7' },
          suggestions: [{ messageId: 'safeDivSuggestion', output: "import { std, safeDiv } from 'eslint-plugin-numerics/kernels';\nexport const z = (xs: number[], v: number) => safeDiv(v, std(xs));" }],
        },
      ],
    },
    {
      code: 'export const share = (xs: number[], t: number) => t / xs.length;',
      options: [{ checkLength: true }],
      output: null,
      errors: [
        {
          messageId: 'unguardedDivision',
          data: { code: 't / xs.length', kind: 'length', when: 'empty input', epsilon: '1e-7' },
          suggestions: [{ messageId: 'safeDivSuggestion', output: "import { safeDiv } from 'eslint-plugin-numerics/kernels';\nexport const share = (xs: number[], t: number) => safeDiv(t, xs.length);" }],
        },
      ],
    },
  ],
});
