// The TF.js index (src/analysis/tf-index.ts): which calls of a file are TF.js ops, through every kind of binding.
// Pins the reference tracker's reading of each import form, so a change to the trace maps that loses or adds a call
// is seen here, not only through a rule that happens to test that spelling.
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getTfIndex } from '../../src/analysis/tf-index.js';
import { DEFAULT_TF_MODULES } from '../../src/ops/tf-ops.js';

/** The op path of every call the index records, in source order (`text → op`). */
function trackedCalls(code: string, options: { ts?: boolean; sourceType?: 'module' | 'commonjs'; modules?: readonly string[] } = {}): string[] {
  let found: string[] = [];
  const probe = {
    rules: {
      probe: {
        meta: { type: 'problem' as const, schema: [] },
        create(context: { sourceCode: TSESLint.SourceCode }) {
          const { calls } = getTfIndex(context.sourceCode, options.modules ?? DEFAULT_TF_MODULES);
          found = [...calls]
            .sort(([a], [b]) => a.range[0] - b.range[0])
            .map(([node, op]) => `${context.sourceCode.getText(node)} → ${op}`);
          return {};
        },
      },
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { sourceType: options.sourceType ?? 'module', ...(options.ts ? { parser: tsParser as Linter.Parser } : {}) },
        plugins: { t: probe as never },
        rules: { 't/probe': 'error' },
      },
    ],
    { filename: options.ts ? 'file.ts' : 'file.js' },
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return found;
}

describe('getTfIndex: ES module imports', () => {
  it('a namespace import, with nested namespaces', () => {
    expect(trackedCalls("import * as tf from '@tensorflow/tfjs'; tf.exp(x); tf.losses.logLoss(y, p); tf.notAnOp(x);")).toEqual([
      'tf.exp(x) → exp',
      'tf.losses.logLoss(y, p) → losses.logLoss',
    ]);
  });

  it('a default import reads as the whole module', () => {
    expect(trackedCalls("import tf from '@tensorflow/tfjs-node'; tf.log(x); tf.losses.softmaxCrossEntropy(y, l);")).toEqual([
      'tf.log(x) → log',
      'tf.losses.softmaxCrossEntropy(y, l) → losses.softmaxCrossEntropy',
    ]);
  });

  it('named and aliased imports, several from one declaration, and a namespace imported by name', () => {
    expect(trackedCalls("import { exp, log as ln, losses, sum } from '@tensorflow/tfjs-core'; exp(x); ln(x); losses.logLoss(y, p); sum(x);")).toEqual([
      'exp(x) → exp',
      'ln(x) → log',
      'losses.logLoss(y, p) → losses.logLoss',
      'sum(x) → sum',
    ]);
  });

  it('`default` imported by name, and a default import beside named ones', () => {
    expect(trackedCalls("import { default as tf } from '@tensorflow/tfjs'; tf.exp(x);")).toEqual(['tf.exp(x) → exp']);
    expect(trackedCalls("import tf, { log } from '@tensorflow/tfjs'; tf.exp(x); log(x);")).toEqual(['tf.exp(x) → exp', 'log(x) → log']);
  });

  it('not: other modules, shadowing bindings, re-exports', () => {
    expect(trackedCalls("import * as tf from 'tfjs-lookalike'; tf.exp(x);")).toEqual([]);
    expect(trackedCalls("import * as tf from '@tensorflow/tfjs'; function f(tf) { return tf.exp(x); }")).toEqual([]);
    expect(trackedCalls("export { exp } from '@tensorflow/tfjs'; export * from '@tensorflow/tfjs-core';")).toEqual([]);
  });

  it('configured modules', () => {
    expect(trackedCalls("import * as t from 'my-tf'; t.exp(x);", { modules: ['my-tf'] })).toEqual(['t.exp(x) → exp']);
    expect(trackedCalls("import * as tf from '@tensorflow/tfjs'; tf.exp(x);", { modules: ['my-tf'] })).toEqual([]);
  });
});

describe('getTfIndex: CommonJS and TypeScript', () => {
  it('require, destructured require and `import tf = require()`', () => {
    expect(trackedCalls("const tf = require('@tensorflow/tfjs'); tf.exp(x);", { sourceType: 'commonjs' })).toEqual(['tf.exp(x) → exp']);
    expect(trackedCalls("const { log } = require('@tensorflow/tfjs'); log(x);", { sourceType: 'commonjs' })).toEqual(['log(x) → log']);
    expect(trackedCalls("import tf = require('@tensorflow/tfjs'); tf.sqrt(x);", { ts: true })).toEqual(['tf.sqrt(x) → sqrt']);
  });

  it('a required module has no `default` export of itself', () => {
    expect(trackedCalls("const tf = require('@tensorflow/tfjs'); tf.default.exp(x);", { sourceType: 'commonjs' })).toEqual([]);
  });
});
