import rule from '../../rules/no-nan-gradient-where.js';
import { jsRuleTester, ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";

ruleTester.run('no-nan-gradient-where', rule, {
  valid: [
    // The double-where form: the input is masked too.
    `${TF}const g = tf.grad((x: tf.Tensor) => { const ok = tf.greaterEqual(x, 1e-7); return tf.where(ok, tf.log(tf.where(ok, x, tf.onesLike(x))), tf.zerosLike(x)); });`,
    `${TF}const g = tf.grad((x: tf.Tensor) => tf.where(tf.greaterEqual(x, 1e-7), tf.log(tf.where(tf.greaterEqual(x, 1e-7), x, tf.onesLike(x))), tf.zerosLike(x)));`,
    // The masked branch does not take the masked value, or the condition tests another value.
    `${TF}const g = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.where(tf.greaterEqual(x, 0.5), tf.log(y), tf.zerosLike(x)));`,
    `${TF}const g = tf.grads((x: tf.Tensor, m: tf.Tensor) => tf.where(m, tf.log(x), tf.zerosLike(x)));`,
    `${TF}const g = tf.grads((x: tf.Tensor) => tf.where(tf.greaterEqual(x, 0), tf.mul(x, 2), tf.zerosLike(x)));`,
    // The mask does not guard the op's domain (x < 100 selects the log, whose masked region x ≥ 100 is in its domain;
    // x ≥ -1 selects values ≤ 0 as well, a different bug).
    `${TF}const g = tf.grads((x: tf.Tensor) => tf.where(tf.greaterEqual(x, 100), tf.scalar(Math.log(100)), tf.log(x)));`,
    `${TF}const g = tf.grads((x: tf.Tensor) => tf.where(tf.greaterEqual(x, -1), tf.log(x), tf.zerosLike(x)));`,
    // A division by something else than the masked value.
    `${TF}const g = tf.grads((x: tf.Tensor, d: tf.Tensor) => tf.where(tf.greaterEqual(x, 1), tf.div(x, d), tf.zerosLike(x)));`,
    // Outside differentiated code the single where is the right idiom (as in TF.js's own precision metric).
    `${TF}export const precision = (tp: tf.Tensor, fp: tf.Tensor) => { const d = tf.add(tp, fp); return tf.where(tf.greater(d, 0), tf.div(tp, d), 0); };`,
    `${TF}const f = (x) => tf.where(tf.greaterEqual(x, 1e-7), tf.log(x), tf.zerosLike(x));`,
    // In differentiated code, but the masked value carries no gradient (a captured constant).
    `${TF}const counts = tf.tensor1d([0, 2]);\nconst g = tf.grad((x) => tf.sum(tf.mul(x, tf.where(tf.greaterEqual(counts, 1), tf.log(counts), tf.zerosLike(counts)))));`,
    // Conditions outside differentiated code, or on values that are not differentiated.
    `${TF}export const relu = (x: tf.Tensor) => tf.where(tf.greater(x, 0), x, tf.zerosLike(x));`,
    `${TF}const g = tf.grad((x) => tf.sum(tf.where(tf.greaterEqual(x, 0), x, tf.zerosLike(x))));`,
    `${TF}const labels = tf.tensor1d([1, -1]);\nconst g = tf.grad((x) => tf.sum(tf.where(tf.greater(labels, 0), x, tf.zerosLike(x))));`,
    `${TF}model.compile({ optimizer: 'sgd', loss: (yTrue, yPred) => tf.where(tf.greater(yTrue, 0.5), yPred, tf.zerosLike(yPred)).mean() });`,
    `${TF}const mask = tf.greater(x0, 0);\nconst g = tf.grad((x) => tf.sum(tf.where(mask, x, tf.zerosLike(x))));`,
    // A forward function of tf.customGrad is not recorded.
    `${TF}const f = tf.customGrad((x, save) => ({ value: tf.where(tf.greater(x, 0), x, tf.zerosLike(x)), gradFunc: (dy) => [dy] }));`,
    // Look-alikes: shadowed tf, another library's where.
    `${TF}function f(tf, x) { return tf.where(tf.greater(x, 0), tf.log(x), 0); }`,
    "import * as np from 'numjs'; const y = np.where(np.greater(x, 0), np.log(x), 0);",
    'const y = tf.where(tf.greater(x, 0), tf.log(x), 0);',
  ],
  invalid: [
    // The single where, every binding; the suggestion wraps the masked input in place.
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst g = ${tf}.grad((x) => ${tf}.where(${tf}.greaterEqual(x, 1e-7), ${tf}.log(x), ${tf}.zerosLike(x)));`,
      output: null,
      errors: [
        {
          messageId: 'maskedBranch' as const,
          suggestions: [
            {
              messageId: 'doubleWhereSuggestion' as const,
              output: `${header}\nconst g = ${tf}.grad((x) => ${tf}.where(${tf}.greaterEqual(x, 1e-7), ${tf}.log(${tf}.where(${tf}.greaterEqual(x, 1e-7), x, ${tf}.onesLike(x))), ${tf}.zerosLike(x)));`,
            },
          ],
        },
      ],
    })),
    // The full message, in a compile loss (yPred is differentiated).
    {
      code: `${TF}model.compile({ optimizer: 'sgd', loss: (yTrue, yPred) => tf.where(tf.greaterEqual(yPred, 0.1), tf.sqrt(yPred), 0).sum() });`,
      output: null,
      errors: [
        {
          messageId: 'maskedBranch',
          data: {
            code: 'tf.where(tf.greaterEqual(yPred, 0.1), tf.sqrt(yPred), 0)',
            context: 'a loss given to model.compile',
            op: 'tf.sqrt(yPred)',
            domain: 'sqrt of a value ≤ 0',
          },
          suggestions: [
            {
              messageId: 'doubleWhereSuggestion',
              data: { replacement: 'tf.where(c, tf.sqrt(tf.where(c, x, tf.onesLike(x))), y)' },
              output: `${TF}model.compile({ optimizer: 'sgd', loss: (yTrue, yPred) => tf.where(tf.greaterEqual(yPred, 0.1), tf.sqrt(tf.where(tf.greaterEqual(yPred, 0.1), yPred, tf.onesLike(yPred))), 0).sum() });`,
            },
          ],
        },
      ],
    },
    // Inside differentiated code the message says where; the condition through a const is reused by name.
    {
      code: `${TF}const g = tf.grad((x) => {\n  const ok = tf.greaterEqual(x, 1e-6);\n  return tf.sum(tf.where(ok, tf.mul(x, tf.log(x)), tf.zerosLike(x)));\n});`,
      output: null,
      errors: [
        {
          messageId: 'maskedBranch',
          data: {
            code: 'tf.where(ok, tf.mul(x, tf.log(x)), tf.zerosLike(x))',
            context: 'the function passed to tf.grad',
            op: 'tf.log(x)',
            domain: 'log of a value ≤ 0',
          },
          suggestions: [
            {
              messageId: 'doubleWhereSuggestion',
              output: `${TF}const g = tf.grad((x) => {\n  const ok = tf.greaterEqual(x, 1e-6);\n  return tf.sum(tf.where(ok, tf.mul(x, tf.log(tf.where(ok, x, tf.onesLike(x)))), tf.zerosLike(x)));\n});`,
            },
          ],
        },
      ],
    },
    // The unsafe op in the else branch: the inner where fills the other way.
    {
      code: `${TF}const g = tf.grads((x) => tf.where(tf.greaterEqual(0, x), tf.zerosLike(x), tf.log(x)));`,
      output: null,
      errors: [
        {
          messageId: 'maskedBranch',
          suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}const g = tf.grads((x) => tf.where(tf.greaterEqual(0, x), tf.zerosLike(x), tf.log(tf.where(tf.greaterEqual(0, x), tf.onesLike(x), x))));` }],
        },
      ],
    },
    // Division by the masked value, chained spelling of the op, the constant on the left.
    {
      code: `${TF}const g = tf.grads((x, y) => tf.where(tf.notEqual(x, 0), y.div(x), tf.zerosLike(y)));`,
      output: null,
      errors: [
        { messageId: 'maskedBranch', suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}const g = tf.grads((x, y) => tf.where(tf.notEqual(x, 0), y.div(tf.where(tf.notEqual(x, 0), x, tf.onesLike(x))), tf.zerosLike(y)));` }] },
        { messageId: 'throwingCondition', data: { code: 'tf.notEqual(x, 0)', context: 'the function passed to tf.grads', kernel: 'NotEqual' } },
      ],
    },
    {
      code: `${TF}const g = tf.grads((x) => tf.where(tf.greaterEqual(1e-6, x), tf.scalar(0), tf.div(1, x)));`,
      output: null,
      errors: [{ messageId: 'maskedBranch', suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}const g = tf.grads((x) => tf.where(tf.greaterEqual(1e-6, x), tf.scalar(0), tf.div(1, tf.where(tf.greaterEqual(1e-6, x), tf.onesLike(x), x))));` }] }],
    },
    {
      code: `${TF}const g = tf.grads((p) => tf.where(p.greaterEqual(-0.5), p.log1p(), tf.zerosLike(p)));`,
      output: null,
      errors: [{ messageId: 'maskedBranch', suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}const g = tf.grads((p) => tf.where(p.greaterEqual(-0.5), tf.where(p.greaterEqual(-0.5), p, tf.onesLike(p)).log1p(), tf.zerosLike(p)));` }] }],
    },
    // The unsafe branch through a temporary: report only (the fix would edit the temporary's definition).
    {
      code: `${TF}const g = tf.grad((x) => {\n  const logs = tf.log(x);\n  return tf.where(tf.greaterEqual(x, 1e-7), logs, tf.zerosLike(x));\n});`,
      output: null,
      errors: [{ messageId: 'maskedBranch', suggestions: [] }],
    },
    // A condition from greater/less/equal/notEqual of a differentiated value throws: reported at the comparison.
    {
      code: `${TF}const g = tf.grad((x) => tf.sum(tf.where(tf.greater(x, 0), x, tf.zerosLike(x))));`,
      output: null,
      errors: [
        {
          messageId: 'throwingCondition',
          data: { code: 'tf.greater(x, 0)', context: 'the function passed to tf.grad', kernel: 'Greater' },
          line: 2,
          column: 42,
          suggestions: [],
        },
      ],
    },
    {
      code: `${TF}const opt = tf.train.adam();\nopt.minimize(() => { const y = model.predict(xs); const hit = tf.equal(y, ys); return tf.where(hit, tf.zerosLike(y), tf.square(tf.sub(y, ys))).mean(); });`,
      output: null,
      errors: [{ messageId: 'throwingCondition', data: { code: 'tf.equal(y, ys)', context: 'the function passed to optimizer.minimize', kernel: 'Equal' } }],
    },
    {
      code: `${TF}model.compile({ optimizer: 'adam', loss: (yTrue, yPred) => tf.where(yPred.less(0.5), yTrue, yPred).sum() });`,
      output: null,
      errors: [{ messageId: 'throwingCondition', data: { code: 'yPred.less(0.5)', context: 'a loss given to model.compile', kernel: 'Less' } }],
    },
    {
      code: `${TF}const w = tf.variable(tf.zeros([3]));\ntf.variableGrads(() => tf.where(tf.logicalAnd(tf.notEqual(w, 0), mask), w, tf.zerosLike(w)).sum());`,
      output: null,
      errors: [{ messageId: 'throwingCondition', data: { code: 'tf.logicalAnd(tf.notEqual(w, 0), mask)', context: 'the function passed to tf.variableGrads', kernel: 'LogicalAnd' } }],
    },
    // greaterEqual has a gradient, but a logical op on it does not.
    {
      code: `${TF}const g = tf.grad((x) => tf.sum(tf.where(tf.greaterEqual(x, 0).logicalAnd(keep), x, tf.zerosLike(x))));`,
      output: null,
      errors: [{ messageId: 'throwingCondition', data: { code: 'tf.greaterEqual(x, 0).logicalAnd(keep)', context: 'the function passed to tf.grad', kernel: 'LogicalAnd' } }],
    },
    // One level of helpers: the parameter is differentiated when the argument is.
    {
      code: `${TF}function clipped(v) {\n  return tf.where(tf.greater(v, 1), tf.onesLike(v), v);\n}\nconst g = tf.grad((x) => tf.sum(clipped(tf.mul(x, 2))));`,
      output: null,
      errors: [{ messageId: 'throwingCondition', data: { code: 'tf.greater(v, 1)', context: '`clipped`, called from the function passed to tf.grad', kernel: 'Greater' } }],
    },
    // lessEqual(a, b) is greaterEqual(b, a): the same mask, so an autofix.
    {
      code: `${TF}const g = tf.grad((x) => tf.sum(tf.where(tf.lessEqual(x, 0), tf.zerosLike(x), x)));`,
      output: `${TF}const g = tf.grad((x) => tf.sum(tf.where(tf.greaterEqual(0, x), tf.zerosLike(x), x)));`,
      errors: [{ messageId: 'throwingCondition', data: { code: 'tf.lessEqual(x, 0)', context: 'the function passed to tf.grad', kernel: 'LessEqual' } }],
    },
    {
      code: "import { grad, where, lessEqual, zerosLike } from '@tensorflow/tfjs';\nconst g = grad((x) => where(x.lessEqual(1), zerosLike(x), x));",
      output: "import { grad, where, lessEqual, zerosLike, greaterEqual } from '@tensorflow/tfjs';\nconst g = grad((x) => where(greaterEqual(1, x), zerosLike(x), x));",
      errors: [{ messageId: 'throwingCondition' }],
    },
    // Both traps in one where: the comparison throws, and the single where would leak NaN.
    {
      code: `${TF}const g = tf.grad((x) => tf.sum(tf.where(tf.greater(x, 0), tf.log(x), tf.zerosLike(x))));`,
      output: null,
      errors: [
        {
          messageId: 'maskedBranch',
          suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}const g = tf.grad((x) => tf.sum(tf.where(tf.greater(x, 0), tf.log(tf.where(tf.greater(x, 0), x, tf.onesLike(x))), tf.zerosLike(x))));` }],
        },
        { messageId: 'throwingCondition', suggestions: [] },
      ],
    },
  ],
});

jsRuleTester.run('no-nan-gradient-where (espree)', rule as never, {
  valid: ["const tf = require('@tensorflow/tfjs');\nmodule.exports = (x) => tf.where(tf.greater(x, 0), x, tf.zerosLike(x));"],
  invalid: [
    {
      code: "const tf = require('@tensorflow/tfjs');\nconst g = tf.grads(function (a, b) { return tf.where(tf.less(a, b), a, b); });",
      output: null,
      errors: [{ messageId: 'throwingCondition' }],
    },
  ],
});
