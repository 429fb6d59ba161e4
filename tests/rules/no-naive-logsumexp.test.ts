import rule from '../../rules/no-naive-logsumexp.js';
import { jsRuleTester, ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const KERNELS = "import { logSumExp } from 'eslint-plugin-numerics/kernels';";

ruleTester.run('no-naive-logsumexp', rule, {
  valid: [
    // Max shift before exp, inline and across statements (as TF.js's own logSumExp is written).
    "import * as tf from '@tensorflow/tfjs'; const m = tf.max(x, 1, true); const y = tf.log(tf.sum(tf.exp(tf.sub(x, m)), 1));",
    "import * as tf from '@tensorflow/tfjs'; function lse(x) { const a = tf.sub(x, tf.max(x)); const b = tf.exp(a); const c = tf.sum(b); return tf.log(c); }",
    "import * as tf from '@tensorflow/tfjs'; const y = x.sub(x.max()).exp().sum().log();",
    'function f(xs) { const m = Math.max(...xs); return m + Math.log(xs.map((v) => Math.exp(v - m)).reduce((a, b) => a + b, 0)); }',
    // Max-shifted, with the shifted exp in a const of a block-bodied callback.
    'function f(xs) { const m = Math.max(...xs); return m + Math.log(xs.reduce((a, v) => { const e = Math.exp(v - m); return a + e; }, 0)); }',
    'function f(a, b) { const m = Math.max(a, b); return m + Math.log(Math.exp(a - m) + Math.exp(b - m)); }',
    'function f(xs) { const m = Math.max(...xs); let s = 0; for (const v of xs) s += Math.exp(v - m); return m + Math.log(s); }',
    // The stable built-ins themselves.
    "import * as tf from '@tensorflow/tfjs'; const y = tf.logSumExp(x, 1);",
    "import { logSumExp } from 'eslint-plugin-numerics/kernels'; const y = logSumExp(xs);",
    // Constants and literals.
    'const c = Math.log(Math.exp(1) + Math.exp(2));',
    'const ONE = 1; const c = Math.log(Math.exp(ONE) + Math.exp(2));',
    'const c = Math.log([1, 2, 3].map(Math.exp).reduce((a, b) => a + b, 0));',
    // Other shapes: softplus (log(1 + exp(x))) is not a log-sum-exp; neither is the log of a plain sum.
    'function f(x) { return Math.log(1 + Math.exp(x)); }',
    "import * as tf from '@tensorflow/tfjs'; const y = tf.log(tf.sum(x));",
    'function f(xs) { return Math.log(xs.reduce((a, b) => a + b, 0)); }',
    // A temporary that reads the accumulator, and one kept for its side effect: not a sum of exps.
    'function f(xs) { return Math.log(xs.reduce((a, v) => { const e = Math.exp(v + a); return a + e; }, 0)); }',
    'let calls = 0;\nfunction f(xs) { return Math.log(xs.reduce((a, v) => { const seen = calls++; return a + Math.exp(v); }, 0)); }',
    "import * as tf from '@tensorflow/tfjs'; const y = tf.log(tf.mean(tf.exp(x)));",
    'function f(xs) { return Math.log(xs.reduce((a, b) => a * Math.exp(b), 1)); }',
    // A shadowed Math, a local object with exp/log/sum methods, names that only look like TF.js.
    'function f(Math, a, b) { return Math.log(Math.exp(a) + Math.exp(b)); }',
    'const Math = { log: (v) => v, exp: (v) => v }; const y = Math.log(Math.exp(a) + Math.exp(b));',
    'const ops = { log: (v) => v, sum: (v) => v, exp: (v) => v }; const y = ops.log(ops.sum(ops.exp(x)));',
    "import * as np from 'numjs'; const y = np.log(np.sum(np.exp(x)));",
    'const y = tf.log(tf.sum(tf.exp(x)));', // `tf` is not bound to a TF.js module here
    "import * as tf from '@tensorflow/tfjs'; function f(tf) { return tf.log(tf.sum(tf.exp(x))); }",
    "import * as tf from '@tensorflow/tfjs'; const y = logger.log(logger.sum(x));",
    // Loops that are not a plain sum over the array.
    'function f(xs) { let s = 0; for (const v of xs) { if (v > 0) s += Math.exp(v); } return Math.log(s); }',
    'function f(xs) { let s = 0; for (const v of xs) s += Math.exp(v); s += 1; return Math.log(s); }',
    'function f(xs, ys) { let s = 0; for (const row of xs) { for (const v of row) s += Math.exp(v); } return Math.log(s); }',
  ],
  invalid: [
    // Every binding of TF.js, functional spelling.
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst y = ${tf}.log(${tf}.sum(${tf}.exp(x)));`,
      output: `${header}\nconst y = ${tf}.logSumExp(x);`,
      errors: [{ messageId: 'naiveLogSumExp' as const }],
    })),
    // axis and keepDims are carried over.
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.log(tf.sum(tf.exp(logits), -1, true));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.logSumExp(logits, -1, true);",
      errors: [{ messageId: 'naiveLogSumExp', line: 2, column: 11 }],
    },
    // Named and aliased named imports: the fix adds `logSumExp` to the import.
    {
      code: "import { log, sum, exp } from '@tensorflow/tfjs';\nconst y = log(sum(exp(x), 1));",
      output: "import { log, sum, exp, logSumExp } from '@tensorflow/tfjs';\nconst y = logSumExp(x, 1);",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: "import { log as ln, sum as total, exp as e } from '@tensorflow/tfjs-core';\nconst y = ln(total(e(x)));",
      output: "import { log as ln, sum as total, exp as e, logSumExp } from '@tensorflow/tfjs-core';\nconst y = logSumExp(x);",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: "import { log, sum, exp, logSumExp as lse } from '@tensorflow/tfjs';\nconst y = log(sum(exp(x)));",
      output: "import { log, sum, exp, logSumExp as lse } from '@tensorflow/tfjs';\nconst y = lse(x);",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: "const { log, sum, exp } = require('@tensorflow/tfjs');\nconst y = log(sum(exp(x)));",
      output: "const { log, sum, exp, logSumExp } = require('@tensorflow/tfjs');\nconst y = logSumExp(x);",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    // Chained stays chained; mixed takes the outer spelling.
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = x.exp().sum(1).log();",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = x.logSumExp(1);",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.log(x.exp().sum(-1, true));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.logSumExp(x, -1, true);",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.exp(tf.mul(x, 2)).sum().log();",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.mul(x, 2).logSumExp();",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: "import type { Tensor } from '@tensorflow/tfjs';\nexport function lse(x: Tensor) { return x.exp().sum().log(); }",
      output: "import type { Tensor } from '@tensorflow/tfjs';\nexport function lse(x: Tensor) { return x.logSumExp(); }",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    // Across const temporaries: owned temporaries are deleted with the fix.
    {
      code: [
        "import * as tf from '@tensorflow/tfjs';",
        'function lse(x) {',
        '  const e = tf.exp(x);',
        '  const s = tf.sum(e, 1);',
        '  return tf.log(s);',
        '}',
      ].join('\n'),
      output: ["import * as tf from '@tensorflow/tfjs';", 'function lse(x) {', '  return tf.logSumExp(x, 1);', '}'].join('\n'),
      errors: [{ messageId: 'naiveLogSumExp', line: 5 }],
    },
    // A temporary that is used elsewhere stays.
    {
      code: [
        "import * as tf from '@tensorflow/tfjs';",
        'function f(x) {',
        '  const e = tf.exp(x);',
        '  const y = tf.log(tf.sum(e));',
        '  return [e, y];',
        '}',
      ].join('\n'),
      output: [
        "import * as tf from '@tensorflow/tfjs';",
        'function f(x) {',
        '  const e = tf.exp(x);',
        '  const y = tf.logSumExp(x);',
        '  return [e, y];',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    // The input is reassigned between the temporary and the log: suggest, never autofix.
    {
      code: "import * as tf from '@tensorflow/tfjs';\nfunction f(x) {\n  const e = tf.exp(x);\n  x = tf.zeros([2]);\n  return tf.log(tf.sum(e));\n}",
      output: null,
      errors: [
        {
          messageId: 'naiveLogSumExp',
          suggestions: [
            {
              messageId: 'naiveLogSumExpSuggestion',
              output: "import * as tf from '@tensorflow/tfjs';\nfunction f(x) {\n  const e = tf.exp(x);\n  x = tf.zeros([2]);\n  return tf.logSumExp(x);\n}",
            },
          ],
        },
      ],
    },
    // A -Infinity mask reaches the input: tf.logSumExp gives NaN on a fully masked row, so only suggest.
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst masked = tf.where(mask, logits, tf.fill(logits.shape, -Infinity));\nconst y = tf.log(tf.sum(tf.exp(masked), -1));",
      output: null,
      errors: [
        {
          messageId: 'naiveLogSumExp',
          suggestions: [
            {
              messageId: 'maskedSuggestion',
              output: "import * as tf from '@tensorflow/tfjs';\nconst masked = tf.where(mask, logits, tf.fill(logits.shape, -Infinity));\nconst y = tf.logSumExp(masked, -1);",
            },
          ],
        },
      ],
    },
    // A comment inside the replaced range: suggest instead of dropping it.
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.log(tf.sum(tf.exp(x /* logits */)));",
      output: null,
      errors: [
        {
          messageId: 'naiveLogSumExp',
          // A suggestion may drop the comment: the user reviews it before applying.
          suggestions: [{ messageId: 'naiveLogSumExpSuggestion', output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.logSumExp(x);" }],
        },
      ],
    },
    // Plain arrays: reduce, map(Math.exp), map with a callback, reduce with exp inside.
    {
      code: 'export function f(xs: number[]) {\n  return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));\n}',
      output: `${KERNELS}\nexport function f(xs: number[]) {\n  return logSumExp(xs);\n}`,
      errors: [{ messageId: 'naiveLogSumExp', line: 2 }],
    },
    {
      code: "import { mean } from './stats';\n\nexport const f = (xs: number[]) => Math.log(xs.map((v) => Math.exp(v)).reduce((a, b) => a + b));",
      output: `import { mean } from './stats';\n${KERNELS}\n\nexport const f = (xs: number[]) => logSumExp(xs);`,
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: 'const f = (xs: number[]) => Math.log(xs.reduce((acc, v) => acc + Math.exp(v), 0));',
      output: `${KERNELS}\nconst f = (xs: number[]) => logSumExp(xs);`,
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    // Block-bodied callbacks with const temporaries (they go with the replaced call).
    {
      code: 'const f = (xs: number[]) => Math.log(xs.reduce((acc, v) => {\n  const e = Math.exp(v);\n  return acc + e;\n}, 0));',
      output: `${KERNELS}\nconst f = (xs: number[]) => logSumExp(xs);`,
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: 'const f = (xs: number[]) => Math.log(xs.map((v) => {\n  const e = Math.exp(v);\n  return e;\n}).reduce((a, b) => a + b, 0));',
      output: `${KERNELS}\nconst f = (xs: number[]) => logSumExp(xs);`,
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    // Loops: for…of, indexed for, forEach. The dead accumulator and loop go with the fix.
    {
      code: 'function f(xs: number[]) {\n  let total = 0;\n  for (const v of xs) {\n    total += Math.exp(v);\n  }\n  return Math.log(total);\n}',
      output: `${KERNELS}\nfunction f(xs: number[]) {\n  return logSumExp(xs);\n}`,
      errors: [{ messageId: 'naiveLogSumExp', line: 6 }],
    },
    {
      code: 'function f(xs: Float64Array) {\n  let s = 0;\n  for (let i = 0; i < xs.length; i++) s += Math.exp(xs[i]);\n  return Math.log(s);\n}',
      output: `${KERNELS}\nfunction f(xs: Float64Array) {\n  return logSumExp(xs);\n}`,
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: 'function f(xs: number[]) {\n  let s = 0;\n  xs.forEach((v) => {\n    s += Math.exp(v);\n  });\n  return Math.log(s);\n}',
      output: `${KERNELS}\nfunction f(xs: number[]) {\n  return logSumExp(xs);\n}`,
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    // The accumulator is read again after the log: the loop stays.
    {
      code: 'function f(xs: number[]) {\n  let s = 0;\n  for (const v of xs) s += Math.exp(v);\n  return [Math.log(s), s];\n}',
      output: `${KERNELS}\nfunction f(xs: number[]) {\n  let s = 0;\n  for (const v of xs) s += Math.exp(v);\n  return [logSumExp(xs), s];\n}`,
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    // Two terms → logAddExp; more → logSumExp of an array.
    {
      code: 'const f = (a: number, b: number) => Math.log(Math.exp(a) + Math.exp(b));',
      output: "import { logAddExp } from 'eslint-plugin-numerics/kernels';\nconst f = (a: number, b: number) => logAddExp(a, b);",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: 'const f = (a: number, b: number, c: number) => Math.log(Math.exp(a) + Math.exp(b) + Math.exp(c));',
      output: `${KERNELS}\nconst f = (a: number, b: number, c: number) => logSumExp([a, b, c]);`,
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    // Kernel imports merge with an existing import, are aliased when the name is taken, and are shared by all fixes.
    {
      code: "import { softmax } from 'eslint-plugin-numerics/kernels';\nconst f = (a: number, b: number) => Math.log(Math.exp(a) + Math.exp(b));",
      output: "import { softmax, logAddExp } from 'eslint-plugin-numerics/kernels';\nconst f = (a: number, b: number) => logAddExp(a, b);",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: 'function logSumExp(xs: number[]) { return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0)); }',
      output:
        "import { logSumExp as numericsLogSumExp } from 'eslint-plugin-numerics/kernels';\nfunction logSumExp(xs: number[]) { return numericsLogSumExp(xs); }",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: 'const f = (a: number, b: number) => Math.log(Math.exp(a) + Math.exp(b));\nconst g = (xs: number[]) => Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));',
      output: [
        "import { logAddExp, logSumExp } from 'eslint-plugin-numerics/kernels';\nconst f = (a: number, b: number) => logAddExp(a, b);\nconst g = (xs: number[]) => Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));",
        "import { logAddExp, logSumExp } from 'eslint-plugin-numerics/kernels';\nconst f = (a: number, b: number) => logAddExp(a, b);\nconst g = (xs: number[]) => logSumExp(xs);",
      ],
      errors: [{ messageId: 'naiveLogSumExp' }, { messageId: 'naiveLogSumExp' }],
    },
    // The element is not the array itself: report without a fix.
    {
      code: 'function f(points: { v: number }[]) { let s = 0; for (const p of points) s += Math.exp(p.v); return Math.log(s); }',
      output: null,
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
  ],
});

// The default parser on CommonJS files: fixes use `require`.
jsRuleTester.run('no-naive-logsumexp (espree, CommonJS)', rule as never, {
  valid: ["const tf = require('@tensorflow/tfjs'); const y = tf.logSumExp(x);"],
  invalid: [
    {
      code: "'use strict';\nconst _ = require('lodash');\nfunction f(xs) { return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0)); }",
      output:
        "'use strict';\nconst _ = require('lodash');\nconst { logSumExp } = require('eslint-plugin-numerics/kernels');\nfunction f(xs) { return logSumExp(xs); }",
      languageOptions: { sourceType: 'commonjs' },
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
    {
      code: "const tf = require('@tensorflow/tfjs');\nmodule.exports = (x) => tf.log(tf.sum(tf.exp(x)));",
      output: "const tf = require('@tensorflow/tfjs');\nmodule.exports = (x) => tf.logSumExp(x);",
      languageOptions: { sourceType: 'commonjs' },
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
  ],
});

// TF.js functional ops accept plain arrays: a chained fix must not call a tensor method on one.
ruleTester.run('no-naive-logsumexp (chained fix only on tensors)', rule, {
  valid: [],
  invalid: [
    {
      code: "import * as tf from '@tensorflow/tfjs';\nexport const f = (xs: number[]) => tf.exp(xs).sum().log();",
      output: "import * as tf from '@tensorflow/tfjs';\nexport const f = (xs: number[]) => tf.logSumExp(xs);",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
  ],
});

// Found by the fix-equivalence tables: loops that do not visit every element once, and data touched between the
// temporaries and the log, are not autofixed.
ruleTester.run('no-naive-logsumexp (loops and mutation)', rule, {
  valid: [
    'export function f(xs: number[]) {\n  let s = 0;\n  for (const v of xs) {\n    s += Math.exp(v);\n    if (s > 10) break;\n  }\n  return Math.log(s);\n}',
    'export function f(xs: number[]) {\n  let s = 0;\n  for (const v of xs) {\n    if (v < 0) continue;\n    s += Math.exp(v);\n  }\n  return Math.log(s);\n}',
    'export function f(xs: number[]) {\n  let s = 0;\n  for (let i = 0; i < xs.length; i++) {\n    s += Math.exp(xs[i]);\n    xs[i] = 0;\n  }\n  return Math.log(s);\n}',
    'export function f(xs: number[]) {\n  let s = 0;\n  xs.forEach((v) => {\n    if (v < 0) return;\n    s += Math.exp(v);\n  });\n  return Math.log(s);\n}',
  ],
  invalid: [
    {
      code: 'export function f(xs: number[]) {\n  const e = xs.map(Math.exp);\n  xs[0] = 0;\n  return Math.log(e.reduce((a, b) => a + b, 0));\n}',
      output: null,
      errors: [
        {
          messageId: 'naiveLogSumExp',
          suggestions: [
            {
              messageId: 'naiveLogSumExpSuggestion',
              output: "import { logSumExp } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: number[]) {\n  const e = xs.map(Math.exp);\n  xs[0] = 0;\n  return logSumExp(xs);\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nexport function f(x: tf.Tensor2D) {\n  const e = tf.exp(x);\n  x.dispose();\n  return tf.log(tf.sum(e, 1));\n}",
      output: null,
      errors: [
        {
          messageId: 'naiveLogSumExp',
          suggestions: [
            {
              messageId: 'naiveLogSumExpSuggestion',
              output: "import * as tf from '@tensorflow/tfjs';\nexport function f(x: tf.Tensor2D) {\n  const e = tf.exp(x);\n  x.dispose();\n  return tf.logSumExp(x, 1);\n}",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-naive-logsumexp (reduce without an initial value; leading comments)', rule, {
  valid: [
    // Without an initial value xs[0] is never exponentiated: not a log-sum-exp of xs.
    'export const f = (xs: number[]) => Math.log(xs.reduce((s, v) => s + Math.exp(v)));',
  ],
  invalid: [
    // A JSDoc stays attached to its function; a license comment stays above the import.
    {
      code: '// SPDX-License-Identifier: MIT\n\n/** Log-partition. */\nexport function f(xs: number[]) {\n  return Math.log(xs.map(Math.exp).reduce((a, b) => a + b));\n}',
      output: "// SPDX-License-Identifier: MIT\n\nimport { logSumExp } from 'eslint-plugin-numerics/kernels';\n\n/** Log-partition. */\nexport function f(xs: number[]) {\n  return logSumExp(xs);\n}",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
  ],
});

// Dead statements go all together or not at all: a comment in one keeps them all (found by tests/property).
ruleTester.run('no-naive-logsumexp (comments in dead statements)', rule, {
  valid: [],
  invalid: [
    {
      code: 'export function f(xs: number[]) {\n  let total = 0;\n  for (const v of xs /* operand */) total += Math.exp(v);\n  return Math.log(total);\n}',
      output: "import { logSumExp } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: number[]) {\n  let total = 0;\n  for (const v of xs /* operand */) total += Math.exp(v);\n  return logSumExp(xs);\n}",
      errors: [{ messageId: 'naiveLogSumExp' }],
    },
  ],
});
