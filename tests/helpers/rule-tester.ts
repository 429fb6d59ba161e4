import { RuleTester } from '@typescript-eslint/rule-tester';
import { RuleTester as EslintRuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';

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

/** The TF.js import spellings every tensor rule must see through, each with how a fix spells a new op. */
export const TF_BINDINGS = [
  { name: 'namespace import', header: "import * as tf from '@tensorflow/tfjs';", tf: 'tf' },
  { name: 'default import', header: "import tf from '@tensorflow/tfjs';", tf: 'tf' },
  { name: 'aliased namespace from tfjs-node', header: "import * as tensorflow from '@tensorflow/tfjs-node';", tf: 'tensorflow' },
  { name: 'require', header: "const tf = require('@tensorflow/tfjs');", tf: 'tf' },
  { name: 'import-equals', header: "import tf = require('@tensorflow/tfjs-core');", tf: 'tf' },
] as const;
