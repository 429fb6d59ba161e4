import rule from '../../rules/prefer-expm1.js';
import { ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

ruleTester.run('prefer-expm1', rule, {
  valid: [
    'const y = Math.expm1(x);',
    'const y = Math.exp(1e-3) - 1;', // a constant
    'const y = Math.exp(x) - 2;',
    'const y = Math.exp(x) + 1;',
    'const y = 2 - Math.exp(x);',
    'const y = Math.exp(x) - y;',
    'const y = x - 1;',
    'function f(Math, x) { return Math.exp(x) - 1; }',
    'const y = ops.exp(x) - 1;',
    "import * as tf from '@tensorflow/tfjs'; const y = tf.expm1(x);",
    "import * as tf from '@tensorflow/tfjs'; const y = tf.sub(tf.exp(x), 2);",
    "import * as np from 'numjs'; const y = np.subtract(np.exp(x), 1);",
    // Mixed domains are not this pattern (a number minus a tensor is not valid TF.js).
    "import * as tf from '@tensorflow/tfjs'; const y = tf.exp(x) - 1;",
  ],
  invalid: [
    { code: 'const y = Math.exp(x) - 1;', output: 'const y = Math.expm1(x);', errors: [{ messageId: 'preferExpm1' }] },
    { code: 'const y = -1 + Math.exp(x);', output: 'const y = Math.expm1(x);', errors: [{ messageId: 'preferExpm1' }] },
    { code: 'const y = Math.exp(x) + -1;', output: 'const y = Math.expm1(x);', errors: [{ messageId: 'preferExpm1' }] },
    { code: 'const y = 1 - Math.exp(-t / tau);', output: 'const y = -Math.expm1(-t / tau);', errors: [{ messageId: 'preferExpm1' }] },
    { code: 'const y = a * (Math.exp(x) - 1) / x;', output: 'const y = a * (Math.expm1(x)) / x;', errors: [{ messageId: 'preferExpm1' }] },
    { code: 'const y = (1 - Math.exp(x)) ** 2;', output: 'const y = (-Math.expm1(x)) ** 2;', errors: [{ messageId: 'preferExpm1' }] },
    { code: 'const y = k - (1 - Math.exp(x));', output: 'const y = k - (-Math.expm1(x));', errors: [{ messageId: 'preferExpm1' }] },
    // ASI: a statement that now starts with `-` after a line without a semicolon.
    { code: 'let y = 0\n1 - Math.exp(x)', output: 'let y = 0\n;-Math.expm1(x)', errors: [{ messageId: 'preferExpm1' }] },
    ...TF_BINDINGS.flatMap(({ header, tf }) => [
      {
        code: `${header}\nconst y = ${tf}.sub(${tf}.exp(x), 1);`,
        output: `${header}\nconst y = ${tf}.expm1(x);`,
        errors: [{ messageId: 'preferExpm1' as const }],
      },
      {
        code: `${header}\nconst y = ${tf}.sub(1, ${tf}.exp(x));`,
        output: `${header}\nconst y = ${tf}.neg(${tf}.expm1(x));`,
        errors: [{ messageId: 'preferExpm1' as const }],
      },
    ]),
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = x.exp().sub(1);",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = x.expm1();",
      errors: [{ messageId: 'preferExpm1' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.exp(tf.mul(x, 2)).add(-1);",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.mul(x, 2).expm1();",
      errors: [{ messageId: 'preferExpm1' }],
    },
    {
      code: "const { sub, exp } = require('@tensorflow/tfjs');\nconst y = sub(exp(x), 1);",
      output: "const { sub, exp, expm1 } = require('@tensorflow/tfjs');\nconst y = expm1(x);",
      errors: [{ messageId: 'preferExpm1' }],
    },
    // A temporary used elsewhere stays; an owned one goes.
    {
      code: 'function tanhish(x: number) {\n  const e = Math.exp(x);\n  return (e - 1) / (e + 1);\n}',
      output: 'function tanhish(x: number) {\n  const e = Math.exp(x);\n  return (Math.expm1(x)) / (e + 1);\n}',
      errors: [{ messageId: 'preferExpm1' }],
    },
    {
      code: 'function growth(r: number, t: number) {\n  const e = Math.exp(r * t);\n  return e - 1;\n}',
      output: 'function growth(r: number, t: number) {\n  return Math.expm1(r * t);\n}',
      errors: [{ messageId: 'preferExpm1' }],
    },
  ],
});

ruleTester.run('prefer-expm1 (polyfills)', rule, {
  valid: ['export const expm1 = Math.expm1 || function expm1(x: number) { return Math.exp(x) - 1; };'],
  invalid: [],
});

// A chained tensor tanh is no-naive-sigmoid's: the quotient is the call of the parent member (found by tests/property).
ruleTester.run('prefer-expm1 (chained tanh)', rule, {
  valid: ["import * as tf from '@tensorflow/tfjs';\nexport const f = (t: tf.Tensor) => t.mul(2).exp().sub(1).div(t.mul(2).exp().add(1));"],
  invalid: [],
});
