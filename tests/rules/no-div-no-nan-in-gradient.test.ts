import rule from '../../rules/no-div-no-nan-in-gradient.js';
import { jsRuleTester, ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";
const OK = (b: string, eps = '1e-7') => `tf.greaterEqual(tf.abs(${b}), ${eps})`;
const DOUBLE_WHERE = (a: string, b: string, eps = '1e-7') =>
  `tf.where(${OK(b, eps)}, tf.div(${a}, tf.where(${OK(b, eps)}, ${b}, tf.onesLike(${b}))), tf.zerosLike(${a}))`;

ruleTester.run('no-div-no-nan-in-gradient', rule, {
  valid: [
    // Outside differentiated code divNoNan is the right tool.
    `${TF}export const ratio = (a: tf.Tensor, b: tf.Tensor) => tf.divNoNan(a, b);`,
    `${TF}export function metric(yTrue: tf.Tensor, yPred: tf.Tensor) { return tf.divNoNan(tf.sum(tf.mul(yTrue, yPred)), tf.sum(yTrue)); }`,
    `${TF}const model = tf.sequential(); model.compile({ optimizer: 'adam', loss: 'meanSquaredError', metrics: [(a, b) => tf.divNoNan(a, b)] });`,
    // A forward function of tf.customGrad is not recorded on the tape (its gradient is gradFunc).
    `${TF}const f = tf.customGrad((x, save) => { save([x]); return { value: tf.divNoNan(tf.square(x), x), gradFunc: (dy) => [dy] }; });`,
    // Only constants: not on the path from the differentiated inputs.
    `${TF}const g = tf.grad((x) => tf.add(tf.sum(x), tf.divNoNan(tf.scalar(1), tf.scalar(0))));`,
    `${TF}const total = tf.tensor1d([1, 2]); const count = tf.scalar(0);\nconst g = tf.grad((x) => tf.mul(x, tf.divNoNan(total, count)));`,
    // Guarded division inside a gradient.
    `${TF}const g = tf.grad((x) => tf.div(x, tf.maximum(tf.sum(x), 1e-7)));`,
    // A function named like a loss but never differentiated; a minimize on something that is not an optimizer.
    `${TF}function loss(a, b) { return tf.divNoNan(a, b); } export { loss };`,
    `${TF}const queue = { minimize: (f) => f() }; queue.minimize(() => tf.divNoNan(a, b));`,
    // Shadowed tf, names that only look like TF.js, no TF.js import at all.
    `${TF}function f(tf) { return tf.grad((x) => tf.divNoNan(x, x)); }`,
    "import * as np from 'numjs'; const g = np.grad((x) => np.divNoNan(x, x));",
    'const g = tf.grad((x) => tf.divNoNan(x, x));',
    // A helper two levels down is not followed (documented gap).
    `${TF}function inner(a, b) { return tf.divNoNan(a, b); }\nfunction outer(a, b) { return inner(a, b); }\nconst g = tf.grad((x) => outer(x, x));`,
  ],
  invalid: [
    // Every TF.js binding; a non-negative denominator gets the maximum suggestion.
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst g = ${tf}.grad((x) => ${tf}.divNoNan(${tf}.sum(x), ${tf}.sum(${tf}.square(x))));`,
      output: null,
      errors: [
        {
          messageId: 'divNoNanInGradient' as const,
          suggestions: [
            {
              messageId: 'maximumSuggestion' as const,
              output: `${header}\nconst g = ${tf}.grad((x) => ${tf}.div(${tf}.sum(x), ${tf}.maximum(${tf}.sum(${tf}.square(x)), 1e-7)));`,
            },
          ],
        },
      ],
    })),
    // The full message.
    {
      code: `${TF}const g = tf.grad((x) => tf.divNoNan(tf.sum(x), tf.sum(tf.abs(x))));`,
      output: null,
      errors: [
        {
          messageId: 'divNoNanInGradient',
          data: {
            code: 'tf.divNoNan(tf.sum(x), tf.sum(tf.abs(x)))',
            context: 'the function passed to tf.grad',
            advice: '`tf.div(a, tf.maximum(b, 1e-7))`, as b is never negative',
          },
          suggestions: [
            {
              messageId: 'maximumSuggestion',
              data: { replacement: 'tf.div(a, tf.maximum(b, 1e-7))', epsilon: '1e-7' },
              output: `${TF}const g = tf.grad((x) => tf.div(tf.sum(x), tf.maximum(tf.sum(tf.abs(x)), 1e-7)));`,
            },
          ],
        },
      ],
    },
    // The context named in the message: a helper called from a gradient function, a compile loss.
    {
      code: `${TF}function maskedMean(v, m) { return tf.divNoNan(v, m); }\nconst g = tf.grad((x) => maskedMean(x, m));`,
      output: null,
      errors: [
        {
          messageId: 'divNoNanInGradient',
          data: {
            code: 'tf.divNoNan(v, m)',
            context: '`maskedMean`, called from the function passed to tf.grad',
            advice: 'b can be negative: the double-where form with a tf.greaterEqual(tf.abs(b), 1e-7) mask, as greaterEqual is the only comparison with a gradient',
          },
          suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}function maskedMean(v, m) { return ${DOUBLE_WHERE('v', 'm')}; }\nconst g = tf.grad((x) => maskedMean(x, m));` }],
        },
      ],
    },
    {
      code: `${TF}model.compile({ loss: (yTrue, yPred) => tf.divNoNan(yPred, yTrue) });`,
      output: null,
      errors: [
        {
          messageId: 'divNoNanInGradient',
          data: {
            code: 'tf.divNoNan(yPred, yTrue)',
            context: 'a loss given to model.compile',
            advice: 'b can be negative: the double-where form with a tf.greaterEqual(tf.abs(b), 1e-7) mask, as greaterEqual is the only comparison with a gradient',
          },
          suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}model.compile({ loss: (yTrue, yPred) => ${DOUBLE_WHERE('yPred', 'yTrue')} });` }],
        },
      ],
    },
    // A signed denominator: the double-where form with a greaterEqual mask.
    {
      code: `${TF}const g = tf.grads((a, b) => tf.divNoNan(a, b));`,
      output: null,
      errors: [
        {
          messageId: 'divNoNanInGradient',
          suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}const g = tf.grads((a, b) => ${DOUBLE_WHERE('a', 'b')});` }],
        },
      ],
    },
    // Chained spelling; a local function passed by name; valueAndGrad.
    {
      code: `${TF}function loss(x: tf.Tensor) {\n  return x.divNoNan(tf.scalar(2)).sum();\n}\nexport const g = tf.valueAndGrad(loss);`,
      output: null,
      errors: [
        {
          messageId: 'divNoNanInGradient',
          suggestions: [
            { messageId: 'maximumSuggestion', output: `${TF}function loss(x: tf.Tensor) {\n  return tf.div(x, tf.maximum(tf.scalar(2), 1e-7)).sum();\n}\nexport const g = tf.valueAndGrad(loss);` },
          ],
        },
      ],
    },
    // optimizer.minimize with a tf.train optimizer through a const, and by name.
    {
      code: `${TF}const opt = tf.train.adam(0.01);\nopt.minimize(() => tf.divNoNan(tf.sum(tf.mul(mask, w)), tf.sum(mask)));`,
      output: null,
      errors: [{ messageId: 'divNoNanInGradient', suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}const opt = tf.train.adam(0.01);\nopt.minimize(() => ${DOUBLE_WHERE('tf.sum(tf.mul(mask, w))', 'tf.sum(mask)')});` }] }],
    },
    {
      code: `${TF}class Trainer {\n  step() {\n    return this.optimizer.minimize(() => tf.divNoNan(this.model.predict(xs), tf.abs(ys)), true);\n  }\n}`,
      output: null,
      errors: [
        {
          messageId: 'divNoNanInGradient',
          suggestions: [
            { messageId: 'maximumSuggestion', output: `${TF}class Trainer {\n  step() {\n    return this.optimizer.minimize(() => tf.div(this.model.predict(xs), tf.maximum(tf.abs(ys), 1e-7)), true);\n  }\n}` },
          ],
        },
      ],
    },
    // variableGrads; a model.compile loss (inline, and by name in an array).
    {
      code: `${TF}const { grads } = tf.variableGrads(() => tf.divNoNan(w, n).sum());`,
      output: null,
      errors: [{ messageId: 'divNoNanInGradient', suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}const { grads } = tf.variableGrads(() => ${DOUBLE_WHERE('w', 'n')}.sum());` }] }],
    },
    {
      code: `${TF}model.compile({ optimizer: 'sgd', loss: (yTrue, yPred) => tf.divNoNan(tf.sum(tf.square(tf.sub(yTrue, yPred))), tf.sum(yTrue)) });`,
      output: null,
      errors: [{ messageId: 'divNoNanInGradient', suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}model.compile({ optimizer: 'sgd', loss: (yTrue, yPred) => ${DOUBLE_WHERE('tf.sum(tf.square(tf.sub(yTrue, yPred)))', 'tf.sum(yTrue)')} });` }] }],
    },
    {
      code: `${TF}const weighted = (yTrue, yPred) => tf.divNoNan(yPred, yTrue);\nmodel.compile({ optimizer: 'sgd', loss: [weighted, 'meanSquaredError'] });`,
      output: null,
      errors: [{ messageId: 'divNoNanInGradient', suggestions: [{ messageId: 'doubleWhereSuggestion', output: `${TF}const weighted = (yTrue, yPred) => ${DOUBLE_WHERE('yPred', 'yTrue')};\nmodel.compile({ optimizer: 'sgd', loss: [weighted, 'meanSquaredError'] });` }] }],
    },
    // One level of local helpers called from the differentiated body.
    {
      code: `${TF}function maskedMean(values, mask) {\n  return tf.divNoNan(tf.sum(tf.mul(values, mask)), tf.sum(tf.abs(mask)));\n}\nconst g = tf.grad((x) => maskedMean(tf.square(x), m));`,
      output: null,
      errors: [
        {
          messageId: 'divNoNanInGradient',
          suggestions: [
            { messageId: 'maximumSuggestion', output: `${TF}function maskedMean(values, mask) {\n  return tf.div(tf.sum(tf.mul(values, mask)), tf.maximum(tf.sum(tf.abs(mask)), 1e-7));\n}\nconst g = tf.grad((x) => maskedMean(tf.square(x), m));` },
          ],
        },
      ],
    },
    // Nested inside tf.tidy within the gradient function; named imports get the new ops added.
    {
      code: "import { grad, divNoNan, tidy } from '@tensorflow/tfjs';\nconst g = grad((x) => tidy(() => divNoNan(x, y)));",
      output: null,
      errors: [
        {
          messageId: 'divNoNanInGradient',
          suggestions: [
            {
              messageId: 'doubleWhereSuggestion',
              output: "import { grad, divNoNan, tidy, abs, div, greaterEqual, onesLike, where, zerosLike } from '@tensorflow/tfjs';\nconst g = grad((x) => tidy(() => where(greaterEqual(abs(y), 1e-7), div(x, where(greaterEqual(abs(y), 1e-7), y, onesLike(y))), zerosLike(x))));",
            },
          ],
        },
      ],
    },
    // A denominator with side effects is not repeated: report only.
    {
      code: `${TF}const g = tf.grad((x) => tf.divNoNan(x, next()));`,
      output: null,
      errors: [{ messageId: 'divNoNanInGradient', suggestions: [] }],
    },
    // epsilon from settings, and the rule option over it.
    {
      code: `${TF}const g = tf.grad((x) => tf.divNoNan(x, tf.norm(x)));`,
      output: null,
      settings: { numerics: { epsilon: 1e-6 } },
      errors: [{ messageId: 'divNoNanInGradient', suggestions: [{ messageId: 'maximumSuggestion', output: `${TF}const g = tf.grad((x) => tf.div(x, tf.maximum(tf.norm(x), 1e-6)));` }] }],
    },
    {
      code: `${TF}const g = tf.grad((x) => tf.divNoNan(x, tf.norm(x)));`,
      output: null,
      options: [{ epsilon: 1e-12 }],
      errors: [{ messageId: 'divNoNanInGradient', suggestions: [{ messageId: 'maximumSuggestion', output: `${TF}const g = tf.grad((x) => tf.div(x, tf.maximum(tf.norm(x), 1e-12)));` }] }],
    },
  ],
});

// The default parser on a CommonJS file.
jsRuleTester.run('no-div-no-nan-in-gradient (espree)', rule as never, {
  valid: ["const tf = require('@tensorflow/tfjs');\nmodule.exports = (a, b) => tf.divNoNan(a, b);"],
  invalid: [
    {
      code: "const tf = require('@tensorflow/tfjs');\nconst optimizer = tf.train.sgd(0.1);\noptimizer.minimize(function () { return tf.divNoNan(w, tf.exp(v)); });",
      errors: [
        {
          messageId: 'divNoNanInGradient',
          suggestions: [{ messageId: 'maximumSuggestion', output: "const tf = require('@tensorflow/tfjs');\nconst optimizer = tf.train.sgd(0.1);\noptimizer.minimize(function () { return tf.div(w, tf.maximum(tf.exp(v), 1e-7)); });" }],
        },
      ],
    },
  ],
});
