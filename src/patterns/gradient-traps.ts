/**
 * Patterns: the TF.js gradient traps. Each was measured with @tensorflow/tfjs 4.22 on the cpu backend (the runs
 * are in tests/tf/):
 * - `tf.divNoNan` has no gradient: differentiating through it throws "Cannot compute gradient: gradient function
 *   not found for Equal." (it is `where(equal(b, 0), 0, a / b)` inside);
 * - `tf.where` whose condition comes from `greater`, `less`, `equal`, `notEqual` or `lessEqual` of a
 *   differentiated value throws the same way ("… not found for Greater."); only `greaterEqual` has a (zero) gradient;
 * - a single `tf.where(x >= ε, log(x), 0)` still differentiates `log(x)` on the unselected elements: the gradient
 *   there is `0 · Infinity = NaN` (`sqrt` and a division by the masked value likewise); reported in differentiated
 *   code only, as elsewhere the single where is the right idiom;
 * - `softmax`/`logSoftmax`/`logSumExp` of a row masked entirely with -Infinity is NaN;
 * - `tf.norm(x)` (= `sqrt(sum(x²))`) has a NaN gradient at the zero vector;
 * - `sqrt(exp(v))` overflows where `exp(v)` does (v > 88.7 in float32), and its gradient is NaN there and where
 *   `exp(v)` underflows to 0 (v < -103.9); `exp(v / 2)` is finite up to v = 177;
 * - a guard ε below ~1e-19 squares to less than float32's smallest normal (1.18e-38): the gradient of a division
 *   by it, `-a/ε²`, overflows to ±Infinity (NaN after `maximum`/`relu`), and is `0/0 = NaN` once ε² rounds to 0.
 */
import { hasSideEffect } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTypeWrappers } from '../analysis/bindings.js';
import { differentiatedFunction, tapedness, type DifferentiatedFunction } from '../analysis/differentiated.js';
import { comparisonExcludesZero } from '../analysis/guards.js';
import type { NumericsEngine } from '../ops/engine.js';
import { memberName } from '../ops/engine.js';
import { tfCall, type TfCall } from '../ops/tf-call.js';
import type { Op, Operand, OpName } from '../ops/types.js';
import { squareBase } from './variance.js';

const SQRT: ReadonlySet<OpName> = new Set<OpName>(['sqrt']);
const ROOTS: ReadonlySet<OpName> = new Set<OpName>(['sqrt', 'pow']);

const MAX_DEPTH = 10;

/** Follow an identifier to its `const` initialiser (through the engine's resolution), else the node itself. */
function follow(engine: NumericsEngine, expression: TSESTree.Node): TSESTree.Node {
  return engine.resolve({ node: expression, env: null }).node;
}

// ---------------------------------------------------------------------------------------------------------------
// no-div-no-nan-in-gradient

export interface DivNoNanMatch {
  readonly call: TfCall;
  readonly context: DifferentiatedFunction;
  readonly numerator: TSESTree.Node;
  readonly denominator: TSESTree.Node;
}

const DIV_NO_NAN = new Set(['divNoNan']);

export function detectDivNoNanInGradient(engine: NumericsEngine, node: TSESTree.Node): DivNoNanMatch | null {
  const call = tfCall(engine, node, DIV_NO_NAN);
  if (!call || call.operands.length !== 2) return null;
  const context = differentiatedFunction(engine, call.node);
  if (!context) return null;
  const [numerator, denominator] = call.operands;
  // Only constants on both sides: the op is not on the path from the differentiated values, nothing throws.
  if (tapedness(engine, context, numerator) === 'no' && tapedness(engine, context, denominator) === 'no') return null;
  return { call, context, numerator, denominator };
}

/**
 * Whether a tensor expression is provably ≥ 0 everywhere: squares, absolute values, exponentials, norms, `relu`,
 * sums, means and products of such, `maximum(·, c ≥ 0)`, constants ≥ 0. A sum of an unknown mask is not (the
 * mask could hold any number).
 */
