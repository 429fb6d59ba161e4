/**
 * The invariant behind `engine.matchTop`: `engine.mayBe(node, {op})` is true for every node that `matchNode`
 * recognises as `op`. `mayBe` reads syntax only, so a spelling added to `recognise` and forgotten there would
 * silently stop every rule that anchors on that op; this check runs it over every code sample of the rule tests.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { getEngine } from '../../src/ops/engine.js';

export interface MayBeCase {
  code: string;
  filename?: string;
  settings?: Record<string, unknown>;
}

export interface MayBeReport {
  /** Nodes `matchNode` recognised (the check is not vacuous when this is > 0). */
  recognised: number;
  /** `op at <text>` for each recognised node that `mayBe` rejected. */
  missed: string[];
  /** Samples that did not parse with the given parser (RuleTester cases that are meant to, always do). */
  unparsed: number;
}

export function checkMayBe(cases: readonly MayBeCase[], parser: 'typescript' | 'espree'): MayBeReport {
  const report: MayBeReport = { recognised: 0, missed: [], unparsed: 0 };
  const linter = new Linter({ configType: 'flat' });
  const plugin = {
    rules: {
      'may-be': {
        meta: { type: 'problem' as const, schema: [] },
        create(context: never) {
          const engine = getEngine(context);
          const sourceCode = (context as { sourceCode: { getText(node: unknown): string } }).sourceCode;
          return {
            '*'(node: TSESTree.Node) {
              const op = engine.matchNode({ node, env: null });
              if (!op) return;
              report.recognised++;
              if (!engine.mayBe(node, new Set([op.op]))) report.missed.push(`${op.op} at \`${sourceCode.getText(node)}\``);
            },
          };
        },
      },
    },
  };
  for (const sample of cases) {
    const messages = linter.verify(
      sample.code,
      [
        {
          files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
          languageOptions: parser === 'typescript' ? { parser: tsParser as Linter.Parser, sourceType: 'module' } : { ecmaVersion: 'latest', sourceType: 'module' },
          plugins: { check: plugin as never },
          rules: { 'check/may-be': 'error' },
          settings: sample.settings ?? {},
        },
      ],
      { filename: sample.filename ?? (parser === 'typescript' ? 'file.ts' : 'file.js') },
    );
    if (messages.some((m) => m.fatal || m.ruleId === null)) report.unparsed++;
  }
  return report;
}
