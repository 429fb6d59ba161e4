import { RuleTester } from '@typescript-eslint/rule-tester';
import { RuleTester as EslintRuleTester } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMayBe, type MayBeCase } from './may-be.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** RuleTester for TypeScript sources (`@typescript-eslint/parser`, no type information). */
export const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
});

/** ESLint's own RuleTester with the default parser (espree), for `.js`/`.cjs` sources. */
export const jsRuleTester = new EslintRuleTester({
  languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
});

type TestCase = string | { code: string; filename?: string; settings?: Record<string, unknown>; languageOptions?: unknown };

/**
 * Every rule test also checks, on all its code samples, that the engine's syntactic pre-filter (`mayBe`) never
 * rejects a node `matchNode` recognises (tests/helpers/may-be.ts): a miss there would silently blind the rules.
 */
function withMayBeCheck<T extends { run(name: string, rule: never, tests: never): void }>(tester: T, parser: 'typescript' | 'espree'): T {
  const run = tester.run.bind(tester) as (name: string, rule: unknown, tests: { valid: readonly TestCase[]; invalid: readonly TestCase[] }) => void;
  (tester as unknown as { run: typeof run }).run = (name, rule, tests) => {
    run(name, rule, tests);
    const cases: MayBeCase[] = [...tests.valid, ...tests.invalid]
      // Cases with their own parser setup are parsed differently; the rule test itself covers them.
      .filter((test) => typeof test === 'string' || test.languageOptions === undefined)
      .map((test) => (typeof test === 'string' ? { code: test } : { code: test.code, filename: test.filename, settings: test.settings }));
    describe(`${name}: engine.mayBe over its samples`, () => {
      it('accepts every node matchNode recognises', () => {
        const report = checkMayBe(cases, parser);
        expect(report.missed).toEqual([]);
        expect(report.unparsed).toBe(0);
      });
    });
  };
  return tester;
}

withMayBeCheck(ruleTester as never, 'typescript');
withMayBeCheck(jsRuleTester as never, 'espree');

/** The TF.js import spellings every tensor rule must see through, each with how a fix spells a new op. */
export const TF_BINDINGS = [
  { name: 'namespace import', header: "import * as tf from '@tensorflow/tfjs';", tf: 'tf' },
  { name: 'default import', header: "import tf from '@tensorflow/tfjs';", tf: 'tf' },
  { name: 'aliased namespace from tfjs-node', header: "import * as tensorflow from '@tensorflow/tfjs-node';", tf: 'tensorflow' },
  { name: 'require', header: "const tf = require('@tensorflow/tfjs');", tf: 'tf' },
  { name: 'import-equals', header: "import tf = require('@tensorflow/tfjs-core');", tf: 'tf' },
] as const;
