import rule from '../../rules/no-naive-sigmoid.js';
import { ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

ruleTester.run('no-naive-sigmoid', rule, {
  valid: [
    // In float64, 1 / (1 + exp(-x)) is accurate for every x.
    'const y = 1 / (1 + Math.exp(-x));',
    "import * as tf from '@tensorflow/tfjs'; const y = tf.sigmoid(x);",
    "import * as tf from '@tensorflow/tfjs'; const y = tf.tanh(x);",
    'const y = Math.exp(x) / (2 + Math.exp(x));',
    'const y = Math.exp(x) / (1 + Math.exp(w));',
    'const y = Math.exp(2) / (1 + Math.exp(2));',
    'const y = (Math.exp(3 * x) - 1) / (Math.exp(3 * x) + 1);',
    'const y = (Math.exp(x) - Math.exp(-x)) / 2;',
    'function f(Math, x) { return Math.exp(x) / (1 + Math.exp(x)); }',
    "import * as np from 'numjs'; const y = np.divide(1, np.add(1, np.exp(np.negative(x))));",
  ],
  invalid: [
    {
      code: 'const p = Math.exp(score) / (1 + Math.exp(score));',
      output: "import { sigmoid } from 'eslint-plugin-numerics/kernels';\nconst p = sigmoid(score);",
      errors: [{ messageId: 'naiveSigmoid' }],
    },
    {
      code: 'const p = Math.exp(-s) / (Math.exp(-s) + 1);',
      output: "import { sigmoid } from 'eslint-plugin-numerics/kernels';\nconst p = sigmoid(-s);",
      errors: [{ messageId: 'naiveSigmoid' }],
    },
    {
      code: 'const t = (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1);',
      output: 'const t = Math.tanh(x);',
      errors: [{ messageId: 'naiveTanh' }],
    },
    {
      code: 'const t = (Math.exp(v) - Math.exp(-v)) / (Math.exp(v) + Math.exp(-v));',
      output: 'const t = Math.tanh(v);',
      errors: [{ messageId: 'naiveTanh' }],
    },
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst y = ${tf}.div(1, ${tf}.add(1, ${tf}.exp(${tf}.neg(x))));`,
      output: `${header}\nconst y = ${tf}.sigmoid(x);`,
      errors: [{ messageId: 'naiveSigmoid' as const }],
    })),
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = x.neg().exp().add(1).reciprocal();\nconst z = tf.reciprocal(tf.add(tf.exp(tf.neg(w)), 1));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = x.sigmoid();\nconst z = tf.sigmoid(w);",
      errors: [{ messageId: 'naiveSigmoid' }, { messageId: 'naiveSigmoid' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.div(tf.exp(x), tf.add(1, tf.exp(x)));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.sigmoid(x);",
      errors: [{ messageId: 'naiveSigmoid' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.div(1, tf.add(1, tf.exp(x)));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.sigmoid(tf.neg(x));",
      errors: [{ messageId: 'naiveSigmoid' }],
    },
  ],
});

ruleTester.run('no-naive-sigmoid (guards)', rule, {
  valid: [
    'export const f = (x: number) => (x > 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));',
    'export function f(x: number) {\n  if (x > 700) return 1;\n  return Math.exp(x) / (1 + Math.exp(x));\n}',
    'export const t = (x: number) => (Math.abs(x) < 20 ? (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1) : Math.sign(x));',
  ],
  invalid: [
    {
      code: 'export function f(x: number) {\n  if (x > 800) return 1;\n  return Math.exp(x) / (1 + Math.exp(x));\n}',
      output: "import { sigmoid } from 'eslint-plugin-numerics/kernels';\nexport function f(x: number) {\n  if (x > 800) return 1;\n  return sigmoid(x);\n}",
      errors: [{ messageId: 'naiveSigmoid' }],
    },
  ],
});

ruleTester.run('no-naive-sigmoid (tanh polyfills)', rule, {
  valid: [
    'export const tanh = Math.tanh || function (x: number) { const e = Math.exp(2 * x); return (e - 1) / (e + 1); };',
    'export function tanh(x: number) {\n  if (Math.tanh != null) {\n    return Math.tanh(x);\n  }\n  const e2x = Math.exp(2 * x);\n  return (e2x - 1) / (e2x + 1);\n}',
  ],
  invalid: [],
});

// A computed argument, through a temporary or written twice (found by tests/property).
ruleTester.run('no-naive-sigmoid (computed arguments)', rule, {
  valid: [],
  invalid: [
    {
      code: 'export function f(x: number) {\n  const ex = Math.exp(x / 4);\n  return ex / (1 + ex);\n}',
      output: "import { sigmoid } from 'eslint-plugin-numerics/kernels';\nexport function f(x: number) {\n  return sigmoid(x / 4);\n}",
      errors: [{ messageId: 'naiveSigmoid' }],
    },
    {
      code: 'export const t = (a: number, b: number) => (Math.exp(2 * (a - b)) - 1) / (Math.exp(2 * (a - b)) + 1);',
      output: 'export const t = (a: number, b: number) => Math.tanh(a - b);',
      errors: [{ messageId: 'naiveTanh' }],
    },
  ],
});
