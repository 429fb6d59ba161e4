import rule from '../../rules/no-naive-softmax.js';
import { ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const KERNELS = "import { softmax } from 'eslint-plugin-numerics/kernels';";

ruleTester.run('no-naive-softmax', rule, {
  valid: [
    "import * as tf from '@tensorflow/tfjs'; const p = tf.softmax(x);",
    // Max-shifted, inline and across statements.
    "import * as tf from '@tensorflow/tfjs'; const e = tf.exp(tf.sub(x, tf.max(x, -1, true))); const p = tf.div(e, tf.sum(e, -1, true));",
    "import * as tf from '@tensorflow/tfjs'; const e = x.sub(x.max(-1, true)).exp(); const p = e.div(e.sum(-1, true));",
    'function softmax(xs: number[]) { const m = Math.max(...xs); const e = xs.map((v) => Math.exp(v - m)); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); }',
    'function softmax(xs: number[], t: number) { const m = Math.max(...xs); const e = xs.map((v) => Math.exp((v - m) / t)); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); }',
    // Different exponentials on top and bottom, or a sum of something else.
    "import * as tf from '@tensorflow/tfjs'; const p = tf.div(tf.exp(x), tf.sum(tf.exp(y), -1, true));",
    "import * as tf from '@tensorflow/tfjs'; const p = tf.div(tf.exp(x), tf.sum(x, -1, true));",
    'function f(xs: number[], s: number) { return xs.map((v) => Math.exp(v) / s); }',
    // Constants; look-alikes.
    'const p = [1, 2].map(Math.exp).map((v, _, all) => v / 3);',
    "import * as np from 'numjs'; const p = np.divide(np.exp(x), np.sum(np.exp(x)));",
    'const p = tf.div(tf.exp(x), tf.sum(tf.exp(x), -1, true));',
  ],
  invalid: [
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst p = ${tf}.div(${tf}.exp(x), ${tf}.sum(${tf}.exp(x), -1, true));`,
      output: `${header}\nconst p = ${tf}.softmax(x);`,
      errors: [{ messageId: 'naiveSoftmax' as const }],
    })),
    {
      code: "import * as tf from '@tensorflow/tfjs';\nfunction probs(logits) {\n  const e = tf.exp(logits);\n  return tf.div(e, tf.sum(e, -1, true));\n}",
      output: "import * as tf from '@tensorflow/tfjs';\nfunction probs(logits) {\n  return tf.softmax(logits);\n}",
      errors: [{ messageId: 'naiveSoftmax', line: 4 }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst e = logits.exp();\nconst p = e.div(e.sum(-1, true));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst p = logits.softmax();",
      errors: [{ messageId: 'naiveSoftmax' }],
    },
    {
      code: "import { div, exp, sum } from '@tensorflow/tfjs';\nconst KEEP = true;\nconst p = div(exp(z), sum(exp(z), -1, KEEP));",
      output: "import { div, exp, sum, softmax } from '@tensorflow/tfjs';\nconst KEEP = true;\nconst p = softmax(z);",
      errors: [{ messageId: 'naiveSoftmax' }],
    },
    // Sum over every axis: equal to tf.softmax for 1-D input only, so suggest.
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst e = tf.exp(v);\nconst p = tf.div(e, tf.sum(e));",
      output: null,
      errors: [
        {
          messageId: 'naiveSoftmax',
          suggestions: [{ messageId: 'naiveSoftmaxSuggestion', output: "import * as tf from '@tensorflow/tfjs';\nconst p = tf.softmax(v);" }],
        },
      ],
    },
    // Another axis: suggest the explicit max shift over that axis.
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst p = tf.div(tf.exp(x), tf.sum(tf.exp(x), 0, true));",
      output: null,
      errors: [
        {
          messageId: 'naiveSoftmax',
          suggestions: [
            {
              messageId: 'otherAxisSuggestion',
              output:
                "import * as tf from '@tensorflow/tfjs';\nconst p = tf.div(tf.exp(tf.sub(x, tf.max(x, 0, true))), tf.sum(tf.exp(tf.sub(x, tf.max(x, 0, true))), 0, true));",
            },
          ],
        },
      ],
    },
    // A constant positive temperature is autofixed.
    {
      code: 'export function probabilities(xs: number[]) {\n  const e = xs.map((v) => Math.exp(v / 0.5));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);\n}',
      output: `${KERNELS}\nexport function probabilities(xs: number[]) {\n  return softmax(xs, 0.5);\n}`,
      errors: [{ messageId: 'naiveSoftmax' }],
    },
    // Arrays: map/reduce, with a temperature, with the exponential inside the division.
    {
      code: 'export function softmax(xs: number[]) {\n  const e = xs.map(Math.exp);\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);\n}',
      output: `${KERNELS}\nexport function softmax(xs: number[]) {\n  return numericsSoftmax(xs);\n}`.replace(KERNELS, "import { softmax as numericsSoftmax } from 'eslint-plugin-numerics/kernels';"),
      errors: [{ messageId: 'naiveSoftmax', line: 4 }],
    },
    {
      code: 'export function probabilities(xs: number[], temperature: number) {\n  const e = xs.map((v) => Math.exp(v / temperature));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);\n}',
      // The kernel requires a positive temperature (a negative one throws), so only suggest.
      output: null,
      errors: [
        {
          messageId: 'naiveSoftmax',
          suggestions: [
            {
              messageId: 'naiveSoftmaxSuggestion',
              output: `${KERNELS}\nexport function probabilities(xs: number[], temperature: number) {\n  return softmax(xs, temperature);\n}`,
            },
          ],
        },
      ],
    },
    {
      code: 'export function probabilities(xs: number[]) {\n  const total = xs.map((v) => Math.exp(v)).reduce((a, b) => a + b, 0);\n  return xs.map((v) => Math.exp(v) / total);\n}',
      output: `${KERNELS}\nexport function probabilities(xs: number[]) {\n  return softmax(xs);\n}`,
      errors: [{ messageId: 'naiveSoftmax' }],
    },
    {
      // The exp in a const temporary of a block-bodied callback.
      code: 'export function probabilities(xs: number[]) {\n  const total = xs.map((v) => Math.exp(v)).reduce((a, b) => a + b, 0);\n  return xs.map((v) => {\n    const e = Math.exp(v);\n    return e / total;\n  });\n}',
      output: `${KERNELS}\nexport function probabilities(xs: number[]) {\n  return softmax(xs);\n}`,
      errors: [{ messageId: 'naiveSoftmax' }],
    },
  ],
});