export function isNonNegative(engine: NumericsEngine, expression: TSESTree.Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = follow(engine, expression);
  const value = constantTensor(engine, node);
  if (value !== undefined) return value >= 0;
  const op = engine.matchNode({ node, env: null });
  if (op) {
    const operands = op.operands.map((operand) => operand.node);
    switch (op.op) {
      case 'square':
      case 'abs':
      case 'exp':
      case 'sqrt':
      case 'softmax':
      case 'sigmoid':
      case 'softplus':
        return true;
      case 'sum':
      case 'mean':
      case 'max':
      case 'min':
        return isNonNegative(engine, operands[0], depth + 1);
      case 'add':
      case 'mul':
        return operands.every((operand) => isNonNegative(engine, operand, depth + 1));
      case 'maximum':
        return operands.some((operand) => isNonNegative(engine, operand, depth + 1));
      case 'clipByValue': {
        const lower = op.options[0] ? engine.staticNumber(op.options[0]) : undefined;
        return lower !== undefined && lower >= 0;
      }
      default:
        return false;
    }
  }
  const call = tfCall(engine, node, NON_NEGATIVE_TF);
  if (call) return call.name === 'cast' ? isNonNegative(engine, call.operands[0], depth + 1) : true;
  return false;
}

const NON_NEGATIVE_TF = new Set(['norm', 'euclideanNorm', 'relu', 'onesLike', 'ones', 'zerosLike', 'zeros', 'cast']);

// ---------------------------------------------------------------------------------------------------------------
// no-nan-gradient-where: the condition

/**
 * Boolean ops without a registered gradient, with the TF.js kernel named in the error. `greaterEqual` is the only
 * comparison with one (zero); `logicalXor` is built from `logicalAnd`/`logicalOr`/`logicalNot`, and backpropagation
 * reaches its `LogicalAnd` first.
 */
export const THROWING_COMPARISONS: Record<string, string> = {
  greater: 'Greater',
  less: 'Less',
  equal: 'Equal',
  notEqual: 'NotEqual',
  lessEqual: 'LessEqual',
  logicalAnd: 'LogicalAnd',
  logicalOr: 'LogicalOr',
  logicalNot: 'LogicalNot',
  logicalXor: 'LogicalAnd',
};
const THROWING_NAMES = new Set(Object.keys(THROWING_COMPARISONS));
const COMPARISONS = new Set(['greater', 'greaterEqual', 'less', 'lessEqual', 'equal', 'notEqual']);
const WHERE = new Set(['where']);

export interface ThrowingCondition {
  readonly where: TfCall;
  /** The comparison (or logical op) of a differentiated value. */
  readonly comparison: TfCall;
  readonly context: DifferentiatedFunction;
}

/** `tf.where(cond, a, b)` in differentiated code whose condition compares a differentiated value. */
export function detectThrowingConditions(engine: NumericsEngine, node: TSESTree.Node): ThrowingCondition[] {
  const where = tfCall(engine, node, WHERE);
  if (!where || where.chained || where.operands.length !== 3) return [];
  const context = differentiatedFunction(engine, where.node);
  if (!context) return [];
  const found: TfCall[] = [];
  const search = (expression: TSESTree.Node, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const current = follow(engine, expression);
    if (current.type !== AST_NODE_TYPES.CallExpression) return;
    // The first op without a gradient that backpropagation reaches (from the where back to a differentiated value).
    const comparison = tfCall(engine, current, THROWING_NAMES);
    if (comparison && comparison.operands.length >= 1 && comparison.operands.length <= 2) {
      if (comparison.operands.some((operand) => tapedness(engine, context, operand) === 'yes')) {
        found.push(comparison);
        return;
      }
      if (!comparison.name.startsWith('logical')) return;
    }
    // Through other TF.js ops on the way (logicalAnd, cast, reshape): a gradient flows back through each of them.
    const callee = skipTypeWrappers(current.callee);
    const traced = engine.tf.calls.has(current);
    const chained = callee.type === AST_NODE_TYPES.MemberExpression && engine.isTensor({ node: callee.object, env: null });
    if (!traced && !chained) return;
    if (chained) search(callee.object, depth + 1);
    for (const arg of current.arguments) if (arg.type !== AST_NODE_TYPES.SpreadElement) search(arg, depth + 1);
  };
  search(where.operands[0], 0);
  return found.map((comparison) => ({ where, comparison, context }));
}

/** `lessEqual(a, b)` is `greaterEqual(b, a)` (NaN included): the operands, when both can be written twice. */
export function swappableLessEqual(engine: NumericsEngine, comparison: TfCall): { left: TSESTree.Node; right: TSESTree.Node } | null {
  if (comparison.name !== 'lessEqual' || comparison.operands.length !== 2) return null;
  const [left, right] = comparison.operands;
  const sourceCode = engine.sourceCode;
  if (hasSideEffect(left as never, sourceCode as never) || hasSideEffect(right as never, sourceCode as never)) return null;
  return { left, right };
}

