// TF.js runs for no-nan-gradient-where: a single where masking log/sqrt/div of the masked value has a NaN gradient
// on the masked elements (the double-where suggestion is finite and has the same value); a condition built with
// greater/less/equal/notEqual/lessEqual (or a logical op) of a differentiated value throws.
import { describe, expect, it } from 'vitest';
import { expectAllFinite, findings, fixed, load, loadRuntime, noGradient, values } from './helpers.js';

const RULE = 'no-nan-gradient-where';
const TF = "import * as tf from '@tensorflow/tfjs';\n";

describe(`${RULE}: TF.js`, () => {
  it.each([
    ['log', 'tf.log(x)', [1, 0], [1, Number.NaN]],
    ['sqrt', 'tf.sqrt(x)', [1, 0], [0.5, Number.NaN]],
    ['div', 'tf.div(1, x)', [1, 0], [-1, Number.NaN]],
  ] as const)('single where around %s: NaN gradient on the masked element; the double-where suggestion is finite', async (_, branch, input, gradient) => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(v: tf.Tensor) {\n  return tf.valueAndGrad((x: tf.Tensor) => tf.sum(tf.where(tf.greaterEqual(x, 0.5), ${branch}, tf.zerosLike(x))))(v);\n}`;
    expect(findings(code, RULE)).toHaveLength(1);
    const original = (await values((await load(code))(tf.tensor1d([...input])))) as { value: number; grad: number[] };
    expect(original.grad).toEqual(gradient);

    const output = fixed(code, RULE, 'suggest');
    expect(findings(output, RULE)).toEqual([]);
    const repaired = (await values((await load(output))(tf.tensor1d([...input])))) as { value: number; grad: number[] };
    expect(repaired.value).toBe(original.value);
    expect(repaired.grad).toEqual([gradient[0], 0]);
    expectAllFinite(repaired.grad);
  });

  it.each([
    ['greater', 'Greater'],
    ['less', 'Less'],
    ['equal', 'Equal'],
    ['notEqual', 'NotEqual'],
    ['lessEqual', 'LessEqual'],
  ])('tf.where(tf.%s(x, 0), …) in tf.grad throws "gradient function not found for …"; greaterEqual does not', async (comparison, kernel) => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(v: tf.Tensor) {\n  return tf.grad((x: tf.Tensor) => tf.sum(tf.where(tf.${comparison}(x, 0), x, tf.zerosLike(x))))(v);\n}`;
    expect(findings(code, RULE)).toHaveLength(1);
    const original = await load(code);
    expect(() => original(tf.tensor1d([1, -1]))).toThrow(noGradient(kernel));
    expect(await values(tf.grad((x) => tf.sum(tf.where(tf.greaterEqual(x, 0), x, tf.zerosLike(x))))(tf.tensor1d([1, -1])))).toEqual([1, 0]);
  });

  it('lessEqual(x, c) → greaterEqual(c, x) (the autofix): the same mask, and it differentiates', async () => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(v: tf.Tensor) {\n  return tf.valueAndGrad((x: tf.Tensor) => tf.sum(tf.where(tf.lessEqual(x, 0), tf.zerosLike(x), tf.square(x))))(v);\n}`;
    const output = fixed(code, RULE, 'fix');
    expect(output).toContain('tf.greaterEqual(0, x)');
    const repaired = (await values((await load(output))(tf.tensor1d([2, -1, 0])))) as { value: number; grad: number[] };
    expect(repaired).toEqual({ value: 4, grad: [4, 0, 0] });
  });

  it('logical ops have no gradient either; masks from values that are not differentiated are fine', async () => {
    const { tf } = await loadRuntime();
    const keep = tf.tensor1d([true, true], 'bool');
    expect(() => tf.grad((x) => tf.sum(tf.where(tf.logicalAnd(tf.greaterEqual(x, 0), keep), x, tf.zerosLike(x))))(tf.tensor1d([1, -1]))).toThrow(noGradient('LogicalAnd'));
    expect(() => tf.grad((x) => tf.sum(tf.where(tf.logicalNot(tf.greater(x, 0)), x, tf.zerosLike(x))))(tf.tensor1d([1, -1]))).toThrow(noGradient('LogicalNot'));
    const labels = tf.tensor1d([1, -1]);
    expect(await values(tf.grad((x) => tf.sum(tf.where(tf.greater(labels, 0), x, tf.zerosLike(x))))(tf.tensor1d([1, -1])))).toEqual([1, 0]);
    const w = tf.variable(tf.tensor1d([1, -1]));
    expect(() => tf.train.sgd(0.1).minimize(() => tf.sum(tf.where(tf.greater(w, 0), w, tf.zerosLike(w))))).toThrow(noGradient('Greater'));
  });
});
