// TF.js runs for no-norm-gradient-at-zero: the gradient of the Euclidean norm is NaN at the zero vector (tf.norm,
// x.norm(), tf.euclideanNorm, sqrt(sum(square(x)))); the suggested sqrt(sum(x²) + ε) has gradient 0 there and the
// same gradient elsewhere.
import { describe, expect, it } from 'vitest';
import { findings, fixed, load, loadRuntime, values } from './helpers.js';

const RULE = 'no-norm-gradient-at-zero';
const TF = "import * as tf from '@tensorflow/tfjs';\n";

describe(`${RULE}: TF.js`, () => {
  it.each([
    ['tf.norm(x)'],
    ['x.norm()'],
    ["tf.norm(x, 'euclidean')"],
    ['tf.euclideanNorm(x)'],
    ['tf.sqrt(tf.sum(tf.square(x)))'],
    ['x.square().sum().sqrt()'],
  ])('%s: NaN gradient at the zero vector; the suggestion gives 0 there and x/‖x‖ elsewhere', async (norm) => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(v: tf.Tensor) {\n  return tf.grad((x: tf.Tensor) => ${norm})(v);\n}`;
    expect(findings(code, RULE)).toHaveLength(1);
    const original = await load(code);
    expect(await values(original(tf.zeros([3])))).toEqual([Number.NaN, Number.NaN, Number.NaN]);

    const repaired = await load(fixed(code, RULE, 'suggest'));
    expect(await values(repaired(tf.zeros([3])))).toEqual([0, 0, 0]);
    const away = (await values(repaired(tf.tensor1d([3, 4, 0])))) as number[];
    expect(away[0]).toBeCloseTo(0.6, 6);
    expect(away[1]).toBeCloseTo(0.8, 6);
  });

  it('per-row norms: only the zero row is NaN; axis and keepDims are kept by the suggestion', async () => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(v: tf.Tensor) {\n  return tf.grad((x: tf.Tensor) => tf.sum(tf.norm(x, 'euclidean', 1, true)))(v);\n}`;
    const rows = () => tf.tensor2d([
      [0, 0],
      [3, 4],
    ]);
    const original = (await values((await load(code))(rows()))) as number[][];
    expect(original[0]).toEqual([Number.NaN, Number.NaN]);
    const output = fixed(code, RULE, 'suggest');
    expect(output).toContain('tf.sqrt(tf.add(tf.sum(tf.square(x), 1, true), 1e-7))');
    const repaired = (await values((await load(output))(rows()))) as number[][];
    expect(repaired[0]).toEqual([0, 0]);
    expect(repaired[1][0]).toBeCloseTo(0.6, 6);
  });

  it('the norm itself overflows above ~1.8e19 (unscaled x²); other orders are finite at 0', async () => {
    const { tf } = await loadRuntime();
    expect(await values(tf.norm(tf.tensor1d([2e19, 0])))).toBe(Number.POSITIVE_INFINITY);
    expect(await values(tf.grad((x) => tf.norm(x, 1))(tf.zeros([2])))).toEqual([-1, -1]);
  });
});