// ---------------------------------------------------------------------------------------------------------------
// no-nan-gradient-where: the masked branch

export type UnsafeKind = 'log' | 'log1p' | 'sqrt' | 'div' | 'reciprocal';

export interface MaskedBranchMatch {
  readonly where: TfCall;
  readonly condition: TSESTree.Node;
  /** The op whose gradient is NaN on the masked elements, and the masked value it takes. */
  readonly unsafe: Op;
  readonly kind: UnsafeKind;
  readonly value: TSESTree.Node;
  /** Which branch holds the unsafe op: `then` is selected where the condition holds. */
  readonly branch: 'then' | 'else';
  /** The unsafe op is written inside the `where` call itself (a fix can wrap its operand in place). */
  readonly inline: boolean;
  /** The differentiated function it is in. */
  readonly context: DifferentiatedFunction;
}

/** Where each unsafe op stops being finite or differentiable: the masked value must stay above this. */
const UNSAFE_BELOW: Record<Exclude<UnsafeKind, 'div' | 'reciprocal'>, number> = { log: 0, sqrt: 0, log1p: -1 };

interface Comparison {
  /** The masked value (the non-constant side), and the comparison read as `value <op> constant`. */
  readonly value: TSESTree.Node;
  readonly operator: '>' | '>=' | '<' | '<=' | '==' | '!=';
  readonly constant: number;
}

const COMPARISON_OPERATORS: Record<string, Comparison['operator']> = {
  greater: '>', greaterEqual: '>=', less: '<', lessEqual: '<=', equal: '==', notEqual: '!=',
};
const MIRRORED: Record<Comparison['operator'], Comparison['operator']> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=', '==': '==', '!=': '!=' };
const NEGATED: Record<Comparison['operator'], Comparison['operator']> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>', '==': '!=', '!=': '==' };

/** A constant operand of a comparison: a number, `tf.scalar(c)`, `tf.zerosLike(·)` / `tf.zeros(·)`. */
function constantTensor(engine: NumericsEngine, expression: TSESTree.Node): number | undefined {
  const node = follow(engine, expression);
  const value = engine.staticNumber(node);
  if (value !== undefined) return value;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const name = engine.tf.calls.get(node);
    if (name === 'scalar' && node.arguments[0]) return engine.staticNumber(node.arguments[0]);
    if (name === 'zerosLike' || name === 'zeros') return 0;
    if (name === 'onesLike' || name === 'ones') return 1;
  }
  return undefined;
}

function readComparison(engine: NumericsEngine, expression: TSESTree.Node): Comparison | null {
  const call = tfCall(engine, follow(engine, expression), COMPARISONS);
  if (!call || call.operands.length !== 2) return null;
  const [left, right] = call.operands;
  const operator = COMPARISON_OPERATORS[call.name];
  const rightValue = constantTensor(engine, right);
  if (rightValue !== undefined && constantTensor(engine, left) === undefined) return { value: left, operator, constant: rightValue };
  const leftValue = constantTensor(engine, left);
  if (leftValue !== undefined && rightValue === undefined) return { value: right, operator: MIRRORED[operator], constant: leftValue };
  return null;
}

/**
 * Whether the selected region (`value <operator> constant`) keeps the op's input in its domain while the
 * unselected region reaches outside it: that is when the mask is the guard and the gradient leaks NaN.
 */
function maskGuards(kind: UnsafeKind, operator: Comparison['operator'], constant: number): boolean {
  if (kind === 'div' || kind === 'reciprocal') {
    // Unsafe at 0: selected must exclude 0, so the unselected region contains it.
    return comparisonExcludesZero(operator, constant);
  }
  // log, sqrt, log1p: unsafe at and below a threshold; the selected region must be bounded below above it.
  const threshold = UNSAFE_BELOW[kind];
  if (operator === '>') return constant >= threshold;
  if (operator === '>=') return constant > threshold;
  return false;
}

const UNSAFE_OPERAND: Partial<Record<string, { kind: UnsafeKind; index: number }>> = {
  log: { kind: 'log', index: 0 },
  log1p: { kind: 'log1p', index: 0 },
  sqrt: { kind: 'sqrt', index: 0 },
  div: { kind: 'div', index: 1 },
  reciprocal: { kind: 'reciprocal', index: 0 },
};

