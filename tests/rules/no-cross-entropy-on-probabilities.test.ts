import rule from '../../rules/no-cross-entropy-on-probabilities.js';
import { ruleTester, TF_BINDINGS } from '../helpers/rule-tester.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";

ruleTester.run('no-cross-entropy-on-probabilities', rule, {
  valid: [
    // The alias of TF.js's log shadowed by a local `ln` that is not a log: no cross-entropy.
    "import { sigmoid, log as ln, mul, add, sub } from '@tensorflow/tfjs';\nexport const f = (y, z, ln) => {\n  const p = sigmoid(z);\n  return add(mul(y, ln(p)), mul(sub(1, y), ln(sub(1, p))));\n};",
    // The logits forms.
    `${TF}const l = tf.losses.sigmoidCrossEntropy(y, z);`,
    `${TF}const l = tf.losses.softmaxCrossEntropy(y, logits);`,
    `${TF}const l = tf.losses.logLoss(y, p);`, // probabilities of unknown origin given to a probability API
    `${TF}const l = tf.metrics.categoricalCrossentropy(y, model.predict(x));`,
    "import { binaryCrossEntropyWithLogits } from 'eslint-plugin-numerics/kernels';\nconst l = binaryCrossEntropyWithLogits(y, z);",
    // A binary CE on probabilities that are not a sigmoid we can see (an input, a lookup).
    'const l = (y: number, p: number) => y * Math.log(p) + (1 - y) * Math.log(1 - p);',
    // Not the binary shape: labels differ, or the complement is of something else.
    `${TF}const p = tf.sigmoid(z); const l = tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, w), tf.log(tf.sub(1, p))));`,
    `${TF}const p = tf.sigmoid(z); const q = tf.sigmoid(w); const l = tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, q))));`,
    // The log of a prediction outside a cross-entropy (a regression model's log-output).
    `${TF}const out = tf.log(model.predict(x));`,
    // Look-alikes.
    "import * as losses from './my-losses';\nconst l = losses.softmaxCrossEntropy(y, softmax(z));",
    `${TF}function f(tf) { return tf.losses.softmaxCrossEntropy(y, tf.softmax(z)); }`,
  ],
  invalid: [
    // Binary CE on a sigmoid, tensor code: the logits form, and the outer negation goes too.
    {
      code: `${TF}function loss(y, z) {\n  const p = tf.sigmoid(z);\n  return tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p)))));\n}`,
      output: `${TF}function loss(y, z) {\n  return tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.softplus(tf.neg(tf.abs(z))));\n}`,
      errors: [{ messageId: 'binaryOnProbabilities', line: 4 }],
    },
    {
      code: `${TF}const p = tf.sigmoid(z);\nconst ll = tf.mean(tf.add(tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))), tf.mul(y, tf.log(p))));`,
      output: `${TF}const ll = tf.mean(tf.neg(tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.softplus(tf.neg(tf.abs(z))))));`,
      errors: [{ messageId: 'binaryOnProbabilities' }],
    },
    // Plain numbers with a local sigmoid helper → the kernel.
    {
      code: 'const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));\nexport function bce(y: number, z: number) {\n  const p = sigmoid(z);\n  return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));\n}',
      output:
        "import { binaryCrossEntropyWithLogits } from 'eslint-plugin-numerics/kernels';\nconst sigmoid = (v: number) => 1 / (1 + Math.exp(-v));\nexport function bce(y: number, z: number) {\n  return binaryCrossEntropyWithLogits(y, z);\n}",
      errors: [{ messageId: 'binaryOnProbabilities' }],
    },
    {
      code: 'export const ll = (y: number, s: number) => y * Math.log(1 / (1 + Math.exp(-s))) + (1 - y) * Math.log(1 - 1 / (1 + Math.exp(-s)));',
      output: "import { binaryCrossEntropyWithLogits } from 'eslint-plugin-numerics/kernels';\nexport const ll = (y: number, s: number) => -binaryCrossEntropyWithLogits(y, s);",
      errors: [{ messageId: 'binaryOnProbabilities' }],
    },
    // Logits APIs fed probabilities: drop the inner activation.
    ...TF_BINDINGS.map(({ header, tf }) => ({
      code: `${header}\nconst l = ${tf}.losses.softmaxCrossEntropy(labels, ${tf}.softmax(logits));`,
      output: `${header}\nconst l = ${tf}.losses.softmaxCrossEntropy(labels, logits);`,
      errors: [{ messageId: 'doubleActivation' as const }],
    })),
    {
      code: `${TF}const probs = logits.sigmoid();\nconst l = tf.losses.sigmoidCrossEntropy(labels, probs);`,
      output: `${TF}const l = tf.losses.sigmoidCrossEntropy(labels, logits);`,
      errors: [{ messageId: 'doubleActivation' }],
    },
    // Probability APIs fed an activation: suggest the logits API (no 1e-7 clip, so the value changes).
    {
      code: `${TF}const l = tf.losses.logLoss(labels, tf.sigmoid(z));`,
      output: null,
      errors: [{ messageId: 'probabilityApi', suggestions: [{ messageId: 'crossEntropySuggestion', output: `${TF}const l = tf.losses.sigmoidCrossEntropy(labels, z);` }] }],
    },
    {
      code: `${TF}const l = tf.metrics.categoricalCrossentropy(y, tf.softmax(z));`,
      output: null,
      errors: [
        {
          messageId: 'probabilityApi',
          suggestions: [{ messageId: 'crossEntropySuggestion', output: `${TF}const l = tf.losses.softmaxCrossEntropy(y, z, undefined, undefined, tf.Reduction.NONE);` }],
        },
      ],
    },
    // logLoss with an epsilon argument: the logits API's 4th parameter means something else; report only.
    { code: `${TF}const l = tf.losses.logLoss(y, tf.sigmoid(z), undefined, 1e-4);`, output: null, errors: [{ messageId: 'probabilityApi' }] },
    // Model predictions inside a cross-entropy: report only.
    {
      code: `${TF}const p = model.predict(x);\nconst l = tf.neg(tf.sum(tf.mul(y, tf.log(p))));`,
      output: null,
      errors: [{ messageId: 'unknownOrigin', line: 3 }],
    },
    {
      code: `${TF}const p = model.predict(x);\nconst l = tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))));`,
      output: null,
      errors: [{ messageId: 'unknownOrigin' }],
    },
  ],
});

