/**
 * Which operations a file can contain at all, read off its tokens before any rule walks it.
 *
 * Every spelling the engine recognises names the operation with an identifier of the source: `Math.log`,
 * `tf.log`, `x.log()`, `xs.map(Math.log)` and `import { log as ln }` all contain the identifier `log` (and
 * `x['log']()` the string `'log'`); kernels and local helpers are recognised by their names (`logSumExp`, a
 * function called `softmax`). A file that contains none of an operation's words cannot contain the operation, so a
 * rule whose every pattern needs it skips the file (its `appliesTo` is false, util/create-rule). Most code never
 * mentions `exp`, `log` or a sum, and ESLint then neither calls nor times the rule there.
 *
 * The words are read from the parser's tokens, so a word in a comment does not keep a rule on. One pass over the
 * tokens answers every word; it costs what the `indexOf` scans of the text it replaced cost (rule time over the
 * corpus 635 against 644 ms: a scan stopped at the first word it found, the token pass reads every token). The
 * test is necessary, not sufficient. Every rule's invalid tests run with the filter in place, so a spelling the
 * words here miss fails them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { OpName } from './types.js';

/** One bit per word; `console.log` stands for a `log` that is the global `console.log` (see isGlobalConsoleLog). */
const WORD_BITS = {
  log: 1 << 0, log1p: 1 << 1, exp: 1 << 2, expm1: 1 << 3, sqrt: 1 << 4, pow: 1 << 5, sum: 1 << 6, mean: 1 << 7,
  reduce: 1 << 8, norm: 1 << 9, hypot: 1 << 10, variance: 1 << 11, std: 1 << 12, max: 1 << 13, min: 1 << 14,
  filter: 1 << 15, length: 1 << 16, '+=': 1 << 17, '**': 1 << 18, '**=': 1 << 19, 'console.log': 1 << 20,
  divNoNan: 1 << 21, where: 1 << 22, logSumExp: 1 << 23, euclideanNorm: 1 << 24, '*': 1 << 25, square: 1 << 26,
  mul: 1 << 27,
} as const;

type Word = keyof typeof WORD_BITS;

const ALL_WORDS = Object.values(WORD_BITS).reduce((all, bit) => all | bit, 0);

const IDENTIFIER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries(WORD_BITS).filter(([word]) => /^\w+$/.test(word)),
);

/**
 * A test that rejects most identifiers before the map lookup (which hashes each token's new string): whether an
 * identifier of this length may start with this character code, one bit per `length * 128 + code`.
 */
const MAY_BE_WORD = new Uint8Array(16 * 128);
for (const word of IDENTIFIER_WORDS.keys()) MAY_BE_WORD[word.length * 128 + word.charCodeAt(0)] = 1;

function mayBeWord(value: string): boolean {
  const length = value.length;
  return length < 16 && MAY_BE_WORD[length * 128 + (value.charCodeAt(0) & 127)] === 1;
}

type Token = Readonly<{ type: string; value: string }>;

/** The words among the tokens, as a set of WORD_BITS. */
function tokenWords(tokens: readonly Token[], text: string): number {
  // An identifier may be written with a `\u` escape (`Math.\u006cog`): typescript-estree's token value is then its
  // text, not its name. Such a file counts every word (8 of the corpus's 4,416 files have a `\u` anywhere).
  if (text.includes('\\u')) return ALL_WORDS;
  let found = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.type;
    if (type === 'Identifier') {
      if (!mayBeWord(token.value)) continue;
      const bit = IDENTIFIER_WORDS.get(token.value);
      if (bit === undefined) continue;
      found |= bit === WORD_BITS.log && isGlobalConsoleLog(tokens, i) ? WORD_BITS['console.log'] : bit;
    } else if (type === 'Punctuator') {
      const value = token.value;
      if (value === '+=' || value === '*' || value === '**' || value === '**=') found |= WORD_BITS[value];
    } else if (type === 'String' && token.value.length <= 12) {
      // x['exp'](): a computed member named by a string (ops/engine memberName)
      found |= IDENTIFIER_WORDS.get(token.value.slice(1, -1)) ?? 0;
    }
  }
  return found;
}

/**
 * Whether the `log` token at `at` is the global `console.log`, which is no logarithm in any spelling the engine
 * reads (it never takes the global `console` for a tensor). More than half the files that say `log` say only
 * `console.log` (the corpus: 193 of 347). `foo.console.log` is not the global; a file that declares its own
 * `console` keeps its `log` (see `log` below).
 */
function isGlobalConsoleLog(tokens: readonly Token[], at: number): boolean {
  const dot = tokens[at - 1];
  const object = tokens[at - 2];
  const before = tokens[at - 3];
  return dot?.value === '.' && object?.type === 'Identifier' && object.value === 'console' && before?.value !== '.' && before?.value !== '?.';
}

/** Whether any scope of the file declares a `console` (a configured global has no definitions). */
function declaresConsole(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return (sourceCode.scopeManager?.scopes ?? []).some((scope) => (scope.set.get('console')?.defs.length ?? 0) > 0);
}

