/**
 * Patterns of the sigmoid family: a sigmoid in any spelling (TF.js, kernel, local helper, or written out as
 * `1 / (1 + exp(-x))` or `exp(x) / (1 + exp(x))`), its log (`log(sigmoid(x))`, `log(1 - sigmoid(x))`),
 * softplus written `log(1 + exp(x))` / `log1p(exp(x))`, and `tanh` written with exponentials.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { NumericsEngine } from '../ops/engine.js';
import { otherThanConstant } from '../ops/match.js';
import type { Op, Operand, OpName } from '../ops/types.js';

const LOGS: ReadonlySet<OpName> = new Set<OpName>(['log', 'log1p']);
const QUOTIENTS: ReadonlySet<OpName> = new Set<OpName>(['div', 'reciprocal']);

/** `f(x)` or `f(-x)`: the input of a sigmoid-family function and whether it must be negated. */
export interface SignedInput {
  readonly x: Operand;
  /** The function's argument is `-x`. */
  readonly negated: boolean;
  /** `x` was used as a tensor receiver (`x.exp()`), so a chained fix (`x.softplus()`) is safe on it. */
  readonly chainable: boolean;
}

/** Two operands with the same value: one node reached twice (through a temporary), a reference, or a pure expression. */
function sameOperand(engine: NumericsEngine, a: Operand, b: Operand): boolean {
  const x = engine.resolve(a).node;
  const y = engine.resolve(b).node;
  return x === y || engine.sameReference(x, y) || engine.sameExpression(x, y);
}

/** `exp(E)` → E, with `exp(-y)` read as `y` negated. */
function exponent(engine: NumericsEngine, operand: Operand): SignedInput | null {
  const exp = engine.op(operand);
  if (exp?.op !== 'exp' || exp.spelling === 'map') return null;
  const inner = engine.op(exp.operands[0]);
  if (inner?.op === 'neg') return { x: inner.operands[0], negated: true, chainable: inner.spelling === 'tf-chained' };
  return { x: exp.operands[0], negated: false, chainable: exp.spelling === 'tf-chained' };
}

/** `1 + exp(E)` (either order) → the signed E. */
function onePlusExp(engine: NumericsEngine, operand: Operand): SignedInput | null {
  const add = engine.op(operand);
  if (add?.op !== 'add') return null;
  const other = otherThanConstant(engine, add, 1, 'either');
  return other ? exponent(engine, other) : null;
}

/** A written-out sigmoid: `1 / (1 + exp(-x))`, `reciprocal(1 + exp(-x))`, `exp(x) / (1 + exp(x))`. */
export function writtenSigmoid(engine: NumericsEngine, op: Op): SignedInput | null {
  if (op.op === 'div') {
    const denominator = onePlusExp(engine, op.operands[1]);
    if (!denominator) return null;
    if (engine.staticNumber(op.operands[0].node) === 1) return { x: denominator.x, negated: !denominator.negated, chainable: denominator.chainable };
    const numerator = exponent(engine, op.operands[0]);
    if (numerator && numerator.negated === denominator.negated && sameOperand(engine, numerator.x, denominator.x)) {
      return numerator; // exp(x) / (1 + exp(x)) = sigmoid(x)
    }
    return null;
  }
  if (op.op === 'reciprocal') {
    const denominator = onePlusExp(engine, op.operands[0]);
    return denominator ? { x: denominator.x, negated: !denominator.negated, chainable: denominator.chainable } : null;
  }
  return null;
}

/** Any sigmoid: a known sigmoid op, or written out. */
export function sigmoidInput(engine: NumericsEngine, operand: Operand): (SignedInput & { op: Op }) | null {
  const op = engine.op(operand);
  if (!op) return null;
  if (op.op === 'sigmoid') return { x: op.operands[0], negated: false, chainable: op.spelling === 'tf-chained', op };
  const written = writtenSigmoid(engine, op);
  return written ? { ...written, op } : null;
}

export type LogSigmoidMatch = { readonly kind: 'logSigmoid' | 'softplus'; readonly outer: Op; readonly input: SignedInput; readonly inner: Op };

/**
 * `log(sigmoid(x))` → logSigmoid(x); `log(1 - sigmoid(x))` and `log1p(-sigmoid(x))` → logSigmoid(-x);
 * `log(1 + exp(x))` and `log1p(exp(x))` → softplus(x).
 */
