/**
 * Values that are zero for ordinary inputs, and their use unguarded as a denominator or a log argument: a sum
 * (of squares), a norm, a standard deviation or variance, a range `max − min`, a count of matches
 * (`xs.filter(p).length`), and — on request — a length. A sum of exponentials is never zero (until it
 * underflows, which the log-sum-exp and softmax rules cover), so it is not one of them.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTypeWrappers } from '../analysis/bindings.js';
import { isGuardedAgainstZero } from '../analysis/guards.js';
import type { NumericsEngine } from '../ops/engine.js';
import { memberName } from '../ops/engine.js';
import type { Op, Operand, OpName } from '../ops/types.js';
import type { AnchorOp } from '../ops/vocabulary.js';
import { squareBase } from './variance.js';

const DIV: ReadonlySet<OpName> = new Set<OpName>(['div']);
const MUL: ReadonlySet<OpName> = new Set<OpName>(['mul']);
const LOG: ReadonlySet<OpName> = new Set<OpName>(['log']);

export type ZeroSourceKind = 'sum' | 'sum of squares' | 'norm' | 'standard deviation' | 'variance' | 'range' | 'count' | 'length';

export interface ZeroSource {
  readonly kind: ZeroSourceKind;
  /** The data the value is computed from (its emptiness check also guards). */
  readonly data: TSESTree.Node | null;
  /** The value cannot be negative (so `max(d, eps)` is a faithful guard). */
  readonly nonNegative: boolean;
  readonly domain: 'tensor' | 'number';
}

/** For which inputs each kind of value is 0 (the messages of both rules say it). */
export const ZERO_WHEN: Record<ZeroSourceKind, string> = {
  sum: 'all-zero or empty input',
  'sum of squares': 'an all-zero or empty input',
  norm: 'the zero vector',
  'standard deviation': 'constant input',
  variance: 'constant input',
  range: 'constant input',
  count: 'input with no match',
  length: 'empty input',
};

/**
 * The words behind every kind above (ops/vocabulary): a file that names none of them holds no zero-prone value.
 * `length` only counts when lengths are checked.
 */
export const ZERO_PRONE_WORDS: readonly AnchorOp[] = ['sum', 'norm', 'variance', 'range', 'count'];

const STAT_KERNELS: Record<string, ZeroSourceKind> = { std: 'standard deviation', variance: 'variance' };

/** The object of a member read, seen through a `const` temporary (`hits` in `hits.length`). */
function throughTemporary(engine: NumericsEngine, object: TSESTree.Node, env: Operand['env']): TSESTree.Node {
  const inner = skipTypeWrappers(object);
  return inner.type === AST_NODE_TYPES.Identifier ? skipTypeWrappers(engine.resolve({ node: inner, env }).node) : inner;
}

/** What kind of zero-prone value the operand is, or null. */
export function zeroSource(engine: NumericsEngine, operand: Operand, options: { checkLength: boolean }): ZeroSource | null {
  // Written as a literal or as a sum, product or quotient, it is none of the values below (a range is a difference).
  const written = skipTypeWrappers(operand.node);
  if (written.type === AST_NODE_TYPES.Literal || (written.type === AST_NODE_TYPES.BinaryExpression && written.operator !== '-')) return null;
  const resolved = engine.resolve(operand);
  const node = skipTypeWrappers(resolved.node);
  const op = engine.matchNode({ node, env: resolved.env });
  if (op) return zeroSourceOfOp(engine, op, options);

  if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'length') {
    // xs.filter(p).length: a count of matches (the filtered array may be a temporary: `const hits = xs.filter(p)`)
    const object = throughTemporary(engine, node.object, resolved.env);
    // Array.prototype.filter takes a predicate: `stats.filter()` on some other object is not a count of matches.
    const predicate = object.type === AST_NODE_TYPES.CallExpression && object.arguments.length === 1 ? object.arguments[0] : null;
    const isPredicate =
      predicate?.type === AST_NODE_TYPES.ArrowFunctionExpression || predicate?.type === AST_NODE_TYPES.FunctionExpression || predicate?.type === AST_NODE_TYPES.Identifier;
    if (isPredicate && object.type === AST_NODE_TYPES.CallExpression && object.callee.type === AST_NODE_TYPES.MemberExpression && memberName(object.callee) === 'filter') {
      return { kind: 'count', data: object.callee.object, nonNegative: true, domain: 'number' };
    }
    return options.checkLength ? { kind: 'length', data: node.object, nonNegative: true, domain: 'number' } : null;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'variance') {
    // tf.moments(x).variance, also through a temporary (`const m = tf.moments(x); m.variance`)
    const object = throughTemporary(engine, node.object, resolved.env);
    if (object.type === AST_NODE_TYPES.CallExpression && engine.tf.calls.get(object) === 'moments') {
      return { kind: 'variance', data: object.arguments[0] ?? null, nonNegative: true, domain: 'tensor' };
    }
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTypeWrappers(node.callee);
    if (engine.tf.calls.get(node) === 'norm') return { kind: 'norm', data: node.arguments[0] ?? null, nonNegative: true, domain: 'tensor' };
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'norm' && node.arguments.length <= 3 && engine.isTensor({ node: callee.object, env: null })) {
      return { kind: 'norm', data: callee.object, nonNegative: true, domain: 'tensor' };
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const kernel = engine.kernelBindings.get(callee.name);
      if (kernel && STAT_KERNELS[kernel]) return { kind: STAT_KERNELS[kernel], data: node.arguments[0] ?? null, nonNegative: true, domain: 'number' };
    }
    if (engine.isMathCall(node, 'hypot')) {
      // Math.hypot(nx, 1, nz) ≥ 1: a nonzero constant term keeps the norm away from 0.
      if (node.arguments.some((arg) => (engine.staticNumber(arg) ?? 0) !== 0)) return null;
      return { kind: 'norm', data: null, nonNegative: true, domain: 'number' };
    }
  }
  return null;
}