/** The words of one file. */
class FileWords {
  readonly answers = new Map<AnchorOp, boolean>();
  /** WORD_BITS of the tokens; -1 before the first question. */
  private bits = -1;

  constructor(readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** Whether the file has at least one of the words. */
  has(...words: Word[]): boolean {
    if (this.bits === -1) {
      const tokens = (this.sourceCode.ast as { tokens?: readonly Token[] }).tokens;
      // ESLint's JavaScript SourceCode rejects an AST without tokens; should one come anyway, every word counts.
      this.bits = tokens ? tokenWords(tokens, this.sourceCode.text) : ALL_WORDS;
    }
    const bits = this.bits;
    return words.some((word) => (bits & WORD_BITS[word]) !== 0);
  }

  get text(): string {
    return this.sourceCode.text;
  }
}

type Spelling = (file: FileWords) => boolean;

/** The values a division or a log can meet at zero that are not ops of their own (patterns/unguarded). */
type ZeroProneValue = 'norm' | 'variance' | 'range' | 'count' | 'length';

/** TF.js calls outside the op model that the gradient-trap rules start from (ops/tf-call). */
type TfApi = 'divNoNan' | 'where';

/**
 * The words that spell each operation a rule can anchor on. Local helpers and kernels are matched by name
 * anywhere in an identifier (`stableSoftmax`, `logSoftmax`), as the engine matches them (ops/engine.ts
 * helperOpOf, KERNEL_OPS): those two read the text.
 */
const SPELLINGS = {
  log: (file) => file.has('log') || (file.has('console.log') && declaresConsole(file.sourceCode)),
  log1p: (file) => file.has('log1p'),
  exp: (file) => file.has('exp'),
  expm1: (file) => file.has('expm1'),
  // `Math.sqrt`, `tf.sqrt`, and powers of 0.5 (`Math.pow(x, 0.5)`, `x ** 0.5`, `x **= 0.5`, `tf.pow(x, 0.5)`).
  sqrt: (file) => file.has('sqrt', 'pow', '**', '**='),
  // A sum or a mean: `tf.sum`, `x.mean()`, the kernels (an aliased import still names them), `xs.reduce(…)`, and
  // the `+=` every loop accumulator (ops/arrays) and running sum (patterns/variance) is written with.
  sum: (file) => file.has('sum', 'mean', 'reduce', '+='),
  // `x * x`, `x ** 2`, `Math.pow(x, 2)`, `tf.square(x)`, `x.square()`, `tf.mul(x, x)`, `x.mul(x)`.
  square: (file) => file.has('*', '**', 'pow', 'square', 'mul'),
  softmax: (file) => /softmax/i.test(file.text),
  sigmoid: (file) => /sigmoid|logistic|expit/i.test(file.text),
  logSumExp: (file) => file.has('logSumExp'),
  // `tf.norm`, `tf.euclideanNorm`, `x.norm()`, `Math.hypot` (a root of a sum of squares is found through `sum`).
  norm: (file) => file.has('norm', 'euclideanNorm', 'hypot'),
  // `tf.moments(x).variance`, the `variance` and `std` kernels.
  variance: (file) => file.has('variance', 'std'),
  // `max(xs) − min(xs)`: `Math.max`/`tf.max`/`x.max()` (a `reduce` max calls `Math.max`) and a `min`.
  range: (file) => file.has('max') && file.has('min'),
  // `xs.filter(p).length`
  count: (file) => file.has('filter'),
  length: (file) => file.has('length'),
  // `tf.divNoNan(a, b)`, `a.divNoNan(b)`, `tf.where(c, a, b)` (an aliased import still names them).
  divNoNan: (file) => file.has('divNoNan'),
  where: (file) => file.has('where'),
} satisfies Partial<Record<OpName | ZeroProneValue | TfApi, Spelling>>;

export type AnchorOp = keyof typeof SPELLINGS;

const files = new WeakMap<TSESTree.Program, FileWords>();
/** The last file asked about (held until another is): every rule asks about the file being linted, so the weak map is rarely read. */
let lastFile: FileWords | null = null;

/** Whether the file names the operation in some spelling (so the operation may occur in it). */
export function mentions(sourceCode: Readonly<TSESLint.SourceCode>, op: AnchorOp): boolean {
  let file = lastFile?.sourceCode.ast === sourceCode.ast ? lastFile : files.get(sourceCode.ast);
  if (!file) {
    file = new FileWords(sourceCode);
    files.set(sourceCode.ast, file);
  }
  lastFile = file;
  let found = file.answers.get(op);
  if (found === undefined) {
    found = SPELLINGS[op](file);
    file.answers.set(op, found);
  }
  return found;
}

/** Whether the file mentions at least one of the operations. */
export function mentionsAny(sourceCode: Readonly<TSESLint.SourceCode>, ops: readonly AnchorOp[]): boolean {
  return ops.some((op) => mentions(sourceCode, op));
}
