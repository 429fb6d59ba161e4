/**
 * Pattern: a variance computed in one pass from raw moments, `E[x²] − E[x]²`, or from sums,
 * `(Σx² − (Σx)²/n) / (n − 1)`. When the mean is large relative to the spread the two terms agree in most of
 * their digits and the difference is rounding noise (data at an offset of 1e9 with unit spread loses every
 * digit in float64) and can even be negative. Two-pass algorithms (`tf.moments`, the kernel) do not cancel.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, findVariable, visit } from '../analysis/bindings.js';
import type { NumericsEngine } from '../ops/engine.js';
import { otherThanConstant } from '../ops/match.js';
import type { Op, Operand, OpName } from '../ops/types.js';

const SUB_OR_DIV: ReadonlySet<OpName> = new Set<OpName>(['sub', 'div']);
const SUB: ReadonlySet<OpName> = new Set<OpName>(['sub']);
const MOMENTS: ReadonlySet<OpName> = new Set<OpName>(['sum', 'mean', 'div']);
const MUL: ReadonlySet<OpName> = new Set<OpName>(['mul']);
const MUL_OR_DIV: ReadonlySet<OpName> = new Set<OpName>(['mul', 'div']);
const SQUARES: ReadonlySet<OpName> = new Set<OpName>(['square', 'pow', 'mul']);
const ROOTS: ReadonlySet<OpName> = new Set<OpName>(['sqrt', 'pow']);

/** A raw moment: Σx, Σx², mean(x) or mean(x²) of one input. */
interface Moment {
  readonly kind: 'sum' | 'mean';
  readonly squared: boolean;
  /** The data: a tensor or the array (element bindings unwrapped). */
  readonly input: Operand;
  /** Tensor reductions: `axis`, `keepDims`. */
  readonly options: readonly TSESTree.Node[];
  /** Array means written `sum / n`: the `n`. */
  readonly divisor: Operand | null;
  /** `stream`: running sums kept in fields or closure variables across calls. */
  readonly domain: 'tensor' | 'array' | 'stream';
  readonly ops: readonly Op[];
}

/** Owner tokens of this module's per-file memo tables (engine.memo). */
const FIELD_WRITES = {};
const VARIANCE_AT = {};

/** The assignments and updates of each `this.<name>` field in a class body (one walk per class). */
function fieldWrites(engine: NumericsEngine, classBody: TSESTree.Node): Map<string, TSESTree.Node[]> {
  const fieldWritesCache = engine.memo<Map<string, TSESTree.Node[]>>(FIELD_WRITES);
  let writes = fieldWritesCache.get(classBody);
  if (writes) return writes;
  const found = new Map<string, TSESTree.Node[]>();
  visit(classBody, (child) => {
    const target =
      child.type === AST_NODE_TYPES.AssignmentExpression ? child.left : child.type === AST_NODE_TYPES.UpdateExpression ? child.argument : null;
    if (
      target?.type === AST_NODE_TYPES.MemberExpression &&
      target.object.type === AST_NODE_TYPES.ThisExpression &&
      !target.computed &&
      target.property.type === AST_NODE_TYPES.Identifier
    ) {
      const list = found.get(target.property.name);
      if (list) list.push(child);
      else found.set(target.property.name, [child]);
    }
  });
  writes = found;
  fieldWritesCache.set(classBody, writes);
  return writes;
}

/**
 * A running sum kept across calls: a class field written `this.sum += x` in one method (and only reset to 0
 * elsewhere), or a closure variable written `sum += x` from an inner function. Returns the added term.
 */
function streamingTerm(engine: NumericsEngine, operand: Operand): Operand | null {
  const node = engine.resolve(operand).node;
  let writes: readonly TSESTree.Node[] = [];
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && !node.computed) {
    let classBody: TSESTree.Node | undefined = node.parent;
    while (classBody && classBody.type !== AST_NODE_TYPES.ClassBody) classBody = classBody.parent;
    if (!classBody) return null;
    writes = fieldWrites(engine, classBody).get((node.property as TSESTree.Identifier).name) ?? [];
  } else if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(engine.sourceCode, node);
    const declarator = variable?.defs[0]?.node;
    if (!variable || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init || engine.staticNumber(declarator.init) !== 0) return null;
    writes = variable.references.filter((ref) => ref.isWrite() && !ref.init).map((ref) => ref.identifier.parent as TSESTree.Node);
    // Accumulated from another function than the one that declares it (a loop in the same function is ops/arrays').
    if (writes.some((write) => enclosingFunction(write) === enclosingFunction(declarator))) return null;
  } else {
    return null;
  }
  const additions = writes.filter((write) => write.type === AST_NODE_TYPES.AssignmentExpression && write.operator === '+=');
  const resets = writes.filter((write) => write.type === AST_NODE_TYPES.AssignmentExpression && write.operator === '=' && engine.staticNumber(write.right) === 0);
  if (additions.length !== 1 || additions.length + resets.length !== writes.length) return null;
  return { node: (additions[0] as TSESTree.AssignmentExpression).right, env: null };
}

