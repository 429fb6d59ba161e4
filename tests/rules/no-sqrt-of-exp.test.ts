import rule from '../../rules/no-sqrt-of-exp.js';
import { jsRuleTester, ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";

ruleTester.run('no-sqrt-of-exp', rule, {
  valid: [
    // Already the stable form.
    'const s = Math.exp(0.5 * v);',
    `${TF}const s = tf.exp(tf.mul(0.5, v));`,
    `${TF}const s = v.mul(0.5).exp();`,
    // Not a square root of an exponential.
    'const s = Math.sqrt(Math.exp(a) + Math.exp(b));',
    'const s = Math.sqrt(1 + Math.exp(v));',
    'const s = Math.exp(Math.sqrt(v));',
    'const s = Math.pow(Math.exp(v), 0.25);',
    `${TF}const s = tf.sqrt(tf.sum(tf.exp(x)));`,
    // Constants.
    'const s = Math.sqrt(Math.exp(2));',
    'const K = 3; const s = Math.sqrt(Math.exp(K));',
    // Look-alikes: shadowed Math, a local object, tf not bound to TF.js.
    'function f(Math, v) { return Math.sqrt(Math.exp(v)); }',
    'const ops = { sqrt: (x) => x, exp: (x) => x }; const s = ops.sqrt(ops.exp(v));',
    'const s = tf.sqrt(tf.exp(v));',
    `${TF}function f(tf, v) { return tf.sqrt(tf.exp(v)); }`,
  ],
  invalid: [
    // Every binding, functional.
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst s = ${tf}.sqrt(${tf}.exp(logVar));`,
      output: `${header}\nconst s = ${tf}.exp(${tf}.mul(0.5, logVar));`,
      errors: [{ messageId: 'sqrtOfExp' as const }],
    })),
    // The full message, tensor and number.
    {
      code: `${TF}const std = tf.sqrt(tf.exp(logVar));`,
      output: `${TF}const std = tf.exp(tf.mul(0.5, logVar));`,
      errors: [{ messageId: 'sqrtOfExp', data: { code: 'tf.sqrt(tf.exp(logVar))', overflow: '88.7 (float32)', finite: '177.4', replacement: 'tf.exp(tf.mul(0.5, v))' } }],
    },
    {
      code: 'export const sigma = (logVar: number) => Math.sqrt(Math.exp(logVar));',
      output: 'export const sigma = (logVar: number) => Math.exp(0.5 * logVar);',
      errors: [{ messageId: 'sqrtOfExp', data: { code: 'Math.sqrt(Math.exp(logVar))', overflow: '709.8 (float64)', finite: '1419.5', replacement: 'Math.exp(0.5 * v)' } }],
    },
    // Parentheses around a compound exponent; the root written as ** 0.5 and Math.pow(·, 0.5).
    {
      code: 'const s = Math.sqrt(Math.exp(a - b));',
      output: 'const s = Math.exp(0.5 * (a - b));',
      errors: [{ messageId: 'sqrtOfExp' }],
    },
    {
      code: 'const s = Math.exp(2 * t) ** 0.5;',
      output: 'const s = Math.exp(0.5 * (2 * t));',
      errors: [{ messageId: 'sqrtOfExp' }],
    },
    {
      code: 'const s = Math.pow(Math.exp(x.logScale), 0.5);',
      output: 'const s = Math.exp(0.5 * x.logScale);',
      errors: [{ messageId: 'sqrtOfExp' }],
    },
    // Chained stays chained; a functional exp of a plain argument stays functional.
    {
      code: `${TF}const s = logVar.exp().sqrt();`,
      output: `${TF}const s = logVar.mul(0.5).exp();`,
      errors: [{ messageId: 'sqrtOfExp' }],
    },
    {
      code: `${TF}const s = tf.exp(tf.sub(a, b)).sqrt();`,
      output: `${TF}const s = tf.sub(a, b).mul(0.5).exp();`,
      errors: [{ messageId: 'sqrtOfExp' }],
    },
    {
      code: `${TF}const s = tf.exp(values).sqrt();`,
      output: `${TF}const s = tf.exp(tf.mul(0.5, values));`,
      errors: [{ messageId: 'sqrtOfExp' }],
    },
    // Named imports: the missing op is added.
    {
      code: "import { sqrt, exp } from '@tensorflow/tfjs';\nconst s = sqrt(exp(v));",
      output: "import { sqrt, exp, mul } from '@tensorflow/tfjs';\nconst s = exp(mul(0.5, v));",
      errors: [{ messageId: 'sqrtOfExp' }],
    },
    // Across a const temporary: the owned temporary goes with the fix.
    {
      code: `${TF}function sample(mu, logVar, eps) {\n  const variance = tf.exp(logVar);\n  return tf.add(mu, tf.mul(tf.sqrt(variance), eps));\n}`,
      output: `${TF}function sample(mu, logVar, eps) {\n  return tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps));\n}`,
      errors: [{ messageId: 'sqrtOfExp', line: 4 }],
    },
    // Element-wise in a map callback.
    {
      code: 'const s = xs.map((v) => Math.sqrt(Math.exp(v)));',
      output: 'const s = xs.map((v) => Math.exp(0.5 * v));',
      errors: [{ messageId: 'sqrtOfExp' }],
    },
    // A comment inside: suggest instead.
    {
      code: 'const s = Math.sqrt(Math.exp(v /* log variance */));',
      output: null,
      errors: [{ messageId: 'sqrtOfExp', suggestions: [{ messageId: 'sqrtOfExpSuggestion', output: 'const s = Math.exp(0.5 * v);' }] }],
    },
  ],
});

jsRuleTester.run('no-sqrt-of-exp (espree)', rule as never, {
  valid: ['const s = Math.exp(0.5 * v);'],
  invalid: [
    {
      code: "const tf = require('@tensorflow/tfjs');\nconst s = tf.sqrt(tf.exp(v));",
      output: "const tf = require('@tensorflow/tfjs');\nconst s = tf.exp(tf.mul(0.5, v));",
      errors: [{ messageId: 'sqrtOfExp' }],
    },
  ],
});