function zeroSourceOfOp(engine: NumericsEngine, op: Op, options: { checkLength: boolean }): ZeroSource | null {
  const domain = op.domain === 'tensor' ? 'tensor' : 'number';
  if (op.op === 'sum') {
    const term = engine.op(op.operands[0]);
    if (term?.op === 'exp') return null; // positive, see the module comment
    const data = engine.unwrapElement(op.operands[0]).node;
    const square = squareBase(engine, op.operands[0]);
    if (square) return { kind: 'sum of squares', data: engine.unwrapElement(square.base).node, nonNegative: true, domain };
    return { kind: 'sum', data, nonNegative: term?.op === 'abs', domain };
  }
  if (op.op === 'sqrt') {
    const inner = zeroSource(engine, op.operands[0], options);
    if (inner?.kind === 'sum of squares') return { ...inner, kind: 'norm' };
    if (inner?.kind === 'variance') return { ...inner, kind: 'standard deviation' };
    return null;
  }
  if (op.op === 'sub') {
    // max(xs) − min(xs)
    const [high, low] = op.operands.map((operand) => engine.op(operand));
    if (high?.op === 'max' && low?.op === 'min') {
      const a = engine.unwrapElement(high.operands[0]).node;
      const b = engine.unwrapElement(low.operands[0]).node;
      if (engine.sameReference(a, b)) return { kind: 'range', data: a, nonNegative: true, domain };
    }
  }
  return null;
}

/** Whether the code around `use` excludes zero for `value` (written as `written` at the use). */
export function isZeroGuarded(engine: NumericsEngine, use: TSESTree.Node, written: TSESTree.Node, source: ZeroSource): boolean {
  const isSubject = (candidate: TSESTree.Node): boolean => {
    const inner = skipTypeWrappers(candidate);
    if (engine.sameReference(inner, written) || engine.sameExpression(inner, written)) return true;
    // `xs.length > 0` guards a value computed from `xs`
    return source.data !== null && inner.type === AST_NODE_TYPES.MemberExpression && memberName(inner) === 'length' && engine.sameReference(inner.object, source.data);
  };
  return isGuardedAgainstZero(engine, use, isSubject);
}

export interface UnguardedDivision {
  readonly div: Op;
  readonly numerator: Operand;
  readonly denominator: Operand;
  readonly source: ZeroSource;
}

export function detectUnguardedDivision(engine: NumericsEngine, node: TSESTree.Node, options: { checkLength: boolean }): UnguardedDivision | null {
  const div = engine.matchTop(node, DIV);
  if (div?.op !== 'div' || div.spelling === 'map') return null;
  const [numerator, denominator] = div.operands;
  const source = zeroSource(engine, denominator, options);
  if (!source || (source.domain === 'tensor') !== (div.domain === 'tensor')) return null;
  if (engine.isConstant(denominator.node)) return null;
  if (isZeroGuarded(engine, div.node, denominator.node, source)) return null;
  return { div, numerator, denominator, source };
}

export type UnguardedLog =
  | { readonly kind: 'entropy'; readonly mul: Op; readonly log: Op; readonly p: Operand; readonly argument: Operand }
  | { readonly kind: 'zeroSource'; readonly log: Op; readonly argument: Operand; readonly source: ZeroSource; readonly ratio: boolean };

/** `p · log(p)`, `p · log(p / q)` (NaN at p = 0 where the maths says 0). */
export function detectEntropyTerm(engine: NumericsEngine, node: TSESTree.Node): UnguardedLog | null {
  const mul = engine.matchTop(node, MUL);
  if (mul?.op !== 'mul' || mul.spelling === 'map') return null;
  for (const [i, j] of [[0, 1], [1, 0]] as const) {
    const log = engine.op(mul.operands[j]);
    if (log?.op !== 'log' || log.spelling === 'map') continue;
    const p = mul.operands[i];
    const argument = log.operands[0];
    const ratio = engine.op(argument);
    const inside = ratio?.op === 'div' ? ratio.operands[0] : argument;
    if (engine.isConstant(p.node)) return null;
    if (engine.sameReference(skipTypeWrappers(inside.node), skipTypeWrappers(p.node))) return { kind: 'entropy', mul, log, p, argument };
  }
  return null;
}

export function detectUnguardedLog(engine: NumericsEngine, node: TSESTree.Node, options: { checkLength: boolean }): UnguardedLog | null {
  const log = engine.matchTop(node, LOG);
  if (log?.op !== 'log' || log.spelling === 'map') return null;
  const argument = log.operands[0];
  const ratio = engine.op(argument);
  const zeroProne = ratio?.op === 'div' && ratio.spelling !== 'map' ? ratio.operands[0] : argument;
  const source = zeroSource(engine, zeroProne, options);
  if (!source || (source.domain === 'tensor') !== (log.domain === 'tensor')) return null;
  if (isZeroGuarded(engine, log.node, zeroProne.node, source) || isZeroGuarded(engine, log.node, argument.node, source)) return null;
  return { kind: 'zeroSource', log, argument, source, ratio: zeroProne !== argument };
}
