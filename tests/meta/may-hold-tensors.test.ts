// `mayHoldTensors(context)` answers the TF.js-only rules' file test from the imports, without building the engine
// (src/ops/engine.ts). It must give the engine's own answer (`getEngine(context).mayHoldTensors`) for every import form.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getEngine, mayHoldTensors } from '../../src/ops/engine.js';

function answers(code: string, options: { ts?: boolean; sourceType?: 'module' | 'commonjs'; settings?: Record<string, unknown> } = {}): [boolean, boolean] {
  let early: boolean | undefined;
  let engine: boolean | undefined;
  const probe = {
    rules: {
      probe: {
        meta: { type: 'problem' as const, schema: [] },
        create(context: never) {
          early = mayHoldTensors(context); // asked first: no engine exists yet
          engine = getEngine(context).mayHoldTensors;
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
        settings: options.settings ?? {},
        plugins: { t: probe as never },
        rules: { 't/probe': 'error' },
      },
    ],
    { filename: options.ts ? 'file.ts' : 'file.js' },
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return [early!, engine!];
}

describe('mayHoldTensors without the engine', () => {
  it.each([
    ["import * as tf from '@tensorflow/tfjs'; tf.exp(x);", {}, true],
    ["import { exp as e } from '@tensorflow/tfjs-core'; e(x);", {}, true],
    ["import tf from '@tensorflow/tfjs-node';", {}, true],
    ["import type { Tensor } from '@tensorflow/tfjs';", { ts: true }, true],
    ["import tf = require('@tensorflow/tfjs');", { ts: true }, true],
    ["const tf = require('@tensorflow/tfjs-node-gpu');", { sourceType: 'commonjs' }, true],
    ["const { exp } = require('@tensorflow/tfjs');", { sourceType: 'commonjs' }, true],
    ["function f() { const tf = require('@tensorflow/tfjs'); return tf; }", { sourceType: 'commonjs' }, false],
    ["import * as tf from 'tfjs-lookalike'; tf.exp(x);", {}, false],
    ['Math.exp(x);', {}, false],
    ["import * as t from 'my-tf';", { settings: { numerics: { tfModules: ['my-tf'] } } }, true],
    ["import * as tf from '@tensorflow/tfjs';", { settings: { numerics: { tfModules: ['my-tf'] } } }, false],
    // typed mode without type information: the engine's answer (no checker), the imports decide
    ['Math.exp(x);', { settings: { numerics: { typed: true } } }, false],
  ] as const)('%s %j → %s', (code, options, expected) => {
    expect(answers(code, options)).toEqual([expected, expected]);
  });
});