/** `x*x`, `x**2`, `Math.pow(x, 2)`, `tf.square(x)`, `x.square()`, `tf.mul(x, x)`, `tf.pow(x, 2)` → x */
export function squareBase(engine: NumericsEngine, operand: Operand): { base: Operand; op: Op } | null {
  const op = engine.opIf(operand, SQUARES);
  if (!op) return null;
  if (op.op === 'square') return { base: op.operands[0], op };
  if (op.op === 'pow' && engine.staticNumber(op.operands[1].node) === 2) return { base: op.operands[0], op };
  if (op.op === 'mul') {
    const [a, b] = op.operands;
    if (a.node === b.node || sameValue(engine, a, b)) return { base: a, op };
  }
  return null;
}

/** Two operands that denote the same value (after following temporaries and element bindings). */
export function sameValue(engine: NumericsEngine, a: Operand, b: Operand): boolean {
  const left = engine.resolve(a);
  const right = engine.resolve(b);
  if (left.node === right.node) return true;
  const x = engine.unwrapElement(a);
  const y = engine.unwrapElement(b);
  if (x.env === null && y.env === null && (engine.sameReference(x.node, y.node) || engine.sameExpression(x.node, y.node))) return true;
  return left.env === null && right.env === null && (engine.sameReference(left.node, right.node) || engine.sameExpression(left.node, right.node));
}

function momentOf(engine: NumericsEngine, operand: Operand): Moment | null {
  const term = streamingTerm(engine, operand);
  if (term) {
    const square = squareBase(engine, term);
    return { kind: 'sum', squared: square !== null, input: square ? square.base : term, options: [], divisor: null, domain: 'stream', ops: square ? [square.op] : [] };
  }
  const op = engine.opIf(operand, MOMENTS);
  if (!op) return null;
  if (op.op === 'sum' || op.op === 'mean') {
    if (op.domain !== 'tensor' && op.domain !== 'array') return null;
    const square = squareBase(engine, op.operands[0]);
    const input = engine.unwrapElement(square ? square.base : op.operands[0]);
    if (!engine.isFreeOfElements(input)) return null;
    return {
      kind: op.op,
      squared: square !== null,
      input,
      options: op.options,
      divisor: null,
      domain: op.domain,
      ops: square ? [op, square.op] : [op],
    };
  }
  // Array mean written as a sum divided by a count.
  if (op.op === 'div' && op.domain !== 'tensor') {
    const sum = momentOf(engine, op.operands[0]);
    if (sum?.kind !== 'sum' || sum.domain === 'tensor') return null;
    return { ...sum, kind: 'mean', divisor: op.operands[1], ops: [...sum.ops, op] };
  }
  return null;
}

function sameData(engine: NumericsEngine, a: Moment, b: Moment): boolean {
  if (a.domain !== b.domain || !sameValue(engine, a.input, b.input)) return false;
  const text = (nodes: readonly TSESTree.Node[]): string => nodes.map((n) => engine.sourceCode.getText(n)).join(',');
  if (text(a.options) !== text(b.options)) return false;
  if (a.divisor === null || b.divisor === null) return a.divisor === b.divisor;
  return sameValue(engine, a.divisor, b.divisor) || (isLengthOf(engine, a.divisor, a.input) && isLengthOf(engine, b.divisor, b.input));
}

/** `xs.length` for the data `xs` (through a `const n = xs.length`). */
export function isLengthOf(engine: NumericsEngine, count: Operand, data: Operand): boolean {
  const resolved = engine.resolve(count);
  const node = resolved.node;
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'length' &&
    sameValue(engine, { node: node.object, env: resolved.env }, data)
  );
}

export interface NaiveVarianceMatch {
  /** The node reported and replaced (the subtraction, the division by n − 1, or the enclosing sqrt). */
  readonly node: TSESTree.Node;
  readonly input: Operand;
  readonly domain: 'tensor' | 'array' | 'stream';
  /** Tensor reductions' `axis`, `keepDims`. */
  readonly options: readonly TSESTree.Node[];
  /** 0: population variance, 1: sample variance, null: the count is not the data's length (no fix). */
  readonly ddof: 0 | 1 | null;
  readonly form: 'moments' | 'sums';
  readonly ops: readonly Op[];
}

