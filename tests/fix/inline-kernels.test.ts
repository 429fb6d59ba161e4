/**
 * `settings.numerics.kernelModule: 'inline'`: fixes append self-contained helpers instead of importing the
 * kernels. Each helper must parse as TypeScript and as JavaScript, agree with its kernel on ordinary and extreme
 * inputs, and be reused (not duplicated) by later fixes.
 */
import tsParser from '@typescript-eslint/parser';
import fc from 'fast-check';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { inlineKernelSource } from '../../src/fix/inline-kernels.js';
import * as kernels from '../../src/kernels/index.js';

const settings = { numerics: { kernelModule: 'inline' } };
const config = (files: string) =>
  [{ files: [files], languageOptions: { parser: tsParser }, settings }, { ...plugin.configs.all, settings }] as Linter.Config[];

function compile<T>(name: string): T {
  const source = inlineKernelSource(name, name, false);
  return new Function(`${source}\nreturn ${name};`)() as T;
}

function close(a: number, b: number, ulps: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= ulps * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

const finite = fc.double({ min: -1000, max: 1000, noNaN: true });
const seed = 20261125;

describe('inline helpers agree with the kernels', () => {
  it('logSumExp, logSoftmax, softmax (arrays)', () => {
    const lse = compile<(xs: number[]) => number>('logSumExp');
    const ls = compile<(xs: number[]) => number[]>('logSoftmax');
    const sm = compile<(xs: number[]) => number[]>('softmax');
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 30 }), (xs) => {
        // The kernels are compensated; the short forms are within ~n ulps of the result's scale.
        expect(Math.abs(lse(xs) - kernels.logSumExp(xs))).toBeLessThanOrEqual(64 * Number.EPSILON * Math.max(1, Math.abs(kernels.logSumExp(xs))));
        const a = ls(xs);
        const b = kernels.logSoftmax(xs);
        a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(64 * Number.EPSILON * Math.max(1, Math.abs(b[i]))));
        const p = sm(xs);
        const q = kernels.softmax(xs);
        p.forEach((v, i) => expect(Math.abs(v - q[i])).toBeLessThanOrEqual(64 * Number.EPSILON));
      }),
      { seed, numRuns: 200 },
    );
    expect(lse([1000, 1000])).toBe(1000 + Math.LN2);
    expect(lse([-Infinity, -Infinity])).toBe(-Infinity);
  });

  it('scalar helpers', () => {
    const names = ['logAddExp', 'sigmoid', 'logSigmoid', 'softplus', 'xlogy', 'safeDiv', 'binaryCrossEntropyWithLogits'] as const;
    const fns = Object.fromEntries(names.map((name) => [name, compile<(...args: number[]) => number>(name)]));
    fc.assert(
      fc.property(finite, finite, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, y) => {
        expect(close(fns.logAddExp(a, b), kernels.logAddExp(a, b), 8)).toBe(true);
        expect(close(fns.sigmoid(a), kernels.sigmoid(a), 4)).toBe(true);
        expect(Math.abs(fns.logSigmoid(a) - kernels.logSigmoid(a))).toBeLessThanOrEqual(8 * Number.EPSILON * Math.max(1, Math.abs(a)));
        expect(Math.abs(fns.softplus(a) - kernels.softplus(a))).toBeLessThanOrEqual(8 * Number.EPSILON * Math.max(1, Math.abs(a)));
        expect(Math.abs(fns.binaryCrossEntropyWithLogits(y, a) - kernels.binaryCrossEntropyWithLogits(y, a))).toBeLessThanOrEqual(
          1e3 * Number.EPSILON * Math.max(1, Math.abs(a)),
        );
        expect(fns.xlogy(0, b)).toBe(kernels.xlogy(0, b));
        expect(fns.safeDiv(a, 0)).toBe(kernels.safeDiv(a, 0));
      }),
      { seed, numRuns: 300 },
    );
  });

  it('variance and std at an offset of 1e9', () => {
    const variance = compile<(xs: number[], o?: { ddof?: number }) => number>('variance');
    const std = compile<(xs: number[], o?: { ddof?: number }) => number>('std');
    const xs = Array.from({ length: 1000 }, (_, i) => 1e9 + Math.sin(i));
    expect(Math.abs(variance(xs, { ddof: 1 }) - kernels.variance(xs, { ddof: 1 }))).toBeLessThan(1e-9 * kernels.variance(xs, { ddof: 1 }));
    expect(Math.abs(std(xs) - kernels.std(xs))).toBeLessThan(1e-9 * kernels.std(xs));
    expect(variance([5, 5, 5])).toBe(0);
  });
});

describe('fixes with kernelModule: inline', () => {
  it('appends the helpers once, typed in TypeScript files, and converges in one run', () => {
    const code = [
      'export const a = (x: number, y: number) => Math.log(Math.exp(x) + Math.exp(y));',
      'export const b = (xs: number[]) => Math.log(xs.map(Math.exp).reduce((s, v) => s + v, 0));',
      'export const c = (z: number) => Math.log(1 + Math.exp(z));',
    ].join('\n');
    const linter = new Linter({ configType: 'flat' });
    const result = linter.verifyAndFix(code, config('**/*.ts'), 'file.ts');
    expect(result.messages).toEqual([]);
    expect(result.output).toContain('export const a = (x: number, y: number) => logAddExp(x, y);');
    expect(result.output).toContain('function logSumExp(xs: ArrayLike<number>): number {');
    expect(result.output.match(/function logAddExp\(/g)).toHaveLength(1);
    expect(result.output).not.toContain('eslint-plugin-numerics/kernels');
    expect(linter.verifyAndFix(result.output, config('**/*.ts'), 'file.ts').output).toBe(result.output);
  });

  it('plain JavaScript helpers in .js files, renamed when the name is taken', () => {
    const code = 'function softplus(v) { return v; }\nexport const c = (z) => Math.log(1 + Math.exp(z));\n';
    const linter = new Linter({ configType: 'flat' });
    const result = linter.verifyAndFix(code, config('**/*.js'), 'file.js');
    expect(result.output).toContain('export const c = (z) => numericsSoftplus(z);');
    expect(result.output).toContain('function numericsSoftplus(x) {');
    const load = new Function(`${result.output.replace(/export /g, '')}\nreturn c;`) as () => (z: number) => number;
    expect(load()(1000)).toBe(1000);
  });
});
