// TF.js runs for no-infinite-mask: softmax/logSoftmax/logSumExp of a row masked entirely with -Infinity is NaN (value
// and gradient); with the suggested -1e9 mask the row is uniform and the gradient finite, and partly masked rows
// are unchanged.
import { describe, expect, it } from 'vitest';
import { expectAllFinite, findings, fixed, load, loadRuntime, values } from './helpers.js';

const RULE = 'no-infinite-mask';
const TF = "import * as tf from '@tensorflow/tfjs';\n";

const MASK = [
  [true, false],
  [false, false],
];
const LOGITS = [
  [1, 2],
  [3, 4],
];

describe(`${RULE}: TF.js`, () => {
  it.each(['softmax', 'logSoftmax'])('tf.%s: a fully masked row is NaN, and so is the gradient; -1e9 gives a finite row', async (op) => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(logits: tf.Tensor, mask: tf.Tensor) {\n  return tf.valueAndGrad((x: tf.Tensor) => {\n    const masked = tf.where(mask, x, tf.fill(x.shape, -Infinity));\n    return tf.sum(tf.mul(tf.${op}(masked), tf.onesLike(x)));\n  })(logits);\n}`;
    expect(findings(code, RULE)).toHaveLength(1);
    const args = () => [tf.tensor2d(LOGITS), tf.tensor2d(MASK, [2, 2], 'bool')];
    const original = (await values((await load(code))(...args()))) as { value: number; grad: number[][] };
    expect(original.value).toBeNaN();
    expect(original.grad[1]).toEqual([Number.NaN, Number.NaN]);

    const output = fixed(code, RULE, 'suggest');
    expect(output).toContain('tf.fill(x.shape, -1e9)');
    const repaired = (await values((await load(output))(...args()))) as { value: number; grad: number[][] };
    expectAllFinite(repaired);
  });

  it('softmax values: NaN on the fully masked row with -Infinity; the same partly masked row and a uniform row with -1e9', async () => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(logits: tf.Tensor, mask: tf.Tensor) {\n  return tf.softmax(tf.where(mask, logits, tf.fill(logits.shape, -Infinity)));\n}`;
    const args = () => [tf.tensor2d(LOGITS), tf.tensor2d(MASK, [2, 2], 'bool')];
    expect(await values((await load(code))(...args()))).toEqual([
      [1, 0],
      [Number.NaN, Number.NaN],
    ]);
    expect(await values((await load(fixed(code, RULE, 'suggest')))(...args()))).toEqual([
      [1, 0],
      [0.5, 0.5],
    ]);
  });

  it('tf.logSumExp of an all -Infinity row is NaN (not -Infinity)', async () => {
    const { tf } = await loadRuntime();
    expect(await values(tf.logSumExp(tf.fill([1, 2], -Infinity), -1))).toEqual([Number.NaN]);
    expect(await values(tf.logSumExp(tf.fill([1, 2], -1e9), -1))).toEqual([-1e9]);
  });
});
