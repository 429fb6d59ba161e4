/**
 * The plugin under ESLint 9 and ESLint 10, with the default parser on JavaScript and @typescript-eslint/parser
 * on TypeScript: the same findings and the same fixed output from both majors.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter as Linter10 } from 'eslint';
import { Linter as Linter9 } from 'eslint9';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const EXAMPLES = ['examples/stats.ts', 'examples/tfjs-classifier.js'];

function run(LinterClass: typeof Linter10, filename: string) {
  const code = readFileSync(filename, 'utf8');
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended] as Linter10.Config[];
  const linter = new LinterClass({ configType: 'flat' });
  const messages = linter.verify(code, config, filename).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
  const fixed = linter.verifyAndFix(code, config, filename).output;
  return { messages, fixed };
}

describe('ESLint 9 and 10 agree', () => {
  for (const filename of EXAMPLES) {
    it(filename, () => {
      const ten = run(Linter10, filename);
      const nine = run(Linter9 as unknown as typeof Linter10, filename);
      expect(ten.messages.length).toBeGreaterThan(3);
      expect(nine.messages).toEqual(ten.messages);
      expect(nine.fixed).toBe(ten.fixed);
      expect(ten.fixed).not.toBe(readFileSync(filename, 'utf8'));
    });
  }
});
