import rule from '../../rules/no-naive-log-sigmoid.js';
import { ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

ruleTester.run('no-naive-log-sigmoid', rule, {
  valid: [
    // Early exits down an else-if chain: the log runs only where -20 <= x <= 20.
    'function softplus(x: number) {\n  if (x > 20) return x;\n  else if (x < -20) return Math.exp(x);\n  return Math.log(1 + Math.exp(x));\n}',
    // Guards through boolean temporaries (TF.js's CPU softplus kernel): the log runs only where |x| ≤ 13.
    'function softplus(xi: number) {\n  const tooLarge = xi > 13;\n  const tooSmall = xi < -13;\n  const expX = Math.exp(xi);\n  let result;\n  if (tooSmall) {\n    result = expX;\n  } else if (tooLarge) {\n    result = xi;\n  } else {\n    result = Math.log(1.0 + expX);\n  }\n  return result;\n}',
    'function softplus(xi: number) {\n  const inRange = !(xi > 13) && xi > -13;\n  return inRange ? Math.log(1 + Math.exp(xi)) : Math.max(xi, 0);\n}',
    "import * as tf from '@tensorflow/tfjs'; const y = tf.logSigmoid(x);",
    "import * as tf from '@tensorflow/tfjs'; const y = tf.softplus(x);",
    "import * as tf from '@tensorflow/tfjs'; const y = tf.log(tf.add(2, tf.exp(x)));",
    "import * as tf from '@tensorflow/tfjs'; const y = tf.log(tf.sub(2, tf.sigmoid(x)));",
    'const y = Math.log(1 + Math.exp(2));', // constant
    'const y = Math.log(1 + x);',
    'const y = Math.log(2 + Math.exp(x));',
    // Not a sigmoid: a local function without the exponential body, an unrelated import, a shadowed Math.
    'function sigmoid(x: number) { return x > 0 ? 1 : 0; }\nconst y = Math.log(sigmoid(z));',
    "import { sigmoid } from './activations';\nconst y = Math.log(sigmoid(z));",
    'function f(Math, x) { return Math.log(1 + Math.exp(x)); }',
    "import * as np from 'numjs'; const y = np.log(np.sigmoid(x));",
    // Mixed domains.
    "import * as tf from '@tensorflow/tfjs'; const y = Math.log(tf.sigmoid(x));",
  ],
  invalid: [
    {
      // The chain's last branch falls through: it proves nothing about x (only the first test does, and it bounds x below).
      code: 'function softplus(x: number) {\n  if (x < -20) return Math.exp(x);\n  else if (x > 20) x = x - 1;\n  return Math.log(1 + Math.exp(x));\n}',
      output:
        "import { softplus as numericsSoftplus } from 'eslint-plugin-numerics/kernels';\nfunction softplus(x: number) {\n  if (x < -20) return Math.exp(x);\n  else if (x > 20) x = x - 1;\n  return numericsSoftplus(x);\n}",
      errors: [{ messageId: 'naiveSoftplus' }],
    },
    {
      // The flag was computed before the value changed: it proves nothing about the new value.
      code: 'function softplus(x: number, scale: number) {\n  let xi = x;\n  const tooLarge = xi > 13;\n  xi = xi * scale;\n  return tooLarge ? xi : Math.log(1 + Math.exp(xi));\n}',
      output:
        "import { softplus as numericsSoftplus } from 'eslint-plugin-numerics/kernels';\nfunction softplus(x: number, scale: number) {\n  let xi = x;\n  const tooLarge = xi > 13;\n  xi = xi * scale;\n  return tooLarge ? xi : numericsSoftplus(xi);\n}",
      errors: [{ messageId: 'naiveSoftplus' }],
    },
    ...TF_BINDINGS.flatMap(({ header, tf }) => [
      {
        code: `${header}\nconst y = ${tf}.log(${tf}.sigmoid(z));`,
        output: `${header}\nconst y = ${tf}.logSigmoid(z);`,
        errors: [{ messageId: 'naiveLogSigmoid' as const }],
      },
      {
        code: `${header}\nconst y = ${tf}.log(${tf}.sub(1, ${tf}.sigmoid(z)));`,
        output: `${header}\nconst y = ${tf}.logSigmoid(${tf}.neg(z));`,
        errors: [{ messageId: 'naiveLogSigmoid' as const }],
      },
      {
        code: `${header}\nconst y = ${tf}.log(${tf}.add(1, ${tf}.exp(z)));`,
        output: `${header}\nconst y = ${tf}.softplus(z);`,
        errors: [{ messageId: 'naiveSoftplus' as const }],
      },
    ]),
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst a = z.sigmoid().log();\nconst b = z.exp().add(1).log();\nconst c = tf.log1p(tf.exp(z));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst a = z.logSigmoid();\nconst b = z.softplus();\nconst c = tf.softplus(z);",
      errors: [{ messageId: 'naiveLogSigmoid' }, { messageId: 'naiveSoftplus' }, { messageId: 'naiveSoftplus' }],
    },
    {
      code: "import { log, sigmoid } from '@tensorflow/tfjs';\nconst y = log(sigmoid(z));",
      output: "import { log, sigmoid, logSigmoid } from '@tensorflow/tfjs';\nconst y = logSigmoid(z);",
      errors: [{ messageId: 'naiveLogSigmoid' }],
    },
    // Written-out sigmoid inside the log.
    {
      code: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.log(tf.div(1, tf.add(1, tf.exp(tf.neg(z)))));",
      output: "import * as tf from '@tensorflow/tfjs';\nconst y = tf.logSigmoid(z);",
      errors: [{ messageId: 'naiveLogSigmoid' }],
    },
    // Plain numbers: a local sigmoid helper, a written-out one, softplus, log1p(exp(x)).
    {
      code: 'const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));\nconst a = Math.log(sigmoid(z));\nconst b = Math.log(1 - sigmoid(z));',
      // Both fixes insert the import: the second applies in the next pass.
      output: [
        "import { logSigmoid } from 'eslint-plugin-numerics/kernels';\nconst sigmoid = (x: number) => 1 / (1 + Math.exp(-x));\nconst a = logSigmoid(z);\nconst b = Math.log(1 - sigmoid(z));",
        "import { logSigmoid } from 'eslint-plugin-numerics/kernels';\nconst sigmoid = (x: number) => 1 / (1 + Math.exp(-x));\nconst a = logSigmoid(z);\nconst b = logSigmoid(-z);",
      ],
      errors: [{ messageId: 'naiveLogSigmoid' }, { messageId: 'naiveLogSigmoid' }],
    },
    {
      code: 'export const logLikelihood = (s: number) => Math.log(1 / (1 + Math.exp(-s)));',
      output: "import { logSigmoid } from 'eslint-plugin-numerics/kernels';\nexport const logLikelihood = (s: number) => logSigmoid(s);",
      errors: [{ messageId: 'naiveLogSigmoid' }],
    },
    {
      code: 'export const softplus = (x: number) => Math.log(1 + Math.exp(x));\nexport const g = (x: number) => Math.log1p(Math.exp(-x));',
      output: [
        "import { softplus as numericsSoftplus } from 'eslint-plugin-numerics/kernels';\nexport const softplus = (x: number) => numericsSoftplus(x);\nexport const g = (x: number) => Math.log1p(Math.exp(-x));",
        "import { softplus as numericsSoftplus } from 'eslint-plugin-numerics/kernels';\nexport const softplus = (x: number) => numericsSoftplus(x);\nexport const g = (x: number) => numericsSoftplus(-x);",
      ],
      errors: [{ messageId: 'naiveSoftplus' }, { messageId: 'naiveSoftplus' }],
    },
    // After prefer-log1p: log1p(-sigmoid(x)).
    {
      code: "import { sigmoid } from 'eslint-plugin-numerics/kernels';\nconst y = Math.log1p(-sigmoid(a * b));",
      output: "import { sigmoid, logSigmoid } from 'eslint-plugin-numerics/kernels';\nconst y = logSigmoid(-(a * b));",
      errors: [{ messageId: 'naiveLogSigmoid' }],
    },
  ],
});

