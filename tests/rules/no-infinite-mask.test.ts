import rule from '../../rules/no-infinite-mask.js';
import { jsRuleTester, ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";

ruleTester.run('no-infinite-mask', rule, {
  valid: [
    // A finite mask.
    `${TF}const p = tf.softmax(tf.where(mask, logits, tf.fill(logits.shape, -1e9)));`,
    `${TF}const p = tf.softmax(tf.add(logits, tf.mul(tf.sub(1, mask), -1e9)));`,
    // -Infinity that never becomes an element: a clip bound, a maximum with -Infinity (= x).
    `${TF}const p = tf.softmax(tf.clipByValue(logits, -Infinity, 50));`,
    `${TF}const p = tf.softmax(tf.maximum(logits, -Infinity));`,
    // -Infinity fed elsewhere: an argMax, a max, plain numbers; or a mask that is not used by these ops.
    `${TF}const masked = tf.where(mask, logits, tf.fill(logits.shape, -Infinity));\nconst best = tf.argMax(masked, -1);`,
    `${TF}const best = Math.max(-Infinity, ...scores);`,
    'let best = -Infinity; for (const v of xs) best = Math.max(best, v);',
    // JS numbers, not tensors; a -Infinity inside a callback passed to something else.
    `${TF}const p = tf.softmax(logits); const floor = -Infinity;`,
    `${TF}const p = tf.softmax(tf.tensor(rows.map((r) => r.map((v) => (v === null ? -Infinity : v)))));`,
    // Look-alikes: shadowed tf, another library, no TF.js import.
    `${TF}function f(tf) { return tf.softmax(tf.fill([2], -Infinity)); }`,
    "import * as nd from 'ndarray-ops'; const p = nd.softmax(nd.fill([2], -Infinity));",
    'const p = tf.softmax(tf.fill([2], -Infinity));',
  ],
  invalid: [
    // Every binding: tf.where with a -Infinity fill feeding softmax.
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst p = ${tf}.softmax(${tf}.where(mask, logits, ${tf}.fill(logits.shape, -Infinity)));`,
      output: null,
      errors: [
        {
          messageId: 'infiniteMask' as const,
          suggestions: [{ messageId: 'finiteMaskSuggestion' as const, output: `${header}\nconst p = ${tf}.softmax(${tf}.where(mask, logits, ${tf}.fill(logits.shape, -1e9)));` }],
        },
      ],
    })),
    // The full message; through const temporaries; Number.NEGATIVE_INFINITY.
    {
      code: `${TF}const neg = tf.fill([2, 3], Number.NEGATIVE_INFINITY);\nconst masked = tf.where(mask, logits, neg);\nconst p = tf.logSoftmax(masked);`,
      output: null,
      errors: [
        {
          messageId: 'infiniteMask',
          data: { code: 'tf.logSoftmax(masked)', source: 'Number.NEGATIVE_INFINITY', replacement: '-1e9' },
          line: 4,
          suggestions: [
            {
              messageId: 'finiteMaskSuggestion',
              data: { source: 'Number.NEGATIVE_INFINITY', replacement: '-1e9' },
              output: `${TF}const neg = tf.fill([2, 3], -1e9);\nconst masked = tf.where(mask, logits, neg);\nconst p = tf.logSoftmax(masked);`,
            },
          ],
        },
      ],
    },
    // An additive mask with tf.scalar(-Infinity) and -1/0; chained softmax; logSumExp.
    {
      code: `${TF}const bias = tf.where(mask, tf.scalar(0), tf.scalar(-1 / 0));\nconst p = tf.add(scores, bias).softmax();`,
      output: null,
      errors: [{ messageId: 'infiniteMask', suggestions: [{ messageId: 'finiteMaskSuggestion', output: `${TF}const bias = tf.where(mask, tf.scalar(0), tf.scalar(-1e9));\nconst p = tf.add(scores, bias).softmax();` }] }],
    },
    {
      code: `${TF}export function lse(x: tf.Tensor, keep: tf.Tensor) {\n  return tf.logSumExp(tf.where(keep, x, -Infinity), -1);\n}`,
      output: null,
      errors: [{ messageId: 'infiniteMask', suggestions: [{ messageId: 'finiteMaskSuggestion', output: `${TF}export function lse(x: tf.Tensor, keep: tf.Tensor) {\n  return tf.logSumExp(tf.where(keep, x, -1e9), -1);\n}` }] }],
    },
    // A mask tensor written as data; a const holding -Infinity (replaced where it is used).
    {
      code: `${TF}const causal = tf.tensor2d([[0, -Infinity], [0, 0]]);\nconst attn = tf.softmax(tf.add(q, causal));`,
      output: null,
      errors: [{ messageId: 'infiniteMask', suggestions: [{ messageId: 'finiteMaskSuggestion', output: `${TF}const causal = tf.tensor2d([[0, -1e9], [0, 0]]);\nconst attn = tf.softmax(tf.add(q, causal));` }] }],
    },
    {
      code: `${TF}const NEG_INF = -Infinity;\nconst p = tf.softmax(tf.where(mask, x, tf.fill(x.shape, NEG_INF)));`,
      output: null,
      errors: [{ messageId: 'infiniteMask', data: { code: 'tf.softmax(tf.where(mask, x, tf.fill(x.shape, NEG_INF)))', source: 'NEG_INF', replacement: '-1e9' }, suggestions: [{ messageId: 'finiteMaskSuggestion', output: `${TF}const NEG_INF = -Infinity;\nconst p = tf.softmax(tf.where(mask, x, tf.fill(x.shape, -1e9)));` }] }],
    },
    // Through other tensor ops (reshape, chained where-free arithmetic).
    {
      code: `${TF}const p = x.add(tf.fill([1, 4], -Infinity).reshape([4])).logSoftmax();`,
      output: null,
      errors: [{ messageId: 'infiniteMask', suggestions: [{ messageId: 'finiteMaskSuggestion', output: `${TF}const p = x.add(tf.fill([1, 4], -1e9).reshape([4])).logSoftmax();` }] }],
    },
  ],
});

jsRuleTester.run('no-infinite-mask (espree)', rule as never, {
  valid: ["const tf = require('@tensorflow/tfjs');\nconst p = tf.softmax(tf.where(mask, x, tf.fill(x.shape, -1e9)));"],
  invalid: [
    {
      code: "const { softmax, where, fill } = require('@tensorflow/tfjs');\nconst p = softmax(where(mask, x, fill(x.shape, -Infinity)));",
      errors: [{ messageId: 'infiniteMask', suggestions: [{ messageId: 'finiteMaskSuggestion', output: "const { softmax, where, fill } = require('@tensorflow/tfjs');\nconst p = softmax(where(mask, x, fill(x.shape, -1e9)));" }] }],
    },
  ],
});
