// TF.js runs for no-tiny-epsilon: a guard ε below ~1e-19 squares below float32's smallest normal (1.18e-38), so the
// division gradient −a/ε² overflows (NaN behind maximum/relu) and becomes 0/0 = NaN once ε² is 0; the suggested
// 1e-7 keeps every gradient finite. ε = 1e-19 is still finite (the rule's limit).
import { describe, expect, it } from 'vitest';
import { expectAllFinite, findings, fixed, load, loadRuntime, values } from './helpers.js';

const RULE = 'no-tiny-epsilon';
const TF = "import * as tf from '@tensorflow/tfjs';\n";

describe(`${RULE}: TF.js`, () => {
  it('tf.div(a, tf.maximum(b, 1e-20)) at b = 0: NaN gradient for b (1e-19: -1e38); 1e-7 is finite', async () => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(a: tf.Tensor, b: tf.Tensor) {\n  return tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.div(x, tf.maximum(y, 1e-20)))([a, b]);\n}`;
    expect(findings(code, RULE)).toHaveLength(1);
    const original = (await values((await load(code))(tf.scalar(1), tf.scalar(0)))) as number[];
    expect(original[1]).toBeNaN();
    expect(await values(tf.grad((b) => tf.div(tf.scalar(1), tf.maximum(b, 1e-19)))(tf.scalar(0)))).toBe(-0); // maximum's zero gradient × finite
    expect(await values(tf.grad((b) => tf.div(tf.scalar(1), tf.add(b, 1e-19)))(tf.scalar(0)))).toBeCloseTo(-1e38, -33);
    expect(await values(tf.grad((b) => tf.div(tf.scalar(1), tf.add(b, 1e-20)))(tf.scalar(0)))).toBe(Number.NEGATIVE_INFINITY);

    const repaired = await load(fixed(code, RULE, 'suggest'));
    expectAllFinite(await values(repaired(tf.scalar(1), tf.scalar(0))));
  });

  it('a masked mean Σ(w·x)/(Σw + 1e-25) with all weights 0: the gradient for w is 0/0 = NaN; with 1e-7 it is finite', async () => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(x: tf.Tensor, w: tf.Tensor) {\n  return tf.grads((v: tf.Tensor, u: tf.Tensor) => tf.div(tf.sum(tf.mul(u, v)), tf.add(tf.sum(u), 1e-25)))([x, w]);\n}`;
    expect(findings(code, RULE)).toHaveLength(1);
    const args = () => [tf.tensor1d([1, 2]), tf.tensor1d([0, 0])];
    const original = (await values((await load(code))(...args()))) as number[][];
    expect(original[1]).toEqual([Number.NaN, Number.NaN]);
    const repaired = (await values((await load(fixed(code, RULE, 'suggest')))(...args()))) as number[][];
    expectAllFinite(repaired);
  });

  it('behind relu, 1e-20 gives NaN; below 1.4e-45 ε is 0 in float32', async () => {
    const { tf } = await loadRuntime();
    const relu = await values(tf.grads((a, b) => tf.div(a, tf.add(tf.relu(b), 1e-20)))([tf.scalar(1), tf.scalar(-1)]));
    expect((relu as number[])[1]).toBeNaN();
    expect(await values(tf.scalar(1e-50))).toBe(0);
    expect(await values(tf.div(tf.scalar(1), tf.add(tf.scalar(0), 1e-50)))).toBe(Number.POSITIVE_INFINITY);
  });
});
