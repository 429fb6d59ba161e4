// `npm run docs:check` inside `npm test`: eslint-doc-generator in check mode on the TypeScript sources (no build;
// see tests/docs/doc-generator.ts). Fails when a rule doc header or the README rule table is out of date, or a rule
// has no doc page.
import { expect, it } from 'vitest';
import { runDocGenerator } from '../docs/doc-generator.js';

it('rule doc headers and the README rule table are current (run `npm run docs` to regenerate)', async () => {
  const { exitCode, errors } = await runDocGenerator(['--check'], { quiet: true });
  expect(errors).toBe('');
  expect(exitCode).toBe(0);
});