// Guarded code: the exponent is proven small enough by the surrounding conditions (as the stable kernels are written).
ruleTester.run('no-naive-log-sigmoid (guards)', rule, {
  valid: [
    'export function bce(y: number, z: number) {\n  if (z >= 0) {\n    return z * (1 - y) + Math.log1p(Math.exp(-z));\n  }\n  return -z * y + Math.log1p(Math.exp(z));\n}',
    'export function softplus(x: number) {\n  if (x > 33.3) return x;\n  return Math.log1p(Math.exp(x));\n}',
    'export function softplus(x: number) {\n  if (x <= 18) {\n    return Math.log1p(Math.exp(x));\n  }\n  return x + Math.exp(-x);\n}',
    'export const f = (x: number) => (x < 30 ? Math.log(1 + Math.exp(x)) : x);',
    'export const f = (x: number) => Math.log1p(Math.exp(-Math.abs(x)));',
    'export function logSigmoid(x: number) {\n  if (x < -18) return x;\n  return -Math.log1p(Math.exp(-x));\n}',
    'const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));\nexport const f = (x: number) => (x > -10 && x < 10 ? Math.log(sigmoid(x)) : 0);',
  ],
  invalid: [
    // A guard on the wrong side, or on another variable, proves nothing.
    {
      code: 'export function softplus(x: number, y: number) {\n  if (y <= 18) return Math.log1p(Math.exp(x));\n  return x;\n}',
      output: "import { softplus as numericsSoftplus } from 'eslint-plugin-numerics/kernels';\nexport function softplus(x: number, y: number) {\n  if (y <= 18) return numericsSoftplus(x);\n  return x;\n}",
      errors: [{ messageId: 'naiveSoftplus' }],
    },
    {
      code: 'export function f(x: number) {\n  if (x >= 18) return Math.log1p(Math.exp(x));\n  return x;\n}',
      output: "import { softplus } from 'eslint-plugin-numerics/kernels';\nexport function f(x: number) {\n  if (x >= 18) return softplus(x);\n  return x;\n}",
      errors: [{ messageId: 'naiveSoftplus' }],
    },
  ],
});
