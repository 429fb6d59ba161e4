/**
 * Which operations a file can contain at all, read off its text before any rule walks it.
 *
 * Every spelling the engine recognises names the operation with a word of the source: `Math.log`, `tf.log`,
 * `x.log()`, `xs.map(Math.log)` and `import { log as ln }` all contain the identifier `log`; kernels and local
 * helpers are recognised by their names (`logSumExp`, a function called `softmax`). A file that contains none of an
 * operation's words cannot contain the operation, so a rule whose every pattern needs it returns no listeners for
 * that file. Most code never mentions `exp` or `log`, and ESLint then neither calls nor times the rule there.
 *
 * The test is necessary, not sufficient: a word in a comment or a string keeps the rule on (it then runs as
 * before). Every rule's invalid tests run with the filter in place, so a spelling the words here miss fails them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { OpName } from './types.js';

/** A character that can continue an identifier (ASCII letters, digits, `_`, `$`). */
function isIdentifierPart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

/** Whether `text` has `name` as a whole identifier at `at`: `log` in `Math.log(`, not in `logger` or `catalog`. */
function isWordAt(text: string, at: number, length: number): boolean {
  const end = at + length;
  return (at === 0 || !isIdentifierPart(text.charCodeAt(at - 1))) && (end === text.length || !isIdentifierPart(text.charCodeAt(end)));
}

/** Whether `text` contains `name` as a whole identifier. */
function hasWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (isWordAt(text, at, name.length)) return true;
  }
  return false;
}

const CONSOLE_LOG = 'console.log';

/**
 * Whether `text` contains the word `log` other than as the global `console.log`, which is no logarithm in any
 * spelling the engine reads (it never takes the global `console` for a tensor). More than half the files that
 * say `log` say only `console.log` (the corpus: 193 of 347). A file that declares its own `console` keeps it.
 */
function hasLogWord(text: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let sawConsoleLog = false;
  for (let at = text.indexOf('log'); at >= 0; at = text.indexOf('log', at + 1)) {
    if (!isWordAt(text, at, 3)) continue;
    const start = at - 8; // where `console.` would begin
    if (start >= 0 && text.startsWith(CONSOLE_LOG, start) && isWordAt(text, start, 7) && text.charCodeAt(start - 1) !== 46 /* . */) {
      sawConsoleLog = true;
      continue;
    }
    return true;
  }
  return sawConsoleLog && declaresConsole(sourceCode);
}

/** Whether any scope of the file declares a `console` (a configured global has no definitions). */
function declaresConsole(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return (sourceCode.scopeManager?.scopes ?? []).some((scope) => (scope.set.get('console')?.defs.length ?? 0) > 0);
}

// Whether `text` has the operator `**` (or `**=`), not the `/**` or `**/` of a doc comment.
function hasPowerOperator(text: string): boolean {
  for (let at = text.indexOf('**'); at >= 0; at = text.indexOf('**', at + 2)) {
    const before = at === 0 ? 0 : text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + 2);
    if (before !== 47 && before !== 42 && after !== 47 && after !== 42) return true; // not next to `/` or `*`
  }
  return false;
}

type Spelling = (text: string, sourceCode: Readonly<TSESLint.SourceCode>) => boolean;

/** The values a division or a log can meet at zero that are not ops of their own (patterns/unguarded). */
type ZeroProneValue = 'norm' | 'variance' | 'range' | 'count' | 'length';

/**
 * The words that spell each operation a rule can anchor on. Local helpers and kernels are matched by name
 * anywhere in an identifier (`stableSoftmax`, `logSoftmax`), as the engine matches them (ops/engine.ts
 * helperOpOf, KERNEL_OPS). Each test stops at the first word it finds: cheaper, on this corpus, than one regex pass
 * that finds every word (which must read the whole text).
 */
const SPELLINGS = {
  // A sum or a mean: `tf.sum`, `x.mean()`, the kernels (an aliased import still names them), `xs.reduce(…)`, and
  // the `+=` every loop accumulator (ops/arrays) and running sum (patterns/variance) is written with.
  sum: (text) => text.includes('+=') || hasWord(text, 'sum') || hasWord(text, 'reduce') || hasWord(text, 'mean'),
  // `tf.norm`, `x.norm()`, `Math.hypot` (a root of a sum of squares is found through `sum`).
  norm: (text) => hasWord(text, 'norm') || hasWord(text, 'hypot'),
  // `tf.moments(x).variance`, the `variance` and `std` kernels.
  variance: (text) => hasWord(text, 'variance') || hasWord(text, 'std'),
  // `max(xs) − min(xs)`: `Math.max`/`tf.max`/`x.max()` (a `reduce` max calls `Math.max`) and a `min`.
  range: (text) => hasWord(text, 'max') && hasWord(text, 'min'),
  // `xs.filter(p).length`
  count: (text) => hasWord(text, 'filter'),
  length: (text) => hasWord(text, 'length'),
  log: (text, sourceCode) => hasLogWord(text, sourceCode),
  log1p: (text) => hasWord(text, 'log1p'),
  exp: (text) => hasWord(text, 'exp'),
  expm1: (text) => hasWord(text, 'expm1'),
  // `Math.sqrt`, `tf.sqrt`, and powers of 0.5 (`Math.pow(x, 0.5)`, `x ** 0.5`, `tf.pow(x, 0.5)`); the `**` of a
  // doc comment's `/**` or `**/` is not an operator.
  sqrt: (text) => hasWord(text, 'sqrt') || hasWord(text, 'pow') || hasPowerOperator(text),
  softmax: (text) => /softmax/i.test(text),
  sigmoid: (text) => /sigmoid|logistic|expit/i.test(text),
} satisfies Partial<Record<OpName | ZeroProneValue, Spelling>>;

export type AnchorOp = keyof typeof SPELLINGS;

const cache = new WeakMap<TSESTree.Program, Map<AnchorOp, boolean>>();

/** Whether the file's text names the operation in some spelling (so the operation may occur in it). */
export function mentions(sourceCode: Readonly<TSESLint.SourceCode>, op: AnchorOp): boolean {
  let known = cache.get(sourceCode.ast);
  if (!known) {
    known = new Map();
    cache.set(sourceCode.ast, known);
  }
  let found = known.get(op);
  if (found === undefined) {
    found = SPELLINGS[op](sourceCode.text, sourceCode);
    known.set(op, found);
  }
  return found;
}

/** Whether the file mentions at least one of the operations. */
export function mentionsAny(sourceCode: Readonly<TSESLint.SourceCode>, ops: readonly AnchorOp[]): boolean {
  return ops.some((op) => mentions(sourceCode, op));
}

const positions = new WeakMap<TSESTree.Program, Map<string, readonly number[]>>();

/**
 * Whether `text` occurs (as a substring) inside `range` of the file: a per-node text filter. The offsets of `text`
 * are found once per file and binary-searched, so asking for every node costs no scan of the file.
 */
export function occursWithin(sourceCode: Readonly<TSESLint.SourceCode>, text: string, range: readonly [number, number]): boolean {
  let byText = positions.get(sourceCode.ast);
  if (!byText) {
    byText = new Map();
    positions.set(sourceCode.ast, byText);
  }
  let offsets = byText.get(text);
  if (!offsets) {
    const found: number[] = [];
    for (let at = sourceCode.text.indexOf(text); at >= 0; at = sourceCode.text.indexOf(text, at + 1)) found.push(at);
    offsets = found;
    byText.set(text, offsets);
  }
  // The first offset at or after range[0].
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (offsets[mid]! < range[0]) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length && offsets[low]! + text.length <= range[1];
}
