// TF.js runs for no-sqrt-of-exp: sqrt(exp(v)) overflows (float32: v > 88.72) and its gradient is NaN there and where
// exp(v) underflows; the autofix exp(0.5·v) is finite up to v ≈ 177, with the same value and gradient elsewhere.
import { describe, expect, it } from 'vitest';
import { expectAllFinite, findings, fixed, load, loadRuntime, values } from './helpers.js';

const RULE = 'no-sqrt-of-exp';
const TF = "import * as tf from '@tensorflow/tfjs';\n";

describe(`${RULE}: TF.js`, () => {
  it.each([['tf.sqrt(tf.exp(x))'], ['x.exp().sqrt()'], ['tf.pow(tf.exp(x), 0.5)']])('%s: Infinity/NaN gradient at v = 100 and NaN at v = -110; the fix is finite', async (form) => {
    const { tf } = await loadRuntime();
    const code = `${TF}export function f(v: tf.Tensor) {\n  return tf.valueAndGrad((x: tf.Tensor) => tf.sum(${form}))(v);\n}`;
    expect(findings(code, RULE)).toHaveLength(1);
    const input = () => tf.tensor1d([100, -110, 1]);
    const original = (await values((await load(code))(input()))) as { value: number; grad: number[] };
    expect(original.value).toBe(Number.POSITIVE_INFINITY);
    expect(original.grad[0]).toBeNaN();
    expect(original.grad[1]).toBeNaN();

    const output = fixed(code, RULE, 'fix');
    expect(findings(output, RULE)).toEqual([]);
    const repaired = (await values((await load(output))(input()))) as { value: number; grad: number[] };
    expectAllFinite(repaired);
    expect(repaired.value).toBeCloseTo(Math.exp(50), -16);
    expect(repaired.grad[2]).toBeCloseTo(original.grad[2], 6); // 0.5·e^0.5 = 0.8244 in both
  });

  it('the same value (within float32 rounding) where sqrt(exp(v)) is finite', async () => {
    const { tf } = await loadRuntime();
    const code = `${TF}export const f = (v: tf.Tensor) => tf.sqrt(tf.exp(v));`;
    const input = [-80, -10, -1, 0, 0.5, 3, 40, 88];
    const before = (await values((await load(code))(tf.tensor1d(input)))) as number[];
    const after = (await values((await load(fixed(code, RULE, 'fix')))(tf.tensor1d(input)))) as number[];
    for (const [i, value] of before.entries()) expect(Math.abs(after[i] - value) / value).toBeLessThan(4e-7);
  });

  it('Math: Math.sqrt(Math.exp(800)) is Infinity; Math.exp(0.5 * 800) is finite', async () => {
    const code = 'export const f = (v: number) => Math.sqrt(Math.exp(v));';
    const original = await load(code);
    const repaired = await load(fixed(code, RULE, 'fix'));
    expect(original(800)).toBe(Number.POSITIVE_INFINITY);
    expect(repaired(800)).toBe(Math.exp(400));
    expect(Math.abs((repaired(3) as number) - (original(3) as number))).toBeLessThanOrEqual(2 * Number.EPSILON * (original(3) as number));
  });
});