/** `E[x²] − E[x]²` at a subtraction node. */
function rawMoments(engine: NumericsEngine, sub: Op): NaiveVarianceMatch | null {
  // The squared mean first: most subtractions do not subtract a square, and that test is the cheapest.
  const squaredMean = squareBase(engine, sub.operands[1]);
  const mean = squaredMean && momentOf(engine, squaredMean.base);
  if (!squaredMean || mean?.kind !== 'mean' || mean.squared) return null;
  const meanOfSquares = momentOf(engine, sub.operands[0]);
  if (meanOfSquares?.kind !== 'mean' || !meanOfSquares.squared || !sameData(engine, meanOfSquares, mean)) return null;
  if (engine.isConstant(engine.resolve(mean.input).node)) return null;
  const countIsLength = meanOfSquares.domain !== 'stream' && (meanOfSquares.divisor === null || isLengthOf(engine, meanOfSquares.divisor, meanOfSquares.input));
  return {
    node: sub.node,
    input: mean.input,
    domain: mean.domain,
    options: mean.options,
    ddof: countIsLength ? 0 : null,
    form: 'moments',
    ops: [sub, ...meanOfSquares.ops, squaredMean.op, ...mean.ops],
  };
}

/** `Σx² − (Σx)²/n`, `Σx² − Σx·Σx/n`, `Σx² − Σx·mean`: the sum of squared deviations, n·variance. */
function sumOfSquares(engine: NumericsEngine, sub: Op): { input: Operand; count: Operand | null; ops: Op[]; streaming: boolean } | null {
  // The correction term first (a product or quotient): cheaper than reading the sum of squares.
  const correction = engine.opIf(sub.operands[1], MUL_OR_DIV);
  if (correction?.op !== 'div' && correction?.op !== 'mul') return null;
  const squares = momentOf(engine, sub.operands[0]);
  if (squares?.kind !== 'sum' || !squares.squared || squares.domain === 'tensor') return null;
  // (Σx)² / n
  if (correction.op === 'div') {
    const squaredSum = squareBase(engine, correction.operands[0]);
    const sum = squaredSum && momentOf(engine, squaredSum.base);
    if (squaredSum && sum?.kind === 'sum' && !sum.squared && sameData(engine, squares, sum)) {
      return { input: sum.input, count: correction.operands[1], ops: [sub, ...squares.ops, correction, squaredSum.op, ...sum.ops], streaming: squares.domain === 'stream' };
    }
    return null;
  }
  // n · mean², n · mean · mean
  if (correction.op === 'mul') {
    const factors: Operand[] = [];
    const muls: Op[] = [];
    const flatten = (operand: Operand): void => {
      const op = engine.op(operand);
      if (op?.op === 'mul' && op.domain !== 'tensor') {
        muls.push(op);
        op.operands.forEach(flatten);
      } else {
        factors.push(operand);
      }
    };
    flatten({ node: correction.node, env: null });
    const means: Moment[] = [];
    const counts: Operand[] = [];
    const squareOps: Op[] = [];
    for (const factor of factors) {
      const square = squareBase(engine, factor);
      const squared = square && momentOf(engine, square.base);
      const moment = momentOf(engine, factor);
      if (squared?.kind === 'mean' && !squared.squared && square) {
        means.push(squared, squared);
        squareOps.push(square.op);
      } else if (moment?.kind === 'mean' && !moment.squared) means.push(moment);
      else if (!moment) counts.push(factor);
    }
    if (means.length === 2 && counts.length === 1 && factors.length + squareOps.length === 3) {
      const [a, b] = means;
      const count = counts[0];
      const countMatches = isLengthOf(engine, count, squares.input) || (a.divisor !== null && sameValue(engine, count, a.divisor));
      if (sameValue(engine, a.input, b.input) && sameValue(engine, a.input, squares.input) && countMatches) {
        return { input: a.input, count, ops: [sub, ...squares.ops, ...muls, ...squareOps, ...a.ops, ...b.ops], streaming: squares.domain === 'stream' };
      }
    }
  }
  // Σx · mean
  if (correction.op === 'mul') {
    const [a, b] = correction.operands.map((operand) => momentOf(engine, operand));
    const sum = a?.kind === 'sum' ? a : b?.kind === 'sum' ? b : null;
    const mean = a?.kind === 'mean' ? a : b?.kind === 'mean' ? b : null;
    if (sum && mean && !sum.squared && !mean.squared && sameData(engine, squares, sum) && sameValue(engine, sum.input, mean.input)) {
      return { input: sum.input, count: mean.divisor, ops: [sub, ...squares.ops, correction, ...sum.ops, ...mean.ops], streaming: squares.domain === 'stream' };
    }
  }
  return null;
}

