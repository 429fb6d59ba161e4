import rule from '../../rules/no-log-of-softmax.js';
import { ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const KERNELS = "import { logSoftmax } from 'eslint-plugin-numerics/kernels';";

ruleTester.run('no-log-of-softmax', rule, {
  valid: [
    "import * as tf from '@tensorflow/tfjs'; const y = tf.logSoftmax(x);",
    "import * as tf from '@tensorflow/tfjs'; const y = tf.log(tf.sigmoid(x));", // another rule's pattern
    "import * as tf from '@tensorflow/tfjs'; const p = tf.softmax(x); const y = tf.sum(p);",
    "import { logSoftmax } from 'eslint-plugin-numerics/kernels'; const y = logSoftmax(xs);",
    "import { softmax } from 'eslint-plugin-numerics/kernels'; const y = softmax(xs).map((p) => p * 2);",
    // Look-alikes: a softmax that is not TF.js, not the kernel, and not a local function that computes one.
    "import { softmax } from './my-activations'; const y = Math.log(softmax(xs)[0]);",
    'const y = tf.log(tf.softmax(x));',
    'function softmax(xs) { return xs; }\nconst y = softmax(xs).map(Math.log);',
    "import * as np from 'numjs'; const y = np.log(np.softmax(x));",
    "import * as tf from '@tensorflow/tfjs'; function f(tf) { return tf.log(tf.softmax(x)); }",
  ],
  invalid: [
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst y = ${tf}.log(${tf}.softmax(logits));`,
      output: `${header}\nconst y = ${tf}.logSoftmax(logits);`,
      errors: [{ messageId: 'logOfSoftmax' as const }],
    })),
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.log(tf.softmax(logits, 1));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.logSoftmax(logits, 1);",
      errors: [{ messageId: 'logOfSoftmax' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = logits.softmax().log();",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = logits.logSoftmax();",
      errors: [{ messageId: 'logOfSoftmax' }],
    },
    {
      code: "import { log, softmax } from '@tensorflow/tfjs';\nconst y = log(softmax(z));",
      output: "import { log, softmax, logSoftmax } from '@tensorflow/tfjs';\nconst y = logSoftmax(z);",
      errors: [{ messageId: 'logOfSoftmax' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nfunction loss(z, y) {\n  const probs = tf.softmax(z);\n  const logProbs = tf.log(probs);\n  return tf.neg(tf.sum(tf.mul(y, logProbs)));\n}",
      output: "import * as tf from '@tensorflow/tfjs';\nfunction loss(z, y) {\n  const logProbs = tf.logSoftmax(z);\n  return tf.neg(tf.sum(tf.mul(y, logProbs)));\n}",
      errors: [{ messageId: 'logOfSoftmax', line: 4 }],
    },
    // Kernel softmax in plain code.
    {
      code: "import { softmax } from 'eslint-plugin-numerics/kernels';\nconst y = softmax(xs).map(Math.log);",
      output: "import { softmax, logSoftmax } from 'eslint-plugin-numerics/kernels';\nconst y = logSoftmax(xs);",
      errors: [{ messageId: 'logOfSoftmax' }],
    },
    {
      // The log in a const temporary of a block-bodied callback.
      code: "import { softmax } from 'eslint-plugin-numerics/kernels';\nconst y = softmax(xs).map((p) => {\n  const l = Math.log(p);\n  return l;\n});",
      output: "import { softmax, logSoftmax } from 'eslint-plugin-numerics/kernels';\nconst y = logSoftmax(xs);",
      errors: [{ messageId: 'logOfSoftmax' }],
    },
    {
      code: "import { softmax } from 'eslint-plugin-numerics/kernels';\nconst probs = softmax(scores);\nconst nll = -Math.log(probs[target]);\nconsole.log(probs);",
      output:
        "import { softmax, logSoftmax } from 'eslint-plugin-numerics/kernels';\nconst probs = softmax(scores);\nconst nll = -logSoftmax(scores)[target];\nconsole.log(probs);",
      errors: [{ messageId: 'logOfSoftmax' }],
    },
    // A local softmax helper (it exponentiates and divides).
    {
      code: [
        'function softmax(xs: number[]) {',
        '  const m = Math.max(...xs);',
        '  const e = xs.map((v) => Math.exp(v - m));',
        '  const s = e.reduce((a, b) => a + b, 0);',
        '  return e.map((v) => v / s);',
        '}',
        'export const logProbs = (xs: number[]) => softmax(xs).map((p) => Math.log(p));',
      ].join('\n'),
      output: [
        KERNELS,
        'function softmax(xs: number[]) {',
        '  const m = Math.max(...xs);',
        '  const e = xs.map((v) => Math.exp(v - m));',
        '  const s = e.reduce((a, b) => a + b, 0);',
        '  return e.map((v) => v / s);',
        '}',
        'export const logProbs = (xs: number[]) => logSoftmax(xs);',
      ].join('\n'),
      errors: [{ messageId: 'logOfSoftmax', line: 7 }],
    },
    // A local tensor softmax: its axis is not known, so only suggest.
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst softmax = (x) => { const e = tf.exp(x); return tf.div(e, tf.sum(e, 0)); };\nconst y = tf.log(softmax(z));",
      output: null,
      errors: [
        {
          messageId: 'logOfSoftmax',
          suggestions: [
            {
              messageId: 'logOfSoftmaxSuggestion',
              output: "import * as tf from '@tensorflow/tfjs';\nconst softmax = (x) => { const e = tf.exp(x); return tf.div(e, tf.sum(e, 0)); };\nconst y = tf.logSoftmax(z);",
            },
          ],
        },
      ],
    },
    // A softmax with a temperature: report, no one-call fix.
    {
      code: "import { softmax } from 'eslint-plugin-numerics/kernels';\nconst y = softmax(xs, 0.5).map(Math.log);",
      output: null,
      errors: [{ messageId: 'logOfSoftmax' }],
    },
  ],
});

// Found by the fix-equivalence tables.
ruleTester.run('no-log-of-softmax (temperature helpers and mutated output)', rule, {
  valid: [
    // A helper that divides the exponent by a temperature is not softmax(xs).
    'function softmax(xs: number[]) {\n  const e = xs.map((v) => Math.exp(v / 2));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);\n}\nexport const f = (xs: number[]) => softmax(xs).map(Math.log);',
  ],
  invalid: [
    {
      code: "import { softmax } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: number[]) {\n  const p = softmax(xs);\n  p[0] = 0.5;\n  return p.map(Math.log);\n}",
      output: null,
      errors: [
        {
          messageId: 'logOfSoftmax',
          suggestions: [
            {
              messageId: 'logOfSoftmaxSuggestion',
              output: "import { softmax, logSoftmax } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: number[]) {\n  const p = softmax(xs);\n  p[0] = 0.5;\n  return logSoftmax(xs);\n}",
            },
          ],
        },
      ],
    },
  ],
});
