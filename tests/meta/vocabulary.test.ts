// The file-level word filter (src/ops/vocabulary.ts): a rule whose patterns all need a `log` skips a file that does
// not mention one. It may say "mentioned" too often (then the rule runs), never too rarely.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { type AnchorOp, mentions } from '../../src/ops/vocabulary.js';

function mentionsIn(code: string, op: AnchorOp): boolean {
  let found: boolean | undefined;
  const probe = {
    rules: {
      probe: {
        meta: { type: 'problem' as const, schema: [] },
        create(context: { sourceCode: never }) {
          found = mentions(context.sourceCode, op);
          return {};
        },
      },
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(code, [
    { files: ['**/*.js'], languageOptions: { sourceType: 'module' }, plugins: { t: probe as never }, rules: { 't/probe': 'error' } },
  ], { filename: 'file.js' });
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return found!;
}

describe('mentions: log', () => {
  it.each([
    ['Math.log(x)', true],
    ['tf.log(x)', true],
    ['x.log()', true],
    ["import { log as ln } from '@tensorflow/tfjs';", true],
    ['xs.map(Math.log)', true],
    ['console.log(x);', false],
    ['console.log(x); console.log(y);', false],
    ['console.log(x); Math.log(y);', true],
    ['console.logger(x); catalog(y); blog.log2(z);', false],
    ['foo.console.log(x);', true], // not the global console
    ['const console = getTensor(); console.log();', true], // a console of its own
    ['function f(console) { return console.log(); }', true],
    ['// the log of x\nconst a = 1;', true], // comments count: the filter is necessary, not sufficient
  ])('%s → %s', (code, expected) => {
    expect(mentionsIn(code, 'log')).toBe(expected);
  });
});

describe('mentions: sqrt (roots and powers)', () => {
  it.each([
    ['Math.sqrt(x)', true],
    ['Math.pow(x, 0.5)', true],
    ['x ** 0.5', true],
    ['x **= 0.5', true],
    ['2**x', true],
    ['/** A doc comment. */\nconst a = 1;', false],
    ['/***/ const a = 1; /* **/', false],
    ['const a = x * y;', false],
  ])('%s → %s', (code, expected) => {
    expect(mentionsIn(code, 'sqrt')).toBe(expected);
  });
});
