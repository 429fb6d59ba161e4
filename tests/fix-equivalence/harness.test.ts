// The harness must fail when it should: these tests feed it broken fixes, bad inputs and wrong values.

import { describe, expect, it } from 'vitest';
import type { Linter } from 'eslint';
import {
  applySuggestions,
  chooseSuggestion,
  compareResults,
  defaultRuntime,
  evaluate,
  fixAndCheck,
  isClose,
  loadFunction,
  runFixCase,
  tensor,
  typeCheck,
  typeCheckFix,
  ulpDistance,
} from '../helpers/fix-harness.js';
import { expm1Ref, log1pRef, logAddExpRef, logSoftmaxRef, lseRef } from './reference.js';

const RULE = { rules: ['no-naive-logsumexp'] };

describe('fix harness: references', () => {
  it('knows the answers', () => {
    expect(lseRef([1000, 1000])).toBe(1000 + Math.LN2);
    expect(logAddExpRef(-1000, -1000)).toBe(-1000 + Math.LN2);
    // ln 3 = 1.09861228866810969…: the nearer double is …098 (V8's Math.log(3) returns …096)
    expect(lseRef([0, 0, 0])).toBe(1.0986122886681098);
    expect(lseRef([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSoftmaxRef([0, 200])).toEqual([-200, -1.3838965267367376e-87]);
    expect(log1pRef(1e-17)).toBe(1e-17);
    expect(expm1Ref(1e-10)).toBe(1.00000000005e-10);
    expect(log1pRef(0.5)).toBe(Math.log1p(0.5));
  });
  it('measures ulps in both formats', () => {
    expect(ulpDistance(1, 1 + Number.EPSILON, 'float64')).toBe(1);
    expect(ulpDistance(-0, 0, 'float64')).toBe(0);
    expect(ulpDistance(-5e-324, 5e-324, 'float64')).toBe(2);
    expect(ulpDistance(1, 1 + 2 ** -23, 'float32')).toBe(1);
    expect(ulpDistance(1, Infinity, 'float64')).toBe(Infinity);
    expect(isClose(1, 1 + 1e-13, { rel: 1e-12 }, 'float64')).toBe(true);
    expect(isClose(1, 1 + 1e-11, { rel: 1e-12 }, 'float64')).toBe(false);
  });
});

describe('fix harness: fix checks', () => {
  it('fails when nothing was fixed', () => {
    expect(() => fixAndCheck(`export function f(x: number) { return Math.log(x); }\n`, RULE)).toThrow(/found none/);
  });
  it('fails when the finding only has a suggestion and an autofix was expected', () => {
    const code = `import * as tf from '@tensorflow/tfjs';\nexport function f(x: tf.Tensor) { return tf.log(tf.sum(tf.exp(x), /* axis */ 1)); }\n`;
    expect(() => fixAndCheck(code, RULE)).toThrow(/expected a fixable finding/);
    expect(fixAndCheck(code, { ...RULE, mode: 'suggest' }).output).toContain('tf.logSumExp(x, 1)');
  });
  it('fails when the original does not parse', () => {
    expect(() => fixAndCheck(`export function f(x) { return Math.log(; }\n`, RULE)).toThrow(/does not parse/);
  });
  it('applies the first suggestion of every finding', () => {
    const code = `import * as tf from '@tensorflow/tfjs';\nexport function f(x: tf.Tensor, y: tf.Tensor) {\n  return [tf.log(tf.sum(tf.exp(x), /* a */ 1)), tf.log(tf.sum(tf.exp(y), /* b */ 0))];\n}\n`;
    const run = applySuggestions(code, RULE);
    expect(run.fixable).toBe(2);
    expect(run.output).toContain('[tf.logSumExp(x, 1), tf.logSumExp(y, 0)]');
    expect(run.after).toEqual([]);
  });
  it('chooses a suggestion by index or messageId', () => {
    const fix = (text: string) => ({ range: [0, 1] as [number, number], text });
    const message = {
      ruleId: 'numerics/x',
      message: 'm',
      line: 1,
      column: 1,
      severity: 2,
      suggestions: [
        { desc: 'first', messageId: 'firstSuggestion', fix: fix('a') },
        { desc: 'second', messageId: 'secondSuggestion', fix: fix('b') },
      ],
    } as Linter.LintMessage;
    expect(chooseSuggestion(message)?.fix.text).toBe('a');
    expect(chooseSuggestion(message, 1)?.fix.text).toBe('b');
    expect(chooseSuggestion(message, 'secondSuggestion')?.fix.text).toBe('b');
    expect(chooseSuggestion(message, 'firstSuggestion')?.fix.text).toBe('a');
    expect(chooseSuggestion(message, 2)).toBeUndefined();
    expect(chooseSuggestion(message, 'otherSuggestion')).toBeUndefined();
    expect(chooseSuggestion({ ...message, suggestions: undefined })).toBeUndefined();
  });
  it('applies the chosen suggestion, and fails when no finding has it', () => {
    const code = `import * as tf from '@tensorflow/tfjs';\nexport const f = (x: tf.Tensor) => tf.div(x, tf.norm(x));\n`;
    const options = { rules: ['no-unguarded-division'], mode: 'suggest' as const };
    const expected = 'tf.div(x, tf.maximum(tf.norm(x), 1e-7))';
    expect(fixAndCheck(code, options).output).toContain(expected);
    expect(fixAndCheck(code, { ...options, suggestion: 'maximumSuggestion' }).output).toContain(expected);
    expect(fixAndCheck(code, { ...options, suggestion: 0 }).output).toContain(expected);
    expect(() => fixAndCheck(code, { ...options, suggestion: 'doubleWhereSuggestion' })).toThrow(/finding with suggestion "doubleWhereSuggestion" .* found none/);
    expect(() => fixAndCheck(code, { ...options, suggestion: 1 })).toThrow(/finding with suggestion 1 .* found none/);
    // two findings, one of each kind: only the chosen kind is applied, the other finding remains
    const two = `import * as tf from '@tensorflow/tfjs';\nexport function f(x: tf.Tensor) {\n  const s = tf.sum(x);\n  return [tf.div(x, tf.norm(x)), tf.div(x, s)];\n}\n`;
    const run = applySuggestions(two, { rules: ['no-unguarded-division'], suggestion: 'doubleWhereSuggestion' });
    expect(run.fixable).toBe(1);
    expect(run.output).toContain('tf.div(x, tf.norm(x)), tf.where(');
    expect(run.after.map((m) => m.suggestions?.[0].messageId)).toEqual(['maximumSuggestion']);
  });
  it('passes rule options to the rules under test', () => {
    const code = `export const f = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;\n`;
    const options = { rules: ['no-unguarded-division'], mode: 'suggest' as const };
    expect(() => fixAndCheck(code, options)).toThrow(/found none/);
    expect(fixAndCheck(code, { ...options, options: [{ checkLength: true }] }).output).toContain('safeDiv(xs.reduce((a, b) => a + b, 0), xs.length)');
  });
});

describe('fix harness: type checks', () => {
  it('sees the real TF.js and kernel types', () => {
    expect(typeCheck(`import * as tf from '@tensorflow/tfjs';\nexport const f = (x: tf.Tensor) => tf.logSumExp(x, 1, true);\n`)).toEqual([]);
    expect(typeCheck(`import { logSumExp } from 'eslint-plugin-numerics/kernels';\nexport const f = (x: number[]): number => logSumExp(x);\n`)).toEqual([]);
    expect(typeCheck(`import * as tf from '@tensorflow/tfjs';\nexport const f = (x: tf.Tensor) => tf.logSumExp(x, 'a');\n`).join('\n')).toMatch(/TS2345/);
    expect(typeCheck(`import { nope } from 'eslint-plugin-numerics/kernels';\nexport const f = nope;\n`).join('\n')).toMatch(/TS2305/);
  });
  it('checks JS with checkJs (implicit any allowed)', () => {
    expect(typeCheck(`const { logSumExp } = require('eslint-plugin-numerics/kernels');\nfunction f(x) { return logSumExp(x).foo; }\nmodule.exports = { f };\n`, 'case.cjs').join('\n')).toMatch(
      /Property 'foo' does not exist on type 'number'/,
    );
  });
  it('fails when the fix adds a type error, not when the original had it', () => {
    const original = `export function f(xs: number[]) { return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0)); }\n`;
    expect(() => typeCheckFix(original, `export function f(xs: number[]) { return logSumExp(xs); }\n`)).toThrow(/adds type errors[\s\S]*Cannot find name 'logSumExp'/);
    const broken = `export function f(xs: number[]): string { return Math.log(xs[0]); }\n`;
    expect(() => typeCheckFix(broken, broken)).toThrow(/the original does not type-check/);
    expect(typeCheckFix(broken, broken, 'case.ts', false).fixed).toHaveLength(1);
  });
});

describe('fix harness: evaluation', () => {
  it('loads exported, module.exports, default-exported and top-level functions', async () => {
    const runtime = await defaultRuntime();
    expect(loadFunction(`export function f(x: number) { return x + 1; }`, 'case.ts', runtime)(1)).toBe(2);
    expect(loadFunction(`function f(x) { return x + 2; }\nmodule.exports = { f };`, 'case.cjs', runtime)(1)).toBe(3);
    expect(loadFunction(`module.exports = function f(x) { return x + 3; };`, 'case.cjs', runtime)(1)).toBe(4);
    expect(loadFunction(`function f(x) { return x + 4; }`, 'case.js', runtime)(1)).toBe(5);
    expect(() => loadFunction(`import x from 'left-pad';\nexport function f() { return x; }`, 'case.ts', runtime)).toThrow(/unexpected module 'left-pad'/);
  });
  it('maps TF.js and the kernels in the require shim and reads tensors back', async () => {
    const runtime = await defaultRuntime();
    const f = loadFunction(
      `import * as tf from '@tensorflow/tfjs';\nimport { logSumExp } from 'eslint-plugin-numerics/kernels';\nexport function f(x: tf.Tensor) { return [tf.logSumExp(x), logSumExp([1000, 1000])]; }`,
      'case.ts',
      runtime,
    );
    const [lse, kernel] = (await evaluate(f, [tensor([1000, 1000])], runtime.tf)) as number[];
    expect(lse).toBeCloseTo(1000.693, 3);
    expect(kernel).toBe(1000 + Math.LN2);
  });
});

describe('fix harness: comparisons', () => {
  const f64 = { domain: 'float64' as const };
  it('a finite original must be kept', () => {
    expect(compareResults(1, 1 + 1e-14, undefined, f64).ok).toBe(true);
    expect(compareResults(1, 1.001, undefined, f64).problems.join()).toMatch(/differs from the finite original/);
    expect(compareResults([1, 2], [1, 2, 3], undefined, f64).problems.join()).toMatch(/shape differs/);
  });
  it('a non-finite original must become finite and match the reference', () => {
    expect(compareResults(Infinity, 1000 + Math.LN2, 1000 + Math.LN2, f64).ok).toBe(true);
    expect(compareResults(Infinity, Infinity, 1000 + Math.LN2, f64).problems.join()).toMatch(/not finite/);
    expect(compareResults(Infinity, 1000, 1000 + Math.LN2, f64).problems.join()).toMatch(/not within/);
    expect(compareResults(-Infinity, -Infinity, -Infinity, f64).ok).toBe(true);
  });
  it('expectations check that the input shows what it claims', () => {
    const ulps2 = { ...f64, referenceTolerance: { ulps: 2 } };
    expect(compareResults(1, 1, 1, { ...f64, expect: 'rescue' }).problems.join()).toMatch(/expected the original to overflow/);
    expect(compareResults(Infinity, 1, 1, { ...f64, expect: 'same' }).problems.join()).toMatch(/expected a finite original/);
    expect(compareResults(0, 1e-17, 1e-17, { ...ulps2, expect: 'improve' }).ok).toBe(true);
    expect(compareResults(1e-17, 1e-17, 1e-17, { ...ulps2, expect: 'improve' }).problems.join()).toMatch(/does not show the improvement/);
    expect(compareResults(0, 0, 1e-17, { ...ulps2, expect: 'improve' }).problems.join()).toMatch(/not within/);
  });
  it('`reference` checks the fixed result against the reference only', () => {
    const ref = { ...f64, expect: 'reference' as const };
    // a floor active on a finite original: log(1e-9) → log(1e-7), as documented
    expect(compareResults(Math.log(1e-9), Math.log(1e-7), Math.log(1e-7), ref).ok).toBe(true);
    expect(compareResults(Math.log(1e-9), Math.log(1e-9), Math.log(1e-7), ref).problems.join()).toMatch(/not within/);
    expect(compareResults(-Infinity, Math.log(1e-7), Math.log(1e-7), ref).ok).toBe(true);
    expect(() => compareResults(1, 1, undefined, ref)).toThrow(/`reference` needs a reference/);
  });
  it('`auto` lets a fix leave an inaccurate original only towards the reference', () => {
    expect(compareResults(0.9, 1, 1, f64).ok).toBe(true);
    expect(compareResults(0.9, 1.1, 1, f64).ok).toBe(false);
    expect(compareResults(0.9, 1, 1, { ...f64, expect: 'same' }).ok).toBe(false);
  });
  it('the fixed code must also be accurate where the original was', () => {
    expect(compareResults(1 + 1e-13, 1 + 1e-13, 1, f64).problems.join()).toMatch(/not within .* of the reference/);
  });
});

describe('fix harness: whole cases', () => {
  it('fails a case whose expected output is missing, and one whose values are wrong', async () => {
    const code = `export function f(a: number, b: number) {\n  return Math.log(Math.exp(a) + Math.exp(b));\n}\n`;
    await expect(runFixCase({ name: 'x', code, expectOutput: ['logSumExp(['], inputs: [] }, RULE)).rejects.toThrow(/lacks logSumExp/);
    // a wrong reference stands in for a wrong fix: the overflow input must land on the reference
    await expect(
      runFixCase({ name: 'x', code, reference: (a: number, b: number) => Math.max(a, b), inputs: [{ label: 'overflow', args: [1000, 1000], expect: 'rescue' }] }, RULE),
    ).rejects.toThrow(/not within/);
  });
  it('fails when the fixed code throws', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';\nexport function f(x: tf.Tensor2D) {\n  const e = tf.exp(x);\n  x.dispose();\n  return tf.log(tf.sum(e, 1));\n}\n`;
    // The rule only suggests here (x is disposed before the log); applying the suggestion anyway must throw.
    await expect(runFixCase({ name: 'x', code, mode: 'suggest', inputs: [{ label: 'o', args: [tensor([[1, 2]])] }] }, RULE)).rejects.toThrow(/the fixed code throws/);
  });
});
