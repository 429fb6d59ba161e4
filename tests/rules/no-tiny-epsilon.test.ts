import rule from '../../rules/no-tiny-epsilon.js';
import { jsRuleTester, ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";

ruleTester.run('no-tiny-epsilon', rule, {
  valid: [
    // Guards of 1e-19 and above.
    `${TF}const y = tf.div(a, tf.add(b, 1e-7));`,
    `${TF}const y = tf.div(a, tf.maximum(b, 1e-12));`,
    `${TF}const y = tf.log(tf.clipByValue(p, 1e-7, 1 - 1e-7));`,
    `${TF}const y = tf.div(a, tf.add(b, 1e-19));`,
    `${TF}const EPS = 1e-8; const y = tf.div(a, b.add(EPS));`,
    // Plain float64 numbers: 1e-20 is fine there.
    'const y = a / (b + 1e-20);',
    'const y = Math.log(Math.max(p, 1e-300));',
    `${TF}const y = a / Math.max(b, 1e-30);`,
    // Not a guard position: a multiplication, a subtraction, a comparison, a constant computation.
    `${TF}const y = tf.mul(x, 1e-20);`,
    `${TF}const y = tf.greater(x, 1e-30);`,
    `${TF}const y = tf.add(1e-30, 1e-30);`,
    // A zero or negative value is not an ε.
    `${TF}const y = tf.add(x, 0);`,
    `${TF}const y = tf.maximum(x, -1e-30);`,
    // Look-alikes: shadowed tf, another library, no TF.js import.
    `${TF}function f(tf) { return tf.add(x, 1e-30); }`,
    "import * as np from 'numjs'; const y = np.add(x, 1e-30);",
    'const y = tf.add(x, 1e-30);',
  ],
  invalid: [
    // Every binding.
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst y = ${tf}.div(a, ${tf}.add(b, 1e-20));`,
      output: null,
      errors: [{ messageId: 'tinyEpsilon' as const, suggestions: [{ messageId: 'epsilonSuggestion' as const, output: `${header}\nconst y = ${tf}.div(a, ${tf}.add(b, 1e-7));` }] }],
    })),
    // The full message.
    {
      code: `${TF}const y = tf.maximum(x, 1e-30);`,
      output: null,
      errors: [
        {
          messageId: 'tinyEpsilon',
          data: { code: 'tf.maximum(x, 1e-30)', value: '1e-30', limit: '1e-19', epsilon: '1e-7' },
          suggestions: [{ messageId: 'epsilonSuggestion', data: { value: '1e-30', epsilon: '1e-7' }, output: `${TF}const y = tf.maximum(x, 1e-7);` }],
        },
      ],
    },
    // ε below float32's smallest subnormal: rounds to 0.
    {
      code: `${TF}const y = tf.log(tf.add(p, 1e-50));`,
      output: null,
      errors: [{ messageId: 'zeroEpsilon', data: { code: 'tf.add(p, 1e-50)', value: '1e-50', limit: '1e-19', epsilon: '1e-7' }, suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const y = tf.log(tf.add(p, 1e-7));` }] }],
    },
    // ε on the left, chained, clipByValue's lower bound, tf.scalar(ε).
    {
      code: `${TF}const y = tf.add(1e-25, b);`,
      output: null,
      errors: [{ messageId: 'tinyEpsilon', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const y = tf.add(1e-7, b);` }] }],
    },
    {
      code: `${TF}const y = a.div(b.add(1e-20));`,
      output: null,
      errors: [{ messageId: 'tinyEpsilon', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const y = a.div(b.add(1e-7));` }] }],
    },
    {
      code: `${TF}const y = tf.log(tf.clipByValue(p, 1e-38, 1));`,
      output: null,
      errors: [{ messageId: 'tinyEpsilon', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const y = tf.log(tf.clipByValue(p, 1e-7, 1));` }] }],
    },
    {
      code: `${TF}const y = tf.div(a, tf.maximum(b, tf.scalar(1e-20)));`,
      output: null,
      errors: [{ messageId: 'tinyEpsilon', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const y = tf.div(a, tf.maximum(b, tf.scalar(1e-7)));` }] }],
    },
    // A named constant: the suggestion edits its definition (once, however many uses).
    {
      code: `${TF}const EPS = 1e-24;\nconst y = tf.div(a, tf.add(b, EPS));\nconst z = tf.log(tf.add(p, EPS));`,
      output: null,
      errors: [
        { messageId: 'tinyEpsilon', line: 3, suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const EPS = 1e-7;\nconst y = tf.div(a, tf.add(b, EPS));\nconst z = tf.log(tf.add(p, EPS));` }] },
        { messageId: 'tinyEpsilon', line: 4, suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const EPS = 1e-7;\nconst y = tf.div(a, tf.add(b, EPS));\nconst z = tf.log(tf.add(p, EPS));` }] },
      ],
    },
    // Settings and option.
    {
      code: `${TF}const y = tf.div(a, tf.add(b, 1e-20));`,
      output: null,
      settings: { numerics: { epsilon: 1e-8 } },
      errors: [{ messageId: 'tinyEpsilon', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const y = tf.div(a, tf.add(b, 1e-8));` }] }],
    },
    {
      code: `${TF}const y = tf.div(a, tf.add(b, 1e-20));`,
      output: null,
      options: [{ epsilon: 1e-12 }],
      errors: [{ messageId: 'tinyEpsilon', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const y = tf.div(a, tf.add(b, 1e-12));` }] }],
    },
  ],
});

jsRuleTester.run('no-tiny-epsilon (espree)', rule as never, {
  valid: ["const tf = require('@tensorflow/tfjs');\nconst y = tf.div(a, tf.add(b, 1e-7));"],
  invalid: [
    {
      code: "const { add, div } = require('@tensorflow/tfjs');\nconst y = div(a, add(b, 1e-20));",
      errors: [{ messageId: 'tinyEpsilon', suggestions: [{ messageId: 'epsilonSuggestion', output: "const { add, div } = require('@tensorflow/tfjs');\nconst y = div(a, add(b, 1e-7));" }] }],
    },
  ],
});