/** `(Σx² − (Σx)²/n) / (n − 1)` or `/ n` at a division node. */
function sumsVariance(engine: NumericsEngine, div: Op): NaiveVarianceMatch | null {
  const sub = engine.opIf(div.operands[0], SUB);
  if (sub?.op !== 'sub') return null;
  const ss = sumOfSquares(engine, sub);
  if (!ss || engine.isConstant(engine.resolve(ss.input).node)) return null;
  const streaming = ss.streaming;
  const divisorOp = engine.op(div.operands[1]);
  const minusOne = divisorOp?.op === 'sub' ? otherThanConstant(engine, divisorOp, 1, 'right') : null;
  const countOperand = minusOne ?? div.operands[1];
  const countIsLength = isLengthOf(engine, countOperand, ss.input) && (ss.count === null || isLengthOf(engine, ss.count, ss.input));
  return {
    node: div.node,
    input: ss.input,
    domain: streaming ? 'stream' : 'array',
    options: [],
    ddof: countIsLength ? (minusOne ? 1 : 0) : null,
    form: 'sums',
    ops: [div, ...ss.ops, ...(divisorOp ? [divisorOp] : [])],
  };
}

/** A naive variance at this node (a subtraction or a division), not counting an enclosing sqrt. */
export function detectNaiveVariance(engine: NumericsEngine, node: TSESTree.Node): NaiveVarianceMatch | null {
  // Asked for each node and again for the operand of each sqrt: one answer per node.
  const varianceCache = engine.memo<NaiveVarianceMatch | null>(VARIANCE_AT);
  let match = varianceCache.get(node);
  if (match === undefined) {
    match = naiveVarianceAt(engine, node);
    varianceCache.set(node, match);
  }
  return match;
}

function naiveVarianceAt(engine: NumericsEngine, node: TSESTree.Node): NaiveVarianceMatch | null {
  const op = engine.matchTop(node, SUB_OR_DIV);
  if (!op || op.spelling === 'map') return null;
  if (op.op === 'sub') return rawMoments(engine, op);
  if (op.op === 'div' && op.domain !== 'tensor') return sumsVariance(engine, op);
  return null;
}

/** `n·Σx² − (Σx)²` (regression code): n² times the variance, reported without a fix. */
export function detectScaledSumOfSquares(engine: NumericsEngine, node: TSESTree.Node): Operand | null {
  const sub = engine.matchTop(node, SUB);
  if (sub?.op !== 'sub' || sub.domain === 'tensor') return null;
  // The squared sum first: rawMoments has just asked the same of this operand (the answers are cached), and most
  // subtractions fail it, so the left operand is not resolved for them.
  const squaredSum = squareBase(engine, sub.operands[1]);
  const sum = squaredSum && momentOf(engine, squaredSum.base);
  if (sum?.kind !== 'sum' || sum.squared) return null;
  const scaled = engine.opIf(sub.operands[0], MUL);
  if (scaled?.op !== 'mul') return null;
  const [a, b] = scaled.operands;
  const squaresA = momentOf(engine, a);
  const squaresB = momentOf(engine, b);
  const squares = squaresA?.kind === 'sum' && squaresA.squared ? squaresA : squaresB?.kind === 'sum' && squaresB.squared ? squaresB : null;
  if (!squares || !sameData(engine, squares, sum)) return null;
  return engine.isConstant(engine.resolve(sum.input).node) ? null : sum.input;
}

/** `sqrt(variance)` around a naive variance written inline: a standard deviation, reported once. */
export function detectNaiveStd(engine: NumericsEngine, node: TSESTree.Node): { sqrt: Op; variance: NaiveVarianceMatch } | null {
  const sqrt = engine.matchTop(node, ROOTS);
  if (!sqrt || sqrt.spelling === 'map') return null;
  const isRoot = sqrt.op === 'sqrt' || (sqrt.op === 'pow' && engine.staticNumber(sqrt.operands[1].node) === 0.5);
  if (!isRoot) return null;
  const variance = detectNaiveVariance(engine, sqrt.operands[0].node);
  return variance ? { sqrt, variance } : null;
}
