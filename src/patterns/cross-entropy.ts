/**
 * Patterns of cross-entropy computed from probabilities instead of logits: the binary form
 * `y·log(p) + (1 − y)·log(1 − p)` with `p = sigmoid(z)`; TF.js logits APIs fed probabilities (a double
 * activation); probability APIs fed an activation whose logits are at hand; and the log of a model's
 * predictions inside a cross-entropy.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTypeWrappers } from '../analysis/bindings.js';
import type { NumericsEngine } from '../ops/engine.js';
import { otherThanConstant } from '../ops/match.js';
import type { Op, Operand, OpName } from '../ops/types.js';
import { sigmoidInput, type SignedInput } from './sigmoid.js';
import { sameValue } from './variance.js';

const ADD_OR_SUB: ReadonlySet<OpName> = new Set<OpName>(['add', 'sub']);
const SUM_OR_MEAN: ReadonlySet<OpName> = new Set<OpName>(['sum', 'mean']);
const MUL_OR_NEG: ReadonlySet<OpName> = new Set<OpName>(['mul', 'neg']);
const LOG_OR_LOG1P: ReadonlySet<OpName> = new Set<OpName>(['log', 'log1p']);

/** `factor · log(argument)` (either order). */
function logTerm(engine: NumericsEngine, operand: Operand): { factor: Operand; log: Op; argument: Operand; mul: Op } | null {
  const mul = engine.op(operand);
  if (mul?.op !== 'mul') return null;
  for (const [i, j] of [[0, 1], [1, 0]] as const) {
    const log = engine.op(mul.operands[i]);
    if (log?.op === 'log' && log.spelling !== 'map') return { factor: mul.operands[j], log, argument: log.operands[0], mul };
  }
  return null;
}

/** A model's output: `model.predict(x)`, `model.apply(x)` (probabilities of unknown origin). */
export function isModelPrediction(engine: NumericsEngine, operand: Operand): boolean {
  const node = skipTypeWrappers(engine.resolve(operand).node);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(node.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    (callee.property.name === 'predict' || callee.property.name === 'predictOnBatch')
  );
}

export interface BinaryCrossEntropyMatch {
  readonly add: Op;
  /** +1: the expression is the log-likelihood y·log(p) + (1 − y)·log(1 − p); -1: it is the loss (its negation). */
  readonly sign: 1 | -1;
  readonly labels: Operand;
  /** The probabilities `p`: a sigmoid of logits, or a model's output. */
  readonly probabilities: Operand;
  /** Set when `p` is a sigmoid: its logits. */
  readonly logits: SignedInput | null;
  readonly ops: readonly Op[];
}

/** `± factor · log(argument)`, with `log1p(-p)` read as `log(1 − p)` (complement) and `-y` factors folded in. */
interface SignedLogTerm {
  readonly sign: 1 | -1;
  readonly factor: Operand;
  readonly argument: Operand;
  /** The log is `log1p(-argument)`, i.e. log(1 − argument). */
  readonly complement: boolean;
  readonly ops: readonly Op[];
}

function signedLogTerm(engine: NumericsEngine, operand: Operand, sign: 1 | -1): SignedLogTerm | null {
  // `opIf` rejects an operand that cannot be a product or a negation by its syntax (most terms of most sums), and
  // still follows temporaries (`const a = Math.log(p); y * a + …`).
  const op = engine.opIf(operand, MUL_OR_NEG);
  if (!op || op.spelling === 'map') return null;
  if (op.op === 'neg') {
    const inner = signedLogTerm(engine, op.operands[0], sign === 1 ? -1 : 1);
    return inner && { ...inner, ops: [op, ...inner.ops] };
  }
  if (op.op !== 'mul') return null;
  for (const [i, j] of [[0, 1], [1, 0]] as const) {
    const log = engine.opIf(op.operands[j], LOG_OR_LOG1P);
    if (!log || log.spelling === 'map') continue;
    let argument: Operand | null = null;
    let complement = false;
    const ops: Op[] = [op, log];
    if (log.op === 'log') argument = log.operands[0];
    if (log.op === 'log1p') {
      const negated = engine.op(log.operands[0]);
      if (negated?.op === 'neg') {
        argument = negated.operands[0];
        complement = true;
        ops.push(negated);
      }
    }
    if (!argument) continue;
    let factor = op.operands[i];
    let factorSign = sign;
    const factorOp = engine.op(factor);
    if (factorOp?.op === 'neg') {
      factor = factorOp.operands[0];
      factorSign = sign === 1 ? -1 : 1;
      ops.push(factorOp);
    }
    return { sign: factorSign, factor, argument, complement, ops };
  }
  return null;
}

/** The two signed terms of `a + b`, `a − b` (through `add`/`sub` in any spelling). */
function twoTerms(engine: NumericsEngine, top: Op): [SignedLogTerm, SignedLogTerm] | null {
  if ((top.op !== 'add' && top.op !== 'sub') || top.spelling === 'map') return null;
  const first = signedLogTerm(engine, top.operands[0], 1);
  const second = signedLogTerm(engine, top.operands[1], top.op === 'sub' ? -1 : 1);
  return first && second ? [first, second] : null;
}