// Every arrangement of signs: the loss written out (−y·log p − (1 − y)·log(1 − p)), (y − 1) factors, log1p(−p).
ruleTester.run('no-cross-entropy-on-probabilities (sign arrangements)', rule, {
  valid: [
    // Signs that do not make a multiple of the log-likelihood.
    'const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));\nexport const f = (y: number, z: number) => { const p = sigmoid(z); return y * Math.log(p) - (1 - y) * Math.log(1 - p); };',
  ],
  invalid: [
    {
      code: 'export function loss(y: number, z: number) {\n  const p = 1 / (1 + Math.exp(-z));\n  return -y * Math.log(p) - (1 - y) * Math.log(1 - p);\n}',
      output: "import { binaryCrossEntropyWithLogits } from 'eslint-plugin-numerics/kernels';\nexport function loss(y: number, z: number) {\n  return binaryCrossEntropyWithLogits(y, z);\n}",
      errors: [{ messageId: 'binaryOnProbabilities' }],
    },
    {
      code: 'export function loss(y: number, z: number) {\n  const p = 1 / (1 + Math.exp(-z));\n  return -y * Math.log(p) + (y - 1) * Math.log1p(-p);\n}',
      output: "import { binaryCrossEntropyWithLogits } from 'eslint-plugin-numerics/kernels';\nexport function loss(y: number, z: number) {\n  return binaryCrossEntropyWithLogits(y, z);\n}",
      errors: [{ messageId: 'binaryOnProbabilities' }],
    },
    {
      code: "import * as tf from '@tensorflow/tfjs';\nexport function loss(y: tf.Tensor, z: tf.Tensor) {\n  const p = tf.sigmoid(z);\n  return tf.sub(tf.neg(tf.mul(y, tf.log(p))), tf.mul(tf.sub(1, y), tf.log1p(tf.neg(p))));\n}",
      output: "import * as tf from '@tensorflow/tfjs';\nexport function loss(y: tf.Tensor, z: tf.Tensor) {\n  return tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.softplus(tf.neg(tf.abs(z))));\n}",
      errors: [{ messageId: 'binaryOnProbabilities' }],
    },
    {
      // TF.js log imported under another name (no `log` written in the expression).
      code: "import { sigmoid, log as ln, mul, add, sub } from '@tensorflow/tfjs';\nexport const ll = (y, z) => {\n  const p = sigmoid(z);\n  return add(mul(y, ln(p)), mul(sub(1, y), ln(sub(1, p))));\n};",
      output: "import { sigmoid, log as ln, mul, add, sub, abs, neg, relu, softplus } from '@tensorflow/tfjs';\nexport const ll = (y, z) => {\n  return neg(add(sub(relu(z), mul(z, y)), softplus(neg(abs(z)))));\n};",
      errors: [{ messageId: 'binaryOnProbabilities' }],
    },
    {
      // The logs in `const` temporaries whose names do not say `log` (the expression itself has no `log` in it).
      code: 'export function loss(y: number, z: number) {\n  const p = 1 / (1 + Math.exp(-z));\n  const a = Math.log(p);\n  const b = Math.log(1 - p);\n  return -(y * a + (1 - y) * b);\n}',
      output: "import { binaryCrossEntropyWithLogits } from 'eslint-plugin-numerics/kernels';\nexport function loss(y: number, z: number) {\n  return binaryCrossEntropyWithLogits(y, z);\n}",
      errors: [{ messageId: 'binaryOnProbabilities' }],
    },
    {
      // The whole terms in temporaries.
      code: "import * as tf from '@tensorflow/tfjs';\nexport function loss(y: tf.Tensor, z: tf.Tensor) {\n  const p = tf.sigmoid(z);\n  const hit = tf.mul(y, tf.log(p));\n  const miss = tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p)));\n  return tf.neg(tf.add(hit, miss));\n}",
      output: "import * as tf from '@tensorflow/tfjs';\nexport function loss(y: tf.Tensor, z: tf.Tensor) {\n  return tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.softplus(tf.neg(tf.abs(z))));\n}",
      errors: [{ messageId: 'binaryOnProbabilities' }],
    },
  ],
});
