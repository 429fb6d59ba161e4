// A small softmax classifier trained with TensorFlow.js: the kind of code eslint-plugin-numerics is for.
// Run `npx numerics examples` from the repository root to see what it finds here.
import * as tf from '@tensorflow/tfjs';

const NUM_FEATURES = 4;
const NUM_CLASSES = 3;

const weights = tf.variable(tf.randomNormal([NUM_FEATURES, NUM_CLASSES], 0, 0.1));
const bias = tf.variable(tf.zeros([NUM_CLASSES]));

function logits(features) {
  return features.matMul(weights).add(bias);
}

/** Cross-entropy of one-hot labels against the model's class probabilities. */
function crossEntropy(labels, features) {
  const probs = tf.softmax(logits(features));
  const logProbs = tf.log(probs);
  return tf.neg(tf.mean(tf.sum(tf.mul(labels, logProbs), 1)));
}

/** Free energy of each example: -log Σ_k exp(logit_k). */
function freeEnergy(features) {
  return tf.neg(tf.log(tf.sum(tf.exp(logits(features)), 1)));
}

/** Confidence penalty used for label smoothing: log(1 - p) of the top class. */
function overconfidencePenalty(features) {
  const top = tf.max(tf.softmax(logits(features)), 1);
  return tf.mean(tf.neg(tf.log(tf.sub(1, top))));
}

/** Per-feature variance of a batch, for monitoring activations. */
function featureVariance(features) {
  return tf.sub(tf.mean(tf.square(features), 0), tf.square(tf.mean(features, 0)));
}

/** Binary "is class 0" head trained on the first logit. */
function binaryLoss(isFirst, features) {
  const p = tf.sigmoid(logits(features).slice([0, 0], [-1, 1]).reshape([-1]));
  return tf.neg(tf.mean(tf.add(tf.mul(isFirst, tf.log(p)), tf.mul(tf.sub(1, isFirst), tf.log(tf.sub(1, p))))));
}

export async function train(features, labels, epochs = 20) {
  const optimizer = tf.train.adam(0.05);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const loss = optimizer.minimize(() => crossEntropy(labels, features), true);
    console.log(`epoch ${epoch}: loss ${(await loss.data())[0].toFixed(4)}`);
    loss.dispose();
  }
  return {
    freeEnergy: freeEnergy(features),
    penalty: overconfidencePenalty(features),
    variance: featureVariance(features),
    binary: binaryLoss(labels.slice([0, 0], [-1, 1]).reshape([-1]), features),
  };
}