/** Unsafe tensor ops inside a branch expression (not inside nested functions), in source order. */
function unsafeOps(engine: NumericsEngine, branch: TSESTree.Node): { op: Op; kind: UnsafeKind; operand: Operand }[] {
  const found: { op: Op; kind: UnsafeKind; operand: Operand }[] = [];
  const walk = (node: TSESTree.Node, depth: number): void => {
    if (depth > MAX_DEPTH * 2) return;
    const current = skipTypeWrappers(node);
    if (current.type !== AST_NODE_TYPES.CallExpression) return;
    const op = engine.matchNode({ node: current, env: null });
    const unsafe = op && op.domain === 'tensor' ? UNSAFE_OPERAND[op.op] : undefined;
    if (op && unsafe && op.operands[unsafe.index]) found.push({ op, kind: unsafe.kind, operand: op.operands[unsafe.index] });
    const callee = skipTypeWrappers(current.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) walk(callee.object, depth + 1);
    for (const arg of current.arguments) if (arg.type !== AST_NODE_TYPES.SpreadElement) walk(arg, depth + 1);
  };
  walk(branch, 0);
  return found;
}

export function detectMaskedBranch(engine: NumericsEngine, node: TSESTree.Node): MaskedBranchMatch | null {
  const where = tfCall(engine, node, WHERE);
  if (!where || where.chained || where.operands.length !== 3) return null;
  const [condition, thenBranch, elseBranch] = where.operands;
  const comparison = readComparison(engine, condition);
  if (!comparison) return null;
  // Outside differentiated code the single where is the right idiom (TF.js's own precision/recall metrics use it).
  const context = differentiatedFunction(engine, where.node);
  if (!context || tapedness(engine, context, comparison.value) === 'no') return null;
  const branches: ['then' | 'else', TSESTree.Node][] = [
    ['then', thenBranch],
    ['else', elseBranch],
  ];
  for (const [branch, expression] of branches) {
    const inline = skipTypeWrappers(expression).type !== AST_NODE_TYPES.Identifier;
    const operator = branch === 'then' ? comparison.operator : NEGATED[comparison.operator];
    for (const { op, kind, operand } of unsafeOps(engine, follow(engine, expression))) {
      if (!maskGuards(kind, operator, comparison.constant)) continue;
      if (!engine.sameExpression(operand.node, comparison.value) && !engine.sameExpression(follow(engine, operand.node), follow(engine, comparison.value))) continue;
      return {
        where,
        condition,
        unsafe: op,
        kind,
        value: operand.node,
        branch,
        inline,
        context,
      };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// no-infinite-mask

const MASKED_CONSUMERS = new Set(['softmax', 'logSoftmax', 'logSumExp']);
const TENSOR_CONSTRUCTORS = new Set(['tensor', 'tensor1d', 'tensor2d', 'tensor3d', 'tensor4d', 'scalar']);

export interface InfiniteMaskMatch {
  readonly consumer: Op;
  /** The expression that is -Infinity (`-Infinity`, `Number.NEGATIVE_INFINITY`, `-1/0`, a const holding it). */
  readonly source: TSESTree.Node;
}

function isNegativeInfinity(engine: NumericsEngine, node: TSESTree.Node): boolean {
  return engine.staticNumber(node) === Number.NEGATIVE_INFINITY;
}

/** A -Infinity that becomes an element of the tensor `expression`: a fill value, a tensor literal, a where branch. */
export function negativeInfinitySource(engine: NumericsEngine, expression: TSESTree.Node, depth = 0): TSESTree.Node | null {
  if (depth > MAX_DEPTH) return null;
  const node = skipTypeWrappers(expression);
  if (isNegativeInfinity(engine, node)) return node;
  const current = follow(engine, node);
  if (current !== node) return negativeInfinitySource(engine, current, depth + 1);
  switch (current.type) {
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of current.elements) {
        if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
        const found = negativeInfinitySource(engine, element, depth + 1);
        if (found) return found;
      }
      return null;
    case AST_NODE_TYPES.ConditionalExpression:
      return negativeInfinitySource(engine, current.consequent, depth + 1) ?? negativeInfinitySource(engine, current.alternate, depth + 1);
    case AST_NODE_TYPES.CallExpression:
      break;
    default:
      return null;
  }
  const args = current.arguments.filter((arg): arg is TSESTree.Expression => arg.type !== AST_NODE_TYPES.SpreadElement);
  const name = engine.tf.calls.get(current);
  let operands: TSESTree.Node[];
  if (name !== undefined) {
    if (name === 'fill') operands = args.slice(1, 2);
    else if (TENSOR_CONSTRUCTORS.has(name)) operands = args.slice(0, 1);
    else if (name === 'where') operands = args.slice(1, 3);
    else if (name === 'clipByValue') operands = args.slice(0, 1);
    else if (name === 'maximum') operands = args.filter((arg) => !isNegativeInfinity(engine, arg)); // max(x, -Inf) = x
    else if (name.includes('.') || name === 'grad' || name === 'grads') return null;
    else operands = args;
  } else {
    const callee = skipTypeWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !engine.isTensor({ node: callee.object, env: null })) return null;
    const method = memberName(callee);
    if (method === null) return null;
    if (method === 'clipByValue') operands = [callee.object];
    else if (method === 'maximum') operands = [callee.object, ...args.filter((arg) => !isNegativeInfinity(engine, arg))];
    else if (['dataSync', 'arraySync', 'data', 'array', 'shape'].includes(method)) return null;
    else operands = [callee.object, ...args];
  }
  for (const operand of operands) {
    const found = negativeInfinitySource(engine, operand, depth + 1);
    if (found) return found;
  }
  return null;
}

export function detectInfiniteMask(engine: NumericsEngine, node: TSESTree.Node): InfiniteMaskMatch | null {
  const consumer = engine.matchNode({ node, env: null });
  if (!consumer || consumer.domain !== 'tensor' || !MASKED_CONSUMERS.has(consumer.op)) return null;
  const source = negativeInfinitySource(engine, consumer.operands[0].node);
  return source ? { consumer, source } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// no-norm-gradient-at-zero

const NORMS = new Set(['norm', 'euclideanNorm']);

export interface NormMatch {
  readonly node: TSESTree.CallExpression;
  readonly context: DifferentiatedFunction;
  /** `norm`: `tf.norm`/`x.norm()`/`euclideanNorm`; `sqrt`: `sqrt(sum(square(x)))`. */
  readonly kind: 'norm' | 'sqrt';
  readonly x: TSESTree.Node;
  readonly chained: boolean;
  /** For `norm`: the axis and keepDims arguments (absent when not given). */
  readonly axis?: TSESTree.Node;
  readonly keepDims?: TSESTree.Node;
  /** For `sqrt`: the sqrt op (its operand is the sum of squares to guard). */
  readonly sqrt?: Op;
}

/** `ord` of `tf.norm` that is the Euclidean (Frobenius) norm: absent, `'euclidean'`, `'fro'`, `2`. */
function isEuclideanOrd(engine: NumericsEngine, ord: TSESTree.Node | undefined): boolean {
  if (!ord) return true;
  const node = skipTypeWrappers(ord);
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') return true;
  // A literal or a constant (`const ORD = 'euclidean'`).
  const value = engine.staticString(node) ?? engine.staticNumber(node);
  return value === 'euclidean' || value === 'fro' || value === 2;
}

export function detectNormAtZero(engine: NumericsEngine, node: TSESTree.Node): NormMatch | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  let match: Omit<NormMatch, 'context'> | null = null;
  const norm = tfCall(engine, node, NORMS);
  if (norm) {
    const [x, ...rest] = norm.operands;
    if (!x) return null;
    const [ord, axis, keepDims] = norm.name === 'norm' ? rest : [undefined, ...rest];
    if (rest.length > (norm.name === 'norm' ? 3 : 2) || !isEuclideanOrd(engine, ord)) return null;
    match = { node, kind: 'norm', x, chained: norm.chained, axis, keepDims };
  } else {
    const sqrt = engine.matchTop(node, SQRT);
    if (sqrt?.op !== 'sqrt' || sqrt.domain !== 'tensor') return null;
    const sum = engine.op(sqrt.operands[0]);
    if (sum?.op !== 'sum' || sum.domain !== 'tensor') return null;
    const square = squareBase(engine, sum.operands[0]);
    if (!square) return null;
    match = { node, kind: 'sqrt', x: square.base.node, chained: sqrt.spelling === 'tf-chained', sqrt };
  }
  const context = differentiatedFunction(engine, node);
  if (!context || tapedness(engine, context, match.x) === 'no') return null;
  return { ...match, context };
}

// ---------------------------------------------------------------------------------------------------------------
// no-sqrt-of-exp

export interface SqrtOfExpMatch {
  /** The square root: `sqrt(·)`, or `pow(·, 0.5)` / `· ** 0.5`. */
  readonly sqrt: Op;
  readonly exp: Op;
  readonly v: Operand;
}

export function detectSqrtOfExp(engine: NumericsEngine, node: TSESTree.Node): SqrtOfExpMatch | null {
  const sqrt = engine.matchTop(node, ROOTS);
  if (!sqrt || sqrt.spelling === 'map') return null;
  const isRoot = sqrt.op === 'sqrt' || (sqrt.op === 'pow' && engine.staticNumber(sqrt.operands[1].node) === 0.5);
  if (!isRoot) return null;
  const exp = engine.op(sqrt.operands[0]);
  if (exp?.op !== 'exp' || exp.spelling === 'map') return null;
  if ((exp.domain === 'tensor') !== (sqrt.domain === 'tensor')) return null;
  const v = exp.operands[0];
  if (engine.isConstant(engine.resolve(v).node)) return null;
  return { sqrt, exp, v };
}

// ---------------------------------------------------------------------------------------------------------------
// no-tiny-epsilon

/** Below this a guard ε squares to less than float32's smallest normal number (1.18e-38). */
export const TINY_EPSILON = 1e-19;

export interface TinyEpsilonMatch {
  readonly op: Op;
  readonly value: number;
  /** The node a replacement edits: the literal itself, or the initialiser of the `const` holding it. */
  readonly literal: TSESTree.Node;
}

/** A static ε: a number, a `const` holding one, or `tf.scalar(ε)`; with the node that spells the number. */
function staticEpsilon(engine: NumericsEngine, expression: TSESTree.Node): { value: number; literal: TSESTree.Node } | null {
  let node = follow(engine, expression);
  if (node.type === AST_NODE_TYPES.CallExpression && engine.tf.calls.get(node) === 'scalar' && node.arguments.length >= 1) {
    node = follow(engine, node.arguments[0]);
  }
  const value = engine.staticNumber(node);
  return value === undefined ? null : { value, literal: node };
}

/** The guards an ε sits in: `tf.add(b, ε)`, `tf.maximum(b, ε)`, `tf.clipByValue(b, ε, max)`. */
const GUARDS: ReadonlySet<OpName> = new Set<OpName>(['add', 'maximum', 'clipByValue']);

function isTiny(epsilon: { value: number } | null): boolean {
  return epsilon !== null && epsilon.value > 0 && epsilon.value < TINY_EPSILON;
}

/**
 * Whether a tiny constant is among the call's arguments or a chained call's receiver: every operand and option
 * the guards read is one of those. With a type checker it is tested before the call is recognised, which then asks
 * the checker whether the receiver is a tensor (typed-mode corpus: the rule's time 83 → 8 ms); without one the
 * recognition is syntactic and memoised for the other rules, and it goes first (this test first cost ~8 ms more
 * over the untyped corpus).
 */
function hasTinyConstant(engine: NumericsEngine, node: TSESTree.Node): boolean {
  const call = skipTypeWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && isTiny(staticEpsilon(engine, callee.object))) return true;
  return call.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isTiny(staticEpsilon(engine, argument)));
}

export function detectTinyEpsilon(engine: NumericsEngine, node: TSESTree.Node): TinyEpsilonMatch | null {
  if (!engine.mayBe(node, GUARDS) || (engine.typed && !hasTinyConstant(engine, node))) return null;
  // Not matchTop: that would ask mayBe again. An op other than the guards falls through the branches below.
  const op = engine.matchNode({ node, env: null });
  if (!op || op.domain !== 'tensor') return null;
  let candidates: TSESTree.Node[];
  if (op.op === 'add' || op.op === 'maximum') candidates = op.operands.map((operand) => operand.node);
  else if (op.op === 'clipByValue' && op.options[0]) candidates = [op.options[0]];
  else return null;
  const epsilons = candidates.map((candidate) => staticEpsilon(engine, candidate));
  // Both operands constant: a constant computation, not a guard.
  if (candidates.length === 2 && epsilons.every((epsilon) => epsilon !== null)) return null;
  for (const epsilon of epsilons) {
    if (epsilon && isTiny(epsilon)) return { op, value: epsilon.value, literal: epsilon.literal };
  }
  return null;
}
