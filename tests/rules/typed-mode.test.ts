/**
 * settings.numerics.typed: with type information, the TypeScript checker tells tensors from look-alike values.
 * Without it (the default) the rules fall back to syntactic evidence; type information is never required.
 */
import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import preferLog1p from '../../rules/prefer-log1p.js';
import '../helpers/rule-tester.js';

const root = path.join(import.meta.dirname, '../fixtures/typed');
const typedTester = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: root } },
  settings: { numerics: { typed: true } },
});

// A class with tensor-like method names, in a file that also uses TF.js: only the types tell them apart.
const HEADER = [
  "import * as tf from '@tensorflow/tfjs';",
  'class Big { add(n: number): Big { return this; } log(): Big { return this; } }',
].join('\n');

typedTester.run('typed mode (prefer-log1p)', preferLog1p, {
  valid: [
    { code: `${HEADER}\nexport const f = (b: Big) => b.add(1).log();`, filename: 'file.ts' },
  ],
  invalid: [
    {
      code: `${HEADER}\nexport const f = (t: tf.Tensor) => t.add(1).log();`,
      filename: 'file.ts',
      output: `${HEADER}\nexport const f = (t: tf.Tensor) => t.log1p();`,
      errors: [{ messageId: 'preferLog1p' }],
    },
  ],
});

// Without type information the same look-alike is read as a tensor (a documented gap that typed mode closes).
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('untyped fallback (prefer-log1p)', preferLog1p, {
  valid: [],
  invalid: [
    {
      code: `${HEADER}\nexport const f = (b: Big) => b.add(1).log();`,
      output: `${HEADER}\nexport const f = (b: Big) => b.log1p();`,
      errors: [{ messageId: 'preferLog1p' }],
    },
  ],
});

// no-tiny-epsilon tests for a tiny constant before it asks the checker whether the receiver is a tensor.
import noTinyEpsilon from '../../rules/no-tiny-epsilon.js';

typedTester.run('typed mode (no-tiny-epsilon)', noTinyEpsilon, {
  valid: [
    { code: `${HEADER}\nexport const f = (b: Big) => b.add(1e-30);`, filename: 'file.ts' },
    { code: `${HEADER}\nexport const f = (t: tf.Tensor) => t.add(1e-7);`, filename: 'file.ts' },
  ],
  invalid: [
    {
      code: `${HEADER}\nexport const f = (t: tf.Tensor) => t.add(1e-30);`,
      filename: 'file.ts',
      output: null,
      errors: [{ messageId: 'tinyEpsilon', suggestions: [{ messageId: 'epsilonSuggestion', output: `${HEADER}\nexport const f = (t: tf.Tensor) => t.add(1e-7);` }] }],
    },
    {
      code: `${HEADER}\nconst EPS = 1e-30;\nexport const f = (t: tf.Tensor) => tf.maximum(t, EPS);`,
      filename: 'file.ts',
      output: null,
      errors: [{ messageId: 'tinyEpsilon', suggestions: [{ messageId: 'epsilonSuggestion', output: `${HEADER}\nconst EPS = 1e-7;\nexport const f = (t: tf.Tensor) => tf.maximum(t, EPS);` }] }],
    },
  ],
});
