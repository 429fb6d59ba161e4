/**
 * TF.js runs for the gradient-trap rules: lint a snippet with one rule, apply its autofix or first suggestion,
 * and run the original and the fixed code with the real `@tensorflow/tfjs` on the cpu backend (through the
 * fix-equivalence harness's loader), so each test shows the failure the rule reports and the fixed gradient.
 */
import { expect } from 'vitest';
import { applyAutofixes, applySuggestions, defaultRuntime, lint, loadFunction, type Runtime } from '../helpers/fix-harness.js';

export type Tf = typeof import('@tensorflow/tfjs');

let runtime: Promise<Runtime> | undefined;

/** The real TF.js on the cpu backend (loaded once per test file). */
export async function loadRuntime(): Promise<Runtime> {
  runtime ??= defaultRuntime();
  return runtime;
}

/** The messages of `rule` on `code`. */
export function findings(code: string, rule: string, filename = 'case.ts'): string[] {
  return lint(code, { rules: [rule], filename })
    .filter((message) => message.ruleId === `numerics/${rule}`)
    .map((message) => message.message);
}

/** The code after the rule's autofixes (`fix`) or first suggestions (`suggest`); fails when nothing changed. */
export function fixed(code: string, rule: string, mode: 'fix' | 'suggest', filename = 'case.ts'): string {
  const run = mode === 'fix' ? applyAutofixes(code, { rules: [rule], filename }) : applySuggestions(code, { rules: [rule], filename });
  expect(run.output, `the ${mode} of ${rule} changed nothing`).not.toBe(code);
  return run.output;
}

/** The function `f` defined by `code`, with TF.js and the kernels injected. */
export async function load(code: string, filename = 'case.ts'): Promise<(...args: unknown[]) => unknown> {
  return loadFunction(code, filename, await loadRuntime());
}

/** Run `fn` and read a tensor result (or an array of tensors) as plain numbers. */
export async function values(result: unknown): Promise<unknown> {
  const read = async (value: unknown): Promise<unknown> => {
    if (Array.isArray(value)) return Promise.all(value.map(read));
    if (value && typeof (value as { array?: unknown }).array === 'function') return (value as { array(): Promise<unknown> }).array();
    if (value && typeof value === 'object') return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await read(v)])));
    return value;
  };
  return read(await result);
}

/** Every number in a nested result. */
export function numbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbers);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbers);
  return [];
}

export function expectAllFinite(value: unknown): void {
  const all = numbers(value);
  expect(all.length).toBeGreaterThan(0);
  expect(all.every(Number.isFinite), `not all finite: ${JSON.stringify(all)}`).toBe(true);
}

/** The message TF.js throws when a recorded op has no gradient function. */
export function noGradient(kernel: string): string {
  return `Cannot compute gradient: gradient function not found for ${kernel}.`;
}
