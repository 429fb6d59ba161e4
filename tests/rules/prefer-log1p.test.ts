import rule from '../../rules/prefer-log1p.js';
import { ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const SCALAR = [
  { code: 'Math.log(1 + x)', output: 'Math.log1p(x)' },
  { code: 'Math.log(x + 1)', output: 'Math.log1p(x)' },
  { code: 'Math.log(1.0 + x)', output: 'Math.log1p(x)' },
  { code: 'Math.log(1 - p)', output: 'Math.log1p(-p)' },
  { code: 'Math.log(1 - a * b)', output: 'Math.log1p(-(a * b))' },
  { code: 'Math.log(1 - -x)', output: 'Math.log1p(x)' },
  { code: 'Math.log(1 + rate / n)', output: 'Math.log1p(rate / n)' },
  { code: 'Math.log(ONE + x)', output: 'Math.log1p(x)', header: 'const ONE = 1;\n' },
  { code: 'Math.log(p.value + 1)', output: 'Math.log1p(p.value)' },
];

ruleTester.run('prefer-log1p', rule, {
  valid: [
    'const y = Math.log1p(x);',
    'const y = Math.log(1 + 1e-3);', // a constant
    'const y = Math.log(2 + x);',
    'const y = Math.log(x - 1);', // log(x - 1) is not log1p of anything simple
    'const y = Math.log(1 + x + y);',
    'const y = Math.log(x);',
    'function f(Math, x) { return Math.log(1 + x); }',
    'const y = ops.log(1 + x);',
    "import * as tf from '@tensorflow/tfjs'; const y = tf.log1p(x);",
    "import * as tf from '@tensorflow/tfjs'; const y = tf.log(tf.add(x, 2));",
    "import * as np from 'numjs'; const y = np.log(np.add(x, 1));",
    "import * as tf from '@tensorflow/tfjs'; const y = tf.log(tf.sub(x, 1));",
    'const y = Math.log(1 + x, 2);', // not Math.log's signature: leave it
    // Softplus and log(1 - sigmoid) belong to no-naive-log-sigmoid (log1p would still overflow / round to -Infinity).
    'const y = Math.log(1 + Math.exp(x));',
    "import * as tf from '@tensorflow/tfjs'; const y = tf.log(tf.sub(1, tf.sigmoid(z)));",
  ],
  invalid: [
    ...SCALAR.map(({ code, output, header = '' }) => ({
      code: `${header}const y = ${code};`,
      output: `${header}const y = ${output};`,
      errors: [{ messageId: 'preferLog1p' as const }],
    })),
    ...TF_BINDINGS.flatMap(({ header, tf }) => [
      {
        code: `${header}\nconst y = ${tf}.log(${tf}.add(1, x));`,
        output: `${header}\nconst y = ${tf}.log1p(x);`,
        errors: [{ messageId: 'preferLog1p' as const }],
      },
      {
        code: `${header}\nconst y = ${tf}.log(${tf}.sub(1, p));`,
        output: `${header}\nconst y = ${tf}.log1p(${tf}.neg(p));`,
        errors: [{ messageId: 'preferLog1p' as const }],
      },
    ]),
    {
      code: "import { log, add } from '@tensorflow/tfjs';\nconst y = log(add(x, 1));",
      output: "import { log, add, log1p } from '@tensorflow/tfjs';\nconst y = log1p(x);",
      errors: [{ messageId: 'preferLog1p' }],
    },
    {
      code: "import { log, sub } from '@tensorflow/tfjs';\nconst y = log(sub(1, p));",
      output: "import { log, sub, log1p, neg } from '@tensorflow/tfjs';\nconst y = log1p(neg(p));",
      errors: [{ messageId: 'preferLog1p' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = x.add(1).log();",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = x.log1p();",
      errors: [{ messageId: 'preferLog1p' }],
    },
    {
      // p went into a functional op, so it may be a plain array: the fix stays functional.
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.sub(1, p).log();",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.log1p(tf.neg(p));",
      errors: [{ messageId: 'preferLog1p' }],
    },
    // Across an owned temporary.
    {
      code: 'function f(x: number) {\n  const shifted = 1 + x;\n  return Math.log(shifted);\n}',
      output: 'function f(x: number) {\n  return Math.log1p(x);\n}',
      errors: [{ messageId: 'preferLog1p', line: 3 }],
    },
    // Inside a map callback: the inner call is rewritten.
    {
      code: 'const ys = xs.map((v) => Math.log(1 + v));',
      output: 'const ys = xs.map((v) => Math.log1p(v));',
      errors: [{ messageId: 'preferLog1p' }],
    },
    // `log` written with a unicode escape (the TypeScript parser's token holds the text, not the name).
    {
      code: 'const y = Math.\\u006cog(1 + x);',
      output: 'const y = Math.log1p(x);',
      errors: [{ messageId: 'preferLog1p' }],
    },
    // A comment inside: suggestion only.
    {
      code: 'const y = Math.log(1 + /* rate */ r);',
      output: null,
      errors: [{ messageId: 'preferLog1p', suggestions: [{ messageId: 'preferLog1pSuggestion', output: 'const y = Math.log1p(r);' }] }],
    },
  ],
});

// Fallbacks for a missing Math.log1p (found on the corpus: mathjs's polyfill) must not call Math.log1p.
ruleTester.run('prefer-log1p (polyfills)', rule, {
  valid: [
    'export const log1p = Math.log1p || function (x: number) { return Math.log(x + 1); };',
    'export function log1p(x: number) {\n  if (typeof Math.log1p === "function") return Math.log1p(x);\n  return Math.log(1 + x);\n}',
  ],
  invalid: [],
});
