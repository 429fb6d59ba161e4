import rule from '../../rules/no-norm-gradient-at-zero.js';
import { jsRuleTester, ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";

ruleTester.run('no-norm-gradient-at-zero', rule, {
  valid: [
    // Not differentiated: norms in metrics, preprocessing, inference.
    `${TF}export const length = (x: tf.Tensor) => tf.norm(x);`,
    `${TF}export const normalize = (x: tf.Tensor) => tf.div(x, tf.add(tf.norm(x, 'euclidean', -1, true), 1e-7));`,
    `${TF}export const dist = (a: tf.Tensor, b: tf.Tensor) => tf.sqrt(tf.sum(tf.square(tf.sub(a, b))));`,
    // Guarded: ε under the root.
    `${TF}const g = tf.grad((x) => tf.sqrt(tf.add(tf.sum(tf.square(x)), 1e-7)));`,
    `${TF}const g = tf.grad((x) => tf.sqrt(tf.maximum(tf.sum(tf.square(x)), 1e-12)));`,
    `${TF}const g = tf.grad((x) => x.square().sum().add(1e-7).sqrt());`,
    // Other norms: ord 1 and Infinity have finite (sub)gradients at 0.
    `${TF}const g = tf.grad((x) => tf.norm(x, 1));`,
    `${TF}const g = tf.grad((x) => tf.norm(x, Infinity));`,
    `${TF}const ORD = 1;\nconst g = tf.grad((x) => tf.norm(x, ORD));`,
    // The normed value carries no gradient: captured constants in tf.grad, labels in a loss.
    `${TF}const target = tf.tensor1d([3, 4]);\nconst g = tf.grad((x) => tf.mul(x, tf.norm(target)));`,
    `${TF}model.compile({ optimizer: 'sgd', loss: (yTrue, yPred) => tf.mul(tf.sum(yPred), tf.norm(yTrue)) });`,
    `${TF}const targets = tf.tensor2d([[1, 2]]);\nconst optimizer = tf.train.sgd(0.1);\noptimizer.minimize(() => tf.mul(tf.sum(model.predict(xs)), tf.norm(targets)));`,
    // A tf.customGrad forward function: its gradient is gradFunc.
    `${TF}const n = tf.customGrad((x, save) => { save([x]); return { value: tf.norm(x), gradFunc: (dy, [s]) => [tf.mul(dy, s)] }; });`,
    // sqrt of a sum that is not of squares; look-alikes.
    `${TF}const g = tf.grad((x) => tf.sqrt(tf.sum(tf.exp(x))));`,
    `${TF}function f(tf) { return tf.grad((x) => tf.norm(x)); }`,
    "import { Matrix } from 'ml-matrix'; const g = optimizer.minimize(() => new Matrix([[1]]).norm());",
    'const g = tf.grad((x) => tf.norm(x));',
  ],
  invalid: [
    // Every binding, functional tf.norm; the suggestion spells out sqrt(sum(x²) + ε).
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst g = ${tf}.grad((x) => ${tf}.norm(x));`,
      output: null,
      errors: [
        {
          messageId: 'normGradientAtZero' as const,
          suggestions: [{ messageId: 'epsilonSuggestion' as const, output: `${header}\nconst g = ${tf}.grad((x) => ${tf}.sqrt(${tf}.add(${tf}.sum(${tf}.square(x)), 1e-7)));` }],
        },
      ],
    })),
    // The full message; ord, axis and keepDims carried over.
    {
      code: `${TF}const g = tf.grads((a, b) => tf.mean(tf.norm(tf.sub(a, b), 'euclidean', -1, true)));`,
      output: null,
      errors: [
        {
          messageId: 'normGradientAtZero',
          data: {
            code: "tf.norm(tf.sub(a, b), 'euclidean', -1, true)",
            context: 'the function passed to tf.grads',
            replacement: 'tf.sqrt(tf.add(tf.sum(tf.square(x), -1, true), 1e-7))',
          },
          suggestions: [
            {
              messageId: 'epsilonSuggestion',
              data: { replacement: 'tf.sqrt(tf.add(tf.sum(tf.square(x), -1, true), 1e-7))', epsilon: '1e-7' },
              output: `${TF}const g = tf.grads((a, b) => tf.mean(tf.sqrt(tf.add(tf.sum(tf.square(tf.sub(a, b)), -1, true), 1e-7))));`,
            },
          ],
        },
      ],
    },
    {
      // ord as a named constant.
      code: `${TF}const ORD = 'euclidean';\nconst g = tf.grad((x) => tf.norm(x, ORD));`,
      output: null,
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const ORD = 'euclidean';\nconst g = tf.grad((x) => tf.sqrt(tf.add(tf.sum(tf.square(x)), 1e-7)));` }] }],
    },
    {
      code: `${TF}const g = tf.grad((x) => tf.norm(x, 2, undefined));`,
      output: null,
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const g = tf.grad((x) => tf.sqrt(tf.add(tf.sum(tf.square(x)), 1e-7)));` }] }],
    },
    // Chained x.norm(); euclideanNorm.
    {
      code: `${TF}const g = tf.grad((x: tf.Tensor) => x.sub(center).norm());`,
      output: null,
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const g = tf.grad((x: tf.Tensor) => x.sub(center).square().sum().add(1e-7).sqrt());` }] }],
    },
    {
      code: `${TF}const g = tf.grad((x) => tf.euclideanNorm(x, 1));`,
      output: null,
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const g = tf.grad((x) => tf.sqrt(tf.add(tf.sum(tf.square(x), 1), 1e-7)));` }] }],
    },
    // Written out, functional and chained, and across const temporaries: ε goes into the sum in place.
    {
      code: `${TF}const g = tf.grad((x) => tf.sqrt(tf.sum(tf.square(x), -1)));`,
      output: null,
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const g = tf.grad((x) => tf.sqrt(tf.add(tf.sum(tf.square(x), -1), 1e-7)));` }] }],
    },
    {
      code: `${TF}const g = tf.grad((x) => x.mul(x).sum().sqrt());`,
      output: null,
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const g = tf.grad((x) => x.mul(x).sum().add(1e-7).sqrt());` }] }],
    },
    {
      code: `${TF}const g = tf.grad((x) => {\n  const ss = tf.sum(tf.pow(x, 2));\n  return tf.sqrt(ss);\n});`,
      output: null,
      errors: [{ messageId: 'normGradientAtZero', line: 4, suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const g = tf.grad((x) => {\n  const ss = tf.sum(tf.pow(x, 2));\n  return tf.sqrt(tf.add(ss, 1e-7));\n});` }] }],
    },
    // optimizer.minimize over a model's output (a contrastive distance); a compile loss on yPred.
    {
      code: `${TF}const optimizer = tf.train.adam(1e-3);\noptimizer.minimize(() => {\n  const emb = model.predict(pairs);\n  return tf.mean(tf.norm(tf.sub(emb, anchor), 'euclidean', 1));\n});`,
      output: null,
      errors: [
        {
          messageId: 'normGradientAtZero',
          data: { code: "tf.norm(tf.sub(emb, anchor), 'euclidean', 1)", context: 'the function passed to optimizer.minimize', replacement: 'tf.sqrt(tf.add(tf.sum(tf.square(x), 1), 1e-7))' },
          suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const optimizer = tf.train.adam(1e-3);\noptimizer.minimize(() => {\n  const emb = model.predict(pairs);\n  return tf.mean(tf.sqrt(tf.add(tf.sum(tf.square(tf.sub(emb, anchor)), 1), 1e-7)));\n});` }],
        },
      ],
    },
    {
      code: `${TF}function distance(yTrue, yPred) { return tf.norm(tf.sub(yTrue, yPred)); }\nmodel.compile({ optimizer: 'sgd', loss: distance });`,
      output: null,
      errors: [{ messageId: 'normGradientAtZero', data: { code: 'tf.norm(tf.sub(yTrue, yPred))', context: 'a loss given to model.compile', replacement: 'tf.sqrt(tf.add(tf.sum(tf.square(x)), 1e-7))' }, suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}function distance(yTrue, yPred) { return tf.sqrt(tf.add(tf.sum(tf.square(tf.sub(yTrue, yPred))), 1e-7)); }\nmodel.compile({ optimizer: 'sgd', loss: distance });` }] }],
    },
    // A trainable variable captured by a minimize function (weight decay on the norm).
    {
      code: `${TF}const w = tf.variable(tf.randomNormal([4]));\nconst optimizer = tf.train.sgd(0.1);\noptimizer.minimize(() => tf.add(dataLoss(), tf.norm(w)));`,
      output: null,
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const w = tf.variable(tf.randomNormal([4]));\nconst optimizer = tf.train.sgd(0.1);\noptimizer.minimize(() => tf.add(dataLoss(), tf.sqrt(tf.add(tf.sum(tf.square(w)), 1e-7))));` }] }],
    },
    // The ε option and setting.
    {
      code: `${TF}const g = tf.grad((x) => tf.norm(x));`,
      output: null,
      options: [{ epsilon: 1e-12 }],
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: `${TF}const g = tf.grad((x) => tf.sqrt(tf.add(tf.sum(tf.square(x)), 1e-12)));` }] }],
    },
    {
      code: "import { grad, norm } from '@tensorflow/tfjs';\nconst g = grad((x) => norm(x));",
      output: null,
      settings: { numerics: { epsilon: 1e-10 } },
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: "import { grad, norm, add, sqrt, square, sum } from '@tensorflow/tfjs';\nconst g = grad((x) => sqrt(add(sum(square(x)), 1e-10)));" }] }],
    },
  ],
});

jsRuleTester.run('no-norm-gradient-at-zero (espree)', rule as never, {
  valid: ["const tf = require('@tensorflow/tfjs');\nmodule.exports = (x) => tf.norm(x);"],
  invalid: [
    {
      code: "const tf = require('@tensorflow/tfjs');\nconst g = tf.valueAndGrads(function (a) { return tf.norm(a); });",
      errors: [{ messageId: 'normGradientAtZero', suggestions: [{ messageId: 'epsilonSuggestion', output: "const tf = require('@tensorflow/tfjs');\nconst g = tf.valueAndGrads(function (a) { return tf.sqrt(tf.add(tf.sum(tf.square(a)), 1e-7)); });" }] }],
    },
  ],
});