export function detectLogSigmoid(engine: NumericsEngine, node: TSESTree.Node): LogSigmoidMatch | null {
  const outer = engine.matchTop(node, LOGS);
  if (!outer || outer.spelling === 'map' || (outer.op !== 'log' && outer.op !== 'log1p')) return null;
  const argument = engine.op(outer.operands[0]);
  if (!argument) return null;
  const sameDomain = (op: Op): boolean => (op.domain === 'tensor') === (outer.domain === 'tensor');

  if (outer.op === 'log') {
    const sigmoid = sigmoidInput(engine, outer.operands[0]);
    if (sigmoid && sameDomain(sigmoid.op)) return { kind: 'logSigmoid', outer, input: sigmoid, inner: sigmoid.op };
    if (argument.op === 'sub') {
      const other = otherThanConstant(engine, argument, 1, 'left');
      const complement = other && sigmoidInput(engine, other);
      if (complement && sameDomain(complement.op)) return { kind: 'logSigmoid', outer, input: { x: complement.x, negated: !complement.negated, chainable: complement.chainable }, inner: argument };
    }
    if (argument.op === 'add') {
      const softplus = onePlusExp(engine, outer.operands[0]);
      if (softplus && sameDomain(argument)) return { kind: 'softplus', outer, input: softplus, inner: argument };
    }
    return null;
  }
  // log1p
  if (argument.op === 'neg') {
    const complement = sigmoidInput(engine, argument.operands[0]);
    if (complement && sameDomain(complement.op)) return { kind: 'logSigmoid', outer, input: { x: complement.x, negated: !complement.negated, chainable: complement.chainable }, inner: argument };
    return null;
  }
  const softplus = exponent(engine, outer.operands[0]);
  if (softplus && sameDomain(argument)) return { kind: 'softplus', outer, input: softplus, inner: argument };
  return null;
}

export type NaiveSigmoidMatch = { readonly kind: 'sigmoid' | 'tanh'; readonly outer: Op; readonly input: SignedInput };

/** `2 * x`, `x * 2` → x */
function twice(engine: NumericsEngine, operand: Operand): Operand | null {
  const mul = engine.op(operand);
  return mul?.op === 'mul' ? otherThanConstant(engine, mul, 2, 'either') : null;
}

/**
 * `exp(x) / (1 + exp(x))` (NaN above ~709.8 in float64, ~88.7 in float32); in tensor code also
 * `1 / (1 + exp(-x))` (its gradient is NaN for large negative x); `tanh` written as
 * `(exp(2x) - 1) / (exp(2x) + 1)` or `(exp(x) - exp(-x)) / (exp(x) + exp(-x))`.
 */
export function detectNaiveSigmoid(engine: NumericsEngine, node: TSESTree.Node): NaiveSigmoidMatch | null {
  const outer = engine.matchTop(node, QUOTIENTS);
  if (!outer || outer.spelling === 'map' || (outer.op !== 'div' && outer.op !== 'reciprocal')) return null;

  const written = writtenSigmoid(engine, outer);
  if (written) {
    const numeratorIsExp = outer.op === 'div' && engine.staticNumber(outer.operands[0].node) !== 1;
    if (numeratorIsExp || outer.domain === 'tensor') {
      if (engine.isConstant(engine.resolve(written.x).node)) return null;
      return { kind: 'sigmoid', outer, input: written };
    }
    return null;
  }
  if (outer.op !== 'div') return null;
  const numerator = engine.op(outer.operands[0]);
  const denominator = engine.op(outer.operands[1]);
  if (numerator?.op !== 'sub' || denominator?.op !== 'add') return null;
  // (exp(2x) - 1) / (exp(2x) + 1)
  const top = otherThanConstant(engine, numerator, 1, 'right');
  const bottom = otherThanConstant(engine, denominator, 1, 'either');
  if (top && bottom) {
    const a = exponent(engine, top);
    const b = exponent(engine, bottom);
    const x = a && !a.negated ? twice(engine, a.x) : null;
    const y = b && !b.negated ? twice(engine, b.x) : null;
    if (x && y && sameOperand(engine, x, y) && !engine.isConstant(engine.resolve(x).node)) {
      return { kind: 'tanh', outer, input: { x, negated: false, chainable: false } };
    }
    return null;
  }
  // (exp(x) - exp(-x)) / (exp(x) + exp(-x))
  const [p, q] = numerator.operands.map((operand) => exponent(engine, operand));
  const [r, s] = denominator.operands.map((operand) => exponent(engine, operand));
  if (!p || !q || !r || !s || p.negated || !q.negated) return null;
  const same = (u: Operand, v: Operand): boolean => sameOperand(engine, u, v);
  const denominatorMatches = (!r.negated && s.negated && same(r.x, p.x) && same(s.x, p.x)) || (r.negated && !s.negated && same(r.x, p.x) && same(s.x, p.x));
  if (same(p.x, q.x) && denominatorMatches && !engine.isConstant(engine.resolve(p.x).node)) return { kind: 'tanh', outer, input: { x: p.x, negated: false, chainable: false } };
  return null;
}
