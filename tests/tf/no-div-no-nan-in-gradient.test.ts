// TF.js runs for no-div-no-nan-in-gradient: tf.divNoNan inside differentiated code throws at backpropagation;
// the suggested guarded divisions differentiate to finite gradients.
import type { Tensor } from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectAllFinite, findings, fixed, load, loadRuntime, noGradient, values } from './helpers.js';

const RULE = 'no-div-no-nan-in-gradient';
const TF = "import * as tf from '@tensorflow/tfjs';\n";

describe(`${RULE}: TF.js`, () => {
  it('throws "gradient function not found for Equal" in tf.grad; the double-where suggestion (signed b) differentiates', async () => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(x: tf.Tensor, mask: tf.Tensor) {\n  return tf.grad((v: tf.Tensor) => tf.divNoNan(tf.sum(tf.mul(v, mask)), tf.sum(mask)))(x);\n}`;
    expect(findings(code, RULE)).toHaveLength(1);
    const original = await load(code);
    expect(() => original(tf.tensor1d([1, 2]), tf.tensor1d([1, 0]))).toThrow(noGradient('Equal'));

    const output = fixed(code, RULE, 'suggest');
    expect(output).toContain('tf.where(tf.greaterEqual(tf.abs(tf.sum(mask)), 1e-7)');
    const repaired = await load(output);
    expect(await values(repaired(tf.tensor1d([1, 2]), tf.tensor1d([1, 0])))).toEqual([1, 0]);
    // The case divNoNan was written for: an all-zero mask. Value 0 (as divNoNan), gradient 0.
    const empty = await values(repaired(tf.tensor1d([1, 2]), tf.tensor1d([0, 0])));
    expect(empty).toEqual([0, 0]);
  });

  it('the maximum suggestion (b ≥ 0) keeps the value where b ≥ ε and gives a finite gradient at b = 0', async () => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(x: tf.Tensor) {\n  return tf.valueAndGrad((v: tf.Tensor) => tf.divNoNan(tf.sum(v), tf.sum(tf.square(v))))(x);\n}`;
    const original = await load(code);
    expect(() => original(tf.tensor1d([1, 2]))).toThrow(noGradient('Equal'));
    const output = fixed(code, RULE, 'suggest');
    expect(output).toContain('tf.div(tf.sum(v), tf.maximum(tf.sum(tf.square(v)), 1e-7))');
    const repaired = await load(output);
    const at = (await values(repaired(tf.tensor1d([1, 2])))) as { value: number; grad: number[] };
    expect(at.value).toBeCloseTo(3 / 5, 6);
    expectAllFinite(at.grad);
    expectAllFinite(await values(repaired(tf.zeros([2]))));
  });

  it('throws in optimizer.minimize and in a model.compile loss too (the rule reports both)', async () => {
    const { tf } = await loadRuntime();
    const w = tf.variable(tf.tensor1d([1, -1]));
    const optimizer = tf.train.sgd(0.1);
    expect(() => optimizer.minimize(() => tf.divNoNan(tf.sum(w), tf.scalar(2)))).toThrow(noGradient('Equal'));
    expect(findings(`${TF}const optimizer = tf.train.sgd(0.1);\noptimizer.minimize(() => tf.divNoNan(tf.sum(w), tf.scalar(2)));`, RULE)).toHaveLength(1);

    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    model.compile({ optimizer: 'sgd', loss: (yTrue: Tensor, yPred: Tensor) => tf.divNoNan(tf.sum(tf.square(tf.sub(yTrue, yPred))), tf.scalar(2)) });
    await expect(model.fit(tf.tensor2d([[1]]), tf.tensor2d([[1]]), { epochs: 1, verbose: 0 })).rejects.toThrow(noGradient('Equal'));
    expect(findings(`${TF}model.compile({ optimizer: 'sgd', loss: (yTrue, yPred) => tf.divNoNan(tf.sum(tf.square(tf.sub(yTrue, yPred))), tf.scalar(2)) });`, RULE)).toHaveLength(1);
  });

  it('is fine where the rule is silent: outside a gradient, in a tf.customGrad forward function, on constants only', async () => {
    const { tf } = await loadRuntime();
    expect(await values(tf.divNoNan(tf.tensor1d([1, 2]), tf.tensor1d([0, 2])))).toEqual([0, 1]);
    const forward = (x: Tensor, save: (tensors: Tensor[]) => void) => {
      save([x]);
      return { value: tf.divNoNan(tf.square(x), x), gradFunc: (dy: Tensor) => [dy] };
    };
    const custom = tf.customGrad(forward as never) as unknown as (x: Tensor) => Tensor;
    expect(await values(tf.grad((x) => tf.sum(custom(x)))(tf.tensor1d([1, 0])))).toEqual([1, 1]);
    expect(await values(tf.grad((x) => tf.add(tf.sum(x), tf.divNoNan(tf.scalar(1), tf.scalar(0))))(tf.tensor1d([1, 2])))).toEqual([1, 1]);
  });
});
