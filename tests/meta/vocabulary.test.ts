// The file-level word filter (src/ops/vocabulary.ts): a rule whose patterns all need a `log` skips a file that does
// not mention one. It may say "mentioned" too often (then the rule runs), never too rarely.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { type AnchorOp, mentions } from '../../src/ops/vocabulary.js';

function mentionsIn(code: string, op: AnchorOp, parser?: Linter.Parser): boolean {
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
    { files: ['**/*.js'], languageOptions: { sourceType: 'module', ...(parser ? { parser } : {}) }, plugins: { t: probe as never }, rules: { 't/probe': 'error' } },
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
    ['// the log of x\nconst a = 1;', false], // the words are tokens: a comment is none
    ["const name = 'log';", true], // a string can name a member (`x[name]`): strings count
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

describe('mentions: words are whole identifiers', () => {
  it.each([
    ['Math.log1p(x)', 'log', false],
    ['Math.log1p(x)', 'log1p', true],
    ['const $log = 1, log$ = 2, _log = 3;', 'log', false],
    ['Math.expm1(x)', 'exp', false],
    ['Math.expm1(x)', 'expm1', true],
    ['export const exponent = 2;', 'exp', false],
    ["x['exp']()", 'exp', true], // a computed member access by string
    // Escaped identifiers: their text is not their name. A file with a `\u` counts every word.
    ['Math.\\u006cog(x)', 'log', true],
    ['Math.l\\u006fg(x)', 'log', true],
    ['Math.\\u{65}xp(x)', 'exp', true],
    ['const \\u0061 = 1; Math.exp(a);', 'exp', true],
    ["const s = '\\u00e9'; f(x);", 'log', true], // the price: any `\u`, here in a string
  ] as const)('%s: %s → %s', (code, op, expected) => {
    expect(mentionsIn(code, op)).toBe(expected);
  });
});

describe('mentions: sums and means (no-naive-variance, zero-prone denominators)', () => {
  it.each([
    ['tf.sum(x)', true],
    ['x.mean()', true],
    ["import { sum as total } from 'eslint-plugin-numerics/kernels';", true],
    ['xs.reduce((a, b) => a + b, 0)', true],
    ['let s = 0; for (const v of xs) s += v;', true],
    ['this.total += x;', true],
    ['const summary = a + b; const means = c;', false],
    ['let s = 0; s = s + 1;', false],
  ])('%s → %s', (code, expected) => {
    expect(mentionsIn(code, 'sum')).toBe(expected);
  });
});

describe('mentions: squares (no-naive-variance)', () => {
  it.each([
    ['x * x', true],
    ['x ** 2', true],
    ['Math.pow(x, 2)', true],
    ['tf.square(x)', true],
    ['x.square()', true],
    ['tf.mul(x, x)', true],
    ['x.mul(x)', true],
    ['const s = a + b - c / d;', false],
    ['/* x * x */ const squared = xs; // mul', false],
    ['s *= 2;', false],
    ['s **= 2;', false],
    ['x*x', true],
  ])('%s → %s', (code, expected) => {
    expect(mentionsIn(code, 'square')).toBe(expected);
  });
});

describe('mentions: the other zero-prone values', () => {
  it.each([
    ['tf.norm(x)', 'norm', true],
    ['Math.hypot(x, y)', 'norm', true],
    ['normalize(x)', 'norm', false],
    ['tf.moments(x).variance', 'variance', true],
    ["import { std } from 'eslint-plugin-numerics/kernels';", 'variance', true],
    ['Math.max(...xs) - Math.min(...xs)', 'range', true],
    ['Math.max(...xs)', 'range', false],
    ['xs.filter((x) => x > 0).length', 'count', true],
    ['xs.length', 'length', true],
    ['xs.size', 'length', false],
  ] as const)('%s: %s → %s', (code, op, expected) => {
    expect(mentionsIn(code, op)).toBe(expected);
  });
});

describe('mentions: the TF.js calls the gradient-trap rules start from', () => {
  it.each([
    ['tf.divNoNan(a, b)', 'divNoNan', true],
    ['a.divNoNan(b)', 'divNoNan', true],
    ["import { divNoNan as safeDivide } from '@tensorflow/tfjs';", 'divNoNan', true],
    ['tf.div(a, b)', 'divNoNan', false],
    ['tf.where(c, a, b)', 'where', true],
    ['const whereabouts = 1; // where', 'where', false],
    ['tf.logSumExp(x)', 'logSumExp', true],
    ["import { logSumExp as lse } from 'eslint-plugin-numerics/kernels';", 'logSumExp', true],
    ['tf.logSoftmax(x)', 'logSumExp', false],
    ['tf.euclideanNorm(x)', 'norm', true],
  ] as const)('%s: %s → %s', (code, op, expected) => {
    expect(mentionsIn(code, op)).toBe(expected);
  });
});

describe('mentions: TypeScript tokens (no offsets on the token: their names are read)', () => {
  it.each([
    ['const y = (x as number) ** 0.5;', 'sqrt', true],
    ['const y: number = x * x + Math.max(a, b);', 'square', true],
    ['let y: number = x; y *= 2;', 'square', false],
    ['const y: number = Math.\\u006cog(x);', 'log', true],
    ['let s: number = 0; for (const v of xs as number[]) s += v;', 'sum', true],
    ['type Log = { log(): void };', 'log', true],
    ['/** the mean */ const a: number = 1;', 'sum', false],
  ] as const)('%s: %s → %s', (code, op, expected) => {
    expect(mentionsIn(code, op, tsParser as Linter.Parser)).toBe(expected);
  });
});

describe('mentions: an AST without tokens', () => {
  it('cannot reach a rule: ESLint rejects it', () => {
    const parser = { parseForESLint: (text: string) => ({ ast: { type: 'Program', body: [], sourceType: 'module', range: [0, text.length], loc: { start: { line: 1, column: 0 }, end: { line: 1, column: text.length } }, comments: [] } }) };
    const lint = () => new Linter({ configType: 'flat' }).verify('const a = 1;', [{ files: ['**/*.js'], languageOptions: { parser } }], { filename: 'file.js' });
    expect(lint).toThrow(/missing the tokens array/);
  });

  it.each(['log', 'exp', 'sqrt', 'sum', 'norm', 'variance', 'range', 'count', 'length'] as const)('should one come anyway, every word counts: %s', (op) => {
    const sourceCode = { text: 'const a = 1;', ast: { type: 'Program', body: [] }, scopeManager: null };
    expect(mentions(sourceCode as never, op)).toBe(true);
  });
});
