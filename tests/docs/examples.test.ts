// Docs examples are tests: on every docs/rules/<rule>.md, each `incorrect` block must be reported by <rule>, each
// `correct` block must be clean for it, and each `fixed` / `suggestion` block must be exactly what the fix or
// the first suggestion makes of the `incorrect` block above it. See tests/docs/markdown.ts for the markers.
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { codeBlocks, readPage, rulePages, type CodeBlock } from './markdown.js';

const LINTED = new Set(['js', 'ts']);

function lintSetup(rule: string, block: CodeBlock): { config: Linter.Config[]; filename: string } {
  const commonjs = block.flags.has('commonjs');
  const filename = block.lang === 'ts' ? (commonjs ? 'example.cts' : 'example.ts') : commonjs ? 'example.cjs' : 'example.js';
  const config: Linter.Config[] = [
    {
      files: ['**/*.js', '**/*.cjs', '**/*.ts', '**/*.cts'],
      plugins: { numerics: plugin as never },
      languageOptions: { ecmaVersion: 'latest', sourceType: commonjs ? 'commonjs' : 'module' },
      rules: { [`numerics/${rule}`]: 'error' },
    },
    { files: ['**/*.ts', '**/*.cts'], languageOptions: { parser: tsParser as never } },
  ];
  return { config, filename };
}

function lint(rule: string, block: CodeBlock, code = block.code): Linter.LintMessage[] {
  const { config, filename } = lintSetup(rule, block);
  const messages = new Linter({ configType: 'flat' }).verify(code, config, { filename });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`line ${block.line}: the example does not parse: ${fatal.message} (${fatal.line}:${fatal.column})`);
  return messages.filter((message) => message.ruleId === `numerics/${rule}`);
}

function applyFix(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

const pages = rulePages();

describe.each(pages)('docs/rules/%s.md', (rule, file) => {
  const blocks = codeBlocks(readPage(file));
  const linted = blocks.filter((block) => LINTED.has(block.lang) && block.marker !== null && block.marker !== 'measured');

  it('documents a rule of the plugin', () => {
    expect(Object.keys(plugin.rules)).toContain(rule);
  });

  it('has incorrect and correct examples, all in fenced js/ts blocks', () => {
    expect(linted.filter((block) => block.marker === 'incorrect').length).toBeGreaterThan(0);
    expect(linted.filter((block) => block.marker === 'correct').length).toBeGreaterThan(0);
    for (const block of blocks) {
      if (block.marker && block.marker !== 'measured') expect(LINTED.has(block.lang), `line ${block.line}: language "${block.lang}"`).toBe(true);
    }
  });

  if (!plugin.rules[rule]) return;
  let previousIncorrect: CodeBlock | null = null;
  for (const block of linted) {
    const title = `${block.marker} example at line ${block.line} (${block.section})`;
    if (block.marker === 'incorrect' || block.marker === 'no-fix') {
      previousIncorrect = block;
      it(`${title} is reported${block.marker === 'no-fix' ? ', without a fix or suggestion' : ''}`, () => {
        const messages = lint(rule, block);
        expect(messages.length, block.code).toBeGreaterThan(0);
        for (const message of messages) {
          expect(message.message).not.toMatch(/\{\{|\}\}/);
          for (const suggestion of message.suggestions ?? []) expect(suggestion.desc).not.toMatch(/\{\{|\}\}/);
          if (block.marker === 'no-fix') {
            expect(message.fix, `${message.line}:${message.column} has an autofix`).toBeUndefined();
            expect(message.suggestions ?? [], `${message.line}:${message.column} has suggestions`).toEqual([]);
          }
        }
      });
    } else if (block.marker === 'correct' || block.marker === 'gap') {
      it(`${title} is ${block.marker === 'gap' ? 'not reported (a documented gap)' : 'clean'}`, () => {
        expect(lint(rule, block).map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([]);
      });
    } else {
      const source = previousIncorrect;
      it(`${title} is what the ${block.marker === 'fixed' ? 'autofix' : 'first suggestion'} makes of the incorrect example above`, () => {
        expect(source, 'a fixed/suggestion block follows an incorrect block').not.toBeNull();
        if (!source) return;
        if (block.marker === 'fixed') {
          const { config, filename } = lintSetup(rule, source);
          const result = new Linter({ configType: 'flat' }).verifyAndFix(source.code, config, { filename });
          expect(result.fixed, 'the incorrect example has an autofix').toBe(true);
          expect(result.output).toBe(block.code);
        } else {
          const reported = lint(rule, source).find((message) => message.suggestions?.length);
          expect(reported, 'the incorrect example has a suggestion').toBeDefined();
          const fix = reported?.suggestions?.[0]?.fix;
          if (fix) expect(applyFix(source.code, fix)).toBe(block.code);
        }
      });
    }
  }
});