/** `1 − y` → (y, +1); `y − 1` → (y, −1). */
function complementOf(engine: NumericsEngine, operand: Operand): { value: Operand; sign: 1 | -1; op: Op } | null {
  const op = engine.op(operand);
  if (op?.op !== 'sub') return null;
  const fromOne = otherThanConstant(engine, op, 1, 'left');
  if (fromOne) return { value: fromOne, sign: 1, op };
  const minusOne = otherThanConstant(engine, op, 1, 'right');
  return minusOne ? { value: minusOne, sign: -1, op } : null;
}

/**
 * Binary cross-entropy written from probabilities, in any arrangement of signs: `y·log(p) + (1 − y)·log(1 − p)`,
 * `-y·log(p) − (1 − y)·log(1 − p)`, `(y − 1)·log1p(-p)`, …, with `p` a sigmoid (or a model's prediction).
 */
export function detectBinaryCrossEntropy(engine: NumericsEngine, node: TSESTree.Node): BinaryCrossEntropyMatch | null {
  // This runs on every + and −: test both terms by syntax before the sum is recognised (each must be able to be a
  // product or a negation; `signedLogTerm` asks the same of the operands, here without recognising anything).
  if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '+' || node.operator === '-') && !(engine.mayBe(node.left, MUL_OR_NEG) && engine.mayBe(node.right, MUL_OR_NEG))) {
    return null;
  }
  const top = engine.matchTop(node, ADD_OR_SUB);
  if (!top || (top.op !== 'add' && top.op !== 'sub')) return null;
  const terms = twoTerms(engine, top);
  if (!terms) return null;
  for (const [positive, negative] of [terms, [terms[1], terms[0]]] as const) {
    if (positive.complement) continue;
    // negative: (1 − y)·log(1 − p), written with log(1 − p) or log1p(−p)
    const labelComplement = complementOf(engine, negative.factor);
    if (!labelComplement) continue;
    let p: Operand | null = null;
    const extraOps: Op[] = [labelComplement.op];
    if (negative.complement) p = negative.argument;
    else {
      const probabilityComplement = complementOf(engine, negative.argument);
      if (probabilityComplement?.sign === 1) {
        p = probabilityComplement.value;
        extraOps.push(probabilityComplement.op);
      }
    }
    if (!p || !sameValue(engine, labelComplement.value, positive.factor) || !sameValue(engine, p, positive.argument)) continue;
    // s1·y·log p + s2·c·(1 − y)·log(1 − p) is a multiple of the log-likelihood only when s1 = s2·c.
    if (positive.sign !== negative.sign * labelComplement.sign) continue;
    const sigmoid = sigmoidInput(engine, positive.argument);
    if (!sigmoid && !isModelPrediction(engine, positive.argument)) return null;
    if (sigmoid && (sigmoid.op.domain === 'tensor') !== (top.domain === 'tensor')) return null;
    return {
      add: top,
      sign: positive.sign,
      labels: positive.factor,
      probabilities: positive.argument,
      logits: sigmoid,
      ops: [top, ...positive.ops, ...negative.ops, ...extraOps, ...(sigmoid ? [sigmoid.op] : [])],
    };
  }
  return null;
}

/** `sum(y · log(P))` (or mean) where P is a model's prediction: probabilities of unknown origin. */
export function detectCategoricalCrossEntropyOnPredictions(engine: NumericsEngine, node: TSESTree.Node): Op | null {
  const reduction = engine.matchTop(node, SUM_OR_MEAN);
  if (!reduction || (reduction.op !== 'sum' && reduction.op !== 'mean') || reduction.domain !== 'tensor') return null;
  const term = logTerm(engine, reduction.operands[0]);
  return term && isModelPrediction(engine, term.argument) ? term.log : null;
}

export type LossApiMatch =
  | {
      /** A logits API fed probabilities: `softmaxCrossEntropy(y, softmax(z))`. */
      readonly kind: 'doubleActivation';
      readonly call: TSESTree.CallExpression;
      readonly api: string;
      readonly activation: Op;
      readonly argument: TSESTree.Node;
      readonly logits: Operand;
    }
  | {
      /** A probability API fed an activation whose logits are at hand: `logLoss(y, sigmoid(z))`. */
      readonly kind: 'probabilityApi';
      readonly call: TSESTree.CallExpression;
      readonly api: string;
      readonly activation: Op;
      readonly argument: TSESTree.Node;
      readonly logits: Operand;
    };

const LOGITS_APIS: Record<string, 'softmax' | 'sigmoid'> = {
  'losses.softmaxCrossEntropy': 'softmax',
  'losses.sigmoidCrossEntropy': 'sigmoid',
};

const PROBABILITY_APIS: Record<string, 'softmax' | 'sigmoid'> = {
  'losses.logLoss': 'sigmoid',
  'metrics.binaryCrossentropy': 'sigmoid',
  'metrics.categoricalCrossentropy': 'softmax',
};

export function detectLossApiMisuse(engine: NumericsEngine, node: TSESTree.CallExpression): LossApiMatch | null {
  const api = engine.tf.calls.get(node);
  if (!api || node.arguments.length < 2) return null;
  const argument = node.arguments[1];
  const activation = engine.op({ node: argument, env: null });
  if (!activation || activation.domain !== 'tensor') return null;
  const expected = LOGITS_APIS[api] ?? PROBABILITY_APIS[api];
  if (!expected || activation.op !== expected) return null;
  const kind = LOGITS_APIS[api] ? 'doubleActivation' : 'probabilityApi';
  return { kind, call: node, api, activation, argument, logits: activation.operands[0] };
}
